#include "core/model/cases/workflow.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/db/row.h"
#include "core/model/cases/record.h"
#include "core/model/district.h"
#include "core/model/history.h"

namespace sqgl::core::workflow {

namespace {

// Whether staff member `staff_id` took any step of the case other than `seq` and its
// postings (closing a posting judges nothing: the notice ran its days).
std::optional<int> other_step_decided_by(const SQLite::Database& db, std::int64_t case_id, std::int64_t staff_id,
                                         int seq) {
  SQLite::Statement q(db,
                      "SELECT seq FROM case_steps WHERE case_id = ? AND decided_by = ? AND seq <> ? "
                      "AND kind <> 'posting' LIMIT 1");
  SQLite::bind(q, case_id, staff_id, seq);
  if (q.executeStep()) return q.getColumn(0).getInt();
  return std::nullopt;
}

}  // namespace

NotFound no_such_case(std::string_view number) {
  return NotFound(
      tr("no case {} (case numbers look like 150204-20120129-0001; see 'sqgl list')", errors::quote(number)));
}

CaseRow load_case(const SQLite::Database& db, std::string_view number) {
  SQLite::Statement q(db,
                      "SELECT id, number, item, model, status, resident_id, community_id, current_seq, accepted_at, "
                      "due_date, returned_at, paused_days FROM cases WHERE number = ?");
  q.bind(1, std::string(number));
  if (!q.executeStep()) throw no_such_case(number);
  Row r(q);
  CaseRow c;
  c.id = r.int64();
  c.number = r.text();
  c.item = r.text();
  c.model = stored<Model>(r.text());
  c.status = stored<CaseStatus>(r.text());
  c.resident_id = r.int64();
  c.community_id = r.int64();
  c.current_seq = r.maybe_int();
  c.accepted_at = r.text();
  c.due_date = r.text();
  c.returned_at = r.text();
  c.paused_days = r.integer();
  return c;
}

StepRow load_step(const SQLite::Database& db, std::int64_t case_id, int seq) {
  SQLite::Statement q(db,
                      "SELECT s.seq, s.level, s.unit_id, u.name_zh, s.name_zh, s.role, s.days, s.status, "
                      "s.assignee_id, s.started_at, s.due_date, s.kind, s.place "
                      "FROM case_steps s JOIN units u ON u.id = s.unit_id WHERE s.case_id = ? AND s.seq = ?");
  q.bind(1, case_id);
  q.bind(2, seq);
  if (!q.executeStep()) throw Failure(tr("case {} has no step {}", case_id, seq));
  Row r(q);
  StepRow s;
  s.seq = r.integer();
  s.level = stored<StepLevel>(r.text());
  s.unit_id = r.int64();
  s.unit_name = r.text();
  s.name_zh = r.text();
  s.role = stored<Role>(r.text());
  s.days = r.integer();
  s.status = stored<StepStatus>(r.text());
  s.assignee_id = r.maybe_int64();
  s.started_at = r.text();
  s.due_date = r.text();
  s.kind = stored<StepKind>(r.text());
  s.place = r.text();
  return s;
}

void move_on(SQLite::Database& db, const WorkCalendar& calendar, const CaseRow& c, int seq, const DateTime& now,
             nlohmann::json& detail) {
  SQLite::Statement next(db,
                         "SELECT seq, days, kind, place FROM case_steps WHERE case_id = ? AND seq > ? "
                         "ORDER BY seq LIMIT 1");
  SQLite::bind(next, c.id, seq);
  CaseUpdate update(db, c.id);
  if (next.executeStep()) {
    const int following = next.getColumn(0).getInt();
    const int days = next.getColumn(1).getInt();
    const auto kind = stored<StepKind>(next.getColumn(2).getString());
    const std::string due = format_date(step_due(calendar, kind, now.date, days));
    update.start_step(following, format_datetime(now), due);
    update.move_to(following);
    if (kind == StepKind::posting) {
      // The notice goes up today and hangs its calendar days.
      CaseRecord shape;
      SQLite::Statement attempts(db, "SELECT COALESCE(max(attempt), 0) FROM case_stages WHERE case_id = ? AND step = ?");
      SQLite::bind(attempts, c.id, following);
      attempts.executeStep();
      StepRecord step;
      step.seq = following;
      step.days = days;
      step.place = next.getColumn(3).getString();
      StageRecord stage = posting_stage(shape, step, format_date(now.date));
      stage.attempt = attempts.getColumn(0).getInt() + 1;
      update.add_stage(stage);
    }
    detail["next_step"] = following;
    detail["next_due"] = due;
    detail["status"] = {{"before", "open"}, {"after", "open"}};
  } else {
    update.close(CaseStatus::approved, format_datetime(now));
    detail["status"] = {{"before", "open"}, {"after", "approved"}};
  }
}

void require_causal(const SQLite::Database& db, const CaseRow& c, const DateTime& now) {
  SQLite::Statement q(db, "SELECT at FROM events WHERE subject = ? AND kind LIKE 'case.%' ORDER BY id DESC LIMIT 1");
  q.bind(1, c.number);
  std::string latest = c.accepted_at;
  if (q.executeStep()) latest = std::max(latest, q.getColumn(0).getString());
  const std::string at = format_datetime(now);
  if (at < latest) {
    throw InvalidInput(
        tr("the clock says {}, but case {} has an event dated {}; nothing about a case is dated before what its "
           "history holds",
           at, errors::quote(c.number), latest));
  }
}

CaseRow load_case_at(const SQLite::Database& db, std::string_view number, const Clock& clock) {
  CaseRow c = load_case(db, number);
  require_causal(db, c, clock.now());
  return c;
}

void require_open(const CaseRow& c) {
  if (c.status == CaseStatus::open) return;
  if (c.status == CaseStatus::returned) {
    throw Conflict(
        tr("case {} is waiting for materials since {}; record them with 'sqgl apply --supplement {} --materials …' "
           "first",
           errors::quote(c.number), c.returned_at.substr(0, 10), c.number));
  }
  throw Conflict(tr("case {} is already {}", errors::quote(c.number), label(c.status)));
}

void require_decider(const SQLite::Database& db, const Operator& op, const CaseRow& c, const StepRow& step) {
  if (op.unit_id != step.unit_id) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not decide step {} of case {}: it belongs to {}", errors::quote(op.staff_no), op.unit_name,
                step.seq, errors::quote(c.number), step.unit_name);
    });
  }
  if (!op.has_role(step.role)) {
    throw PermissionDenied([&] {
      return tr("{} lacks the role {} that step {} ({}) of case {} needs", errors::quote(op.staff_no),
                errors::quote(label(step.role)), step.seq, step.name_zh, errors::quote(c.number));
    });
  }
  if (step.kind != StepKind::decision) return;
  if (auto other = other_step_decided_by(db, c.id, op.id, step.seq)) {
    throw PermissionDenied([&] {
      return tr("{} decided step {} of case {}; one person may not decide two steps of a case",
                errors::quote(op.staff_no), *other, errors::quote(c.number));
    });
  }
}

