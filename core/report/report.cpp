#include "core/report/report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/db/database.h"
#include "core/model/catalog.h"
#include "core/model/vocabulary.h"
#include "core/report/day_counts.h"

namespace sqgl::core {

namespace {

ReportValue text(const std::string& s) {
  return s.empty() ? ReportValue{} : ReportValue{s};
}
ReportValue number(std::int64_t n) {
  return ReportValue{n};
}

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

std::string end_of(Date day) {
  return format_date(day) + "T23:59:59";
}

// One open step of one case at the end of the as-of day.
struct OpenStep {
  std::string number, item, item_name, window, community, community_name, step, unit, unit_name, assignee;
  Date accepted;
  Date due;  ///< the case's due date as it stood on the day
  std::optional<Date> step_due;
  bool waiting = false;  ///< returned for materials then: its clock stood still, so it was not late
};

// Cases open at the end of `as_of`, each at the step it was in then: read from
// the cases' and steps' own timestamps, which never change once written, and from
// their waits for materials (case_waits), which say whether a case was waiting on
// the day and what its due dates were before a later wait moved them.
std::vector<OpenStep> open_steps(const SQLite::Database& db, const ReportOptions& o) {
  SQLite::Statement q(db,
                      "SELECT c.number, c.item, i.name_zh, c.window, cu.code, cu.name_zh, s.name_zh, u.code, "
                      "  u.name_zh, COALESCE(a.staff_no, ''), c.accepted_at, "
                      "  COALESCE((SELECT w.due_before FROM case_waits w WHERE w.case_id = c.id "
                      "    AND w.returned_at > ?1 ORDER BY w.seq LIMIT 1), c.due_date), "
                      "  COALESCE((SELECT w.step_due_before FROM case_waits w WHERE w.case_id = c.id AND w.step = s.seq "
                      "    AND w.returned_at > ?1 ORDER BY w.seq LIMIT 1), s.due_date, ''), "
                      "  EXISTS (SELECT 1 FROM case_waits w WHERE w.case_id = c.id AND w.returned_at <= ?1 "
                      "    AND (w.resumed_at IS NULL OR w.resumed_at > ?1)) "
                      "FROM cases c JOIN items i ON i.code = c.item "
                      "JOIN units cu ON cu.id = c.community_id JOIN units st ON st.id = cu.parent_id "
                      "JOIN case_steps s ON s.case_id = c.id AND s.status <> 'pending' AND s.started_at <= ?1 "
                      "  AND (s.decided_at IS NULL OR s.decided_at > ?1) "
                      "JOIN units u ON u.id = s.unit_id LEFT JOIN staff a ON a.id = s.assignee_id "
                      // Open then: decided after the day (the partial decided-at index), or not yet
                      // decided, which every code path writes as an open or returned status (the
                      // status index). "+" keeps SQLite off the accepted-at index, which would
                      // visit all of history before the day.
                      "WHERE c.id IN (SELECT id FROM cases WHERE decided_at > ?1 AND +accepted_at <= ?1 "
                      "  UNION ALL SELECT id FROM cases WHERE status IN ('open', 'returned') "
                      "  AND decided_at IS NULL AND +accepted_at <= ?1) "
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
    s.waiting = q.getColumn(13).getInt() != 0;
    out.push_back(std::move(s));
  }
  return out;
}

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
      t.rows.push_back(
          {number(y), text("yes"), text(it->second.source), number(it->second.off_days), number(it->second.work_days)});
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

// A query stepped through SQLite's C API, for the passes over a whole history:
// millions of rows, where each SQLiteCpp column would copy a shared pointer.
class RowScan {
 public:
  RowScan(const SQLite::Database& db, const std::string& sql) {
    const int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &row_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  }
  ~RowScan() { sqlite3_finalize(row_); }
  RowScan(const RowScan&) = delete;
  RowScan& operator=(const RowScan&) = delete;

  template <typename... Texts>
  void bind(const Texts&... values) {
    int i = 0;
    (sqlite3_bind_text(row_, ++i, values.data(), static_cast<int>(values.size()), SQLITE_TRANSIENT), ...);
  }
  bool next() {
    const int rc = sqlite3_step(row_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(sqlite3_db_handle(row_), rc);
  }
  sqlite3_stmt* row() const { return row_; }

 private:
  sqlite3_stmt* row_ = nullptr;
};

// The text of column `i` of the current row, valid until the next step.
std::string_view column_text(sqlite3_stmt* row, int i) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
  return text == nullptr ? std::string_view()
                         : std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, i)));
}

