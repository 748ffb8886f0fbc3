#include <algorithm>
#include <atomic>
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/db/database.h"
#include "core/model/calendar.h"
#include "core/model/history.h"
#include "core/report/day_counts.h"
#include "core/report/report.h"
#include "core/report/side_by_side.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::scalar;

namespace {

// Every table and note of a report as text, to compare two reports cell by cell.
std::string figures_of(const Report& r) {
  std::string out;
  for (const auto& t : r.tables) {
    out += t.name + "\n";
    for (const auto& row : t.rows) {
      for (const auto& cell : row) {
        std::visit(
            [&](const auto& v) {
              using V = std::decay_t<decltype(v)>;
              if constexpr (std::is_same_v<V, std::monostate>) {
                out += "-";
              } else {
                out += fmt::format("{}", v);
              }
            },
            cell);
        out += "|";
      }
      out += "\n";
    }
  }
  for (const auto& note : r.notes) out += note + "\n";
  return out;
}

}  // namespace

TEST_CASE("report: over years, cases and ratings are read in one pass, and the figures are the month path's") {
  const FixedClock clock(*parse_datetime("2016-12-30T09:00"));
  auto db = create_memory_database(clock);
  {
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
  }
  REQUIRE(scalar(db, "SELECT count(*) FROM evaluations") > 100);
  const auto calendar = WorkCalendar::load(db);
  // One year of history: a period of 370 days (read case by case, ratings joined)
  // and one of three years (a scan, ratings read beside it) hold the same cases.
  // An as-of day before the last decisions leaves some open and some ratings out.
  for (const Date as_of : {clock.today(), clock.today() - std::chrono::days{45}}) {
    for (const char* kind : {"performance", "evaluation", "reform", "workload"}) {
      CAPTURE(kind);
      CAPTURE(format_date(as_of));
      ReportOptions near{kind, as_of, as_of - std::chrono::days{370}, as_of, "", "", "", "", "", ""};
      ReportOptions far = near;
      far.from = as_of - std::chrono::days{3 * 365};
      const auto month_path = build_report(db, calendar, near);
      const auto history_path = build_report(db, calendar, far);
      CHECK(figures_of(month_path).size() > 200);
      CHECK(figures_of(month_path) == figures_of(history_path));
    }
  }
}

TEST_CASE("day counts: quantiles are the nearest-rank values of the numbers sorted, outliers included") {
  std::mt19937 random(2012);
  for (const int n : {1, 2, 3, 10, 99, 1000}) {
    DayCounts counts;
    std::vector<int> values;
    for (int i = 0; i < n; ++i) {
      // Mostly a few working days; some before the acceptance, some years after.
      const int pick = static_cast<int>(random() % 100);
      const int days = pick < 5    ? -static_cast<int>(random() % 30)
                       : pick < 10 ? 4000 + static_cast<int>(random() % 400)
                                   : static_cast<int>(random() % 60);
      counts.add(days);
      values.push_back(days);
    }
    std::sort(values.begin(), values.end());
    CHECK(counts.size() == n);
    for (const double q : {0.0, 0.1, 0.5, 0.9, 0.95, 1.0}) {
      CAPTURE(n);
      CAPTURE(q);
      auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(n)));
      rank = std::clamp<std::size_t>(rank, 1, values.size());
      CHECK(counts.quantile(q) == values[rank - 1]);
    }
  }
  CHECK(DayCounts{}.empty());
  CHECK(DayCounts{}.quantile(0.5) == 0);
}

namespace {

// The same demo, with a year of history, in memory and in a file.
struct TwoCopies {
  TwoCopies() : clock(*parse_datetime("2016-12-30T09:00")), memory(create_memory_database(clock)) {
    WriteTransaction tx(memory);
    generate_demo(memory, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
    memory.exec("VACUUM INTO '" + dir.file("sqgl.db") + "'");
  }
  FixedClock clock;
  SQLite::Database memory;
  sqgl::test::TempDir dir;
};

}  // namespace

TEST_CASE("report: a file's whole history is read side by side in runs, and the figures are one pass's") {
  TwoCopies copies;
  SQLite::Database file = open_database(copies.dir.file("sqgl.db"), false);
  const auto calendar = WorkCalendar::load(file);
  for (const Date as_of : {copies.clock.today(), copies.clock.today() - std::chrono::days{45}}) {
    for (const char* kind : {"performance", "evaluation", "reform", "workload"}) {
      CAPTURE(kind);
      CAPTURE(format_date(as_of));
      const ReportOptions years{kind, as_of, as_of - std::chrono::days{3 * 365}, as_of, "", "", "", "", "", ""};
      CHECK(figures_of(build_report(file, calendar, years)) == figures_of(build_report(copies.memory, calendar, years)));
      ReportOptions one_community = years;
      one_community.community = "150204001002";
      CHECK(figures_of(build_report(file, calendar, one_community)) ==
            figures_of(build_report(copies.memory, calendar, one_community)));
    }
  }
}

TEST_CASE("side by side: every run is read once, on connections that read the caller's moment") {
  TwoCopies copies;
  SQLite::Database writer = open_database(copies.dir.file("sqgl.db"), true);
  SQLite::Database file = open_database(copies.dir.file("sqgl.db"), false);
  const std::size_t runs = 9;
  // Each run counts the ratings it sees: all must see what the caller sees.
  auto read_runs = [&](std::int64_t ratings) {
    std::vector<int> seen(runs, 0);
    std::vector<std::int64_t> counted(runs, 0);
    std::atomic<int> on_caller{0};
    reports::read_side_by_side(file, runs, [&](std::size_t run, const SQLite::Database& reader) {
      ++seen[run];
      on_caller += &reader == &file;
      counted[run] = scalar(reader, "SELECT count(*) FROM evaluations");
    });
    CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<long>(runs));
    for (const auto n : counted) CHECK(n == ratings);
    return on_caller.load();
  };
  {
    ReadTransaction snapshot(file);
    const auto ratings = scalar(file, "SELECT count(*) FROM evaluations");
    CHECK(read_runs(ratings) == (std::thread::hardware_concurrency() > 1 ? 0 : static_cast<int>(runs)));
  }
  // A command commits after the caller's moment began: a new connection would
  // read a later moment, so every run is read on the caller's own connection.
  ReadTransaction snapshot(file);
  const auto ratings = scalar(file, "SELECT count(*) FROM evaluations");
  {
    WriteTransaction tx(writer);
    writer.exec("DELETE FROM evaluations WHERE case_id = (SELECT max(case_id) FROM evaluations)");
    append_event(writer, copies.clock, {"test.edit", "", "{}", std::nullopt});
    tx.commit();
  }
  CHECK(scalar(copies.memory, "SELECT count(*) FROM evaluations") == ratings);
  CHECK(read_runs(ratings) == static_cast<int>(runs));
}

