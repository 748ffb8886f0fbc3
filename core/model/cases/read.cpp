// Reading cases: one in full with its steps, materials and history (show), and
// the queues (list); and the record of a refused command.
#include "core/model/cases/cases.h"

#include <algorithm>
#include <functional>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/db/database.h"
#include "core/db/row.h"
#include "core/model/cases/workflow.h"
#include "core/model/history.h"

namespace sqgl::core {

using namespace workflow;

bool Case::overdue(Date today) const {
  return status == CaseStatus::open && !due_date.empty() && *parse_date(due_date) < today;
}

nlohmann::json Case::findings_test(int step, int attempt) const {
  for (const auto& t : findings_tests) {
    if (t.step == step && t.attempt == attempt) return t.test;
  }
  return nullptr;
}

Case get_case(const SQLite::Database& db, const WorkCalendar& calendar, std::string_view number) {
  Case c;
  SQLite::Statement q(db,
                      "SELECT c.id, c.number, c.item, i.name_zh, c.model, c.status, r.citizen_id, r.name, u.code, "
                      "  u.name_zh, c.window, c.accepted_at, a.staff_no, c.due_date, c.paused_days, c.returned_at, "
                      "  c.decided_at, c.note, c.current_seq, e.score, e.comment, c.posting_days, "
                      "  (SELECT code FROM households WHERE id = c.household_id) "
                      "FROM cases c JOIN items i ON i.code = c.item JOIN residents r ON r.id = c.resident_id "
                      "JOIN units u ON u.id = c.community_id JOIN staff a ON a.id = c.accepted_by "
                      "LEFT JOIN evaluations e ON e.case_id = c.id WHERE c.number = ?");
  q.bind(1, std::string(number));
  if (!q.executeStep()) throw no_such_case(number);
  Row r(q);
  const std::int64_t case_id = r.int64();
  c.number = r.text();
  c.item = r.text();
  c.item_name = r.text();
  c.model = stored<Model>(r.text());
  c.status = stored<CaseStatus>(r.text());
  c.citizen_id = r.text();
  c.resident_name = r.text();
  c.community_code = r.text();
  c.community_name = r.text();
  c.window = r.text();
  c.accepted_at = r.text();
  c.accepted_by = r.text();
  c.due_date = r.text();
  c.paused_days = r.integer();
  c.returned_at = r.text();
  c.decided_at = r.text();
  c.note = r.text();
  c.current_seq = r.maybe_int();
  c.score = r.maybe_int();
  c.comment = r.text();
  c.posted_days = r.integer();
  c.household = r.text();

  SQLite::Statement steps(db,
                          "SELECT s.seq, s.level, u.code, u.name_zh, s.name_zh, s.role, s.days, s.status, "
                          "  COALESCE(a.staff_no, ''), s.started_at, s.due_date, s.decided_at, "
                          "  COALESCE(d.staff_no, ''), s.note, s.kind, s.place "
                          "FROM case_steps s JOIN units u ON u.id = s.unit_id "
                          "LEFT JOIN staff a ON a.id = s.assignee_id LEFT JOIN staff d ON d.id = s.decided_by "
                          "WHERE s.case_id = ? ORDER BY s.seq");
  steps.bind(1, case_id);
  SQLite::Statement waited(db,
                           "SELECT sum(working_days) FROM case_waits WHERE case_id = ? AND step = ? "
                           "AND working_days IS NOT NULL HAVING count(*) > 0");
  while (steps.executeStep()) {
    Row step(steps);
    CaseStep s;
    s.seq = step.integer();
    s.level = stored<StepLevel>(step.text());
    s.unit_code = step.text();
    s.unit_name = step.text();
    s.name_zh = step.text();
    s.role = stored<Role>(step.text());
    s.days = step.integer();
    s.status = stored<StepStatus>(step.text());
    s.assignee = step.text();
    s.started_at = step.text();
    s.due_date = step.text();
    s.decided_at = step.text();
    s.decided_by = step.text();
    s.note = step.text();
    s.kind = stored<StepKind>(step.text());
    s.place = step.text();
    // A posting's days are calendar days, not the station's working time.
    if (s.kind != StepKind::posting && !s.started_at.empty() && !s.decided_at.empty()) {
      s.working_days_taken = calendar.working_days_between(date_part(s.started_at), date_part(s.decided_at));
    }
    // Taken by the station, not by the resident gathering materials.
    waited.reset();
    SQLite::bind(waited, case_id, s.seq);
    if (s.working_days_taken && waited.executeStep()) {
      s.working_days_taken = std::max(0, *s.working_days_taken - waited.getColumn(0).getInt());
    }
    (s.kind == StepKind::posting ? c.posting_days : c.promise_days) += s.days;
    c.steps.push_back(std::move(s));
  }
  c.materials = case_materials(db, case_id);
  SQLite::Statement notices(db,
                            "SELECT n.at, n.kind, r.citizen_id, r.name, n.on_date, n.detail FROM case_notices n "
                            "JOIN residents r ON r.id = n.resident_id WHERE n.case_id = ? ORDER BY n.id");
  notices.bind(1, case_id);
  while (notices.executeStep()) {
    Row n(notices);
    CaseNotice notice;
    notice.at = n.text();
    notice.kind = n.text();
    notice.citizen_id = n.text();
    notice.resident_name = n.text();
    notice.on = n.text();
    notice.detail = n.text();
    c.notices.push_back(std::move(notice));
  }
  c.stages = read_case_record(db, case_id).stages;
  SQLite::Statement events(db,
                           "SELECT id, at, COALESCE(recorded_at, ''), COALESCE(clock, ''), COALESCE(operator, ''), "
                           "kind, detail FROM events WHERE subject = ? AND kind LIKE 'case.%' ORDER BY id");
  events.bind(1, c.number);
  while (events.executeStep()) {
    Row event(events);
    CaseEvent e;
    e.id = event.int64();
    e.at = event.text();
    e.recorded_at = event.text();
    e.clock = event.text();
    e.operator_ = event.text();
    e.kind = event.text();
    e.detail = event.text();
    // The means test the household passed when the station accepted the case.
    if (e.kind == "case.apply" && e.detail.find("\"means_test\"") != std::string::npos) {
      const auto detail = nlohmann::json::parse(e.detail, nullptr, false);
      if (detail.is_object() && detail.contains("means_test")) c.means_test = detail["means_test"];
    }
    // An investigation's findings, tested against the standards when it was recorded.
    if (e.kind == "case.investigate" && e.detail.find("\"means_test\"") != std::string::npos) {
      const auto detail = nlohmann::json::parse(e.detail, nullptr, false);
      if (detail.is_object() && detail.contains("means_test") && detail.contains("stage")) {
        c.findings_tests.push_back(
            {detail.value("step", 0), detail["stage"].value("attempt", 1), detail["means_test"]});
      }
    }
    c.history.push_back(std::move(e));
  }
  return c;
}

namespace {

// The list's statement for the filters given, and its parameters in order. Each
// filter is a condition SQLite can start from an index on (open steps by assignee
// or unit, cases by status and due date, by community, by item), so a queue reads
// the open work it asks for, not ten years of cases; a filter not given adds
// nothing. A filtered queue is sorted after it is read (it is small); the whole
// list is read in order from an index (cases_due, cases_accepted, the case
// numbers'). See case_list_plan's tests for the plan of each.
struct ListQuery {
  std::string sql;
  std::string count_sql;
  std::vector<std::string> params;
};

std::string_view order_by(CaseOrder order) {
  switch (order) {
    case CaseOrder::due:
      return "c.due_date, c.number";
    case CaseOrder::accepted:
      return "c.accepted_at, c.number";
    case CaseOrder::number:
      return "c.number";
    case CaseOrder::item:
      return "c.item, c.due_date, c.number";
    case CaseOrder::community:
      return "cu.code, c.due_date, c.number";
  }
  return "c.number";
}

ListQuery list_query(const CaseFilter& filter, Date today, const std::string& due_limit, CaseOrder order) {
  std::vector<std::string> where, params;
  auto add = [&](std::string condition, std::vector<std::string> values = {}) {
    where.push_back(std::move(condition));
    params.insert(params.end(), values.begin(), values.end());
  };
  // A case's current step is active, or returned while it waits for materials.
  constexpr const char* kCurrentStep = "s.status IN ('active', 'returned')";
  if (!filter.assignee.empty()) {
    add(fmt::format("s.assignee_id = (SELECT id FROM staff WHERE staff_no = ?) AND {}", kCurrentStep),
        {filter.assignee});
  }
  if (!filter.unit.empty()) {
    add(fmt::format("s.unit_id = (SELECT id FROM units WHERE code = ?) AND {}", kCurrentStep), {filter.unit});
  }
  if (!filter.community.empty()) add("c.community_id = (SELECT id FROM units WHERE code = ?)", {filter.community});
  if (!filter.street.empty()) {
    add("c.community_id IN (SELECT id FROM units WHERE parent_id = (SELECT id FROM units WHERE code = ?))",
        {filter.street});
  }
  if (!filter.item.empty()) add("c.item = ?", {filter.item});
  if (!filter.status.empty()) add("c.status = ?", {filter.status});
  if (filter.undecided) add("c.status IN ('open', 'returned')");
  if (filter.overdue) add("c.status = 'open' AND c.due_date < ?", {format_date(today)});
  if (!due_limit.empty()) add("c.status = 'open' AND c.due_date <= ?", {due_limit});
  if (filter.unassigned) add("c.status = 'open' AND s.assignee_id IS NULL");
  // With a filter on the current step, only cases that have one are listed: an
  // inner join lets SQLite start from the steps' index.
  const bool on_step = !filter.assignee.empty() || !filter.unit.empty();
  const std::string steps =
      fmt::format("{} case_steps s ON s.case_id = c.id AND s.seq = c.current_seq ", on_step ? "JOIN" : "LEFT JOIN");
  std::string conditions;
  for (std::size_t i = 0; i < where.size(); ++i) conditions += (i == 0 ? "WHERE (" : "AND (") + where[i] + ") ";
  // Every case by community is read community by community, in the order of their
  // codes (a CROSS JOIN fixes that order of the loops), so that SQLite sorts one
  // community's cases at a time, not the history; a filtered list starts from its
  // filter's index and sorts what it read.
  const bool by_community = order == CaseOrder::community && where.empty();
  std::string sql =
      "SELECT c.number, c.item, i.name_zh, c.status, r.citizen_id, r.name, cu.code, cu.name_zh, c.current_seq, "
      "  COALESCE(s.name_zh, ''), COALESCE(su.code, ''), COALESCE(a.staff_no, ''), COALESCE(s.due_date, ''), "
      "  c.due_date, c.accepted_at, (SELECT count(*) FROM case_notices n WHERE n.case_id = c.id) " +
      std::string(by_community ? "FROM units cu CROSS JOIN cases c ON c.community_id = cu.id "
                               : "FROM cases c JOIN units cu ON cu.id = c.community_id ") +
      "JOIN items i ON i.code = c.item JOIN residents r ON r.id = c.resident_id " + steps +
      "LEFT JOIN units su ON su.id = s.unit_id LEFT JOIN staff a ON a.id = s.assignee_id " + conditions +
      "ORDER BY " + std::string(order_by(order));
  // The count needs only the cases and their steps, which the conditions name: the
  // item, resident and community a case refers to are there (foreign keys).
  std::string count_sql = "SELECT count(*) FROM cases c " + steps + conditions;
  return {std::move(sql), std::move(count_sql), std::move(params)};
}

void bind_all(SQLite::Statement& q, const std::vector<std::string>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) q.bind(static_cast<int>(i + 1), params[i]);
}

std::string due_limit_of(const WorkCalendar& calendar, const CaseFilter& filter, Date today) {
  return filter.due_within ? format_date(calendar.add_working_days(today, *filter.due_within)) : "";
}

}  // namespace