Posting running_posting(const SQLite::Database& db, const CaseRow& c, const StepRow& step) {
  SQLite::Statement q(db,
                      "SELECT attempt, held_on, ends_on FROM case_stages WHERE case_id = ? AND step = ? "
                      "AND result IS NULL ORDER BY attempt DESC LIMIT 1");
  SQLite::bind(q, c.id, step.seq);
  if (!q.executeStep()) throw Failure(tr("step {} of case {} has no posting running", step.seq, errors::quote(c.number)));
  return {q.getColumn(0).getInt(), *parse_date(q.getColumn(1).getString()), *parse_date(q.getColumn(2).getString())};
}

int posting_working_days(const WorkCalendar& calendar, const Posting& posting, Date today) {
  // The days after the notice came down until someone closed it are the station's.
  const Date last = std::min(today, posting.ends - std::chrono::days{1});
  return calendar.working_days_between(posting.start, last);
}

void require_kind_for(const CaseRow& c, const StepRow& step, const char* action) {
  switch (step.kind) {
    case StepKind::decision: return;
    case StepKind::investigation:
      throw Conflict(tr("step {} ({}) of case {} is a home investigation, not a decision to {}; record it with 'sqgl "
                        "investigate {} --visited DATE --result pass|fail'",
                        step.seq, step.name_zh, errors::quote(c.number), translate(action), c.number));
    case StepKind::review:
      throw Conflict(tr("step {} ({}) of case {} is a democratic review, not a decision to {}; record it with 'sqgl "
                        "review {} --held DATE --attendees N --for N --against N --abstain N'",
                        step.seq, step.name_zh, errors::quote(c.number), translate(action), c.number));
    case StepKind::posting:
      if (std::string_view(action) == "approve") return;
      throw Conflict(tr("step {} ({}) of case {} is a public posting, which is not a decision to {}; an objection "
                        "during it is recorded with 'sqgl object {} --reason TEXT'",
                        step.seq, step.name_zh, errors::quote(c.number), translate(action), c.number));
  }
}

