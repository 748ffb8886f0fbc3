#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <thread>
#include <vector>

#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/model/calendar.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::reform_clock;

namespace {

Date d(const char* text) {
  return *parse_date(text);
}

int working_days_in(const WorkCalendar& c, int year) {
  return c.working_days_between(d((std::to_string(year - 1) + "-12-31").c_str()),
                                d((std::to_string(year) + "-12-31").c_str()));
}

}  // namespace

TEST_CASE("calendar: the shipped State Council calendars") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  auto c = WorkCalendar::load(db);

  SUBCASE("2012-01-29, a Sunday, was an adjusted working day") {
    CHECK(iso_weekday(d("2012-01-29")) == 7);
    CHECK(c.is_working_day(d("2012-01-29")));
    CHECK(c.mark(d("2012-01-29"))->name == "春节调休");
  }
  SUBCASE("2011-12-31, a Saturday in 2012's notice, was a working day") {
    CHECK(c.is_working_day(d("2011-12-31")));
  }
  SUBCASE("the 2025 Spring Festival, 01-28 to 02-04, is off") {
    for (Date day = d("2025-01-28"); day <= d("2025-02-04"); day += std::chrono::days{1}) {
      CAPTURE(format_date(day));
      CHECK_FALSE(c.is_working_day(day));
    }
    CHECK(c.is_working_day(d("2025-01-26")));  // Sunday, adjusted
    CHECK(c.is_working_day(d("2025-02-08")));  // Saturday, adjusted
    CHECK(c.is_working_day(d("2025-02-05")));
  }
  SUBCASE("working days a year match the reference's counts") {
    CHECK(working_days_in(c, 2024) == 251);
    CHECK(working_days_in(c, 2025) == 248);
    CHECK(working_days_in(c, 2026) == 248);
    // 2012 counts 249 within the year; the 2011-12-31 make-up day lies outside it.
    CHECK(working_days_in(c, 2012) == 249);
    CHECK(c.years_without_calendar().empty());
  }
  SUBCASE("due dates: the day of acceptance is not counted") {
    CHECK(format_date(c.add_working_days(d("2012-01-29"), 5)) == "2012-02-03");
    CHECK(format_date(c.add_working_days(d("2012-01-20"), 1)) == "2012-01-21");  // Saturday, adjusted
    CHECK(format_date(c.add_working_days(d("2012-01-21"), 1)) == "2012-01-29");  // across the Spring Festival
    CHECK(format_date(c.add_working_days(d("2012-09-28"), 1)) == "2012-09-29");
    CHECK(format_date(c.add_working_days(d("2012-09-29"), 1)) == "2012-10-08");  // across 国庆 + 中秋
  }
  SUBCASE("n = 0 gives the same day when it is a working day, else the next one") {
    CHECK(format_date(c.add_working_days(d("2012-01-30"), 0)) == "2012-01-30");
    CHECK(format_date(c.add_working_days(d("2012-01-22"), 0)) == "2012-01-29");
  }
  SUBCASE("working_days_between counts after `from` up to and including `to`") {
    CHECK(c.working_days_between(d("2012-01-29"), d("2012-02-03")) == 5);
    CHECK(c.working_days_between(d("2012-02-03"), d("2012-01-29")) == 0);
  }
}

TEST_CASE("calendar: a year without a calendar falls back to Monday to Friday and is remembered") {
  WorkCalendar c;
  c.add_year(2026);
  CHECK(format_date(c.add_working_days(d("2027-01-01"), 1)) == "2027-01-04");  // Friday → Monday
  CHECK(c.years_without_calendar() == std::set<int>{2027});
}

TEST_CASE("calendar: loading rejects a weekday marked as an adjusted working day") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  WriteTransaction tx(db);
  CHECK_THROWS_WITH_AS(load_calendar_year(db, 2027, "date,kind,name\n2027-01-04,work,x\n", "2027.csv", "test"),
                       "2027.csv:2:1: '2027-01-04' is a weekday; only a Saturday or Sunday can be an adjusted "
                       "working day",
                       InvalidInput);
}

TEST_CASE("calendar: loading a year replaces only that year") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  WriteTransaction tx(db);
  load_calendar_year(db, 2027, "date,kind,name\n2027-01-01,off,元旦\n2027-01-02,off,元旦\n", "2027.csv", "test");
  load_calendar_year(db, 2027, "date,kind,name\n2027-01-01,off,元旦\n", "2027.csv", "test");
  auto c = WorkCalendar::load(db);
  CHECK_FALSE(c.is_working_day(d("2027-01-01")));
  CHECK(c.has_year(2027));
  CHECK(sqgl::test::scalar(db, "SELECT count(*) FROM calendar_days WHERE year = 2027") == 1);
  CHECK(sqgl::test::scalar(db, "SELECT count(*) FROM calendar_days WHERE year = 2012") == 34);
}

