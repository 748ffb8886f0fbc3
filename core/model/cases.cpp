#include "core/model/cases.h"

#include <algorithm>
#include <map>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/text.h"
#include "core/db/database.h"
#include "core/db/row.h"
#include "core/db/settings.h"
#include "core/model/case_record.h"
#include "core/model/catalog.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/vocabulary.h"

namespace sqgl::core {

namespace {

using nlohmann::json;

// The stored row of a case, with what the workflow needs.
struct CaseRow {
  std::int64_t id = 0;
  std::string number;
  std::string item;
  Model model = Model::reformed;
  CaseStatus status = CaseStatus::open;
  std::int64_t resident_id = 0;
  std::int64_t community_id = 0;
  std::optional<int> current_seq;
  std::string accepted_at;
  std::string due_date;
  std::string returned_at;
  int paused_days = 0;
};

struct StepRow {
  int seq = 0;
  StepLevel level = StepLevel::station;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::string name_zh;
  Role role = Role::worker;
  int days = 0;
  StepStatus status = StepStatus::pending;
  std::optional<std::int64_t> assignee_id;
  std::string started_at;
  std::string due_date;
};

std::string text_or_empty(const SQLite::Column& c) {
  return c.isNull() ? "" : c.getString();
}

NotFound no_such_case(std::string_view number) {
  return NotFound(fmt::format("no case {} (case numbers look like 150204-20120129-0001; see 'sqgl list')",
                              errors::quote(number)));
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
                      "s.assignee_id, s.started_at, s.due_date "
                      "FROM case_steps s JOIN units u ON u.id = s.unit_id WHERE s.case_id = ? AND s.seq = ?");
  q.bind(1, case_id);
  q.bind(2, seq);
  if (!q.executeStep()) throw Failure(fmt::format("case {} has no step {}", case_id, seq));
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
  return s;
}

// "a; b; c".
std::string joined(const std::vector<std::string>& parts) {
  std::string list;
  for (const auto& part : parts) list += (list.empty() ? "" : "; ") + part;
  return list;
}

Date date_part(const std::string& datetime) {
  return *parse_date(datetime.substr(0, 10));
}

// An action on the current step needs a case that is open, not waiting or decided.
void require_open(const CaseRow& c) {
  if (c.status == CaseStatus::open) return;
  if (c.status == CaseStatus::returned) {
    throw Conflict(
        fmt::format("case {} is waiting for materials since {}; record them with 'sqgl apply --supplement "
                    "{} --materials …' first",
                    errors::quote(c.number), c.returned_at.substr(0, 10), c.number));
  }
  throw Conflict(fmt::format("case {} is already {}", errors::quote(c.number), text(c.status)));
}

// Whether staff member `staff_id` decided any step of the case other than `seq`.
std::optional<int> other_step_decided_by(const SQLite::Database& db, std::int64_t case_id, std::int64_t staff_id,
                                         int seq) {
  SQLite::Statement q(db, "SELECT seq FROM case_steps WHERE case_id = ? AND decided_by = ? AND seq <> ? LIMIT 1");
  SQLite::bind(q, case_id, staff_id, seq);
  if (q.executeStep()) return q.getColumn(0).getInt();
  return std::nullopt;
}

// Who may decide a step: active staff of the step's unit holding its role, who
// has decided no other step of the same case (separation of duties).
void require_decider(const SQLite::Database& db, const Operator& op, const CaseRow& c, const StepRow& step) {
  if (op.unit_id != step.unit_id) {
    throw PermissionDenied(fmt::format("{} ({}) may not decide step {} of case {}: it belongs to {}",
                                       errors::quote(op.staff_no), op.unit_name, step.seq, errors::quote(c.number),
                                       step.unit_name));
  }
  if (!op.has_role(step.role)) {
    throw PermissionDenied(fmt::format("{} lacks the role {} that step {} ({}) of case {} needs",
                                       errors::quote(op.staff_no), errors::quote(text(step.role)), step.seq, step.name_zh,
                                       errors::quote(c.number)));
  }
  if (auto other = other_step_decided_by(db, c.id, op.id, step.seq)) {
    throw PermissionDenied(fmt::format("{} decided step {} of case {}; one person may not decide two steps of a case",
                                       errors::quote(op.staff_no), *other, errors::quote(c.number)));
  }
}

// The station window staff of the case's community: who accepts, supplements,
// withdraws and records ratings.
void require_window_clerk(const Operator& op, std::int64_t community_id, std::string_view action) {
  if (op.unit_kind != "station" || !op.has_role(Role::worker)) {
    throw PermissionDenied(fmt::format("{} ({}) may not {}: that is for station window staff",
                                       errors::quote(op.staff_no), op.unit_name, action));
  }
  if (op.community_id != community_id) {
    throw PermissionDenied(fmt::format("{} ({}) may not {} for another community's case", errors::quote(op.staff_no),
                                       op.unit_name, action));
  }
}

void append(SQLite::Database& db, const Clock& clock, const Operator& op, std::string kind, const std::string& number,
            const json& detail) {
  append_event(db, clock, {std::move(kind), number, detail.dump(), op.staff_no});
}

// Matches what a clerk typed ("2", "结婚证") against a list of materials.
std::vector<int> match_materials(const std::vector<std::string>& given, const std::vector<CaseMaterial>& known,
                                 std::string_view item) {
  std::vector<int> out;
  std::vector<std::string> names;
  for (const auto& m : known) names.push_back(m.name_zh);
  for (const auto& text : given) {
    auto it = std::find_if(known.begin(), known.end(),
                           [&](const CaseMaterial& m) { return m.name_zh == text || std::to_string(m.seq) == text; });
    if (it == known.end()) {
      std::string message = fmt::format("{} is not a material of {}", errors::quote(text), item);
      if (auto guess = closest_match(text, names); !guess.empty()) {
        message += fmt::format(" (did you mean {}?)", errors::quote(guess));
      }
      message += "; see 'sqgl catalog " + std::string(item) + "'";
      throw InvalidInput(message);
    }
    out.push_back(it->seq);
  }
  return out;
}

std::vector<CaseMaterial> item_materials(const Item& item) {
  std::vector<CaseMaterial> out;
  for (const auto& m : item.materials) out.push_back({m.seq, m.name_zh, m.required, "", ""});
  return out;
}

std::vector<CaseMaterial> case_materials(const SQLite::Database& db, std::int64_t case_id) {
  SQLite::Statement q(db,
                      "SELECT seq, name_zh, required, received_at, requested_at FROM case_materials "
                      "WHERE case_id = ? ORDER BY seq");
  q.bind(1, case_id);
  std::vector<CaseMaterial> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0,
                   text_or_empty(q.getColumn(3)), text_or_empty(q.getColumn(4))});
  }
  return out;
}

