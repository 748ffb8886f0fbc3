// What the history records of the things a decision rests on, besides cases: staff
// (who may act, where, as which login), residents' flags (who is eligible), the
// working-day calendar (when a case is due) and the settings (how sqgl checks who
// is acting). Each change writes the state it leaves into its event, so that
// `sqgl check` can replay the tables from the history (core/replay.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"

namespace sqgl::core {

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

/// The flags a resident carries as bits, in kResidentFlags order (pregnant = 1,
/// disabled = 2, low_income = 4, party_member = 8, unemployed = 16).
using FlagBits = int;

/// Residents whose flags a batch set, as its event carries them: [[row id, bits], …].
class FlagList {
 public:
  /// Notes a resident written with `bits` (a new resident with none is left out).
  void add(std::int64_t resident_id, FlagBits bits, bool is_new);
  nlohmann::json json() const;

 private:
  std::vector<std::pair<std::int64_t, FlagBits>> entries_;
};

/// A calendar year as its event carries it: the notice and every marked day.
nlohmann::json calendar_year_json(const SQLite::Database& db, int year);

}  // namespace sqgl::core
