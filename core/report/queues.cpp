// What is waiting and what is late at the end of a day: backlog and overdue.
#include "core/report/kinds.h"

#include <map>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

namespace sqgl::core::reports {

namespace {

// Counts (running and waiting for materials) and the oldest age, grouped by a key.
ReportTable group_table(const std::string& name, const std::string& title, const std::string& key_title,
                        const std::vector<OpenStep>& steps, const WorkCalendar& calendar, Date as_of,
                        std::string (*key)(const OpenStep&), std::string (*label)(const OpenStep&)) {
  struct Group {
    std::string label;
    std::int64_t open = 0;
    std::int64_t waiting = 0;
    std::int64_t oldest = 0;
  };
  std::map<std::string, Group> groups;
  for (const auto& s : steps) {
    auto& g = groups[key(s)];
    g.label = label(s);
    ++(s.waiting ? g.waiting : g.open);
    g.oldest = std::max<std::int64_t>(g.oldest, calendar.working_days_between(s.accepted, as_of));
  }
  ReportTable t{name,
                title,
                {{"code", key_title, false},
                 {"name", "", false},
                 {"open", "open", true},
                 {"waiting", "waiting for materials", true},
                 {"oldest_wd", "oldest (wd)", true}},
                {}};
  for (const auto& [code, g] : groups) {
    t.rows.push_back({text(code), text(g.label), number(g.open), number(g.waiting), number(g.oldest)});
  }
  return t;
}

}  // namespace

void backlog(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r) {
  r.title = "Backlog: open cases by step, unit, window and community";
  const auto steps = open_steps(db, o);
  r.tables.push_back(group_table(
      "by_unit", "By deciding unit", "unit", steps, calendar, o.as_of, [](const OpenStep& s) { return s.unit; },
      [](const OpenStep& s) { return s.unit_name; }));
  r.tables.push_back(group_table(
      "by_window", "By window", "window", steps, calendar, o.as_of, [](const OpenStep& s) { return s.window; },
      [](const OpenStep&) { return std::string(); }));
  r.tables.push_back(group_table(
      "by_community", "By community", "community", steps, calendar, o.as_of,
      [](const OpenStep& s) { return s.community; }, [](const OpenStep& s) { return s.community_name; }));
  ReportTable cases{"cases",
                    "Open cases",
                    {{"case", "case", false},
                     {"item", "item", false},
                     {"community", "community", false},
                     {"window", "window", false},
                     {"step", "step", false},
                     {"unit", "unit", false},
                     {"assignee", "assignee", false},
                     {"state", "state", false},
                     {"age_wd", "age (wd)", true}},
                    {}};
  std::int64_t waiting = 0;
  for (const auto& s : steps) {
    waiting += s.waiting;
    cases.rows.push_back({text(s.number), text(s.item), text(s.community), text(s.window), text(s.step), text(s.unit),
                          text(s.assignee), text(s.waiting ? "waiting" : "open"),
                          number(calendar.working_days_between(s.accepted, o.as_of))});
  }
  r.tables.push_back(std::move(cases));
  r.notes.push_back(fmt::format("{} open case{}, {} of them waiting for materials", steps.size(),
                                steps.size() == 1 ? "" : "s", waiting));
}

void overdue(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r) {
  r.title = "Overdue: cases and steps past their due date";
  const auto steps = open_steps(db, o);
  ReportTable cases{"cases",
                    "Cases past due",
                    {{"case", "case", false},
                     {"item", "item", false},
                     {"community", "community", false},
                     {"step", "step", false},
                     {"unit", "unit", false},
                     {"holder", "held by", false},
                     {"due", "due", false},
                     {"overdue_wd", "overdue (wd)", true}},
                    {}};
  ReportTable late_steps{"steps",
                         "Steps past due in cases still on time",
                         {{"case", "case", false},
                          {"step", "step", false},
                          {"unit", "unit", false},
                          {"holder", "held by", false},
                          {"step_due", "step due", false},
                          {"overdue_wd", "overdue (wd)", true}},
                         {}};
  for (const auto& s : steps) {
    // A case waiting for the resident's materials has its clock stopped: not late.
    if (s.waiting) continue;
    if (s.due < o.as_of) {
      cases.rows.push_back({text(s.number), text(s.item), text(s.community), text(s.step), text(s.unit),
                            text(s.assignee), text(format_date(s.due)),
                            number(calendar.working_days_between(s.due, o.as_of))});
    } else if (s.step_due && *s.step_due < o.as_of) {
      late_steps.rows.push_back({text(s.number), text(s.step), text(s.unit), text(s.assignee),
                                 text(format_date(*s.step_due)),
                                 number(calendar.working_days_between(*s.step_due, o.as_of))});
    }
  }
  r.findings = static_cast<std::int64_t>(cases.rows.size() + late_steps.rows.size());
  r.notes.push_back(fmt::format("{} case{} and {} step{} past due", cases.rows.size(),
                                cases.rows.size() == 1 ? "" : "s", late_steps.rows.size(),
                                late_steps.rows.size() == 1 ? "" : "s"));
  r.tables.push_back(std::move(cases));
  r.tables.push_back(std::move(late_steps));
}

}  // namespace sqgl::core::reports
