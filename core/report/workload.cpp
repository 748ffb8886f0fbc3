// Workload: open steps and decisions per staff member, households per grid worker.
#include "core/report/kinds.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/report/day_counts.h"
#include "core/report/period.h"

namespace sqgl::core::reports {

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
  SQLite::Statement waits(db,
                          "SELECT case_id, step, sum(working_days) FROM case_waits "
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

}  // namespace sqgl::core::reports
