#include "core/report/kinds.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/db/row.h"

namespace sqgl::core::reports {

std::vector<OpenStep> open_steps(const SQLite::Database& db, const ReportOptions& o) {
  SQLite::Statement q(
      db,
      "SELECT c.number, c.item, i.name_zh, c.window, COALESCE(wn.name_zh, ''), cu.code, cu.name_zh, s.name_zh, u.code, "
      "  u.name_zh, COALESCE(a.staff_no, ''), COALESCE(a.name, ''), c.accepted_at, "
      "  COALESCE((SELECT w.due_before FROM case_waits w WHERE w.case_id = c.id "
      "    AND w.returned_at > ?1 ORDER BY w.seq LIMIT 1), c.due_date), "
      "  COALESCE((SELECT w.step_due_before FROM case_waits w WHERE w.case_id = c.id AND w.step = s.seq "
      "    AND w.returned_at > ?1 ORDER BY w.seq LIMIT 1), s.due_date, ''), "
      "  EXISTS (SELECT 1 FROM case_waits w WHERE w.case_id = c.id AND w.returned_at <= ?1 "
      "    AND (w.resumed_at IS NULL OR w.resumed_at > ?1)) "
      "FROM cases c JOIN items i ON i.code = c.item LEFT JOIN windows wn ON wn.code = c.window "
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
    Row row(q);
    OpenStep s;
    s.number = row.text();
    s.item = row.text();
    s.item_name = row.text();
    s.window = row.text();
    s.window_name = row.text();
    s.community = row.text();
    s.community_name = row.text();
    s.step = row.text();
    s.unit = row.text();
    s.unit_name = row.text();
    s.assignee = row.text();
    s.assignee_name = row.text();
    s.accepted = *parse_date(row.text().substr(0, 10));
    s.due = *parse_date(row.text());
    s.step_due = parse_date(row.text());
    s.waiting = row.flag();
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace sqgl::core::reports
