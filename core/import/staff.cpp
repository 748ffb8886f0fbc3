// Importing staff: who works in which unit, in which roles, as which login.
#include <algorithm>

#include <SQLiteCpp/Statement.h>

#include "core/import/importer.h"

namespace sqgl::core::imports {

namespace {

class StaffImporter final : public Importer {
 public:
  StaffImporter(SQLite::Database& db, bool upsert, const Clock& clock, const Operator& op)
      : db_(db), upsert_(upsert), clock_(clock), op_(op) {}
  std::vector<Column> columns() const override {
    return {{"staff_no", {"工号", "人员编号"}, true},
            {"name", {"姓名"}, true},
            {"unit", {"单位", "单位代码"}, true},
            {"roles", {"角色"}, true},
            {"phone", {"联系电话", "电话", "手机号"}, false},
            {"login", {"登录名", "系统账号"}, false},
            {"active", {"在岗", "有效"}, false}};
  }
  std::string key_column() const override { return "staff_no"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string staff_no, name;
    std::int64_t unit = 0;
    std::vector<std::string> roles;
    int active = 1;
    p.check([&] { staff_no = require(row, "staff_no"); });
    p.check([&] { name = require(row, "name"); });
    p.check([&] {
      const auto code = require(row, "unit");
      auto u = find_unit(db_, code);
      if (!u) throw FieldError("unit", tr("unknown unit {}", errors::quote(code)));
      unit = u->id;
    });
    p.check([&] {
      std::string text = require(row, "roles");
      std::replace(text.begin(), text.end(), ',', '|');
      for (std::size_t start = 0; start <= text.size();) {
        auto bar = text.find('|', start);
        std::string role = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!role.empty()) {
          SQLite::Statement q(db_, "SELECT 1 FROM roles WHERE code = ?");
          q.bind(1, role);
          if (!q.executeStep()) throw FieldError("roles", tr("unknown role {}", errors::quote(role)));
          roles.push_back(role);
        }
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      std::sort(roles.begin(), roles.end());
      roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    });
    p.check([&] { check_phone("phone", row.get("phone")); });
    if (row.has("active"))
      p.check([&] { active = row.get("active").empty() ? 1 : parse_flag("active", row.get("active")); });
    if (!p.list.empty()) return std::nullopt;

    const std::string phone = row.get("phone"), login = row.get("login");
    auto existing = staff_id(db_, staff_no);
    Outcome outcome = Outcome::inserted;
    if (existing && !claim(*existing, p)) return std::nullopt;
    if (existing) {
      SQLite::Statement q(db_,
                          "SELECT name, unit_id, COALESCE(phone, ''), COALESCE(login, ''), active, "
                          "(SELECT group_concat(role, '|') FROM (SELECT role FROM staff_roles WHERE staff_id = ?1 "
                          "ORDER BY role)) FROM staff WHERE id = ?1");
      q.bind(1, *existing);
      q.executeStep();
      std::string joined;
      for (const auto& r : roles) joined += (joined.empty() ? "" : "|") + r;
      if (q.getColumn(0).getString() == name && q.getColumn(1).getInt64() == unit &&
          q.getColumn(2).getString() == phone && q.getColumn(3).getString() == login &&
          q.getColumn(4).getInt() == active && q.getColumn(5).getString() == joined) {
        return Outcome::unchanged;
      }
      if (!upsert_) {
        p.add("staff_no", tr("{} exists with other values; --mode upsert updates it", errors::quote(staff_no)));
        return std::nullopt;
      }
      StaffWriter(db_).update(*existing, {staff_no, name, unit, phone, login, active != 0, roles});
      outcome = Outcome::updated;
    } else {
      existing = StaffWriter(db_).add({staff_no, name, unit, phone, login, active != 0, roles});
      claim(*existing, p);
    }
    // Who may act is history too: `sqgl check` replays staff from these events.
    record_staff(db_, clock_, op_.staff_no, outcome == Outcome::inserted ? "staff.add" : "staff.change", staff_no);
    return outcome;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  const Clock& clock_;
  const Operator& op_;
};

}  // namespace

std::unique_ptr<Importer> make_staff_importer(SQLite::Database& db, bool upsert, const Clock& clock,
                                              const Operator& op) {
  return std::make_unique<StaffImporter>(db, upsert, clock, op);
}

}  // namespace sqgl::core::imports