// A case of the period, with what the period reports need. Every view but
// `number` points into the PeriodCases that produced it and lives as long as it,
// so reports may keep them as keys; `number` lasts for the visit only.
struct PeriodCase {
  std::string_view number, item, item_name, category, window, community, community_name, street, street_name, model,
      accepted_by;
  CaseStatus status = CaseStatus::open;
  Date accepted;
  std::optional<Date> decided;
  Date due;
  int paused_days = 0;  ///< working days it waited for the resident's materials
  std::optional<int> score;
};

// Cases accepted or decided within the period, as they stood at the end of as-of.
// A whole history reads every case: names are looked up in tables read once, not
// joined for each case, and no text is copied per case.
class PeriodCases {
 public:
  explicit PeriodCases(const SQLite::Database& db) : db_(db) {
    SQLite::Statement u(db, "SELECT id, code, name_zh, COALESCE(parent_id, 0) FROM units");
    while (u.executeStep()) {
      units_[u.getColumn(0).getInt64()] = {u.getColumn(1).getString(), u.getColumn(2).getString(),
                                           u.getColumn(3).getInt64()};
    }
    SQLite::Statement i(db, "SELECT code, name_zh, category FROM items");
    while (i.executeStep()) {
      items_[i.getColumn(0).getString()] = {i.getColumn(1).getString(), i.getColumn(2).getString()};
    }
    SQLite::Statement st(db, "SELECT id, staff_no FROM staff");
    while (st.executeStep()) staff_[st.getColumn(0).getInt64()] = st.getColumn(1).getString();
  }

  void for_each(const ReportOptions& o, Date from, Date to, const std::function<void(const PeriodCase&)>& visit) {
    // For a month the date indexes find the few cases; for years of history a plain
    // scan is faster than merging two index lookups ("+" keeps SQLite off them).
    // Over years, too, the ratings are read in one pass beside the cases (both come
    // in case order) rather than looked up case by case: column 11 is then the id.
    const bool long_period = (to - from).count() > 400;
    std::string sql =
        "SELECT c.number, c.item, c.window, c.community_id, c.model, c.status, c.accepted_by, c.accepted_at, "
        "  c.decided_at, c.due_date, c.paused_days, ";
    sql += long_period ? "c.id FROM cases c "
                       : "e.score FROM cases c LEFT JOIN evaluations e ON e.case_id = c.id AND e.at <= ?3 ";
    sql +=
        "WHERE c.accepted_at <= ?3 AND ((c.accepted_at >= ?1 AND c.accepted_at <= ?2) "
        "  OR (c.decided_at >= ?1 AND c.decided_at <= ?2 AND c.decided_at <= ?3)) "
        "  AND (?4 = '' OR c.item = ?4) AND (?5 = '' OR c.window = ?5) "
        "ORDER BY c.id";
    if (long_period) {
      const auto where = sql.find("WHERE"), order = sql.find("ORDER BY");
      std::string filter = sql.substr(where, order - where);
      for (const std::string column : {"c.accepted_at", "c.decided_at"}) {
        for (auto at = filter.find(column); at != std::string::npos; at = filter.find(column, at + 2)) {
          filter.insert(at, "+");
        }
      }
      sql = sql.substr(0, where) + filter + sql.substr(order);
    }
    RowScan q(db_, sql);
    const std::string as_of_end = end_of(o.as_of);
    q.bind(format_date(from), end_of(to), as_of_end, o.item, o.window);
    static const Unit kNone;
    static const std::pair<std::string, std::string> kNoItem;
    sqlite3_stmt* row = q.row();
    std::optional<RowScan> ratings;
    bool rating = false;  // ratings is on a row
    if (long_period) {
      ratings.emplace(db_, "SELECT case_id, score FROM evaluations WHERE at <= ?1 ORDER BY case_id");
      ratings->bind(as_of_end);
      rating = ratings->next();
    }
    PeriodCase c;
    while (q.next()) {
      const Unit& community = find_or(units_, sqlite3_column_int64(row, 3), kNone);
      const Unit& street = find_or(units_, community.parent, kNone);
      if (!o.community.empty() && community.code != o.community) continue;
      if (!o.street.empty() && street.code != o.street) continue;
      const auto item = items_.find(column_text(row, 1));
      const auto& [item_name, category] = item == items_.end() ? kNoItem : item->second;
      if (!o.category.empty() && category != o.category) continue;
      c.number = column_text(row, 0);
      c.item = item == items_.end() ? intern(column_text(row, 1)) : std::string_view(item->first);
      c.item_name = item_name;
      c.category = category;
      c.window = intern(column_text(row, 2));
      c.community = community.code;
      c.community_name = community.name;
      c.street = street.code;
      c.street_name = street.name;
      c.model = intern(column_text(row, 4));
      c.accepted_by = find_or(staff_, sqlite3_column_int64(row, 6), kNone.code);
      c.accepted = *parse_date(column_text(row, 7).substr(0, 10));
      const std::string_view decided = column_text(row, 8);
      // A decision after the as-of day had not happened yet.
      if (!decided.empty() && decided <= as_of_end) {
        c.decided = *parse_date(decided.substr(0, 10));
        c.status = stored<CaseStatus>(column_text(row, 5));
      } else {
        c.decided.reset();
        c.status = CaseStatus::open;
      }
      c.due = *parse_date(column_text(row, 9));
      c.paused_days = sqlite3_column_int(row, 10);
      c.score.reset();
      if (!long_period) {
        if (sqlite3_column_type(row, 11) != SQLITE_NULL) c.score = sqlite3_column_int(row, 11);
      } else {
        const std::int64_t id = sqlite3_column_int64(row, 11);
        while (rating && sqlite3_column_int64(ratings->row(), 0) < id) rating = ratings->next();
        if (rating && sqlite3_column_int64(ratings->row(), 0) == id) c.score = sqlite3_column_int(ratings->row(), 1);
      }
      visit(c);
    }
  }

