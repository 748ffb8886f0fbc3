// Importing a year's calendar from the State Council's notice.
#include <SQLiteCpp/Statement.h>

#include "core/import/importer.h"
#include "core/model/calendar.h"

namespace sqgl::core::imports {

namespace {

// A year's holidays and adjusted working days; the file replaces the year's calendar.
class CalendarImporter final : public Importer {
 public:
  CalendarImporter(SQLite::Database& db, int year, const std::string& notice) : db_(db), year_(year) {
    SQLite::Statement old(db, "SELECT count(*) FROM calendar_days WHERE year = ?");
    old.bind(1, year);
    old.executeStep();
    had_days_ = old.getColumn(0).getInt() > 0;
    begin_calendar_year(db, year, notice);
  }
  std::vector<Column> columns() const override {
    return {{"date", {"日期"}, true}, {"kind", {"类型"}, true}, {"name", {"名称", "节日"}, false}};
  }
  std::string key_column() const override { return "date"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string kind = row.get("kind");
    if (kind == "休" || kind == "放假") kind = "off";
    if (kind == "班" || kind == "上班" || kind == "调休上班") kind = "work";
    p.check([&] { add_calendar_day(db_, year_, row.get("date"), kind, row.get("name")); });
    if (!p.list.empty()) return std::nullopt;
    return had_days_ ? Outcome::updated : Outcome::inserted;
  }

  void describe(nlohmann::json& detail) const override { detail.update(calendar_year_json(db_, year_)); }

 private:
  SQLite::Database& db_;
  int year_;
  bool had_days_ = false;
};

}  // namespace

std::unique_ptr<Importer> make_calendar_importer(SQLite::Database& db, int year, const std::string& notice) {
  return std::make_unique<CalendarImporter>(db, year, notice);
}

}  // namespace sqgl::core::imports