int age_on(Date birth, Date day) {
  std::chrono::year_month_day b{birth}, d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (std::chrono::month_day{d.month(), d.day()} < std::chrono::month_day{b.month(), b.day()}) --age;
  return age;
}

std::string next_case_number(const SQLite::Database& db, Date today) {
  std::string district = "SQGL";
  SQLite::Statement d(db, "SELECT code FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
  if (d.executeStep()) district = d.getColumn(0).getString();
  const std::string day = format_date(today);
  const std::string prefix = fmt::format("{}-{}{}{}-", district, day.substr(0, 4), day.substr(5, 2), day.substr(8, 2));
  // Inside BEGIN IMMEDIATE no other writer can take the same number. Only numbers
  // of the day's own shape count (0001 … 9999).
  SQLite::Statement q(db, "SELECT number FROM cases WHERE number >= ?1 || '0001' AND number <= ?1 || '9999' "
                          "AND length(number) = length(?1) + 4 ORDER BY number DESC LIMIT 1");
  q.bind(1, prefix);
  int last = 0;
  if (q.executeStep()) {
    const std::string tail = q.getColumn(0).getString().substr(prefix.size());
    if (tail.find_first_not_of("0123456789") == std::string::npos) last = std::stoi(tail);
  }
  if (last < 9999) return fmt::format("{}{:04}", prefix, last + 1);
  // Imported history took the day's last number: the first one free.
  SQLite::Statement taken(db, "SELECT number FROM cases WHERE number >= ?1 || '0001' AND number <= ?1 || '9999' "
                              "AND length(number) = length(?1) + 4 ORDER BY number");
  taken.bind(1, prefix);
  int expected = 1;
  while (taken.executeStep() && taken.getColumn(0).getString() == fmt::format("{}{:04}", prefix, expected)) ++expected;
  if (expected > 9999) throw Conflict(fmt::format("all 9,999 case numbers of {} are taken", day));
  return fmt::format("{}{:04}", prefix, expected);
}

// Starts step `seq` now; returns its due date.
std::string activate_step(SQLite::Database& db, const WorkCalendar& calendar, std::int64_t case_id, int seq, int days,
                          const DateTime& now) {
  const std::string due = format_date(calendar.add_working_days(now.date, days));
  CaseUpdate(db, case_id).start_step(seq, format_datetime(now), due);
  return due;
}

// Times are causal: nothing about a case is dated before what its history holds
// (a decision before the acceptance, a bureau's before the station's, a rating
// before the decision). Only a pinned clock ($SQGL_NOW) can try.
void require_causal(const SQLite::Database& db, const CaseRow& c, const DateTime& now) {
  SQLite::Statement q(db, "SELECT at FROM events WHERE subject = ? AND kind LIKE 'case.%' ORDER BY id DESC LIMIT 1");
  q.bind(1, c.number);
  std::string latest = c.accepted_at;
  if (q.executeStep()) latest = std::max(latest, q.getColumn(0).getString());
  const std::string at = format_datetime(now);
  if (at < latest) {
    throw InvalidInput(fmt::format("the clock says {}, but case {} has an event dated {}; nothing about a case is "
                                   "dated before what its history holds",
                                   at, errors::quote(c.number), latest));
  }
}

// The case a command acts on, refused (exit 2) when the command is dated before the
// case's newest event: checked before anything else, so that not even a refusal is
// recorded out of time.
CaseRow load_case_at(const SQLite::Database& db, std::string_view number, const Clock& clock) {
  CaseRow c = load_case(db, number);
  require_causal(db, c, clock.now());
  return c;
}

void decide_step(SQLite::Database& db, std::int64_t case_id, int seq, StepStatus status, const Operator& op,
                 const DateTime& now, const std::string& note) {
  CaseUpdate(db, case_id).decide_step(seq, status, format_datetime(now), op.id, note);
}

// The unit that decides `step` for a case of `community_id` (see resolve_step_unit).
StepUnit step_unit(const SQLite::Database& db, const ChainStep& step, std::int64_t community_id) {
  std::optional<SQLite::Statement> q;
  if (step.level == StepLevel::station || step.level == StepLevel::committee) {
    q.emplace(db, "SELECT id, code, name_zh FROM units WHERE parent_id = ? AND kind = ?");
    SQLite::bind(*q, community_id, std::string(text(step.level)));
  } else if (step.level == StepLevel::street) {
    q.emplace(db, "SELECT p.id, p.code, p.name_zh FROM units c JOIN units p ON p.id = c.parent_id WHERE c.id = ?");
    q->bind(1, community_id);
  } else {
    q.emplace(db, "SELECT id, code, name_zh FROM units WHERE code = ?");
    q->bind(1, step.unit);
  }
  if (!q->executeStep()) {
    throw Conflict(
        fmt::format("no {} unit is set up for step {} ({}) of this community", step.level, step.seq, step.name_zh));
  }
  return {q->getColumn(0).getInt64(), q->getColumn(1).getString(), q->getColumn(2).getString()};
}

// A filter naming a community, item, unit or staff member that does not exist is a
// typo: say so (exit 3) rather than print an empty queue.
void check_case_filter(const SQLite::Database& db, const CaseFilter& filter) {
  if (!filter.community.empty()) require_unit(db, filter.community, "community", "community");
  if (!filter.street.empty()) require_unit(db, filter.street, "street", "street office");
  if (!filter.unit.empty()) require_unit(db, filter.unit, "", "unit");
  if (!filter.item.empty()) get_item(db, filter.item);
  if (!filter.assignee.empty()) require_staff(db, filter.assignee);
}

}  // namespace