 private:
  struct Unit {
    std::string code, name;
    std::int64_t parent = 0;
  };

  template <typename Map>
  static const typename Map::mapped_type& find_or(const Map& map, std::int64_t key,
                                                  const typename Map::mapped_type& none) {
    const auto it = map.find(key);
    return it == map.end() ? none : it->second;
  }

  // One copy of each window and model text, for views that outlive the row.
  // There are a handful of each: a look along the list beats a tree or a hash.
  std::string_view intern(std::string_view text) {
    for (const auto& known : interned_) {
      if (known == text) return known;
    }
    return interned_.emplace_back(text);
  }

  const SQLite::Database& db_;
  std::unordered_map<std::int64_t, Unit> units_;
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> items_;  // code → name, category
  std::unordered_map<std::int64_t, std::string> staff_;
  std::deque<std::string> interned_;  // a deque never moves what it holds
};

// Totals by a key that outlives them (a PeriodCase view), listed in key order.
template <typename T>
using ByKey = std::unordered_map<std::string_view, T>;

template <typename T>
std::vector<std::pair<std::string_view, const T*>> in_key_order(const ByKey<T>& totals) {
  std::vector<std::pair<std::string_view, const T*>> out;
  out.reserve(totals.size());
  for (const auto& [key, total] : totals) out.emplace_back(key, &total);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// The station's working days from acceptance to decision: the days the case
// waited for the resident's materials are the resident's, not the station's.
int working_days_to_decision(const WorkCalendar& calendar, const PeriodCase& c) {
  return std::max(0, calendar.working_days_between(c.accepted, *c.decided) - c.paused_days);
}

bool in_period(Date d, Date from, Date to) {
  return d >= from && d <= to;
}

struct Tally {
  std::string label;
  std::int64_t received = 0, decided = 0, approved = 0, rejected = 0, on_time = 0;
  DayCounts days;
};

void performance(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
                 Date to) {
  r.title = "Performance: received, decided, on time, working days to decision";
  using Key = std::string_view (*)(const PeriodCase&);
  struct Grouping {
    const char* name;
    const char* title;
    const char* key_title;
    Key key;
    Key label;
  };
  const Grouping groupings[] = {
      {"total", "Total", "", [](const PeriodCase&) { return std::string_view("total"); },
       [](const PeriodCase&) { return std::string_view(); }},
      {"by_item", "By item", "item", [](const PeriodCase& c) { return c.item; },
       [](const PeriodCase& c) { return c.item_name; }},
      {"by_category", "By category", "category", [](const PeriodCase& c) { return c.category; },
       [](const PeriodCase&) { return std::string_view(); }},
      {"by_window", "By window", "window", [](const PeriodCase& c) { return c.window; },
       [](const PeriodCase&) { return std::string_view(); }},
      {"by_community", "By community", "community", [](const PeriodCase& c) { return c.community; },
       [](const PeriodCase& c) { return c.community_name; }},
      {"by_street", "By street office", "street office", [](const PeriodCase& c) { return c.street; },
       [](const PeriodCase& c) { return c.street_name; }},
  };
  // One pass over the cases, each added up six ways: a whole history is a million cases.
  PeriodCases cases(db);
  std::vector<ByKey<Tally>> tallies(std::size(groupings));
  std::int64_t count = 0;
  cases.for_each(o, from, to, [&](const PeriodCase& c) {
    ++count;
    const bool received = in_period(c.accepted, from, to);
    const bool decided = c.decided && in_period(*c.decided, from, to) && c.status != CaseStatus::withdrawn;
    const int days = decided ? working_days_to_decision(calendar, c) : 0;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      auto [at, added] = tallies[g].try_emplace(groupings[g].key(c));
      Tally& t = at->second;
      if (added) t.label = groupings[g].label(c);
      t.received += received;
      if (decided) {
        ++t.decided;
        t.approved += c.status == CaseStatus::approved;
        t.rejected += c.status == CaseStatus::rejected;
        t.on_time += *c.decided <= c.due;
        t.days.add(days);
      }
    }
  });
  for (std::size_t gi = 0; gi < std::size(groupings); ++gi) {
    const auto& g = groupings[gi];
    ReportTable t{g.name,
                  g.title,
                  {{"key", g.key_title, false},
                   {"name", "", false},
                   {"received", "received", true},
                   {"decided", "decided", true},
                   {"approved", "approved", true},
                   {"rejected", "rejected", true},
                   {"on_time_pct", "on time %", true},
                   {"median_wd", "median wd", true},
                   {"p90_wd", "p90 wd", true}},
                  {}};
    for (const auto& [key, tally] : in_key_order(tallies[gi])) {
      ReportValue rate;
      if (tally->decided > 0) {
        rate = std::round(1000.0 * static_cast<double>(tally->on_time) / static_cast<double>(tally->decided)) / 10.0;
      }
      t.rows.push_back({text(std::string(key)), text(tally->label), number(tally->received), number(tally->decided),
                        number(tally->approved), number(tally->rejected), rate,
                        tally->days.empty() ? ReportValue{} : number(tally->days.quantile(0.5)),
                        tally->days.empty() ? ReportValue{} : number(tally->days.quantile(0.9))});
    }
    if (std::string(g.name) == "total" && t.rows.empty()) {
      t.rows.push_back({text("total"), {}, number(0), number(0), number(0), number(0), {}, {}, {}});
    }
    r.tables.push_back(std::move(t));
  }
  r.notes.push_back(fmt::format("{} case{} accepted or decided in the period", count, count == 1 ? "" : "s"));
}

