// What is waiting and what is late at the end of a day: backlog and overdue.
#include "core/report/kinds.h"

#include <map>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"

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
                {{"code", key_title, ReportUnit::text},
                 {"name", "", ReportUnit::text},
                 {"open", C_("report column", "open"), ReportUnit::count},
                 {"waiting", C_("report column", "waiting for materials"), ReportUnit::count},
                 {"oldest_wd", C_("report column", "oldest (wd)"), ReportUnit::working_days}},
                {}};
  for (const auto& [code, g] : groups) {
    t.rows.push_back({text(code), text(g.label), number(g.open), number(g.waiting), number(g.oldest)});
  }
  // The cases still to decide, and how long the oldest has waited.
  t.figure = "open";
  t.context = {"waiting", "oldest_wd"};
  return t;
}

}  // namespace

void backlog(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r) {
  r.title = N_("Backlog: open cases by step, unit, window and community");
  const auto steps = open_steps(db, o);
  r.tables.push_back(group_table(
      "by_unit", N_("By deciding unit"), C_("report column", "unit"), steps, calendar, o.as_of,
      [](const OpenStep& s) { return s.unit; }, [](const OpenStep& s) { return s.unit_name; }));
  r.tables.push_back(group_table(
      "by_window", N_("By window"), C_("report column", "window"), steps, calendar, o.as_of,
      [](const OpenStep& s) { return s.window; }, [](const OpenStep& s) { return s.window_name; }));
  r.tables.push_back(group_table(
      "by_community", N_("By community"), C_("report column", "community"), steps, calendar, o.as_of,
      [](const OpenStep& s) { return s.community; }, [](const OpenStep& s) { return s.community_name; }));
  ReportTable cases{"cases",
                    N_("Open cases"),
                    {{"case", C_("report column", "case"), ReportUnit::text},
                     {"item", C_("report column", "item"), ReportUnit::text},
                     {"community", C_("report column", "community"), ReportUnit::text},
                     {"window", C_("report column", "window"), ReportUnit::text},
                     {"window_name", "", ReportUnit::text},
                     {"step_name", C_("report column", "step"), ReportUnit::text},
                     {"unit", C_("report column", "unit"), ReportUnit::text},
                     {"assignee", C_("report column", "assignee"), ReportUnit::text},
                     {"assignee_name", C_("report column, person", "name"), ReportUnit::text},
                     {"state", C_("report column", "state"), ReportUnit::text},
                     {"age_wd", C_("report column", "age (wd)"), ReportUnit::working_days}},
                    {}};
  std::int64_t waiting = 0;
  for (const auto& s : steps) {
    waiting += s.waiting;
    cases.rows.push_back(
        {text(s.number), text(s.item), text(s.community), text(s.window), text(s.window_name), text(s.step),
         text(s.unit), text(s.assignee), text(s.assignee_name),
         s.waiting ? word("waiting", C_("backlog state", "waiting")) : word("open", C_("backlog state", "open")),
         number(calendar.working_days_between(s.accepted, o.as_of))});
  }
  cases.figure = "age_wd";
  r.tables.push_back(std::move(cases));
  note(r, tr_n("{} open case, {} of them waiting for materials", "{} open cases, {} of them waiting for materials",
                steps.size(), steps.size(), waiting));
}

void overdue(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r) {
  r.title = N_("Overdue: cases and steps past their due date");
  const auto steps = open_steps(db, o);
  ReportTable cases{"cases",
                    N_("Cases past due"),
                    {{"case", C_("report column", "case"), ReportUnit::text},
                     {"item", C_("report column", "item"), ReportUnit::text},
                     {"community", C_("report column", "community"), ReportUnit::text},
                     {"step_name", C_("report column", "step"), ReportUnit::text},
                     {"unit", C_("report column", "unit"), ReportUnit::text},
                     {"assignee", C_("report column", "held by"), ReportUnit::text},
                     {"assignee_name", C_("report column, person", "name"), ReportUnit::text},
                     {"due_date", C_("report column", "due"), ReportUnit::text},
                     {"overdue_wd", C_("report column", "overdue (wd)"), ReportUnit::working_days}},
                    {}};
  ReportTable late_steps{"steps",
                         N_("Steps past due in cases still on time"),
                         {{"case", C_("report column", "case"), ReportUnit::text},
                          {"step_name", C_("report column", "step"), ReportUnit::text},
                          {"unit", C_("report column", "unit"), ReportUnit::text},
                          {"assignee", C_("report column", "held by"), ReportUnit::text},
                          {"assignee_name", C_("report column, person", "name"), ReportUnit::text},
                          {"step_due_date", C_("report column", "step due"), ReportUnit::text},
                          {"overdue_wd", C_("report column", "overdue (wd)"), ReportUnit::working_days}},
                         {}};
  for (const auto& s : steps) {
    // A case waiting for the resident's materials has its clock stopped: not late.
    if (s.waiting) continue;
    if (s.due < o.as_of) {
      cases.rows.push_back({text(s.number), text(s.item), text(s.community), text(s.step), text(s.unit),
                            text(s.assignee), text(s.assignee_name), text(format_date(s.due)),
                            number(calendar.working_days_between(s.due, o.as_of))});
    } else if (s.step_due && *s.step_due < o.as_of) {
      late_steps.rows.push_back({text(s.number), text(s.step), text(s.unit), text(s.assignee),
                                 text(s.assignee_name), text(format_date(*s.step_due)),
                                 number(calendar.working_days_between(*s.step_due, o.as_of))});
    }
  }
  cases.figure = "overdue_wd";
  late_steps.figure = "overdue_wd";
  r.findings = static_cast<std::int64_t>(cases.rows.size() + late_steps.rows.size());
  const std::size_t late_cases = cases.rows.size(), late = late_steps.rows.size();
  // Two counts, each with its plural: one message for each form of the second.
  note(r, late == 1
              ? tr_n("{} case and {} step past due", "{} cases and {} step past due", late_cases, late_cases, late)
              : tr_n("{} case and {} steps past due", "{} cases and {} steps past due", late_cases, late_cases, late));
  r.tables.push_back(std::move(cases));
  r.tables.push_back(std::move(late_steps));
}

}  // namespace sqgl::core::reports
