// Staff: who works where, in which roles, as which login; the acting operator
// (`--as`, or the process's own user under peer authentication); and the staff
// member as the history records them.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"

#include "core/model/vocabulary.h"

namespace sqgl::core {

/// The acting staff member (`--as`), resolved against the staff table.
struct Operator {
  std::int64_t id = 0;
  std::string staff_no;
  std::string name;
  std::int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  std::string unit_kind;
  std::int64_t community_id = 0;  ///< the community of a station, committee or party unit; else 0
  std::string community_code;     ///< that community's code, or ""
  std::string community_name;     ///< and its Chinese name, or ""
  std::vector<Role> roles;
  /// True when the operator holds `role`.
  bool has_role(Role role) const;
};

/// Who is acting. Under `auth trust`, `staff_no` (from --as or $SQGL_OPERATOR):
/// InvalidInput when none is given. Under `auth peer`, the staff member whose
/// login `login()` returns (the process's real user; asked only under peer, since
/// looking it up reads the password database): PermissionDenied when no staff
/// member has that login, or when `staff_no` names someone else. Either way,
/// PermissionDenied for an unknown or inactive staff member. With `peer_always`
/// (a caller with borrowed rights, core/base/caller.h) peer applies whatever the
/// setting says: who acts through a setgid sqgl is who the kernel says.
Operator resolve_operator(const SQLite::Database& db, const std::optional<std::string>& staff_no,
                          const std::function<std::string()>& login = {}, bool peer_always = false);

/// The real user id's login name (getpwuid, never $USER), or "" when it has none.
std::string process_login();

/// A staff member as shown by `sqgl staff`.
struct StaffMember {
  std::string staff_no;
  std::string name;
  std::string unit_code;
  std::string unit_name;
  std::string unit_kind;
  std::vector<std::string> roles;
  std::string grid;  ///< the grid code the member holds, or ""
  bool active = true;
};

/// Filters for list_staff; empty means any.
struct StaffFilter {
  std::string unit;  ///< a unit code; a community code also matches its station, committee and party units
  std::string role;
};

/// Staff members in staff-number order. An unknown unit is NotFound, an unknown role InvalidInput.
std::vector<StaffMember> list_staff(const SQLite::Database& db, const StaffFilter& filter = {});

/// Throws NotFound unless a staff member has this staff number.
void require_staff(const SQLite::Database& db, const std::string& staff_no);

/// Throws InvalidInput unless `role` is one of the roles (worker, head, director, …).
void require_role(const SQLite::Database& db, const std::string& role);

/// A staff member as written.
struct StaffRow {
  std::string staff_no, name;
  std::int64_t unit = 0;        ///< the unit's row id
  std::string phone, login;     ///< "" when none
  bool active = true;
  std::vector<std::string> roles;
};

/// The one writer of the staff and staff_roles tables, for imports and the demo.
class StaffWriter {
 public:
  explicit StaffWriter(SQLite::Database& db);
  ~StaffWriter();
  StaffWriter(const StaffWriter&) = delete;
  StaffWriter& operator=(const StaffWriter&) = delete;
  /// Returns the new row id.
  std::int64_t add(const StaffRow& staff);
  /// Everything but the staff number, roles replaced.
  void update(std::int64_t id, const StaffRow& staff);

 private:
  void add_roles(std::int64_t id, const std::vector<std::string>& roles);
  SQLite::Database& db_;
  std::optional<SQLite::Statement> add_, update_, clear_roles_, add_role_;
};

/// A staff member as the history records them.
struct StaffRecord {
  std::string staff_no, name, unit;  ///< unit: its code
  std::vector<std::string> roles;    ///< sorted
  std::string login;                 ///< "" when none
  bool active = true;
  bool operator==(const StaffRecord&) const = default;
};

nlohmann::json staff_record_json(const StaffRecord& staff);
StaffRecord staff_record_from_json(const nlohmann::json& json);

/// Every staff member as the tables hold them, by staff number.
std::map<std::string, StaffRecord> read_staff_records(const SQLite::Database& db);

/// Appends the event `kind` ("staff.add", "staff.change") about staff member
/// `staff_no`, carrying the record the tables now hold for them.
void record_staff(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                  const std::string& kind, const std::string& staff_no);

}  // namespace sqgl::core