void evaluation(const SQLite::Database& db, const ReportOptions& o, Report& r, Date from, Date to) {
  r.title = "Evaluation: residents' ratings (好差评) of the cases decided in the period";
  using Key = std::string_view (*)(const PeriodCase&);
  const std::tuple<const char*, const char*, Key> groupings[] = {
      {"by_window", "By window", [](const PeriodCase& c) { return c.window; }},
      {"by_staff", "By accepting clerk", [](const PeriodCase& c) { return c.accepted_by; }},
      {"by_item", "By item", [](const PeriodCase& c) { return c.item; }},
  };
  // Counted in one pass over the cases: 1..5, unrated, decided.
  PeriodCases cases(db);
  std::vector<ByKey<std::array<std::int64_t, 7>>> counts(std::size(groupings));
  ReportTable low{
      "low",
      "Low ratings (1–2)",
      {{"case", "case", false}, {"item", "item", false}, {"clerk", "accepted by", false}, {"score", "score", true}},
      {}};
  std::int64_t decided = 0;
  cases.for_each(o, from, to, [&](const PeriodCase& c) {
    if (!c.decided || !in_period(*c.decided, from, to) || (c.status != CaseStatus::approved && c.status != CaseStatus::rejected)) return;
    ++decided;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      auto& n = counts[g][std::get<2>(groupings[g])(c)];
      ++n[6];
      ++n[c.score ? static_cast<std::size_t>(*c.score - 1) : 5];
    }
    if (c.score && *c.score <= 2)
      low.rows.push_back(
          {text(std::string(c.number)), text(std::string(c.item)), text(std::string(c.accepted_by)), number(*c.score)});
  });
  for (std::size_t g = 0; g < std::size(groupings); ++g) {
    const auto& [name, title, key] = groupings[g];
    ReportTable t{name,
                  title,
                  {{"key", "", false},
                   {"decided", "decided", true},
                   {"s5", "非常满意", true},
                   {"s4", "满意", true},
                   {"s3", "基本满意", true},
                   {"s2", "不满意", true},
                   {"s1", "非常不满意", true},
                   {"unrated", "not rated", true},
                   {"satisfied_pct", "satisfied %", true}},
                  {}};
    for (const auto& [k, totals] : in_key_order(counts[g])) {
      const auto& n = *totals;
      const std::int64_t rated = n[6] - n[5];
      ReportValue share;
      if (rated > 0) share = std::round(1000.0 * static_cast<double>(n[3] + n[4]) / static_cast<double>(rated)) / 10.0;
      t.rows.push_back({text(std::string(k)), number(n[6]), number(n[4]), number(n[3]), number(n[2]), number(n[1]),
                        number(n[0]), number(n[5]), share});
    }
    r.tables.push_back(std::move(t));
  }
  r.notes.push_back(fmt::format("{} decided case{}, {} low rating{}", decided, decided == 1 ? "" : "s", low.rows.size(),
                                low.rows.size() == 1 ? "" : "s"));
  r.tables.push_back(std::move(low));
}