std::string case_list_plan(const SQLite::Database& db, const CaseFilter& filter, Date today, CaseOrder order) {
  const auto query = list_query(filter, today, filter.due_within ? format_date(today) : "", order);
  SQLite::Statement q(db, "EXPLAIN QUERY PLAN " + query.sql);
  bind_all(q, query.params);
  std::string plan;
  while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
  return plan;
}

std::int64_t for_each_case(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                           Date today, const std::function<void(const CaseSummary&)>& visit, CaseOrder order,
                           std::optional<std::int64_t> limit) {
  check_case_filter(db, filter);
  const auto query = list_query(filter, today, due_limit_of(calendar, filter, today), order);
  SQLite::Statement q(db, query.sql);
  bind_all(q, query.params);
  const std::string today_text = format_date(today);
  CaseSummary s;
  std::int64_t visited = 0;
  // The limit is counted here rather than told to SQLite: a LIMIT may move its
  // planner to an index that spares the sort and reads every case instead.
  while ((!limit || visited < *limit) && q.executeStep()) {
    Row r(q);
    s.number = r.text();
    s.item = r.text();
    s.item_name = r.text();
    s.status = stored<CaseStatus>(r.text());
    s.citizen_id = r.text();
    s.resident_name = r.text();
    s.community_code = r.text();
    s.community_name = r.text();
    s.step = r.maybe_int();
    s.step_name = r.text();
    s.step_unit = r.text();
    s.assignee = r.text();
    s.step_due = r.text();
    s.due_date = r.text();
    s.accepted_at = r.text();
    s.notices = r.int64();
    s.overdue = s.status == CaseStatus::open && s.due_date < today_text;
    visit(s);
    ++visited;
  }
  return visited;
}

std::int64_t count_cases(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                         Date today) {
  check_case_filter(db, filter);
  const auto query = list_query(filter, today, due_limit_of(calendar, filter, today), CaseOrder::number);
  SQLite::Statement q(db, query.count_sql);
  bind_all(q, query.params);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<CaseSummary> list_cases(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                                    Date today, CaseOrder order) {
  std::vector<CaseSummary> out;
  for_each_case(db, calendar, filter, today, [&](const CaseSummary& c) { out.push_back(c); }, order);
  return out;
}

void record_refusal(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_text,
                    std::string_view command, std::string_view subject, std::string_view reason) {
  WriteTransaction tx(db);
  append_event(db, clock,
               {"permission.denied", std::string(subject),
                nlohmann::json{{"command", command}, {"reason", reason}}.dump(), operator_text});
  tx.commit();
}

}  // namespace sqgl::core