TEST_CASE("dates: the machine's clock is the precise one (bug: an event recorded a second before its command began)") {
  // Read across a second's turn: the clock never reads earlier than the precise
  // time read just before it. The kernel's coarse clock (time()) lags the precise
  // one by up to a tick, so at the turn it still gives the second before.
  const SystemClock clock;
  using std::chrono::system_clock;
  const std::time_t first = system_clock::to_time_t(system_clock::now());
  std::optional<std::chrono::steady_clock::time_point> turned;
  int readings = 0;
  while (!turned || std::chrono::steady_clock::now() - *turned < std::chrono::milliseconds(30)) {
    const std::time_t precise = system_clock::to_time_t(system_clock::now());
    const DateTime read = clock.now();
    ++readings;
    REQUIRE_MESSAGE(read >= local_datetime(precise), "reading ", readings, " of the machine's clock");
    if (!turned && precise != first) turned = std::chrono::steady_clock::now();
  }
}

TEST_CASE("dates: strict parsing") {
  CHECK(parse_date("2012-02-29"));
  CHECK_FALSE(parse_date("2011-02-29"));
  CHECK_FALSE(parse_date("2012-13-01"));
  CHECK_FALSE(parse_date("2012-1-29"));
  CHECK_FALSE(parse_date("2012/01/29"));
  CHECK_FALSE(parse_date(" 2012-01-29"));
  CHECK(format_datetime(*parse_datetime("2012-01-29T09:05")) == "2012-01-29T09:05:00");
  CHECK(format_datetime(*parse_datetime("2012-01-29 09:05:07")) == "2012-01-29T09:05:07");
  CHECK(format_datetime(*parse_datetime("2012-01-29")) == "2012-01-29T00:00:00");
  CHECK_FALSE(parse_datetime("2012-01-29T24:00"));
  CHECK_FALSE(parse_datetime("2012-01-29T09:00Z"));
}

TEST_CASE("dates: the forms spreadsheets export") {
  const auto day = parse_date("1990-07-17");
  for (const char* text : {"1990-07-17", "1990/7/17", "1990/07/17", "1990.7.17", "1990.07.17", "19900717"}) {
    CAPTURE(text);
    CHECK(parse_spreadsheet_date(text) == day);
  }
  for (const char* text : {"1990/7", "1990/13/1", "1990-7-17", "1990/7/17/1", "199007", "1990/07/017", "", "/", "//"}) {
    CAPTURE(text);
    CHECK_FALSE(parse_spreadsheet_date(text));
  }
  CHECK(format_datetime(*parse_spreadsheet_datetime("2012/1/29 09:05")) == "2012-01-29T09:05:00");
  CHECK(format_datetime(*parse_spreadsheet_datetime("20120129T09:05:07")) == "2012-01-29T09:05:07");
  CHECK(format_datetime(*parse_spreadsheet_datetime("2012.1.29")) == "2012-01-29T00:00:00");
  CHECK_FALSE(parse_spreadsheet_datetime("2012/1/29 9:05"));
  CHECK_FALSE(parse_spreadsheet_datetime("2012/1/29 "));
}

TEST_CASE("calendar: counting through the yearly tables agrees with walking day by day") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  auto c = WorkCalendar::load(db);
  std::uint64_t state = 7;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % 6000);
  };
  const Date base = d("2010-06-01");
  for (int i = 0; i < 400; ++i) {
    const Date from = base + std::chrono::days{next()};
    const Date to = from + std::chrono::days{next() % 900};
    int walked = 0;
    for (Date day = from + std::chrono::days{1}; day <= to; day += std::chrono::days{1}) walked += c.is_working_day(day);
    CAPTURE(format_date(from));
    CAPTURE(format_date(to));
    REQUIRE(c.working_days_between(from, to) == walked);
  }
}

TEST_CASE("calendar: after prepare, threads may count any years at once, prepared or not") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  const auto walked = WorkCalendar::load(db);  // the answers, one thread, year by year
  std::vector<int> expected;
  const Date base = d("2008-01-01");
  for (int i = 0; i < 200; ++i) {
    expected.push_back(walked.working_days_between(base + std::chrono::days{i * 23}, base + std::chrono::days{i * 47}));
  }
  // Prepared for 2013–2016: the spans reach from 2008 into 2020, so each thread
  // also counts years the others may be counting at the same moment.
  const auto calendar = WorkCalendar::load(db);
  calendar.prepare(2013, 2016);
  std::vector<std::vector<int>> counted(4);
  std::vector<std::thread> threads;
  for (auto& mine : counted) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        mine.push_back(calendar.working_days_between(base + std::chrono::days{i * 23}, base + std::chrono::days{i * 47}));
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& mine : counted) CHECK(mine == expected);
  CHECK(calendar.years_without_calendar() == walked.years_without_calendar());
}