void reform(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
            Date to) {
  r.title = "Reform: the new model against the old, on real cases";
  struct Side {
    std::int64_t cases = 0;
    DayCounts days;
  };
  using Sides = ByKey<Side>;  // model → side
  PeriodCases cases(db);
  ByKey<Sides> by_item;
  Sides total;
  static const Side kNone;
  auto side_in = [](const Sides& sides, std::string_view model) -> const Side& {
    auto it = sides.find(model);
    return it != sides.end() ? it->second : kNone;
  };
  cases.for_each(o, from, to, [&](const PeriodCase& c) {
    if (!c.decided || !in_period(*c.decided, from, to) || c.status == CaseStatus::withdrawn) return;
    const int wd = working_days_to_decision(calendar, c);
    for (auto* side : {&by_item[c.item][c.model], &total[c.model]}) {
      ++side->cases;
      side->days.add(wd);
    }
  });
  ReportTable t{"by_item",
                "By item",
                {{"item", "item", false},
                 {"name", "", false},
                 {"levels_old", "levels old", true},
                 {"levels_new", "levels new", true},
                 {"promised_old", "promised old", true},
                 {"promised_new", "promised new", true},
                 {"trips_old", "trips old", true},
                 {"trips_new", "trips new", true},
                 {"cases_old", "cases old", true},
                 {"cases_new", "cases new", true},
                 {"median_wd_old", "median wd old", true},
                 {"median_wd_new", "median wd new", true}},
                {}};
  for (const auto& category : list_catalog(db, {o.category, o.window})) {
    for (const auto& item : category.items) {
      if (!o.item.empty() && item.code != o.item) continue;
      auto chain_days = [](const std::vector<ChainStep>& chain) {
        std::int64_t d = 0;
        for (const auto& s : chain) d += s.days;
        return d;
      };
      static const Sides kNoSides;
      const auto found = by_item.find(item.code);
      const Sides& sides = found != by_item.end() ? found->second : kNoSides;
      auto median = [](const Side& s) { return s.days.empty() ? ReportValue{} : number(s.days.quantile(0.5)); };
      t.rows.push_back({text(item.code), text(item.name_zh), number(static_cast<std::int64_t>(item.old_chain.size())),
                        number(static_cast<std::int64_t>(item.new_chain.size())), number(chain_days(item.old_chain)),
                        number(chain_days(item.new_chain)), number(item.trips_old), number(item.trips_new),
                        number(side_in(sides, "old").cases), number(side_in(sides, "new").cases),
                        median(side_in(sides, "old")), median(side_in(sides, "new"))});
    }
  }
  ReportTable sum{"total",
                  "Total",
                  {{"model", "model", false},
                   {"cases", "cases", true},
                   {"median_wd", "median wd", true},
                   {"p90_wd", "p90 wd", true}},
                  {}};
  for (const char* model : {"old", "new"}) {
    const auto& side = side_in(total, model);
    sum.rows.push_back({text(model), number(side.cases),
                        side.days.empty() ? ReportValue{} : number(side.days.quantile(0.5)),
                        side.days.empty() ? ReportValue{} : number(side.days.quantile(0.9))});
  }
  r.tables.push_back(std::move(sum));
  r.tables.push_back(std::move(t));
  r.notes.push_back(fmt::format("{} decided under the old model, {} under the new", side_in(total, "old").cases,
                                side_in(total, "new").cases));
}

