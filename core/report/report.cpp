// Building a report: the kinds, their filters and periods, and the header every
// report carries; each kind's own file counts what it reports.
#include "core/report/report.h"

#include <algorithm>
#include <stdexcept>
#include <chrono>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/model/catalog.h"
#include "core/report/kinds.h"

namespace sqgl::core {

namespace {

// The filters name real things: a typo must not silently give an empty report.
void check_filters(const SQLite::Database& db, const ReportOptions& o) {
  auto check_unit = [&](const std::string& code, const char* kind, const char* what) {
    if (code.empty()) return;
    SQLite::Statement q(db, "SELECT 1 FROM units WHERE code = ? AND kind = ?");
    SQLite::bind(q, code, kind);
    if (q.executeStep()) return;
    std::vector<std::string> codes;
    SQLite::Statement all(db, "SELECT code FROM units WHERE kind = ? ORDER BY code");
    all.bind(1, kind);
    while (all.executeStep()) codes.push_back(all.getColumn(0).getString());
    throw errors::unknown(what, code, codes);
  };
  check_unit(o.street, "street", N_("street office"));
  check_unit(o.community, "community", N_("community"));
  if (!o.item.empty()) get_item(db, o.item);
  if (!o.category.empty()) list_catalog(db, {o.category, ""});
  if (!o.window.empty()) list_catalog(db, {"", o.window});
  if (!o.staff.empty()) {
    SQLite::Statement q(db, "SELECT 1 FROM staff WHERE staff_no = ?");
    q.bind(1, o.staff);
    if (!q.executeStep()) throw NotFound(tr("unknown staff number {}", errors::quote(o.staff)));
  }
}

}  // namespace

using namespace reports;

std::string_view unit_code(ReportUnit unit) {
  switch (unit) {
    case ReportUnit::text:
      return "text";
    case ReportUnit::count:
      return "count";
    case ReportUnit::percent:
      return "percent";
    case ReportUnit::working_days:
      return "working_days";
    case ReportUnit::year:
      return "year";
  }
  return "text";
}

const std::vector<std::string>& report_kinds() {
  static const std::vector<std::string> kinds = {"backlog",    "overdue",  "performance", "workload",
                                                 "evaluation", "staffing", "reform",      "calendar"};
  return kinds;
}

namespace {

// The columns a chart names (its figure, the column beside it, its context, the
// counts a percentage is of) are columns of its table: a renamed column cannot
// leave a chart pointing at nothing.
void check_keys(const Report& r) {
  for (const auto& t : r.tables) {
    auto has = [&](const std::string& key) {
      return std::any_of(t.columns.begin(), t.columns.end(), [&](const ReportColumn& c) { return c.key == key; });
    };
    std::vector<std::string> named;
    if (!t.figure.empty()) named.push_back(t.figure);
    if (!t.beside.empty()) named.push_back(t.beside);
    named.insert(named.end(), t.context.begin(), t.context.end());
    for (const auto& c : t.columns) named.insert(named.end(), c.of.begin(), c.of.end());
    for (const auto& key : named) {
      if (!has(key)) throw std::logic_error(fmt::format("report {} table {} names no column {}", r.kind, t.name, key));
    }
  }
}

}  // namespace

Report build_report(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o) {
  const auto& kinds = report_kinds();
  if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) {
    throw errors::unknown(N_("report"), o.kind, kinds);
  }
  // Every figure from one moment of the database, whichever connection reads it.
  ReadTransaction snapshot(db);
  check_filters(db, o);
  const bool period_report =
      o.kind == "performance" || o.kind == "evaluation" || o.kind == "reform" || o.kind == "workload";
  if (!period_report && (o.from || o.to)) {
    // Backlog, overdue, staffing and calendar describe one moment: a period given
    // to them would be printed in the header yet change nothing.
    throw InvalidInput(
        tr("'{}' reports the state at --as-of; --period, --from and --to are for "
           "performance, workload, evaluation and reform",
           o.kind));
  }
  Report r;
  r.kind = o.kind;
  r.as_of = end_of(o.as_of);
  if (o.from) r.from = format_date(*o.from);
  if (o.to) r.to = format_date(*o.to);
  r.schema_version = schema_version(db);
  r.catalog_version = catalog_version(db);
  for (const auto& y : list_calendar_years(db)) r.calendar_years.push_back(y.year);
  if (o.kind == "backlog") backlog(db, calendar, o, r);
  if (o.kind == "overdue") overdue(db, calendar, o, r);
  if (o.kind == "staffing") staffing(db, o, r);
  if (o.kind == "calendar") calendar_years(db, o, r);
  // Period reports cover --period or --from/--to, else the month of the as-of day.
  const std::chrono::year_month_day month{o.as_of};
  const Date from = o.from.value_or(Date{month.year() / month.month() / 1});
  const Date to = o.to.value_or(std::min(o.as_of, Date{month.year() / month.month() / std::chrono::last}));
  if (period_report && to < from) {
    // --from alone runs to the as-of day, --to alone from the first of the as-of month.
    throw InvalidInput(o.to ? tr("the period {} to {} ends before it starts (--from defaults to the first of the "
                                 "as-of month)",
                                 format_date(from), format_date(to))
                            : tr("the period {} to {} ends before it starts (--to defaults to the as-of day; give "
                                 "--to or --as-of)",
                                 format_date(from), format_date(to)));
  }
  if (period_report) {
    r.from = format_date(from);
    r.to = format_date(to);
  }
  if (o.kind == "performance") performance(db, calendar, o, r, from, to);
  if (o.kind == "evaluation") evaluation(db, o, r, from, to);
  if (o.kind == "reform") reform(db, calendar, o, r, from, to);
  if (o.kind == "workload") workload(db, calendar, o, r, from, to);
  check_keys(r);
  return r;
}

void keep_table(Report& report, std::string_view table) {
  for (auto& t : report.tables) {
    if (t.name != table) continue;
    ReportTable kept = std::move(t);
    report.tables.clear();
    report.tables.push_back(std::move(kept));
    return;
  }
  std::string names;
  for (const auto& t : report.tables) names += (names.empty() ? "" : ", ") + t.name;
  throw InvalidInput(
      tr("report {} has no table {}; its tables: {}", errors::quote(report.kind), errors::quote(table), names));
}

namespace reports {

CatalogNames::CatalogNames(const SQLite::Database& db) {
  for (const auto& w : list_windows(db)) windows_.emplace(w.code, w.name_zh);
  for (const auto& c : list_categories(db)) categories_.emplace(c.code, c.name_zh);
  SQLite::Statement items(db, "SELECT code, name_zh FROM items");
  while (items.executeStep()) items_.emplace(items.getColumn(0).getString(), items.getColumn(1).getString());
}

std::string CatalogNames::find(const std::map<std::string, std::string, std::less<>>& names, std::string_view code) {
  const auto it = names.find(code);
  return it == names.end() ? std::string() : it->second;
}

}  // namespace reports

}  // namespace sqgl::core