Model default_model(const SQLite::Database& db) {
  const auto setting = get_setting(db, "model");
  if (!setting) return Model::reformed;
  const auto parsed = parse<Model>(*setting);
  if (!parsed) throw errors::invalid("model", *setting, "expected 'new' or 'old'");
  return *parsed;
}

StepUnit resolve_step_unit(const SQLite::Database& db, const ChainStep& step, std::int64_t community_id) {
  return step_unit(db, step, community_id);
}



bool Case::overdue(Date today) const {
  return status == CaseStatus::open && !due_date.empty() && *parse_date(due_date) < today;
}

std::vector<std::string> unmet_eligibility(const Item& item, const Applicant& applicant, Date today) {
  std::vector<std::string> unmet;
  if (item.sex && *item.sex != applicant.sex) unmet.push_back(*item.sex == 'F' ? "women only" : "men only");
  const int age = age_on(applicant.birth, today);
  if (item.min_age && age < *item.min_age) unmet.push_back(fmt::format("aged {} or over (is {})", *item.min_age, age));
  if (item.max_age && age > *item.max_age) unmet.push_back(fmt::format("aged {} or under (is {})", *item.max_age, age));
  for (const auto& flag : item.flags) {
    const auto bit = std::find(kResidentFlags.begin(), kResidentFlags.end(), flag) - kResidentFlags.begin();
    if (((applicant.flags >> bit) & 1) == 0) unmet.push_back(fmt::format("{} only", flag));
  }
  return unmet;
}

