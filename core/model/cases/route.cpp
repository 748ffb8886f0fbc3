// Who works on a step: one case routed by hand, or every unassigned step at once
// (station steps to the applicant's grid worker, others to the least loaded).
#include "core/model/cases/cases.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/i18n.h"
#include "core/model/cases/record.h"
#include "core/model/cases/workflow.h"
#include "core/model/district.h"

namespace sqgl::core {

using namespace workflow;
using nlohmann::json;

namespace {

// Active staff who may decide `step` of case `case_id`: its unit, its role, and
// no other step of the case decided.
std::vector<std::pair<std::int64_t, std::string>> eligible_staff(const SQLite::Database& db, std::int64_t case_id,
                                                                 const StepRow& step) {
  SQLite::Statement q(db,
                      "SELECT s.id, s.staff_no FROM staff s JOIN staff_roles r ON r.staff_id = s.id "
                      "WHERE s.unit_id = ? AND s.active AND r.role = ? "
                      "AND NOT EXISTS (SELECT 1 FROM case_steps o WHERE o.case_id = ? AND o.seq <> ? "
                      "                AND o.decided_by = s.id) "
                      "ORDER BY s.staff_no");
  SQLite::bind(q, step.unit_id, std::string(text(step.role)), case_id, step.seq);
  std::vector<std::pair<std::int64_t, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  return out;
}

void assign(SQLite::Database& db, const Clock& clock, const Operator& op, const CaseRow& c, const StepRow& step,
            std::int64_t staff_id, const std::string& staff_no, bool automatic) {
  require_causal(db, c, clock.now());
  std::string before;
  if (step.assignee_id) {
    SQLite::Statement q(db, "SELECT staff_no FROM staff WHERE id = ?");
    q.bind(1, *step.assignee_id);
    if (q.executeStep()) before = q.getColumn(0).getString();
  }
  CaseUpdate(db, c.id).assign(step.seq, staff_id);
  append(db, clock, op, "case.route", c.number,
         {{"step", step.seq},
          {"auto", automatic},
          {"assignee", {{"before", before.empty() ? json(nullptr) : json(before)}, {"after", staff_no}}}});
}

}  // namespace

void route_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                std::string_view staff_no) {
  const CaseRow c = load_case_at(db, number, clock);
  if (c.status != CaseStatus::open && c.status != CaseStatus::returned) {
    throw Conflict(tr("case {} is already {}", errors::quote(c.number), label(c.status)));
  }
  const StepRow step = load_step(db, c.id, *c.current_seq);
  if (op.unit_id != step.unit_id && !op.has_role(Role::admin)) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not route step {} of case {}: it belongs to {}", errors::quote(op.staff_no), op.unit_name,
                step.seq, errors::quote(c.number), step.unit_name);
    });
  }
  for (const auto& [id, no] : eligible_staff(db, c.id, step)) {
    if (no == staff_no) {
      assign(db, clock, op, c, step, id, no, false);
      return;
    }
  }
  require_staff(db, std::string(staff_no));  // a typo is "unknown", not "cannot decide"
  throw InvalidInput(
      tr("{} cannot decide step {} ({}) of case {}: it needs an active {} of {} who has decided no "
         "other step of the case",
         errors::quote(staff_no), step.seq, step.name_zh, errors::quote(c.number), label(step.role), step.unit_name));
}

AutoRouteReport route_auto(SQLite::Database& db, const Clock& clock, const Operator& op, const CaseFilter& filter) {
  const bool admin = op.has_role(Role::admin);
  if (!admin && !op.has_role(Role::head)) {
    throw PermissionDenied([&] {
      return tr("{} may not route automatically: that is for station heads and the district admin",
                errors::quote(op.staff_no));
    });
  }
  check_case_filter(db, filter);
  // A station head routes the steps of their own station; the admin routes all.
  SQLite::Statement open(db,
                         "SELECT c.number, s.seq, h.grid_id FROM case_steps s "
                         "JOIN cases c ON c.id = s.case_id AND c.current_seq = s.seq "
                         "JOIN units cu ON cu.id = c.community_id JOIN units su ON su.id = s.unit_id "
                         "JOIN residents r ON r.id = c.resident_id JOIN households h ON h.id = r.household_id "
                         "WHERE s.status = 'active' AND s.assignee_id IS NULL AND c.status = 'open' "
                         "AND (?1 = '' OR cu.code = ?1) AND (?2 = '' OR c.item = ?2) AND (?3 = '' OR su.code = ?3) "
                         "AND (?4 OR s.unit_id = ?5) "
                         "ORDER BY c.accepted_at, c.number");
  SQLite::bind(open, filter.community, filter.item, filter.unit, admin ? 1 : 0, op.unit_id);
  std::vector<std::tuple<std::string, int, std::optional<std::int64_t>>> pending;
  while (open.executeStep()) {
    std::optional<std::int64_t> grid;
    if (!open.getColumn(2).isNull()) grid = open.getColumn(2).getInt64();
    pending.emplace_back(open.getColumn(0).getString(), open.getColumn(1).getInt(), grid);
  }
  // Open steps each staff member already holds, kept up to date as we assign.
  std::map<std::int64_t, int> load;
  SQLite::Statement held(db,
                         "SELECT assignee_id, count(*) FROM case_steps WHERE status IN ('active', 'returned') "
                         "AND assignee_id IS NOT NULL GROUP BY assignee_id");
  while (held.executeStep()) load[held.getColumn(0).getInt64()] = held.getColumn(1).getInt();
  SQLite::Statement grid_worker(db, "SELECT worker_id FROM grids WHERE id = ?");

  AutoRouteReport report;
  for (const auto& [number, seq, grid] : pending) {
    const CaseRow c = load_case(db, number);
    const StepRow step = load_step(db, c.id, seq);
    const auto candidates = eligible_staff(db, c.id, step);
    if (candidates.empty()) {
      ++report.unassignable;
      continue;
    }
    std::optional<std::pair<std::int64_t, std::string>> choice;
    if (step.level == StepLevel::station && grid) {
      grid_worker.reset();
      grid_worker.bind(1, *grid);
      if (grid_worker.executeStep() && !grid_worker.getColumn(0).isNull()) {
        const std::int64_t worker = grid_worker.getColumn(0).getInt64();
        for (const auto& candidate : candidates) {
          if (candidate.first == worker) choice = candidate;
        }
      }
    }
    if (choice) {
      ++report.to_grid_worker;
    } else {
      choice = *std::min_element(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) {
        return std::make_pair(load[a.first], a.second) < std::make_pair(load[b.first], b.second);
      });
    }
    assign(db, clock, op, c, step, choice->first, choice->second, true);
    ++load[choice->first];
    ++report.assigned;
  }
  return report;
}

}  // namespace sqgl::core
