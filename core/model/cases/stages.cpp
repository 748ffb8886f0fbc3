// The stages a level goes through before it decides: the home investigation
// (入户调查), the democratic review (民主评议), and objections to a public posting (公示).
// Closing a posting without objection is `approve_case`.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <nlohmann/json.hpp>

#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/model/cases/cases.h"
#include "core/model/cases/record.h"
#include "core/model/cases/workflow.h"
#include "core/model/catalog.h"
#include "core/model/household.h"

namespace sqgl::core {

using namespace workflow;
using nlohmann::json;

namespace {

// The open case `number` at a step of `kind`, which `op` may take.
std::pair<CaseRow, StepRow> stage_to_record(SQLite::Database& db, const Clock& clock, const Operator& op,
                                            std::string_view number, StepKind kind) {
  CaseRow c = load_case_at(db, number, clock);
  require_open(c);
  StepRow step = load_step(db, c.id, *c.current_seq);
  if (step.kind != kind) {
    throw Conflict(tr("step {} ({}) of case {} is a {}, not a {}", step.seq, step.name_zh, errors::quote(c.number),
                      label(step.kind), label(kind)));
  }
  require_decider(db, op, c, step);
  return {std::move(c), std::move(step)};
}

// A stage is dated on a day of its step: not before the step started, not after today.
void require_within_step(const StepRow& step, Date day, Date today, const char* option) {
  const Date started = date_part(step.started_at);
  if (day < started || day > today) {
    throw InvalidInput(tr("{} {} is outside step {}: it started on {} and today is {}", option, format_date(day),
                          step.seq, format_date(started), format_date(today)));
  }
}

int next_attempt(const SQLite::Database& db, std::int64_t case_id, int step) {
  SQLite::Statement q(db, "SELECT COALESCE(max(attempt), 0) + 1 FROM case_stages WHERE case_id = ? AND step = ?");
  SQLite::bind(q, case_id, step);
  q.executeStep();
  return q.getColumn(0).getInt();
}

// What an investigation of a household case found, tested against the standards
// its item tests (means_test_json); null when the case is not a household's, its
// item tests no means, or the visit measured nothing. A pass that the findings
// contradict is refused, as the application would have been.
json test_findings(const SQLite::Database& db, const CaseRow& c, const Investigation& found) {
  if (!found.income_fen && !found.area_dm2) return nullptr;
  SQLite::Statement q(db, "SELECT household_id FROM cases WHERE id = ?");
  q.bind(1, c.id);
  if (!q.executeStep() || q.getColumn(0).isNull()) return nullptr;
  const Item item = get_item(db, c.item);
  if (item.means_test.empty()) return nullptr;
  const Household household = household_by_id(db, q.getColumn(0).getInt64());
  auto yuan = [](const std::optional<std::int64_t>& hundredths) {
    return hundredths ? std::optional<double>(static_cast<double>(*hundredths) / 100) : std::nullopt;
  };
  const MeansTest test = found_means_test(db, household, item.means_test, found.visited, yuan(found.income_fen),
                                          yuan(found.area_dm2));
  if (found.passed) {
    if (const auto failures = means_test_failures(test); !failures.empty()) {
      throw InvalidInput(tr("household {} is not eligible for {} {} on what the investigation found: {}; record "
                            "--result fail with the reason",
                            errors::quote(household.code), item.code, item.name_zh, joined(failures)));
    }
  }
  return means_test_json(test);
}

// Records `stage` for the step, decides the step by it (a pass moves the case on, a
// fail rejects it) and appends the event `kind`, with `extra` in its detail.
int record_stage(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                 const CaseRow& c, const StepRow& step, StageRecord stage, const char* kind,
                 const json& extra = json::object()) {
  const DateTime now = clock.now();
  stage.step = step.seq;
  stage.attempt = next_attempt(db, c.id, step.seq);
  stage.by = op.staff_no;
  stage.at = format_datetime(now);
  CaseUpdate update(db, c.id);
  update.add_stage(stage);
  const bool passed = stage.result == StageResult::pass;
  decide_step(db, c.id, step.seq, passed ? StepStatus::approved : StepStatus::rejected, op, now, stage.note);
  json detail{{"step", step.seq}, {"stage", stage_record_json(stage)}};
  detail.update(extra);
  if (passed) {
    move_on(db, calendar, c, step.seq, now, detail);
  } else {
    update.close(CaseStatus::rejected, format_datetime(now));
    detail["status"] = {{"before", "open"}, {"after", "rejected"}};
  }
  append(db, clock, op, kind, c.number, detail);
  return step.seq;
}

}  // namespace

int investigate_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                     std::string_view number, const Investigation& investigation) {
  check_free_text("--note", investigation.note);
  if (!investigation.passed && investigation.note.empty()) {
    throw InvalidInput(_("a failed investigation needs its reason: --note TEXT"));
  }
  const auto [c, step] = stage_to_record(db, clock, op, number, StepKind::investigation);
  require_within_step(step, investigation.visited, clock.today(), "--visited");
  json extra = json::object();
  if (auto tested = test_findings(db, c, investigation); !tested.is_null()) extra["means_test"] = std::move(tested);
  StageRecord stage;
  stage.kind = StepKind::investigation;
  stage.held_on = format_date(investigation.visited);
  stage.income_fen = investigation.income_fen;
  stage.area_dm2 = investigation.area_dm2;
  stage.result = investigation.passed ? StageResult::pass : StageResult::fail;
  stage.note = investigation.note;
  return record_stage(db, clock, calendar, op, c, step, std::move(stage), "case.investigate", extra);
}

