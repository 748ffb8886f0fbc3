// Importing the registry's changes in batches: deaths, births, arrivals in the
// district, moves and departures from it, as the public-security or civil-affairs registry
// sends them. Each row is one change, recorded as the window records it (its own
// event, and what it does to open cases) by the importing admin.
#include <SQLiteCpp/Statement.h>

#include "core/base/citizen_id.h"
#include "core/import/import.h"
#include "core/import/importer.h"
#include "core/model/register.h"

namespace sqgl::core::imports {

namespace {

// The columns every kind shares.
const Column kCitizenId{"citizen_id", {"身份证号", "公民身份号码", "身份证号码"}, false};
const Column kHousehold{"household", {"户号"}, false};

// A date of the file: a date as spreadsheets write it, not after today; "" when empty.
std::string date_of(const Row& row, const std::string& column, Date today) {
  const std::string& text = row.get(column);
  if (text.empty()) return "";
  const Date d = parse_flexible_date(column, text);
  if (d > today) throw FieldError(column, tr("{} is after today ({})", errors::quote(text), format_date(today)));
  return format_date(d);
}

// The sex column: 'M', 'F', or 0 when empty (the citizen ID's).
char sex_of(const Row& row) {
  const std::string& s = row.get("sex");
  if (s.empty()) return 0;
  if (s == "男" || s == "M" || s == "m") return 'M';
  if (s == "女" || s == "F" || s == "f") return 'F';
  throw FieldError("sex", tr("{} is not a sex (男/女 or M/F)", errors::quote(s)));
}

// A citizen ID that must be valid, when given.
void check_id(const Row& row, const std::string& column, Date today) {
  if (row.get(column).empty()) return;
  const auto check = check_citizen_id(row.get(column), today);
  if (!check.id) throw FieldError(column, check.message);
}

class RegisterImporter : public Importer {
 public:
  RegisterImporter(SQLite::Database& db, const Clock& clock, const Operator& op)
      : db_(db), clock_(clock), op_(op), today_(clock.today()) {}

  void describe(nlohmann::json& detail) const override {
    detail["withdrawn"] = withdrawn_;
    detail["flagged"] = flagged_;
  }

 protected:
  // Records one change: what the register refuses (an unknown household, a
  // resident who died already) is the row's problem, on `column`.
  template <typename F>
  std::optional<Outcome> record(Problems& p, const std::string& column, F&& change) {
    if (!p.list.empty()) return std::nullopt;
    try {
      const RegisterResult r = change();
      withdrawn_ += static_cast<std::int64_t>(r.withdrawn.size());
      flagged_ += static_cast<std::int64_t>(r.flagged.size());
      return Outcome::inserted;
    } catch (const FieldError&) {
      throw;
    } catch (const PermissionDenied&) {
      throw;
    } catch (const Error& e) {
      p.add(column, e.what());
      return std::nullopt;
    }
  }

  SQLite::Database& db_;
  const Clock& clock_;
  const Operator& op_;
  Date today_;