std::vector<std::string> missing_materials(const std::vector<CaseMaterial>& materials, const std::vector<int>& given) {
  std::vector<std::string> missing;
  for (const auto& m : materials) {
    if (m.required && std::find(given.begin(), given.end(), m.seq) == given.end()) {
      missing.push_back(fmt::format("{} {}", m.seq, m.name_zh));
    }
  }
  return missing;
}

Case apply_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                const ApplyRequest& request) {
  if (op.unit_kind != "station" || !op.has_role(Role::worker)) {
    throw PermissionDenied(fmt::format("{} ({}) may not accept applications: that is for station window staff",
                                       errors::quote(op.staff_no), op.unit_name));
  }
  check_free_text("--note", request.note);
  const DateTime now = clock.now();
  const Item item = get_item(db, request.item);
  const CitizenId id = parse_citizen_id(request.citizen_id, now.date);

  SQLite::Statement resident(db,
                             "SELECT r.id, r.name, r.sex, r.birth_date, h.community_id, c.name_zh, c.code, "
                             "  r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed "
                             "FROM residents r JOIN households h ON h.id = r.household_id "
                             "JOIN units c ON c.id = h.community_id WHERE r.citizen_id = ?");
  resident.bind(1, id.number);
  if (!resident.executeStep()) {
    throw NotFound(fmt::format("no resident with citizen ID {}", errors::quote(mask_citizen_id(id.number))));
  }
  const std::int64_t resident_id = resident.getColumn(0).getInt64();
  const std::string resident_name = resident.getColumn(1).getString();
  const std::int64_t home_community = resident.getColumn(4).getInt64();
  if (item.local_only && home_community != op.community_id) {
    throw InvalidInput(
        fmt::format("resident {} ({}) is registered in {} ({}), not at this station; {} is handled "
                    "where the resident is registered",
                    errors::quote(mask_citizen_id(id.number)), resident_name, resident.getColumn(5).getString(),
                    resident.getColumn(6).getString(), item.code));
  }

  // Eligibility facts the resident's record can answer; all failures in one message.
  Applicant applicant{resident.getColumn(2).getString().at(0), *parse_date(resident.getColumn(3).getString()), 0};
  for (int bit = 0; bit < 5; ++bit) applicant.flags |= (resident.getColumn(7 + bit).getInt() != 0 ? 1 : 0) << bit;
  const auto unmet = unmet_eligibility(item, applicant, now.date);
  if (!unmet.empty()) {
    throw InvalidInput(fmt::format("resident {} ({}) is not eligible for {} {}: {}",
                                   errors::quote(mask_citizen_id(id.number)), resident_name, item.code, item.name_zh,
                                   joined(unmet)));
  }

  if (item.one_open_case) {
    SQLite::Statement open(db,
                           "SELECT number FROM cases WHERE resident_id = ? AND item = ? "
                           "AND status IN ('open', 'returned') LIMIT 1");
    SQLite::bind(open, resident_id, item.code);
    if (open.executeStep()) {
      throw Conflict(fmt::format("resident {} already has open case {} for {}",
                                 errors::quote(mask_citizen_id(id.number)),
                                 errors::quote(open.getColumn(0).getString()), item.code));
    }
  }
  if (item.max_per_year) {
    const std::string year = format_date(now.date).substr(0, 4);
    SQLite::Statement count(db,
                            "SELECT count(*) FROM cases WHERE resident_id = ? AND item = ? "
                            "AND status NOT IN ('withdrawn', 'rejected') AND substr(accepted_at, 1, 4) = ?");
    SQLite::bind(count, resident_id, item.code, year);
    count.executeStep();
    if (count.getColumn(0).getInt() >= *item.max_per_year) {
      throw Conflict(fmt::format("resident {} has had {} {} case(s) in {}; the limit is {} a year",
                                 errors::quote(mask_citizen_id(id.number)), count.getColumn(0).getInt(), item.code,
                                 year, *item.max_per_year));
    }
  }

  // 一次性告知: every missing required material in one message.
  auto materials = item_materials(item);
  const auto given = match_materials(request.materials, materials, item.code);
  const auto missing = missing_materials(materials, given);
  if (!missing.empty()) {
    throw InvalidInput(
        fmt::format("{} {} needs these materials too (一次性告知): {}", item.code, item.name_zh, joined(missing)));
  }

  const Model model = request.model ? *request.model : default_model(db);
  const auto& chain = item.chain(model);
  int total_days = 0;
  std::vector<StepUnit> units;
  for (const auto& step : chain) {
    total_days += step.days;
    units.push_back(step_unit(db, step, op.community_id));
  }

  // The case as it is accepted: written by the one case writer and carried whole
  // by its event, from which `sqgl check` replays it.
  CaseRecord record;
  record.number = next_case_number(db, now.date);
  record.item = item.code;
  record.model = model;
  record.resident_id = resident_id;
  record.community = op.community_code;
  record.window = item.window;
  record.status = CaseStatus::open;
  record.current_seq = chain.front().seq;
  record.accepted_at = format_datetime(now);
  record.accepted_by = op.staff_no;
  record.due_date = format_date(calendar.add_working_days(now.date, total_days));
  record.note = request.note;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    StepRecord step{chain[i].seq, chain[i].level, units[i].code, chain[i].name_zh, chain[i].role, chain[i].days,
                    i == 0 ? StepStatus::active : StepStatus::pending, "", "", "", "", "", ""};
    if (i == 0) {
      // The first step starts now; the others wait their turn.
      step.started_at = record.accepted_at;
      step.due_date = format_date(calendar.add_working_days(now.date, step.days));
    }
    record.steps.push_back(std::move(step));
  }
  for (const auto& m : materials) {
    const bool received = std::find(given.begin(), given.end(), m.seq) != given.end();
    record.materials.push_back({m.seq, m.name_zh, m.required, received ? record.accepted_at : "", ""});
  }
  CaseWriter(db).insert(record);
  append(db, clock, op, "case.apply", record.number,
         {{"record", case_record_json(record)}, {"resident", mask_citizen_id(id.number)}});
  return get_case(db, calendar, record.number);
}