void workload(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
              Date to) {
  r.title = "Workload: open steps, decisions in the period, households per grid worker";
  struct Load {
    std::string name, unit;
    std::int64_t open = 0, decided = 0, households = 0;
    bool grid_worker = false;
    DayCounts days;
  };
  std::map<std::string, Load> staff;
  std::unordered_map<std::int64_t, Load*> by_id;  // node addresses: the map never moves them
  SQLite::Statement people(db,
                           "SELECT s.staff_no, s.name, u.code, s.id FROM staff s JOIN units u ON u.id = s.unit_id "
                           "LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN units pp ON pp.id = p.parent_id "
                           "WHERE s.active AND (?1 = '' OR s.staff_no = ?1) "
                           "  AND (?2 = '' OR u.code = ?2 OR p.code = ?2) "
                           "  AND (?3 = '' OR u.code = ?3 OR p.code = ?3 OR pp.code = ?3)");
  SQLite::bind(people, o.staff, o.community, o.street);
  while (people.executeStep()) {
    auto& l = staff[people.getColumn(0).getString()];
    l.name = people.getColumn(1).getString();
    l.unit = people.getColumn(2).getString();
    by_id[people.getColumn(3).getInt64()] = &l;
  }
  for (const auto& s : open_steps(db, ReportOptions{o.kind, o.as_of, {}, {}, "", "", "", "", "", ""})) {
    if (auto it = staff.find(s.assignee); it != staff.end()) ++it->second.open;
  }
  // Over years the decided-at index would visit every step through it; a scan is faster.
  // (A "+" is not enough: a comparison implies NOT NULL, and SQLite would scan the
  // partial index instead, looking up every step from it. COALESCE implies nothing.)
  const std::string on = (to - from).count() > 400 ? "COALESCE(s.decided_at, '')" : "s.decided_at";
  // A step's days leave out the time it waited for the resident's materials. Waits
  // are few: read once, by case and step.
  std::map<std::pair<std::int64_t, std::int64_t>, int> waited;
  SQLite::Statement waits(db, "SELECT case_id, step, sum(working_days) FROM case_waits "
                              "WHERE working_days IS NOT NULL GROUP BY case_id, step");
  while (waits.executeStep()) {
    waited[{waits.getColumn(0).getInt64(), waits.getColumn(1).getInt64()}] = waits.getColumn(2).getInt();
  }
  RowScan decided(db, fmt::format("SELECT s.decided_by, s.started_at, s.decided_at, s.case_id, s.seq "
                                  "FROM case_steps s "
                                  "WHERE {0} >= ?1 AND {0} <= ?2 AND {0} <= ?3 AND s.started_at IS NOT NULL",
                                  on));
  decided.bind(format_date(from), end_of(to), end_of(o.as_of));
  // Millions of steps over years: read in place, each decider found by id.
  sqlite3_stmt* row = decided.row();
  while (decided.next()) {
    const auto it = by_id.find(sqlite3_column_int64(row, 0));
    if (it == by_id.end()) continue;
    ++it->second->decided;
    int days = calendar.working_days_between(*parse_date(column_text(row, 1).substr(0, 10)),
                                             *parse_date(column_text(row, 2).substr(0, 10)));
    if (!waited.empty()) {
      const auto w = waited.find({sqlite3_column_int64(row, 3), sqlite3_column_int64(row, 4)});
      if (w != waited.end()) days = std::max(0, days - w->second);
    }
    it->second->days.add(days);
  }
  SQLite::Statement grids(db,
                          "SELECT w.staff_no, count(h.id) FROM grids g JOIN staff w ON w.id = g.worker_id "
                          "LEFT JOIN households h ON h.grid_id = g.id GROUP BY w.staff_no");
  while (grids.executeStep()) {
    if (auto it = staff.find(grids.getColumn(0).getString()); it != staff.end()) {
      it->second.grid_worker = true;
      it->second.households = grids.getColumn(1).getInt64();
    }
  }
  ReportTable t{"staff",
                "Staff",
                {{"staff", "staff", false},
                 {"name", "name", false},
                 {"unit", "unit", false},
                 {"open_steps", "open steps", true},
                 {"decided", "decided", true},
                 {"median_wd", "median wd", true},
                 {"households", "grid households", true}},
                {}};
  std::int64_t busy = 0;
  for (const auto& [no, l] : staff) {
    // Staff with nothing to show would only lengthen a district-wide report.
    if (l.open == 0 && l.decided == 0 && !l.grid_worker && o.staff.empty()) continue;
    if (l.open > 0 || l.decided > 0) ++busy;
    t.rows.push_back({text(no), text(l.name), text(l.unit), number(l.open), number(l.decided),
                      l.days.empty() ? ReportValue{} : number(l.days.quantile(0.5)),
                      l.grid_worker ? number(l.households) : ReportValue{}});
  }
  r.notes.push_back(fmt::format("{} staff member{} with open or decided steps", busy, busy == 1 ? "" : "s"));
  r.tables.push_back(std::move(t));
}

}  // namespace

