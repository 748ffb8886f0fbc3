// Deciding a case's current step: approve (the case moves on or is approved),
// reject, return for materials and take them in, withdraw; and the resident's
// rating once it is decided.
#include "core/model/cases/cases.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/model/cases/record.h"
#include "core/model/cases/workflow.h"

namespace sqgl::core {

using namespace workflow;
using nlohmann::json;

namespace {

struct Decision {
  CaseRow c;
  StepRow step;
};

// The open case `number` and its current step, which `op` must be entitled to decide.
Decision step_to_decide(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number) {
  CaseRow c = load_case_at(db, number, clock);
  require_open(c);
  StepRow step = load_step(db, c.id, *c.current_seq);
  require_decider(db, op, c, step);
  return {std::move(c), std::move(step)};
}

}  // namespace

int approve_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                 std::string_view number, const std::string& note) {
  check_free_text("--note", note);
  const auto [c, step] = step_to_decide(db, clock, op, number);
  require_kind_for(c, step, N_("approve"));
  const DateTime now = clock.now();
  json detail{{"step", step.seq}, {"unit", step.unit_name}, {"note", note}};
  if (step.kind == StepKind::posting) {
    // A posting closes once its notice has hung its days with no objection.
    const Posting posting = running_posting(db, c, step);
    if (now.date < posting.ends) {
      throw Conflict(tr("the posting of step {} of case {} runs until {}; it can be closed from then if nobody objects",
                        step.seq, errors::quote(c.number), format_date(posting.ends)));
    }
    const int days = posting_working_days(calendar, posting, now.date);
    CaseUpdate update(db, c.id);
    update.end_posting(step.seq, posting.attempt, StageResult::pass, "", op.id, format_datetime(now));
    update.add_posting_days(days);
    detail["posting_days"] = days;
  }
  decide_step(db, c.id, step.seq, StepStatus::approved, op, now, note);
  move_on(db, calendar, c, step.seq, now, detail);
  append(db, clock, op, "case.approve", c.number, detail);
  return step.seq;
}

int reject_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::string& reason) {
  if (reason.empty()) throw InvalidInput(_("a rejection needs its reason: --reject REASON"));
  check_free_text("--reject", reason);
  const auto [c, step] = step_to_decide(db, clock, op, number);
  require_kind_for(c, step, N_("reject"));
  const DateTime now = clock.now();
  decide_step(db, c.id, step.seq, StepStatus::rejected, op, now, reason);
  CaseUpdate(db, c.id).close(CaseStatus::rejected, format_datetime(now));
  append(db, clock, op, "case.reject", c.number,
         {{"step", step.seq}, {"reason", reason}, {"status", {{"before", "open"}, {"after", "rejected"}}}});
  return step.seq;
}

int return_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::vector<std::string>& materials, const std::string& note) {
  if (materials.empty()) throw InvalidInput(_("name the materials to supplement: --return M1,M2"));
  check_free_text("--note", note);
  const auto [c, step] = step_to_decide(db, clock, op, number);
  if (step.kind == StepKind::posting) require_kind_for(c, step, N_("return"));
  const DateTime now = clock.now();
  const auto requested = match_materials(materials, case_materials(db, c.id), c.item);
  CaseUpdate update(db, c.id);
  update.request_materials(requested, format_datetime(now));
  update.pause(step.seq, note, format_datetime(now), c.due_date, step.due_date);
  append(db, clock, op, "case.return", c.number,
         {{"step", step.seq},
          {"materials", requested},
          {"note", note},
          {"status", {{"before", "open"}, {"after", "returned"}}}});
  return step.seq;
}

