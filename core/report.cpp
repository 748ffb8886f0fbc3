#include "core/report.h"

#include <algorithm>
#include <map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/catalog.h"
#include "core/error.h"
#include "core/store.h"

namespace sqgl::core {

namespace {

ReportValue text(const std::string& s) { return s.empty() ? ReportValue{} : ReportValue{s}; }
ReportValue number(std::int64_t n) { return ReportValue{n}; }

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
  check_unit(o.street, "street", "street office");
  check_unit(o.community, "community", "community");
  if (!o.item.empty()) get_item(db, o.item);
  if (!o.category.empty()) list_catalog(db, {o.category, ""});
  if (!o.window.empty()) list_catalog(db, {"", o.window});
  if (!o.staff.empty()) {
    SQLite::Statement q(db, "SELECT 1 FROM staff WHERE staff_no = ?");
    q.bind(1, o.staff);
    if (!q.executeStep()) throw NotFound(fmt::format("unknown staff number {}", errors::quote(o.staff)));
  }
}

std::string end_of(Date day) { return format_date(day) + "T23:59:59"; }

// One open step of one case at the end of the as-of day.
struct OpenStep {
  std::string number, item, item_name, window, community, community_name, step, unit, unit_name, assignee;
  Date accepted;
  Date due;
  std::optional<Date> step_due;
};

// Cases open at the end of `as_of`, each at the step it was in then: read from
// the cases' and steps' own timestamps, which never change once written.
std::vector<OpenStep> open_steps(const SQLite::Database& db, const ReportOptions& o) {
  SQLite::Statement q(db,
                      "SELECT c.number, c.item, i.name_zh, c.window, cu.code, cu.name_zh, s.name_zh, u.code, "
                      "  u.name_zh, COALESCE(a.staff_no, ''), c.accepted_at, c.due_date, COALESCE(s.due_date, '') "
                      "FROM cases c JOIN items i ON i.code = c.item "
                      "JOIN units cu ON cu.id = c.community_id JOIN units st ON st.id = cu.parent_id "
                      "JOIN case_steps s ON s.case_id = c.id AND s.status <> 'pending' AND s.started_at <= ?1 "
                      "  AND (s.decided_at IS NULL OR s.decided_at > ?1) "
                      "JOIN units u ON u.id = s.unit_id LEFT JOIN staff a ON a.id = s.assignee_id "
                      "WHERE c.accepted_at <= ?1 AND (c.decided_at IS NULL OR c.decided_at > ?1) "
                      "  AND (?2 = '' OR st.code = ?2) AND (?3 = '' OR cu.code = ?3) "
                      "  AND (?4 = '' OR i.category = ?4) AND (?5 = '' OR c.item = ?5) "
                      "  AND (?6 = '' OR c.window = ?6) AND (?7 = '' OR a.staff_no = ?7) "
                      "ORDER BY c.accepted_at, c.number");
  SQLite::bind(q, end_of(o.as_of), o.street, o.community, o.category, o.item, o.window, o.staff);
  std::vector<OpenStep> out;
  while (q.executeStep()) {
    OpenStep s;
    s.number = q.getColumn(0).getString();
    s.item = q.getColumn(1).getString();
    s.item_name = q.getColumn(2).getString();
    s.window = q.getColumn(3).getString();
    s.community = q.getColumn(4).getString();
    s.community_name = q.getColumn(5).getString();
    s.step = q.getColumn(6).getString();
    s.unit = q.getColumn(7).getString();
    s.unit_name = q.getColumn(8).getString();
    s.assignee = q.getColumn(9).getString();
    s.accepted = *parse_date(q.getColumn(10).getString().substr(0, 10));
    s.due = *parse_date(q.getColumn(11).getString());
    if (auto d = parse_date(q.getColumn(12).getString())) s.step_due = *d;
    out.push_back(std::move(s));
  }
  return out;
}

// Counts and the oldest age, grouped by a key.
ReportTable group_table(const std::string& name, const std::string& title, const std::string& key_title,
                        const std::vector<OpenStep>& steps, const WorkCalendar& calendar, Date as_of,
                        std::string (*key)(const OpenStep&), std::string (*label)(const OpenStep&)) {
  struct Group {
    std::string label;
    std::int64_t count = 0;
    std::int64_t oldest = 0;
  };
  std::map<std::string, Group> groups;
  for (const auto& s : steps) {
    auto& g = groups[key(s)];
    g.label = label(s);
    ++g.count;
    g.oldest = std::max<std::int64_t>(g.oldest, calendar.working_days_between(s.accepted, as_of));
  }
  ReportTable t{name, title, {{"code", key_title, false}, {"name", "", false}, {"open", "open", true},
                              {"oldest_wd", "oldest (wd)", true}}, {}};
  for (const auto& [code, g] : groups) t.rows.push_back({text(code), text(g.label), number(g.count), number(g.oldest)});
  return t;
}

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
                     {"age_wd", "age (wd)", true}},
                    {}};
  for (const auto& s : steps) {
    cases.rows.push_back({text(s.number), text(s.item), text(s.community), text(s.window), text(s.step),
                          text(s.unit), text(s.assignee),
                          number(calendar.working_days_between(s.accepted, o.as_of))});
  }
  r.tables.push_back(std::move(cases));
  r.notes.push_back(fmt::format("{} open case{}", steps.size(), steps.size() == 1 ? "" : "s"));
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