const std::vector<std::string>& report_kinds() {
  static const std::vector<std::string> kinds = {"backlog",    "overdue",  "performance", "workload",
                                                 "evaluation", "staffing", "reform",      "calendar"};
  return kinds;
}

Report build_report(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o) {
  const auto& kinds = report_kinds();
  if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) {
    throw errors::unknown("report", o.kind, kinds);
  }
  check_filters(db, o);
  const bool period_report =
      o.kind == "performance" || o.kind == "evaluation" || o.kind == "reform" || o.kind == "workload";
  if (!period_report && (o.from || o.to)) {
    // Backlog, overdue, staffing and calendar describe one moment: a period given
    // to them would be printed in the header yet change nothing.
    throw InvalidInput(
        fmt::format("'{}' reports the state at --as-of; --period, --from and --to are for "
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
  if (o.kind == "calendar") calendar_report(db, o, r);
  // Period reports cover --period or --from/--to, else the month of the as-of day.
  const std::chrono::year_month_day month{o.as_of};
  const Date from = o.from.value_or(Date{month.year() / month.month() / 1});
  const Date to = o.to.value_or(std::min(o.as_of, Date{month.year() / month.month() / std::chrono::last}));
  if (period_report && to < from) {
    // --from alone runs to the as-of day, --to alone from the first of the as-of month.
    throw InvalidInput(fmt::format("the period {} to {} ends before it starts{}", format_date(from), format_date(to),
                                   o.to ? " (--from defaults to the first of the as-of month)"
                                        : " (--to defaults to the as-of day; give --to or --as-of)"));
  }
  if (period_report) {
    r.from = format_date(from);
    r.to = format_date(to);
  }
  if (o.kind == "performance") performance(db, calendar, o, r, from, to);
  if (o.kind == "evaluation") evaluation(db, o, r, from, to);
  if (o.kind == "reform") reform(db, calendar, o, r, from, to);
  if (o.kind == "workload") workload(db, calendar, o, r, from, to);
  return r;
}

}  // namespace sqgl::core
