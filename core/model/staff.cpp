#include "core/model/staff.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/row.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/settings.h"

namespace sqgl::core {

using nlohmann::json;

bool Operator::has_role(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Operator resolve_operator(const SQLite::Database& db, const std::optional<std::string>& claimed,
                          const std::function<std::string()>& process_login, bool peer_always) {
  std::optional<std::string> staff_no = claimed;
  if (peer_always || auth_mode(db) == AuthMode::peer) {
    // Under borrowed rights the setting may say trust: say why peer applies anyway.
    const char* why = auth_mode(db) == AuthMode::peer
                          ? N_("this database uses peer authentication")
                          : N_("sqgl runs with its group's rights for you, so you act as your login");
    const std::string login = process_login ? process_login() : std::string();
    if (login.empty())
      throw PermissionDenied([&] { return tr("{}, and this process's user has no login name", translate(why)); });
    SQLite::Statement by_login(db, "SELECT staff_no FROM staff WHERE login = ?");
    by_login.bind(1, login);
    if (!by_login.executeStep()) {
      throw PermissionDenied([&] {
        return tr("{}, and login {} is no staff member's (ask the admin to set it)", translate(why),
                  errors::quote(login));
      });
    }
    std::string own = by_login.getColumn(0).getString();
    if (staff_no && !staff_no->empty() && *staff_no != own) {
      throw PermissionDenied([&] {
        return tr("login {} is staff member {}, not {} (peer authentication)", errors::quote(login), errors::quote(own),
                  errors::quote(*staff_no));
      });
    }
    staff_no = std::move(own);
  }
  if (!staff_no || staff_no->empty()) {
    throw InvalidInput(_("who is acting? give --as STAFF_NO or set SQGL_OPERATOR"));
  }
  // One statement: the staff member, their unit, its community and their roles.
  SQLite::Statement q(db,
                      "SELECT s.id, s.staff_no, s.name, s.active, u.id, u.code, u.name_zh, u.kind, "
                      "  COALESCE(cm.id, 0), COALESCE(cm.code, ''), COALESCE(cm.name_zh, ''), "
                      "  (SELECT group_concat(role, ' ') FROM staff_roles WHERE staff_id = s.id) "
                      "FROM staff s JOIN units u ON u.id = s.unit_id "
                      "LEFT JOIN units cm ON cm.id = u.parent_id AND u.kind IN ('station', 'committee', 'party') "
                      "WHERE s.staff_no = ?");
  q.bind(1, *staff_no);
  if (!q.executeStep()) throw PermissionDenied([&] { return tr("unknown operator {}", errors::quote(*staff_no)); });
  if (q.getColumn(3).getInt() == 0) {
    throw PermissionDenied([&] { return tr("operator {} is not active", errors::quote(*staff_no)); });
  }
  Operator op;
  op.id = q.getColumn(0).getInt64();
  op.staff_no = q.getColumn(1).getString();
  op.name = q.getColumn(2).getString();
  op.unit_id = q.getColumn(4).getInt64();
  op.unit_code = q.getColumn(5).getString();
  op.unit_name = q.getColumn(6).getString();
  op.unit_kind = q.getColumn(7).getString();
  op.community_id = q.getColumn(8).getInt64();
  op.community_code = q.getColumn(9).getString();
  op.community_name = q.getColumn(10).getString();
  // Role codes are single words (schema: roles.code); group_concat's order is
  // SQLite's to choose, so they are sorted here.
  const std::string roles = text_or_empty(q.getColumn(11));
  for (std::size_t start = 0; start < roles.size();) {
    std::size_t space = roles.find(' ', start);
    if (space == std::string::npos) space = roles.size();
    op.roles.push_back(stored<Role>(std::string_view(roles).substr(start, space - start)));
    start = space + 1;
  }
  std::sort(op.roles.begin(), op.roles.end());
  return op;
}

std::string process_login() {
  // The real user id, as PostgreSQL's peer method asks the kernel: $USER and
  // $LOGNAME are whatever the caller set.
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) return "";
  return found->pw_name;
}

void require_staff(const SQLite::Database& db, const std::string& staff_no) {
  SQLite::Statement q(db, "SELECT 1 FROM staff WHERE staff_no = ?");
  q.bind(1, staff_no);
  if (!q.executeStep()) throw NotFound(tr("unknown staff number {}", errors::quote(staff_no)));
}

void require_role(const SQLite::Database& db, const std::string& role) {
  std::vector<std::string> codes;
  SQLite::Statement all(db, "SELECT code FROM roles ORDER BY code");
  while (all.executeStep()) codes.push_back(all.getColumn(0).getString());
  if (std::find(codes.begin(), codes.end(), role) != codes.end()) return;
  std::string list;
  for (const auto& c : codes) list += (list.empty() ? "" : ", ") + c;
  throw errors::invalid(N_("role"), role, tr("expected one of {}", list));
}

StaffWriter::StaffWriter(SQLite::Database& db) : db_(db) {}
StaffWriter::~StaffWriter() = default;

std::int64_t StaffWriter::add(const StaffRow& staff) {
  if (!add_) {
    add_.emplace(db_,
                 "INSERT INTO staff (staff_no, name, unit_id, phone, login, active) "
                 "VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?)");
  }
  add_->reset();
  SQLite::bind(*add_, staff.staff_no, staff.name, staff.unit, staff.phone, staff.login, staff.active ? 1 : 0);
  add_->exec();
  const std::int64_t id = db_.getLastInsertRowid();
  add_roles(id, staff.roles);
  return id;
}

void StaffWriter::update(std::int64_t id, const StaffRow& staff) {
  if (!update_) {
    update_.emplace(db_,
                    "UPDATE staff SET name = ?, unit_id = ?, phone = NULLIF(?, ''), login = NULLIF(?, ''), "
                    "active = ? WHERE id = ?");
    clear_roles_.emplace(db_, "DELETE FROM staff_roles WHERE staff_id = ?");
  }
  update_->reset();
  SQLite::bind(*update_, staff.name, staff.unit, staff.phone, staff.login, staff.active ? 1 : 0, id);
  update_->exec();
  clear_roles_->reset();
  clear_roles_->bind(1, id);
  clear_roles_->exec();
  add_roles(id, staff.roles);
}

void StaffWriter::add_roles(std::int64_t id, const std::vector<std::string>& roles) {
  if (!add_role_) add_role_.emplace(db_, "INSERT INTO staff_roles (staff_id, role) VALUES (?, ?)");
  for (const auto& role : roles) {
    add_role_->reset();
    SQLite::bind(*add_role_, id, role);
    add_role_->exec();
  }
}

std::vector<StaffMember> list_staff(const SQLite::Database& db, const StaffFilter& filter) {
  if (!filter.unit.empty()) require_unit(db, filter.unit, "", N_("unit"));
  if (!filter.role.empty()) require_role(db, filter.role);
  SQLite::Statement q(db,
                      "SELECT s.id, s.staff_no, s.name, u.code, u.name_zh, u.kind, s.active, "
                      "  COALESCE((SELECT g.code FROM grids g WHERE g.worker_id = s.id ORDER BY g.code LIMIT 1), '') "
                      "FROM staff s JOIN units u ON u.id = s.unit_id "
                      "LEFT JOIN units p ON p.id = u.parent_id "
                      "WHERE (?1 = '' OR u.code = ?1 OR (p.code = ?1 AND p.kind = 'community')) "
                      "  AND (?2 = '' OR EXISTS (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id AND r.role = ?2)) "
                      "ORDER BY s.staff_no");
  q.bind(1, filter.unit);
  q.bind(2, filter.role);
  SQLite::Statement roles(db, "SELECT role FROM staff_roles WHERE staff_id = ? ORDER BY role");
  std::vector<StaffMember> out;
  while (q.executeStep()) {
    StaffMember m;
    m.staff_no = q.getColumn(1).getString();
    m.name = q.getColumn(2).getString();
    m.unit_code = q.getColumn(3).getString();
    m.unit_name = q.getColumn(4).getString();
    m.unit_kind = q.getColumn(5).getString();
    m.active = q.getColumn(6).getInt() != 0;
    m.grid = q.getColumn(7).getString();
    roles.reset();
    roles.bind(1, q.getColumn(0).getInt64());
    while (roles.executeStep()) m.roles.push_back(roles.getColumn(0).getString());
    out.push_back(std::move(m));
  }
  return out;
}

json staff_record_json(const StaffRecord& s) {
  return {{"staff_no", s.staff_no},
          {"name", s.name},
          {"unit", s.unit},
          {"roles", s.roles},
          {"login", s.login.empty() ? json(nullptr) : json(s.login)},
          {"active", s.active}};
}

StaffRecord staff_record_from_json(const json& j) {
  if (!j.is_object()) throw InvalidInput(_("a staff record is not an object"));
  StaffRecord s;
  auto text = [&](const char* key) {
    const auto it = j.find(key);
    return it == j.end() || !it->is_string() ? std::string() : it->get<std::string>();
  };
  s.staff_no = text("staff_no");
  s.name = text("name");
  s.unit = text("unit");
  s.login = text("login");
  if (const auto it = j.find("roles"); it != j.end() && it->is_array()) {
    for (const auto& role : *it) {
      if (role.is_string()) s.roles.push_back(role.get<std::string>());
    }
  }
  const auto active = j.find("active");
  s.active = active == j.end() || !active->is_boolean() || active->get<bool>();
  return s;
}

std::map<std::string, StaffRecord> read_staff_records(const SQLite::Database& db) {
  std::map<std::string, StaffRecord> out;
  SQLite::Statement q(db,
                      "SELECT s.staff_no, s.name, u.code, COALESCE(s.login, ''), s.active, "
                      "  (SELECT group_concat(role, ' ') FROM staff_roles WHERE staff_id = s.id) "
                      "FROM staff s JOIN units u ON u.id = s.unit_id");
  while (q.executeStep()) {
    StaffRecord s{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                  {}, q.getColumn(3).getString(), q.getColumn(4).getInt() != 0};
    // Role codes are single words (schema: roles.code).
    const std::string roles = q.getColumn(5).isNull() ? "" : q.getColumn(5).getString();
    for (std::size_t start = 0; start < roles.size();) {
      std::size_t space = roles.find(' ', start);
      if (space == std::string::npos) space = roles.size();
      s.roles.push_back(roles.substr(start, space - start));
      start = space + 1;
    }
    std::sort(s.roles.begin(), s.roles.end());
    out.emplace(s.staff_no, std::move(s));
  }
  return out;
}

void record_staff(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                  const std::string& kind, const std::string& staff_no) {
  SQLite::Statement q(db,
                      "SELECT s.name, u.code, COALESCE(s.login, ''), s.active FROM staff s "
                      "JOIN units u ON u.id = s.unit_id WHERE s.staff_no = ?");
  q.bind(1, staff_no);
  if (!q.executeStep()) throw Failure(tr("staff member {} vanished while being recorded", staff_no));
  StaffRecord s{staff_no, q.getColumn(0).getString(), q.getColumn(1).getString(), {}, q.getColumn(2).getString(),
                q.getColumn(3).getInt() != 0};
  SQLite::Statement roles(db,
                          "SELECT r.role FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE s.staff_no = ? "
                          "ORDER BY r.role");
  roles.bind(1, staff_no);
  while (roles.executeStep()) s.roles.push_back(roles.getColumn(0).getString());
  append_event(db, clock, {kind, staff_no, staff_record_json(s).dump(), operator_});
}

}  // namespace sqgl::core