void staffing(const SQLite::Database& db, const ReportOptions& o, Report& r) {
  r.title = "Staffing: one station worker per 400 households, one committee leader per 800";
  SQLite::Statement q(db,
                      "SELECT c.code, c.name_zh, st.code, "
                      "  (SELECT count(*) FROM households h WHERE h.community_id = c.id), "
                      "  (SELECT count(*) FROM staff s JOIN units u ON u.id = s.unit_id JOIN staff_roles x "
                      "     ON x.staff_id = s.id WHERE u.parent_id = c.id AND u.kind = 'station' AND s.active "
                      "     AND x.role = 'worker'), "
                      "  (SELECT count(*) FROM staff s JOIN units u ON u.id = s.unit_id JOIN staff_roles x "
                      "     ON x.staff_id = s.id WHERE u.parent_id = c.id AND u.kind = 'committee' AND s.active "
                      "     AND x.role = 'director') "
                      "FROM units c JOIN units st ON st.id = c.parent_id WHERE c.kind = 'community' "
                      "  AND (?1 = '' OR st.code = ?1) AND (?2 = '' OR c.code = ?2) ORDER BY c.code");
  SQLite::bind(q, o.street, o.community);
  ReportTable t{"communities",
                "Communities",
                {{"community", "community", false},
                 {"name", "", false},
                 {"street", "street office", false},
                 {"households", "households", true},
                 {"workers", "station workers", true},
                 {"workers_target", "target", true},
                 {"leaders", "committee leaders", true},
                 {"leaders_target", "target", true},
                 {"status", "status", false}},
                {}};
  while (q.executeStep()) {
    const std::int64_t households = q.getColumn(3).getInt64(), workers = q.getColumn(4).getInt64(),
                       leaders = q.getColumn(5).getInt64();
    const std::int64_t worker_target = (households + 399) / 400, leader_target = (households + 799) / 800;
    std::string status = "ok";
    if (workers < worker_target || leaders < leader_target) {
      status = "short";
      ++r.findings;
    }
    t.rows.push_back({text(q.getColumn(0).getString()), text(q.getColumn(1).getString()),
                      text(q.getColumn(2).getString()), number(households), number(workers), number(worker_target),
                      number(leaders), number(leader_target), text(status)});
  }
  r.notes.push_back(fmt::format("{} communit{} below the staffing ratios", r.findings, r.findings == 1 ? "y" : "ies"));
  r.tables.push_back(std::move(t));
}

void calendar_report(const SQLite::Database& db, const ReportOptions& o, Report& r) {
  r.title = "Calendar: official working-day calendars for this year and the next";
  const int year = year_of(o.as_of);
  std::map<int, CalendarYear> loaded;
  for (const auto& y : list_calendar_years(db)) loaded[y.year] = y;
  ReportTable t{"years",
                "Years",
                {{"year", "year", true},
                 {"loaded", "loaded", false},
                 {"notice", "notice", false},
                 {"holidays", "holidays", true},
                 {"adjusted", "adjusted working days", true}},
                {}};
  for (int y : {year, year + 1}) {
    auto it = loaded.find(y);
    if (it == loaded.end()) {
      t.rows.push_back({number(y), text("no"), {}, {}, {}});
    } else {
      t.rows.push_back({number(y), text("yes"), text(it->second.source), number(it->second.off_days),
                        number(it->second.work_days)});
    }
  }
  if (!loaded.count(year)) {
    ++r.findings;
    r.notes.push_back(fmt::format("no calendar for {}: due dates count Monday to Friday only", year));
  }
  // The State Council publishes next year's calendar in November.
  const bool december = static_cast<unsigned>(std::chrono::year_month_day{o.as_of}.month()) == 12;
  if (december && !loaded.count(year + 1)) {
    ++r.findings;
    r.notes.push_back(fmt::format("no calendar for {} yet: import the State Council notice", year + 1));
  }
  if (r.findings == 0) r.notes.push_back("calendars in place");
  r.tables.push_back(std::move(t));
}

}  // namespace

const std::vector<std::string>& report_kinds() {
  static const std::vector<std::string> kinds = {"backlog", "overdue", "staffing", "calendar"};
  return kinds;
}

Report build_report(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o) {
  const auto& kinds = report_kinds();
  if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) {
    throw errors::unknown("report", o.kind, kinds);
  }
  check_filters(db, o);
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
  if (o.kind == "calendar") calendar_report(db, o, r);
  return r;
}

}  // namespace sqgl::core