int approve_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                 std::string_view number, const std::string& note) {
  check_free_text("--note", note);
  const CaseRow c = load_case_at(db, number, clock);
  require_open(c);
  const StepRow step = load_step(db, c.id, *c.current_seq);
  require_decider(db, op, c, step);
  const DateTime now = clock.now();
  decide_step(db, c.id, step.seq, StepStatus::approved, op, now, note);
  SQLite::Statement next(db, "SELECT seq, days FROM case_steps WHERE case_id = ? AND seq > ? ORDER BY seq LIMIT 1");
  SQLite::bind(next, c.id, step.seq);
  json detail{{"step", step.seq}, {"unit", step.unit_name}, {"note", note}};
  if (next.executeStep()) {
    const int seq = next.getColumn(0).getInt();
    detail["next_step"] = seq;
    detail["next_due"] = activate_step(db, calendar, c.id, seq, next.getColumn(1).getInt(), now);
    CaseUpdate(db, c.id).move_to(seq);
    detail["status"] = {{"before", "open"}, {"after", "open"}};
  } else {
    CaseUpdate(db, c.id).close(CaseStatus::approved, format_datetime(now));
    detail["status"] = {{"before", "open"}, {"after", "approved"}};
  }
  append(db, clock, op, "case.approve", c.number, detail);
  return step.seq;
}

