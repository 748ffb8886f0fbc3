#include "core/model/records.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/base/error.h"
#include "core/model/history.h"

namespace sqgl::core {

using nlohmann::json;

json staff_record_json(const StaffRecord& s) {
  return {{"staff_no", s.staff_no},
          {"name", s.name},
          {"unit", s.unit},
          {"roles", s.roles},
          {"login", s.login.empty() ? json(nullptr) : json(s.login)},
          {"active", s.active}};
}

StaffRecord staff_record_from_json(const json& j) {
  if (!j.is_object()) throw InvalidInput("a staff record is not an object");
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
  if (!q.executeStep()) throw Failure(fmt::format("staff member {} vanished while being recorded", staff_no));
  StaffRecord s{staff_no, q.getColumn(0).getString(), q.getColumn(1).getString(), {}, q.getColumn(2).getString(),
                q.getColumn(3).getInt() != 0};
  SQLite::Statement roles(db,
                          "SELECT r.role FROM staff_roles r JOIN staff s ON s.id = r.staff_id WHERE s.staff_no = ? "
                          "ORDER BY r.role");
  roles.bind(1, staff_no);
  while (roles.executeStep()) s.roles.push_back(roles.getColumn(0).getString());
  append_event(db, clock, {kind, staff_no, staff_record_json(s).dump(), operator_});
}

void FlagList::add(std::int64_t resident_id, FlagBits bits, bool is_new) {
  if (is_new && bits == 0) return;  // a new resident without flags is what replay assumes
  entries_.emplace_back(resident_id, bits);
}

json FlagList::json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [id, bits] : entries_) out.push_back(nlohmann::json::array({id, bits}));
  return out;
}

json calendar_year_json(const SQLite::Database& db, int year) {
  SQLite::Statement notice(db, "SELECT source FROM calendar_years WHERE year = ?");
  notice.bind(1, year);
  json out{{"year", year}, {"notice", notice.executeStep() ? json(notice.getColumn(0).getString()) : json(nullptr)}};
  json days = json::array();
  SQLite::Statement q(db, "SELECT date, kind, name FROM calendar_days WHERE year = ? ORDER BY date");
  q.bind(1, year);
  while (q.executeStep()) {
    days.push_back(json::array({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}));
  }
  out["days"] = std::move(days);
  return out;
}

}  // namespace sqgl::core