 private:
  std::int64_t withdrawn_ = 0, flagged_ = 0;
};

class DeathImporter final : public RegisterImporter {
 public:
  using RegisterImporter::RegisterImporter;
  std::vector<Column> columns() const override {
    return {{kCitizenId.name, kCitizenId.aliases, true},
            {"date", {"死亡日期", "日期"}, true},
            {"note", {"备注", "死亡证明编号"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string date;
    p.check([&] { check_id(row, "citizen_id", today_); });
    p.check([&] {
      require(row, "citizen_id");
      date = date_of(row, "date", today_);
      if (date.empty()) throw FieldError("date", _("is empty"));
    });
    return record(p, "citizen_id", [&] {
      return record_death(db_, clock_, op_, {row.get("citizen_id"), date, row.get("note")}, RegisterSource::registry);
    });
  }
};

class BirthImporter final : public RegisterImporter {
 public:
  using RegisterImporter::RegisterImporter;
  std::vector<Column> columns() const override {
    return {{kCitizenId.name, kCitizenId.aliases, true},
            {"name", {"姓名"}, true},
            {"sex", {"性别"}, false},
            {"household", {"户号"}, true},
            {"relation", {"与户主关系", "关系"}, false},
            {"birth_date", {"出生日期"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    BirthRequest b;
    p.check([&] {
      b.citizen_id = require(row, "citizen_id");
      check_id(row, "citizen_id", today_);
    });
    p.check([&] { b.name = require(row, "name"); });
    p.check([&] { b.household = require(row, "household"); });
    p.check([&] { b.sex = sex_of(row); });
    p.check([&] { b.date = date_of(row, "birth_date", today_); });
    if (!row.get("relation").empty()) b.relation = row.get("relation");
    return record(p, "citizen_id", [&] { return record_birth(db_, clock_, op_, b, RegisterSource::registry); });
  }
};

class ArrivalImporter final : public RegisterImporter {
 public:
  using RegisterImporter::RegisterImporter;
  std::vector<Column> columns() const override {
    return {{kCitizenId.name, kCitizenId.aliases, true},
            {"name", {"姓名"}, false},
            {"sex", {"性别"}, false},
            {"household", {"户号", "迁入户号"}, true},
            {"relation", {"与户主关系", "关系"}, false},
            {"to_grid", {"迁入网格", "网格"}, false},
            {"to_community", {"迁入社区", "社区"}, false},
            {"address", {"迁入地址", "地址"}, false},
            {"from", {"迁出地", "迁自", "来自"}, true},
            {"date", {"迁入日期", "日期"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    ArrivalRequest a{row.get("citizen_id"),
                     row.get("name"),
                     0,
                     row.get("household"),
                     row.get("relation"),
                     row.get("to_grid"),
                     row.get("to_community"),
                     row.get("address"),
                     row.get("from"),
                     ""};
    p.check([&] {
      require(row, "citizen_id");
      check_id(row, "citizen_id", today_);
    });
    p.check([&] { require(row, "household"); });
    p.check([&] { require(row, "from"); });
    p.check([&] { a.sex = sex_of(row); });
    p.check([&] { a.date = date_of(row, "date", today_); });
    return record(p, "citizen_id", [&] { return record_arrival(db_, clock_, op_, a, RegisterSource::registry); });
  }
};

class MoveImporter final : public RegisterImporter {
 public:
  using RegisterImporter::RegisterImporter;
  std::vector<Column> columns() const override {
    return {kCitizenId,
            kHousehold,
            {"to_household", {"迁入户号"}, false},
            {"relation", {"与户主关系", "关系"}, false},
            {"to_grid", {"迁入网格"}, false},
            {"to_community", {"迁入社区"}, false},
            {"address", {"迁入地址", "地址"}, false},
            {"date", {"迁移日期", "日期"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    MoveRequest m{row.get("citizen_id"), row.get("household"),    row.get("to_household"), row.get("relation"),
                  row.get("to_grid"),    row.get("to_community"), row.get("address"),      ""};
    p.check([&] { check_id(row, "citizen_id", today_); });
    p.check([&] {
      if (m.citizen_id.empty() == m.household.empty()) {
        throw FieldError("citizen_id", _("give a resident's citizen ID or a household's code, not both"));
      }
    });
    p.check([&] { m.date = date_of(row, "date", today_); });
    return record(p, m.citizen_id.empty() ? "household" : "citizen_id",
                  [&] { return record_move(db_, clock_, op_, m, RegisterSource::registry); });
  }
};

class DepartureImporter final : public RegisterImporter {
 public:
  using RegisterImporter::RegisterImporter;
  std::vector<Column> columns() const override {
    return {kCitizenId, kHousehold, {"date", {"迁出日期", "日期"}, true}, {"to", {"迁往", "迁往地", "去向"}, true}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    LeaveRequest l{row.get("citizen_id"), row.get("household"), "", ""};
    p.check([&] { check_id(row, "citizen_id", today_); });
    p.check([&] {
      if (l.citizen_id.empty() == l.household.empty()) {
        throw FieldError("citizen_id", _("give a resident's citizen ID or a household's code, not both"));
      }
    });
    p.check([&] {
      l.date = date_of(row, "date", today_);
      if (l.date.empty()) throw FieldError("date", _("is empty"));
    });
    p.check([&] { l.to = require(row, "to"); });
    return record(p, l.citizen_id.empty() ? "household" : "citizen_id",
                  [&] { return record_leave(db_, clock_, op_, l, RegisterSource::registry); });
  }
};

}  // namespace

std::unique_ptr<Importer> make_register_importer(SQLite::Database& db, const std::string& kind, const Clock& clock,
                                                 const Operator& op) {
  if (kind == "deaths") return std::make_unique<DeathImporter>(db, clock, op);
  if (kind == "births") return std::make_unique<BirthImporter>(db, clock, op);
  if (kind == "arrivals") return std::make_unique<ArrivalImporter>(db, clock, op);
  if (kind == "moves") return std::make_unique<MoveImporter>(db, clock, op);
  if (kind == "departures") return std::make_unique<DepartureImporter>(db, clock, op);
  throw errors::unknown(N_("import kind"), kind, import_kinds());
}

}  // namespace sqgl::core::imports
