// Workload: open steps and decisions per staff member, households per grid worker.
#include "core/report/kinds.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/report/day_counts.h"
#include "core/report/period.h"
#include "core/report/side_by_side.h"

namespace sqgl::core::reports {

void workload(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
              Date to) {
  r.title = N_("Workload: open steps, decisions in the period, households per grid worker");
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
  // A step's days leave out the time it waited for the resident's materials. Waits
  // are few: read once, by case and step.
  std::map<std::pair<std::int64_t, std::int64_t>, int> waited;
  SQLite::Statement waits(db,
                          "SELECT case_id, step, sum(working_days) FROM case_waits "
                          "WHERE working_days IS NOT NULL GROUP BY case_id, step");
  while (waits.executeStep()) {
    waited[{waits.getColumn(0).getInt64(), waits.getColumn(1).getInt64()}] = waits.getColumn(2).getInt();
  }
  // Over years every step is read, in runs of cases shared out among the cores, and
  // the period is tested here on the text already read. A month's steps are found
  // by the decided-at index.
  const bool years = spans_years(from, to);
  const std::vector<CaseIds> runs = period_runs(db, from, to);
  const std::string sql =
      std::string("SELECT s.decided_by, s.started_at, s.decided_at, s.case_id, s.seq FROM case_steps s ") +
      (years ? "WHERE s.case_id BETWEEN ?4 AND ?5"
             : "WHERE s.decided_at >= ?1 AND s.decided_at <= ?2 AND s.decided_at <= ?3 AND s.started_at IS NOT NULL");
  // A step usually starts no earlier than its case was accepted, and was decided
  // by the as-of day: the calendar learns those years before the cores ask.
  if (years) prepare_for_history(db, calendar, o.as_of);
  // What each run adds up, by the decider's place in `deciders`, found by staff id.
  std::vector<Load*> deciders;
  ById<std::size_t> decider;
  for (const auto& [id, load] : by_id) {
    decider.set(id, deciders.size());
    deciders.push_back(load);
  }
  struct Decided {
    std::int64_t count = 0;
    DayCounts days;
  };
  std::vector<std::vector<Decided>> parts(runs.size(), std::vector<Decided>(deciders.size()));
  const std::string first_day = format_date(from), last_moment = end_of(to), as_of_end = end_of(o.as_of);
  read_side_by_side(db, runs.size(), [&](std::size_t run, const SQLite::Database& reader) {
    RowScan decided(reader, sql);
    decided.bind(first_day, last_moment, as_of_end);
    sqlite3_stmt* row = decided.row();
    if (years) {
      sqlite3_bind_int64(row, 4, runs[run].first);
      sqlite3_bind_int64(row, 5, runs[run].last);
    }
    std::vector<Decided>& part = parts[run];
    // Millions of steps over years: read in place, each decider found by id.
    while (decided.next()) {
      const std::string_view decided_at = column_text(row, 2), started_at = column_text(row, 1);
      if (decided_at < first_day || decided_at > last_moment || decided_at > as_of_end || started_at.empty()) continue;
      const std::size_t* by = decider.find(sqlite3_column_int64(row, 0));
      if (by == nullptr) continue;
      Decided& d = part[*by];
      ++d.count;
      const auto start = parse_date(started_at.substr(0, 10)), end = parse_date(decided_at.substr(0, 10));
      if (!start || !end) continue;
      int days = calendar.working_days_between(*start, *end);
      if (!waited.empty()) {
        const auto w = waited.find({sqlite3_column_int64(row, 3), sqlite3_column_int64(row, 4)});
        if (w != waited.end()) days = std::max(0, days - w->second);
      }
      d.days.add(days);
    }
  });
  for (const auto& part : parts) {
    for (std::size_t i = 0; i < deciders.size(); ++i) {
      deciders[i]->decided += part[i].count;
      deciders[i]->days.add(part[i].days);
    }
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
                N_("Staff"),
                {{"staff_no", C_("report column", "staff"), ReportUnit::text},
                 {"name", C_("report column, person", "name"), ReportUnit::text},
                 {"unit", C_("report column", "unit"), ReportUnit::text},
                 {"open_step_count", C_("report column", "open steps"), ReportUnit::count},
                 {"decided", C_("report column", "decided"), ReportUnit::count},
                 {"median_wd", C_("report column", "median wd"), ReportUnit::working_days},
                 {"grid_household_count", C_("report column", "grid households"), ReportUnit::count}},
                {}};
  // Who holds the most open steps; a grid worker's households are another
  // question (staffing answers it).
  t.figure = "open_step_count";
  t.context = {"decided"};
  std::int64_t busy = 0;
  for (const auto& [no, l] : staff) {
    // Staff with nothing to show would only lengthen a district-wide report.
    if (l.open == 0 && l.decided == 0 && !l.grid_worker && o.staff.empty()) continue;
    if (l.open > 0 || l.decided > 0) ++busy;
    t.rows.push_back({text(no), text(l.name), text(l.unit), number(l.open), number(l.decided),
                      l.days.empty() ? ReportValue{} : number(l.days.quantile(0.5)),
                      l.grid_worker ? number(l.households) : ReportValue{}});
  }
  note(r, tr_n("{} staff member with open or decided steps", "{} staff members with open or decided steps",
                static_cast<unsigned long>(busy), busy));
  r.tables.push_back(std::move(t));
}

}  // namespace sqgl::core::reports