void supplement_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                     std::string_view number, const std::vector<std::string>& materials) {
  const CaseRow c = load_case_at(db, number, clock);
  require_window_clerk(op, c.community_id, N_("record supplementary materials"));
  if (c.status != CaseStatus::returned) {
    throw Conflict(tr("case {} is {}, not waiting for materials", errors::quote(c.number), label(c.status)));
  }
  const auto known = case_materials(db, c.id);
  const auto given = match_materials(materials, known, c.item);
  std::vector<std::string> missing;
  for (const auto& m : known) {
    if (!m.requested_at.empty() && m.received_at.empty() &&
        std::find(given.begin(), given.end(), m.seq) == given.end()) {
      missing.push_back(fmt::format("{} {}", m.seq, m.name_zh));
    }
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : "; ") + m;
    throw InvalidInput(tr("case {} still waits for: {}", errors::quote(c.number), list));
  }
  const DateTime now = clock.now();
  CaseUpdate update(db, c.id);
  update.receive_materials(given, format_datetime(now));
  // The clock stood still while the resident gathered the materials: every due
  // date still ahead moves by the working days the case waited.
  const int paused = calendar.working_days_between(date_part(c.returned_at), now.date);
  const std::string due = format_date(calendar.add_working_days(*parse_date(c.due_date), paused));
  const StepRow step = load_step(db, c.id, *c.current_seq);
  const std::string step_due = format_date(calendar.add_working_days(*parse_date(step.due_date), paused));
  update.resume(step.seq, step_due, due, paused);
  update.end_wait(format_datetime(now), paused);
  append(db, clock, op, "case.supplement", c.number,
         {{"materials", given},
          {"paused_days", paused},
          {"due_date", {{"before", c.due_date}, {"after", due}}},
          {"step_due", {{"before", step.due_date}, {"after", step_due}}},
          {"status", {{"before", "returned"}, {"after", "open"}}}});
}

namespace {

// Closes an open or returned case withdrawn at its current step, with its event;
// `cause` (empty for the resident's own request) names the register change that ended it,
// on the day `on`.
void close_withdrawn(SQLite::Database& db, const Clock& clock, const Operator& op, const CaseRow& c,
                     const std::string& reason, const std::string& cause = "", const std::string& on = "") {
  if (c.status != CaseStatus::open && c.status != CaseStatus::returned) {
    throw Conflict(tr("case {} is already {}", errors::quote(c.number), label(c.status)));
  }
  const DateTime now = clock.now();
  decide_step(db, c.id, *c.current_seq, StepStatus::withdrawn, op, now, reason);
  CaseUpdate(db, c.id).close(CaseStatus::withdrawn, format_datetime(now));
  // A case withdrawn while it waited for materials waits no more.
  if (c.status == CaseStatus::returned) CaseUpdate(db, c.id).end_wait(format_datetime(now), std::nullopt);
  json detail{
      {"step", *c.current_seq}, {"reason", reason}, {"status", {{"before", text(c.status)}, {"after", "withdrawn"}}}};
  if (!cause.empty()) {
    detail["cause"] = cause;
    detail["on"] = on;
  }
  append(db, clock, op, "case.withdraw", c.number, detail);
}

}  // namespace

void withdraw_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                   const std::string& reason) {
  check_free_text("--reason", reason);
  const CaseRow c = load_case_at(db, number, clock);
  require_window_clerk(op, c.community_id, N_("withdraw a case"));
  close_withdrawn(db, clock, op, c, reason);
}

void withdraw_case_for_register(SQLite::Database& db, const Clock& clock, const Operator& op,
                                std::string_view number, const std::string& reason, const std::string& cause,
                                const std::string& on) {
  close_withdrawn(db, clock, op, load_case_at(db, number, clock), reason, cause, on);
}

void evaluate_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number, int score,
                   const std::string& comment) {
  if (score < 1 || score > 5) {
    throw errors::invalid(N_("score"), std::to_string(score), _("expected 1 (非常不满意) to 5 (非常满意)"));
  }
  check_free_text("--comment", comment);
  const CaseRow c = load_case_at(db, number, clock);
  require_window_clerk(op, c.community_id, N_("record a rating"));
  if (c.status != CaseStatus::approved && c.status != CaseStatus::rejected) {
    throw Conflict(
        tr("case {} is {}; residents rate a case once it is decided", errors::quote(c.number), label(c.status)));
  }
  SQLite::Statement existing(db, "SELECT score FROM evaluations WHERE case_id = ?");
  existing.bind(1, c.id);
  if (existing.executeStep()) {
    throw Conflict(tr("case {} was already rated ({})", errors::quote(c.number), existing.getColumn(0).getInt()));
  }
  const DateTime now = clock.now();
  CaseUpdate(db, c.id).rate(score, comment, format_datetime(now), op.staff_no);
  append(db, clock, op, "case.evaluate", c.number, {{"score", score}, {"comment", comment}});
}

}  // namespace sqgl::core
