// The case workflow: a resident applies at a station window, the case moves
// through its item's chain step by step, each level decides within its working
// days, and every change leaves its event in the history.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/model/calendar.h"
#include "core/model/cases/record.h"
#include "core/model/catalog.h"
#include "core/model/district.h"
#include "core/model/staff.h"
#include "core/model/vocabulary.h"

namespace sqgl::core {

/// A unit that decides a step.
struct StepUnit {
  std::int64_t id = 0;
  std::string code;
  std::string name_zh;
};

/// The unit that decides `step` for a case of `community_id`: the community's station
/// or residents' committee, its street office, or the named unit. Conflict when none is set up.
StepUnit resolve_step_unit(const SQLite::Database& db, const ChainStep& step, std::int64_t community_id);

/// The model a case is opened under when nobody names one: the database's `model`
/// setting, else the reform's ("new"). InvalidInput when the setting is neither.
Model default_model(const SQLite::Database& db);

/// When a step started on `start` is due: `days` working days later, or for a posting
/// `days` calendar days later (the notice hangs through weekends and holidays).
Date step_due(const WorkCalendar& calendar, StepKind kind, Date start, int days);

/// The case's due date for a chain started on `start`: its steps' working days, its
/// postings' calendar days, walked in order.
Date chain_due(const WorkCalendar& calendar, Date start, const std::vector<ChainStep>& chain);

/// What a clerk types for `sqgl apply`.
struct ApplyRequest {
  std::string citizen_id;
  std::string item;
  std::vector<std::string> materials;  ///< names, or their numbers in the item's list
  std::string note;
  std::optional<Model> model;  ///< default: the database's setting
  std::string authorised_by;   ///< a household item: the head's citizen ID, when another member applies
};

/// One step of a case, as shown.
struct CaseStep {
  int seq = 0;
  StepLevel level = StepLevel::station;
  std::string unit_code;
  std::string unit_name;
  std::string name_zh;
  Role role = Role::worker;
  int days = 0;
  StepStatus status = StepStatus::pending;
  std::string assignee;    ///< staff number, or ""
  std::string started_at;  ///< date-time, or ""
  std::string due_date;    ///< date, or ""
  std::string decided_at;  ///< date-time, or ""
  std::string decided_by;  ///< staff number, or ""
  std::string note;
  std::optional<int> working_days_taken;  ///< for a decided step: working days from its start to its decision
  StepKind kind = StepKind::decision;
  std::string place;  ///< a posting's place
};

/// One material of a case.
struct CaseMaterial {
  int seq = 0;
  std::string name_zh;
  bool required = true;
  std::string received_at;   ///< "" when not handed in
  std::string requested_at;  ///< "" unless a reviewer asked for it (补正)
};

/// One event of a case's history.
struct CaseEvent {
  std::int64_t id = 0;
  std::string at;           ///< the business time it claims
  std::string recorded_at;  ///< by the machine's clock ("" before schema 6)
  std::string clock;        ///< "system", "pinned" (dated by $SQGL_NOW), or "" before schema 6
  std::string operator_;
  std::string kind;
  std::string detail;  ///< JSON
};

/// A change in the register the case must be reviewed for (case_notices).
struct CaseNotice {
  std::string at;    ///< when it was recorded
  std::string kind;  ///< "death", "left_district", "moved"
  std::string citizen_id;     ///< whom it was about, in full: shown masked
  std::string resident_name;
  std::string on;      ///< when it happened
  std::string detail;  ///< where to (a departure: the registry's text; a move: the community's code)
};

/// What a home investigation found, tested against the standards of a household
/// case's item when it was recorded (means_test_json).
struct FindingsTest {
  int step = 0;
  int attempt = 1;
  nlohmann::json test;
};

/// A case with everything `sqgl show` prints.
struct Case {
  std::string number;
  std::string item;
  std::string item_name;
  Model model = Model::reformed;
  CaseStatus status = CaseStatus::open;
  std::string citizen_id;
  std::string resident_name;
  std::string household;      ///< a household benefit's household code, else ""
  nlohmann::json means_test;  ///< the means test at acceptance (means_test_json), or null
  std::string community_code;
  std::string community_name;
  std::string window;
  std::string accepted_at;
  std::string accepted_by;
  std::string due_date;
  int promise_days = 0;  ///< the chain's working days (its postings not counted)
  int posting_days = 0;  ///< the chain's postings' calendar days
  int paused_days = 0;   ///< working days spent waiting for materials
  int posted_days = 0;   ///< working days the case spent in postings
  std::string returned_at;
  std::string decided_at;
  std::string note;
  std::optional<int> current_seq;
  std::vector<CaseStep> steps;
  std::vector<CaseMaterial> materials;
  std::vector<StageRecord> stages;  ///< what its investigations, reviews and postings found, in step order
  std::vector<FindingsTest> findings_tests;  ///< its investigations' findings against the standards
  std::optional<int> score;
  std::string comment;
  std::vector<CaseNotice> notices;
  std::vector<CaseEvent> history;
  /// True when the case is still open (or returned) and past its due date on `today`.
  bool overdue(Date today) const;
  /// The test of what the investigation of `step`, attempt `attempt`, found; null when none.
  nlohmann::json findings_test(int step, int attempt) const;
};

/// What eligibility asks of the applicant's record.
struct Applicant {
  char sex = 'M';
  Date birth;
  FlagBits flags = 0;  ///< bit i: kResidentFlags[i]
};

/// The item's eligibility rules the applicant does not meet on `today`, in words
/// ("women only", "aged 18 or over (is 16)", "low_income only"); empty when eligible.
std::vector<std::string> unmet_eligibility(const Item& item, const Applicant& applicant, Date today);

/// The required materials not among `given` (their numbers), as "2 结婚证", in the
/// item's order: every one at once (一次性告知).
std::vector<std::string> missing_materials(const std::vector<CaseMaterial>& materials, const std::vector<int>& given);

/// Opens a case: checks the operator (a station worker of the resident's
/// community), the resident, eligibility, open cases and yearly limits, and the
/// required materials (all missing ones named in one message); routes it to its
/// first step. Call inside a write transaction. Returns the new case as
/// get_case would read it back (built from what was written, not read again).
Case apply_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                const ApplyRequest& request);