void require_window_clerk(const Operator& op, std::int64_t community_id, const char* action) {
  if (op.unit_kind != "station" || !op.has_role(Role::worker)) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not {}: that is for station window staff", errors::quote(op.staff_no), op.unit_name,
                translate(action));
    });
  }
  if (op.community_id != community_id) {
    throw PermissionDenied([&] {
      return tr("{} ({}) may not {} for another community's case", errors::quote(op.staff_no), op.unit_name,
                translate(action));
    });
  }
}

void decide_step(SQLite::Database& db, std::int64_t case_id, int seq, StepStatus status, const Operator& op,
                 const DateTime& now, const std::string& note) {
  CaseUpdate(db, case_id).decide_step(seq, status, format_datetime(now), op.id, note);
}

void append(SQLite::Database& db, const Clock& clock, const Operator& op, std::string kind, const std::string& number,
            const nlohmann::json& detail) {
  append_event(db, clock, {std::move(kind), number, detail.dump(), op.staff_no});
}

std::vector<int> match_materials(const std::vector<std::string>& given, const std::vector<CaseMaterial>& known,
                                 std::string_view item) {
  std::vector<int> out;
  std::vector<std::string> names;
  for (const auto& m : known) names.push_back(m.name_zh);
  for (const auto& text : given) {
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const CaseMaterial& m) { return m.name_zh == text || std::to_string(m.seq) == text; });
    if (it == known.end()) {
      if (auto guess = closest_match(text, names); !guess.empty()) {
        throw InvalidInput(tr("{} is not a material of {} (did you mean {}?); see 'sqgl catalog {}'",
                              errors::quote(text), item, errors::quote(guess), item));
      }
      throw InvalidInput(tr("{} is not a material of {}; see 'sqgl catalog {}'", errors::quote(text), item, item));
    }
    out.push_back(it->seq);
  }
  return out;
}

std::vector<CaseMaterial> case_materials(const SQLite::Database& db, std::int64_t case_id) {
  SQLite::Statement q(db,
                      "SELECT seq, name_zh, required, received_at, requested_at FROM case_materials "
                      "WHERE case_id = ? ORDER BY seq");
  q.bind(1, case_id);
  std::vector<CaseMaterial> out;
  while (q.executeStep()) {
    Row r(q);
    CaseMaterial m;
    m.seq = r.integer();
    m.name_zh = r.text();
    m.required = r.flag();
    m.received_at = r.text();
    m.requested_at = r.text();
    out.push_back(std::move(m));
  }
  return out;
}

void check_case_filter(const SQLite::Database& db, const CaseFilter& filter) {
  if (!filter.community.empty()) require_unit(db, filter.community, "community", N_("community"));
  if (!filter.street.empty()) require_unit(db, filter.street, "street", N_("street office"));
  if (!filter.unit.empty()) require_unit(db, filter.unit, "", N_("unit"));
  if (!filter.item.empty()) get_item(db, filter.item);
  if (!filter.assignee.empty()) require_staff(db, filter.assignee);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string list;
  for (const auto& part : parts) list += (list.empty() ? "" : "; ") + part;
  return list;
}

Date date_part(const std::string& datetime) {
  return *parse_date(datetime.substr(0, 10));
}

}  // namespace sqgl::core::workflow

namespace sqgl::core {

Date step_due(const WorkCalendar& calendar, StepKind kind, Date start, int days) {
  if (kind == StepKind::posting) return start + std::chrono::days{days};
  return calendar.add_working_days(start, days);
}

Date chain_due(const WorkCalendar& calendar, Date start, const std::vector<ChainStep>& chain) {
  Date due = start;
  for (const auto& step : chain) due = step_due(calendar, step.kind, due, step.days);
  return due;
}

}  // namespace sqgl::core