int review_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                std::string_view number, const Review& review) {
  check_free_text("--minutes", review.minutes);
  if (review.attendees < 1) throw InvalidInput(_("a review needs at least one attendee: --attendees N"));
  if (review.votes_for + review.votes_against + review.votes_abstain != review.attendees) {
    throw InvalidInput(tr("the votes ({} for, {} against, {} abstaining) add up to {}, not to the {} attendees",
                          review.votes_for, review.votes_against, review.votes_abstain,
                          review.votes_for + review.votes_against + review.votes_abstain, review.attendees));
  }
  const auto [c, step] = stage_to_record(db, clock, op, number, StepKind::review);
  require_within_step(step, review.held, clock.today(), "--held");
  StageRecord stage;
  stage.kind = StepKind::review;
  stage.held_on = format_date(review.held);
  stage.attendees = review.attendees;
  stage.votes_for = review.votes_for;
  stage.votes_against = review.votes_against;
  stage.votes_abstain = review.votes_abstain;
  stage.minutes = review.minutes;
  // More than half of those present must be for.
  const bool passed = 2 * review.votes_for > review.attendees;
  stage.result = passed ? StageResult::pass : StageResult::fail;
  return record_stage(db, clock, calendar, op, c, step, std::move(stage), "case.review");
}

int object_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                std::string_view number, const std::string& reason) {
  if (reason.empty()) throw InvalidInput(_("an objection needs its text: --reason TEXT"));
  check_free_text("--reason", reason);
  const auto [c, step] = stage_to_record(db, clock, op, number, StepKind::posting);
  const DateTime now = clock.now();
  const Posting posting = running_posting(db, c, step);
  if (now.date >= posting.ends) {
    throw Conflict(tr("the posting of step {} of case {} ended on {}; an objection is taken while it runs", step.seq,
                      errors::quote(c.number), format_date(posting.ends)));
  }
  // Back to the last review before the posting, else the last investigation, else
  // the last decision: the step that judges the facts again.
  SQLite::Statement back(db,
                         "SELECT seq, days, kind FROM case_steps WHERE case_id = ? AND seq < ? AND kind <> 'posting' "
                         "ORDER BY CASE kind WHEN 'review' THEN 0 WHEN 'investigation' THEN 1 ELSE 2 END, seq DESC "
                         "LIMIT 1");
  SQLite::bind(back, c.id, step.seq);
  if (!back.executeStep()) {
    throw Conflict(
        tr("step {} of case {} is a posting with no step before it to go back to", step.seq, errors::quote(c.number)));
  }
  const int to = back.getColumn(0).getInt();
  const std::string due = format_date(
      step_due(calendar, stored<StepKind>(back.getColumn(2).getString()), now.date, back.getColumn(1).getInt()));
  const int days = posting_working_days(calendar, posting, now.date);
  CaseUpdate update(db, c.id);
  update.end_posting(step.seq, posting.attempt, StageResult::objected, reason, op.id, format_datetime(now));
  update.add_posting_days(days);
  SQLite::Statement after(db, "SELECT seq FROM case_steps WHERE case_id = ? AND seq > ? ORDER BY seq");
  SQLite::bind(after, c.id, to);
  std::vector<int> later;
  while (after.executeStep()) later.push_back(after.getColumn(0).getInt());
  for (int seq : later) update.reset_step(seq);
  update.reopen(to, format_datetime(now), due);
  update.move_to(to);
  append(db, clock, op, "case.object", c.number,
         {{"step", step.seq}, {"reason", reason}, {"back_to", to}, {"back_due", due}, {"posting_days", days}});
  return to;
}

}  // namespace sqgl::core