/// Decides the current step in favour: the case moves on, or is approved at the
/// last step. Returns the number of the step decided (likewise reject and return).
int approve_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                 std::string_view number, const std::string& note);

/// Ends the case rejected at its current step.
int reject_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::string& reason);

/// Sends the case back for supplementary materials (补正); its clock stops.
int return_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                const std::vector<std::string>& materials, const std::string& note);

/// Records the materials a returned case waited for; its clock runs again and its
/// due dates move by the working days it waited.
void supplement_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                     std::string_view number, const std::vector<std::string>& materials);

/// Ends the case at the resident's request.
void withdraw_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                   const std::string& reason);

/// Ends an open or returned case because the register changed (its applicant died):
/// as withdraw_case, by `op`, but without the window clerk's check, since the change
/// recorded in the register is what ends it, whoever recorded it (a station worker,
/// or the admin importing the registry's file). `cause` ("death") and the day it
/// happened go into the event.
void withdraw_case_for_register(SQLite::Database& db, const Clock& clock, const Operator& op,
                                std::string_view number, const std::string& reason, const std::string& cause,
                                const std::string& on);

/// What the grid worker found at the applicant's home (入户调查).
struct Investigation {
  Date visited;
  std::optional<std::int64_t> income_fen;  ///< monthly income per member, in fen
  std::optional<std::int64_t> area_dm2;    ///< living area per person, in 1/100 m²
  bool passed = false;
  std::string note;  ///< the reason, when it failed
};

/// Records the home investigation of the case's current step, which must be one: a
/// pass moves the case on, a fail rejects it with the note as its reason. Returns the
/// step's number.
int investigate_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                     std::string_view number, const Investigation& investigation);

/// A democratic review's meeting (民主评议).
struct Review {
  Date held;
  int attendees = 0, votes_for = 0, votes_against = 0, votes_abstain = 0;
  std::string minutes;  ///< the minutes' reference
};

/// Records the democratic review of the case's current step, which must be one: the
/// votes add up to the attendees (InvalidInput otherwise); more than half of the
/// attendees for passes and moves the case on, anything less rejects it.
int review_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                std::string_view number, const Review& review);

