// Reports: what is waiting, what is late, whether the district is staffed as the
// reform intended, whether next year's calendar is in. A report is data (tables
// of values plus the number of findings a person must act on); the CLI renders it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>

#include "core/base/date.h"
#include "core/model/calendar.h"

namespace sqgl::core {

/// A cell holding one of the report's own words ("open", "short", "yes", a model):
/// --json and CSV carry `text`; people read `shown`, in their language.
struct ReportWord {
  std::string text;
  std::string shown;
};

/// One cell: empty, a whole number, a fraction, text, or one of the report's words.
using ReportValue = std::variant<std::monostate, std::int64_t, double, std::string, ReportWord>;

/// What a column's figures count, so that each format can show them as such: a
/// percentage as a percentage in xlsx, working days with their one decimal.
enum class ReportUnit {
  text,          ///< codes, names, dates, the report's words
  count,         ///< a whole number of cases, steps, households, people, or a score
  percent,       ///< 0–100, one decimal ("on time %")
  working_days,  ///< a number of working days ("median wd")
  year,          ///< a calendar year: a number, but never summed or grouped by thousands
};

/// The unit's code as --json gives it: "text", "count", "percent", "working_days", "year".
std::string_view unit_code(ReportUnit unit);

/// A column of a report table.
struct ReportColumn {
  std::string key;    ///< machine name (JSON; the CSV header row unless the user's language translates the report)
  std::string title;  ///< the heading a person reads, in the user's language; empty beside a code (its name)
  ReportUnit unit = ReportUnit::text;
  /// A percentage: the count columns whose sum it is a share of (the decided cases for
  /// "on time %"). Rows taken together weigh their shares by it.
  std::vector<std::string> of = {};

  [[nodiscard]] bool numeric() const { return unit != ReportUnit::text; }
};

/// One table of a report.
struct ReportTable {
  std::string name;
  std::string title;  ///< English, as --json has it; marked N_() where it is set, people read its translation
  std::vector<ReportColumn> columns;
  std::vector<std::vector<ReportValue>> rows;
  /// The key of the column a chart of this table shows; empty: no chart. A chart
  /// with room for only some rows shows first those a person must look at first:
  /// the lowest percentages, the highest other figures (the most overdue), and a
  /// figure with a column `beside` it by their difference (the furthest below target).
  std::string figure = {};
  std::string beside = {};              ///< the key of a column drawn beside the figure, on its scale (a target)
  std::vector<std::string> context = {};  ///< keys of columns a chart writes after each bar (the cases behind a rate)
};

/// A finished report.
struct Report {
  std::string kind;
  std::string title;    ///< English, as --json has it; marked N_() where it is set, people read its translation
  std::string from;     ///< the period, when the kind has one ("" otherwise)
  std::string to;
  std::string as_of;    ///< the end of the day the figures describe
  int schema_version = 0;
  std::string catalog_version;
  std::vector<int> calendar_years;
  std::vector<ReportTable> tables;
  std::int64_t findings = 0;       ///< things a person must act on (`--check` exits 6 when > 0)
  std::vector<std::string> notes;  ///< one line each: what the findings are, in the user's language
};

/// What to report on.
struct ReportOptions {
  std::string kind;
  Date as_of;                 ///< figures as the database stood at the end of this day
  std::optional<Date> from;   ///< period start, for kinds that have one
  std::optional<Date> to;
  std::string street;         ///< filters: codes; empty means any
  std::string community;
  std::string category;
  std::string item;
  std::string window;
  std::string staff;
};

/// The report kinds this sqgl builds.
const std::vector<std::string>& report_kinds();

/// Builds a report from the database. Deterministic: the same database and
/// options give the same report. InvalidInput for a bad kind or filter.
Report build_report(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& options);

/// Keeps the one table of `report` named `table` (`report --table`), its header and
/// notes unchanged. InvalidInput naming the report's tables when it has none so named.
void keep_table(Report& report, std::string_view table);

}  // namespace sqgl::core

/// fmt prints a word as its text, as --json has it.
template <>
struct fmt::formatter<sqgl::core::ReportWord> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const sqgl::core::ReportWord& word, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(word.text, ctx);
  }
};
