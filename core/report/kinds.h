// What the report files share: the cells, the open steps of a day, and the one
// function that builds each kind of report. For core/report/ only; the interface
// is report.h.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/model/calendar.h"
#include "core/report/report.h"

namespace sqgl::core::reports {

/// A text cell; empty text is an empty cell.
inline ReportValue text(const std::string& s) {
  return s.empty() ? ReportValue{} : ReportValue{s};
}

/// A whole-number cell.
inline ReportValue number(std::int64_t n) {
  return ReportValue{n};
}

/// A cell holding one of the report's words: `stored` for --json and CSV, `shown` for
/// people (C_() where the cell is made: "open", "yes" …).
inline ReportValue word(std::string stored, const char* shown) {
  return ReportValue{ReportWord{std::move(stored), shown}};
}

/// Adds a note, in the user's language (English under --json: core/base/i18n.h).
inline void note(Report& r, std::string line) { r.notes.push_back(std::move(line)); }

/// The end of `day` as stored times compare: "2012-01-29T23:59:59".
inline std::string end_of(Date day) {
  return format_date(day) + "T23:59:59";
}

/// The Chinese names of the catalog's windows, categories and items, read once, for the
/// tables that group or list cases by their codes (a name beside each code).
class CatalogNames {
 public:
  explicit CatalogNames(const SQLite::Database& db);
  /// The window's name, or "" for a code the catalog does not hold.
  std::string window(std::string_view code) const { return find(windows_, code); }
  /// The category's name, or "" for a code the catalog does not hold.
  std::string category(std::string_view code) const { return find(categories_, code); }
  /// The item's name, or "" for a code the catalog does not hold.
  std::string item(std::string_view code) const { return find(items_, code); }

 private:
  static std::string find(const std::map<std::string, std::string, std::less<>>& names, std::string_view code);
  std::map<std::string, std::string, std::less<>> windows_, categories_, items_;
};

/// One open step of one case at the end of the as-of day.
struct OpenStep {
  std::string number, item, item_name, window, window_name, community, community_name, step, unit, unit_name, assignee,
      assignee_name;
  Date accepted;
  Date due;  ///< the case's due date as it stood on the day
  std::optional<Date> step_due;
  bool waiting = false;  ///< returned for materials then: its clock stood still, so it was not late
};

/// Cases open at the end of `as_of`, each at the step it was in then: read from
/// the cases' and steps' own timestamps, which never change once written, and from
/// their waits for materials (case_waits), which say whether a case was waiting on
/// the day and what its due dates were before a later wait moved them.
std::vector<OpenStep> open_steps(const SQLite::Database& db, const ReportOptions& o);

// Each kind fills in the title, tables, notes and findings of `r`; the period
// kinds count the days from `from` to `to`.
void backlog(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r);
void overdue(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r);
void staffing(const SQLite::Database& db, const ReportOptions& o, Report& r);
void calendar_years(const SQLite::Database& db, const ReportOptions& o, Report& r);
void performance(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
                 Date to);
void evaluation(const SQLite::Database& db, const ReportOptions& o, Report& r, Date from, Date to);
void reform(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
            Date to);
void workload(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
              Date to);

}  // namespace sqgl::core::reports