namespace {

// The text of column `key` in `row` of `t` ("" for an empty cell).
std::string cell_text(const ReportTable& t, const std::vector<ReportValue>& row, std::string_view key) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i].key != key) continue;
    if (const auto* s = std::get_if<std::string>(&row[i])) return *s;
    return "";
  }
  FAIL("no column ", key, " in ", t.name);
  return "";
}

const ReportTable& table_of(const Report& r, std::string_view name) {
  for (const auto& t : r.tables) {
    if (t.name == name) return t;
  }
  FAIL("no table ", name, " in ", r.kind);
  return r.tables.front();
}

}  // namespace

TEST_CASE("report: windows, categories, items and clerks are named beside their codes") {
  const FixedClock clock(*parse_datetime("2016-12-30T09:00"));
  auto db = create_memory_database(clock);
  {
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
  }
  const auto calendar = WorkCalendar::load(db);
  auto name_in = [&](const std::string& sql, const std::string& code) {
    SQLite::Statement q(db, sql);
    q.bind(1, code);
    return q.executeStep() ? q.getColumn(0).getString() : std::string("(none)");
  };
  const std::string window = "SELECT name_zh FROM windows WHERE code = ?";
  const Date as_of = clock.today() - std::chrono::days{45};
  const auto month = std::chrono::days{30};
  auto build = [&](const char* kind, bool period) {
    ReportOptions o{kind, as_of, std::nullopt, std::nullopt, "", "", "", "", "", ""};
    if (period) {
      o.from = as_of - month;
      o.to = as_of;
    }
    return build_report(db, calendar, o);
  };
  const auto performance = build("performance", true);
  for (const auto& [table, sql] :
       {std::pair{"by_window", window},
        std::pair{"by_category", std::string("SELECT name_zh FROM categories WHERE code = ?")}}) {
    const auto& t = table_of(performance, table);
    REQUIRE(t.rows.size() >= 3);
    for (const auto& row : t.rows) CHECK(cell_text(t, row, "name") == name_in(sql, cell_text(t, row, "code")));
  }
  const auto evaluation = build("evaluation", true);
  for (const auto& [table, sql] :
       {std::pair{"by_window", window}, std::pair{"by_item", std::string("SELECT name_zh FROM items WHERE code = ?")},
        std::pair{"by_staff", std::string("SELECT name FROM staff WHERE staff_no = ?")}}) {
    const auto& t = table_of(evaluation, table);
    REQUIRE(t.rows.size() >= 3);
    for (const auto& row : t.rows) CHECK(cell_text(t, row, "name") == name_in(sql, cell_text(t, row, "code")));
  }
  const auto backlog = build("backlog", false);
  const auto& by_window = table_of(backlog, "by_window");
  REQUIRE_FALSE(by_window.rows.empty());
  for (const auto& row : by_window.rows) {
    CHECK(cell_text(by_window, row, "name") == name_in(window, cell_text(by_window, row, "code")));
  }
  const auto& cases = table_of(backlog, "cases");
  REQUIRE_FALSE(cases.rows.empty());
  for (const auto& row : cases.rows) {
    CHECK(cell_text(cases, row, "window_name") == name_in(window, cell_text(cases, row, "window")));
  }
}

TEST_CASE("report: --table keeps one table, and a wrong name lists the report's tables") {
  Report r;
  r.kind = "backlog";
  r.notes = {"3 open cases"};
  for (const char* name : {"by_unit", "by_window", "cases"}) r.tables.push_back({name, name, {}, {}});
  Report one = r;
  keep_table(one, "by_window");
  REQUIRE(one.tables.size() == 1);
  CHECK(one.tables.front().name == "by_window");
  CHECK(one.notes == r.notes);
  CHECK_THROWS_WITH_AS(keep_table(r, "window"),
                       "report 'backlog' has no table 'window'; its tables: by_unit, by_window, cases", InvalidInput);
  CHECK(r.tables.size() == 3);
}
