// Staffing: the reform's ratios of station workers and committee leaders to households.
#include "core/report/kinds.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"

namespace sqgl::core::reports {

void staffing(const SQLite::Database& db, const ReportOptions& o, Report& r) {
  r.title = N_("Staffing: one station worker per 400 households, one committee leader per 800");
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
                N_("Communities"),
                {{"community", C_("report column", "community"), ReportUnit::text},
                 {"name", "", ReportUnit::text},
                 {"street", C_("report column", "street office"), ReportUnit::text},
                 {"household_count", C_("report column", "households"), ReportUnit::count},
                 {"station_worker_count", C_("report column", "station workers"), ReportUnit::count},
                 {"station_worker_target", C_("report column", "target"), ReportUnit::count},
                 {"committee_leader_count", C_("report column", "committee leaders"), ReportUnit::count},
                 {"committee_leader_target", C_("report column", "target"), ReportUnit::count},
                 {"status", C_("report column", "status"), ReportUnit::text}},
                {}};
  while (q.executeStep()) {
    const std::int64_t households = q.getColumn(3).getInt64(), workers = q.getColumn(4).getInt64(),
                       leaders = q.getColumn(5).getInt64();
    const std::int64_t worker_target = (households + 399) / 400, leader_target = (households + 799) / 800;
    ReportValue status = word("ok", C_("staffing status", "ok"));
    if (workers < worker_target || leaders < leader_target) {
      status = word("short", C_("staffing status", "short"));
      ++r.findings;
    }
    t.rows.push_back({text(q.getColumn(0).getString()), text(q.getColumn(1).getString()),
                      text(q.getColumn(2).getString()), number(households), number(workers), number(worker_target),
                      number(leaders), number(leader_target), status});
  }
  // Station workers against the reform's one per 400 households, the furthest
  // below it first.
  t.figure = "station_worker_count";
  t.beside = "station_worker_target";
  note(r, tr_n("{} community below the staffing ratios", "{} communities below the staffing ratios",
                static_cast<unsigned long>(r.findings), r.findings));
  r.tables.push_back(std::move(t));
}

}  // namespace sqgl::core::reports