int reject_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::string& reason) {
  if (reason.empty()) throw InvalidInput("a rejection needs its reason: --reject REASON");
  check_free_text("--reject", reason);
  const CaseRow c = load_case_at(db, number, clock);
  require_open(c);
  const StepRow step = load_step(db, c.id, *c.current_seq);
  require_decider(db, op, c, step);
  const DateTime now = clock.now();
  decide_step(db, c.id, step.seq, StepStatus::rejected, op, now, reason);
  CaseUpdate(db, c.id).close(CaseStatus::rejected, format_datetime(now));
  append(db, clock, op, "case.reject", c.number,
         {{"step", step.seq}, {"reason", reason}, {"status", {{"before", "open"}, {"after", "rejected"}}}});
  return step.seq;
}

int return_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::vector<std::string>& materials, const std::string& note) {
  if (materials.empty()) throw InvalidInput("name the materials to supplement: --return M1,M2");
  check_free_text("--note", note);
  const CaseRow c = load_case_at(db, number, clock);
  require_open(c);
  const StepRow step = load_step(db, c.id, *c.current_seq);
  require_decider(db, op, c, step);
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
  require_window_clerk(op, c.community_id, "record supplementary materials");
  if (c.status != CaseStatus::returned) {
    throw Conflict(fmt::format("case {} is {}, not waiting for materials", errors::quote(c.number), text(c.status)));
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
    throw InvalidInput(fmt::format("case {} still waits for: {}", errors::quote(c.number), list));
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

void withdraw_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                   const std::string& reason) {
  check_free_text("--reason", reason);
  const CaseRow c = load_case_at(db, number, clock);
  require_window_clerk(op, c.community_id, "withdraw a case");
  if (c.status != CaseStatus::open && c.status != CaseStatus::returned) {
    throw Conflict(fmt::format("case {} is already {}", errors::quote(c.number), text(c.status)));
  }
  const DateTime now = clock.now();
  decide_step(db, c.id, *c.current_seq, StepStatus::withdrawn, op, now, reason);
  CaseUpdate(db, c.id).close(CaseStatus::withdrawn, format_datetime(now));
  // A case withdrawn while it waited for materials waits no more.
  if (c.status == CaseStatus::returned) CaseUpdate(db, c.id).end_wait(format_datetime(now), std::nullopt);
  append(db, clock, op, "case.withdraw", c.number,
         {{"step", *c.current_seq}, {"reason", reason}, {"status", {{"before", text(c.status)}, {"after", "withdrawn"}}}});
}

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
    throw Conflict(fmt::format("case {} is already {}", errors::quote(c.number), text(c.status)));
  }
  const StepRow step = load_step(db, c.id, *c.current_seq);
  if (op.unit_id != step.unit_id && !op.has_role(Role::admin)) {
    throw PermissionDenied(fmt::format("{} ({}) may not route step {} of case {}: it belongs to {}",
                                       errors::quote(op.staff_no), op.unit_name, step.seq, errors::quote(c.number),
                                       step.unit_name));
  }
  for (const auto& [id, no] : eligible_staff(db, c.id, step)) {
    if (no == staff_no) {
      assign(db, clock, op, c, step, id, no, false);
      return;
    }
  }
  require_staff(db, std::string(staff_no));  // a typo is "unknown", not "cannot decide"
  throw InvalidInput(
      fmt::format("{} cannot decide step {} ({}) of case {}: it needs an active {} of {} who has "
                  "decided no other step of the case",
                  errors::quote(staff_no), step.seq, step.name_zh, errors::quote(c.number), text(step.role), step.unit_name));
}

