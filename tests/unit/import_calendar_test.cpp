// Importing a year's calendar (core/import/calendar.cpp): the file replaces
// the year's holidays and adjusted working days.
#include <doctest/doctest.h>

#include "core/base/error.h"
#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::scalar;

namespace {

// `sqgl import calendar --year YEAR --notice NOTICE` of `text` by the district admin, committed unless a row was
// refused.
Imported run_import(SQLite::Database& db, const std::string& text, std::optional<int> year,
                    const std::string& notice = "国务院办公厅关于部分节假日安排的通知") {
  ImportOptions options;
  options.kind = "calendar";
  options.year = year;
  options.notice = notice;
  return sqgl::test::run_import(db, options, text);
}

}  // namespace

TEST_CASE("import calendar: a year not yet loaded is inserted, with 休 and 班 read as off and work") {
  auto db = demo_db();
  auto r = run_import(db, "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-06,班,春节调休\n", 2027);
  CHECK(r.problems.empty());
  CHECK(r.report.inserted == 2);
  CHECK(r.report.updated == 0);
  CHECK(scalar(db, "SELECT count(*) FROM calendar_days WHERE year = 2027") == 2);
  CHECK(scalar(db, "SELECT count(*) FROM calendar_days WHERE date = '2027-02-06' AND kind = 'work'") == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM calendar_years WHERE year = 2027 AND source = "
               "'国务院办公厅关于部分节假日安排的通知'") == 1);
}

TEST_CASE("import calendar: a year already loaded is replaced whole, its rows counted as updated") {
  auto db = demo_db();
  REQUIRE(scalar(db, "SELECT count(*) FROM calendar_days WHERE year = 2026") > 1);
  auto r = run_import(db, "date,kind,name\n2026-01-01,off,元旦\n", 2026);
  CHECK(r.problems.empty());
  CHECK(r.report.inserted == 0);
  CHECK(r.report.updated == 1);
  CHECK(scalar(db, "SELECT count(*) FROM calendar_days WHERE year = 2026") == 1);
}

TEST_CASE("import calendar: the year and the notice must be given") {
  auto db = demo_db();
  CHECK_THROWS_WITH_AS(run_import(db, "date,kind,name\n", std::nullopt),
                       "a calendar import needs --year YYYY (the year of the notice)", InvalidInput);
  CHECK_THROWS_WITH_AS(run_import(db, "date,kind,name\n", 2027, ""),
                       "a calendar import needs --notice TEXT (the State Council notice)", InvalidInput);
}

TEST_CASE("import calendar: a weekday cannot be a working day, and a kind is off or work") {
  auto db = demo_db();
  auto r = run_import(db, "date,kind,name\n2027-01-04,work,x\n2027-01-09,假,y\n", 2027);
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].line == 2);
  CHECK(r.problems[0].column_name == "date");
  CHECK(r.problems[0].message == "'2027-01-04' is a weekday; only a Saturday or Sunday can be an adjusted working day");
  CHECK(r.problems[1].line == 3);
  CHECK(r.problems[1].column_name == "kind");
  CHECK(r.problems[1].message == "'假' is neither 'off' nor 'work'");
  CHECK(r.report.rejected == 2);
}