/// Records an objection to the posting the case is in: the posting ends objected
/// to, and the case goes back to the last review before it (or the investigation, or
/// the decision, when there is none), which runs again as a new attempt; the steps
/// after it wait their turn anew. Returns the step the case went back to.
int object_case(SQLite::Database& db, const Clock& clock, const WorkCalendar& calendar, const Operator& op,
                std::string_view number, const std::string& reason);

/// Assigns or reassigns the current step to `staff_no`, who must be able to decide it.
void route_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number,
                std::string_view staff_no);

/// Filters for route_auto and list_cases; empty means any.
struct CaseFilter {
  std::string community;  ///< a community code
  std::string street;     ///< a street office code
  std::string item;
  std::string status;    ///< open, returned, approved, rejected, withdrawn
  std::string unit;      ///< the unit of the current step (a code)
  std::string assignee;  ///< staff number of the current step's assignee
  bool overdue = false;
  std::optional<int> due_within;  ///< open cases due within N working days of today
  bool unassigned = false;
  bool undecided = false;  ///< open cases and those waiting for materials (returned) only
};

/// What route_auto did.
struct AutoRouteReport {
  int assigned = 0;
  int to_grid_worker = 0;
  int unassignable = 0;  ///< steps no eligible staff member can take
};

/// Assigns every unassigned open step matching `filter`: a station step to the
/// grid worker of the applicant's household when that worker may decide it,
/// otherwise to the eligible staff member with the fewest open steps.
AutoRouteReport route_auto(SQLite::Database& db, const Clock& clock, const Operator& op, const CaseFilter& filter);

/// Records the resident's rating (1–5) of a decided case, once.
void evaluate_case(SQLite::Database& db, const Clock& clock, const Operator& op, std::string_view number, int score,
                   const std::string& comment);

/// One case in full; NotFound when there is none.
Case get_case(const SQLite::Database& db, const WorkCalendar& calendar, std::string_view number);

/// One line of a queue.
struct CaseSummary {
  std::string number;
  std::string item;
  std::string item_name;
  CaseStatus status = CaseStatus::open;
  std::string citizen_id;  ///< the resident's, in full: shown masked
  std::string resident_name;
  std::string community_code;
  std::string community_name;
  std::optional<int> step;  ///< the current step's number in the chain; none once decided
  std::string step_name;    ///< its name, or ""
  std::string step_unit;    ///< its unit code, or ""
  std::string assignee;     ///< its assignee's staff number, or ""
  std::string step_due;     ///< its due date, or ""
  std::string due_date;
  std::string accepted_at;
  std::int64_t notices = 0;  ///< changes in the register to review
  bool overdue = false;
};

/// The order of a list. Each ends with the case number, so that cases equal in the
/// rest come in one order: due date; acceptance; case number; item, then due date;
/// community code, then due date.
enum class CaseOrder { due, accepted, number, item, community };

/// The words `list --sort` takes, in CaseOrder's order.
inline constexpr std::array<std::string_view, 5> kCaseOrderWords = {"due", "accepted", "number", "item", "community"};

/// Calls `visit` for each case matching `filter` in `order`, one at a time, the
/// first `limit` of them when one is given: a list of any length in bounded
/// memory. `visit` must not keep the reference. Returns how many it visited.
std::int64_t for_each_case(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                           Date today, const std::function<void(const CaseSummary&)>& visit,
                           CaseOrder order = CaseOrder::due, std::optional<std::int64_t> limit = std::nullopt);

/// How many cases match `filter`: what for_each_case visits without a limit.
std::int64_t count_cases(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                         Date today);

/// Cases matching `filter`, in `order`.
std::vector<CaseSummary> list_cases(const SQLite::Database& db, const WorkCalendar& calendar, const CaseFilter& filter,
                                    Date today, CaseOrder order = CaseOrder::due);

/// SQLite's plan for list_cases under `filter` and `order` (EXPLAIN QUERY PLAN, one
/// line a step): what the tests pin, so that no queue comes to read or sort the
/// whole history.
std::string case_list_plan(const SQLite::Database& db, const CaseFilter& filter, Date today,
                           CaseOrder order = CaseOrder::due);

/// Records a refused command in the history in its own transaction (the command
/// itself wrote nothing). `operator_text` is what was given, known or not.
void record_refusal(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_text,
                    std::string_view command, std::string_view subject, std::string_view reason);

}  // namespace sqgl::core