AutoRouteReport route_auto(SQLite::Database& db, const Clock& clock, const Operator& op, const CaseFilter& filter) {
  const bool admin = op.has_role(Role::admin);
  if (!admin && !op.has_role(Role::head)) {
    throw PermissionDenied(
        fmt::format("{} may not route automatically: that is for station heads and the district "
                    "admin",
                    errors::quote(op.staff_no)));
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

void evaluate_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number, int score,
                   const std::string& comment) {
  if (score < 1 || score > 5) {
    throw errors::invalid("score", std::to_string(score), "expected 1 (非常不满意) to 5 (非常满意)");
  }
  check_free_text("--comment", comment);
  const CaseRow c = load_case_at(db, number, clock);
  require_window_clerk(op, c.community_id, "record a rating");
  if (c.status != CaseStatus::approved && c.status != CaseStatus::rejected) {
    throw Conflict(fmt::format("case {} is {}; residents rate a case once it is decided", errors::quote(c.number),
                               text(c.status)));
  }
  SQLite::Statement existing(db, "SELECT score FROM evaluations WHERE case_id = ?");
  existing.bind(1, c.id);
  if (existing.executeStep()) {
    throw Conflict(
        fmt::format("case {} was already rated ({})", errors::quote(c.number), existing.getColumn(0).getInt()));
  }
  const DateTime now = clock.now();
  CaseUpdate(db, c.id).rate(score, comment, format_datetime(now), op.staff_no);
  append(db, clock, op, "case.evaluate", c.number, {{"score", score}, {"comment", comment}});
}

Case get_case(const SQLite::Database& db, const WorkCalendar& calendar, std::string_view number) {
  Case c;
  SQLite::Statement q(db,
                      "SELECT c.id, c.number, c.item, i.name_zh, c.model, c.status, r.citizen_id, r.name, u.code, "
                      "  u.name_zh, c.window, c.accepted_at, a.staff_no, c.due_date, c.paused_days, c.returned_at, "
                      "  c.decided_at, c.note, c.current_seq, e.score, e.comment "
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

  SQLite::Statement steps(db,
                          "SELECT s.seq, s.level, u.code, u.name_zh, s.name_zh, s.role, s.days, s.status, "
                          "  COALESCE(a.staff_no, ''), s.started_at, s.due_date, s.decided_at, "
                          "  COALESCE(d.staff_no, ''), s.note "
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
    if (!s.started_at.empty() && !s.decided_at.empty()) {
      s.working_days_taken = calendar.working_days_between(date_part(s.started_at), date_part(s.decided_at));
    }
    // Taken by the station, not by the resident gathering materials.
    waited.reset();
    SQLite::bind(waited, case_id, s.seq);
    if (s.working_days_taken && waited.executeStep()) {
      s.working_days_taken = std::max(0, *s.working_days_taken - waited.getColumn(0).getInt());
    }
    c.promise_days += s.days;
    c.steps.push_back(std::move(s));
  }
  c.materials = case_materials(db, case_id);
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
    c.history.push_back(std::move(e));
  }
  return c;
}

std::vector<CaseSummary> list_cases(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                                    Date today) {
  check_case_filter(db, filter);
  std::string due_limit;
  if (filter.due_within) due_limit = format_date(calendar.add_working_days(today, *filter.due_within));
  SQLite::Statement q(db,
                      "SELECT c.number, c.item, i.name_zh, c.status, r.name, cu.code, COALESCE(s.name_zh, ''), "
                      "  COALESCE(su.code, ''), COALESCE(a.staff_no, ''), COALESCE(s.due_date, ''), c.due_date, "
                      "  c.accepted_at "
                      "FROM cases c JOIN items i ON i.code = c.item JOIN residents r ON r.id = c.resident_id "
                      "JOIN units cu ON cu.id = c.community_id "
                      "LEFT JOIN case_steps s ON s.case_id = c.id AND s.seq = c.current_seq "
                      "LEFT JOIN units su ON su.id = s.unit_id LEFT JOIN staff a ON a.id = s.assignee_id "
                      "WHERE (?1 = '' OR cu.code = ?1) AND (?2 = '' OR cu.parent_id = (SELECT id FROM units WHERE "
                      "code = ?2)) AND (?3 = '' OR c.item = ?3) AND (?4 = '' OR c.status = ?4) "
                      "AND (?5 = '' OR su.code = ?5) AND (?6 = '' OR a.staff_no = ?6) "
                      "AND (NOT ?7 OR (c.status = 'open' AND c.due_date < ?8)) "
                      "AND (?9 = '' OR (c.status = 'open' AND c.due_date <= ?9)) "
                      "AND (NOT ?10 OR (c.status = 'open' AND s.assignee_id IS NULL)) "
                      "ORDER BY c.accepted_at, c.number");
  SQLite::bind(q, filter.community, filter.street, filter.item, filter.status, filter.unit, filter.assignee,
               filter.overdue ? 1 : 0, format_date(today), due_limit, filter.unassigned ? 1 : 0);
  std::vector<CaseSummary> out;
  while (q.executeStep()) {
    Row r(q);
    CaseSummary s;
    s.number = r.text();
    s.item = r.text();
    s.item_name = r.text();
    s.status = stored<CaseStatus>(r.text());
    s.resident_name = r.text();
    s.community_code = r.text();
    s.step = r.text();
    s.step_unit = r.text();
    s.assignee = r.text();
    s.step_due = r.text();
    s.due_date = r.text();
    s.accepted_at = r.text();
    s.overdue = s.status == CaseStatus::open && s.due_date < format_date(today);
    out.push_back(std::move(s));
  }
  return out;
}

void record_refusal(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_text,
                    std::string_view command, std::string_view subject, std::string_view reason) {
  WriteTransaction tx(db);
  append_event(db, clock,
               {"permission.denied", std::string(subject), json{{"command", command}, {"reason", reason}}.dump(),
                operator_text});
  tx.commit();
}

}  // namespace sqgl::core
