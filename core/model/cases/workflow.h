// What the case workflow's files share (apply, decide, route, read): the stored
// rows a command acts on, and the checks every command makes before it writes.
// For core/model/cases/ only; the workflow's interface is cases.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/model/cases/cases.h"
#include "core/model/staff.h"
#include "core/model/vocabulary.h"

namespace sqgl::core::workflow {

/// The stored row of a case, with what the workflow needs.
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

/// The stored row of a step, with its unit's name.
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
  StepKind kind = StepKind::decision;
  std::string place;
};

/// The case moves on from step `seq`, decided now: the next step starts (a posting's
/// notice goes up), or the case is approved. Adds "next_step", "next_due" and "status"
/// to the event's `detail`.
void move_on(SQLite::Database& db, const WorkCalendar& calendar, const CaseRow& c, int seq, const DateTime& now,
             nlohmann::json& detail);

/// A posting's notice as it hangs.
struct Posting {
  int attempt = 1;
  Date start, ends;  ///< ends: the first day after the notice
};

/// The notice of posting step `step` that is up now; Failure when none is.
Posting running_posting(const SQLite::Database& db, const CaseRow& c, const StepRow& step);

/// The working days that fell inside a posting up to `today`: time that is not the
/// station's, so not in the working days a case takes.
int posting_working_days(const WorkCalendar& calendar, const Posting& posting, Date today);

/// Refuses (exit 5) to `action` ("approve", marked N_()) a stage step with a command
/// meant for decisions, naming the command to use: an investigation is recorded with
/// `sqgl investigate`, a review with `sqgl review`; a posting is not rejected nor
/// returned, only objected to. A decision step, and approving a posting, pass.
void require_kind_for(const CaseRow& c, const StepRow& step, const char* action);

/// "no case '…' (case numbers look like …)": exit 3 with a hint.
NotFound no_such_case(std::string_view number);

/// The case numbered `number`; no_such_case when there is none.
CaseRow load_case(const SQLite::Database& db, std::string_view number);

/// Step `seq` of a case, with its unit's name.
StepRow load_step(const SQLite::Database& db, std::int64_t case_id, int seq);

/// Times are causal: nothing about a case is dated before what its history holds
/// (a decision before the acceptance, a bureau's before the station's, a rating
/// before the decision). Only a pinned clock ($SQGL_NOW) can try.
void require_causal(const SQLite::Database& db, const CaseRow& c, const DateTime& now);

/// The case a command acts on, refused (exit 2) when the command is dated before the
/// case's newest event: checked before anything else, so that not even a refusal is
/// recorded out of time.
CaseRow load_case_at(const SQLite::Database& db, std::string_view number, const Clock& clock);

/// An action on the current step needs a case that is open, not waiting or decided.
void require_open(const CaseRow& c);

/// Who may decide a step: active staff of the step's unit holding its role. A
/// decision step also needs someone who has taken no other step of the case but a
/// posting (separation of duties): whoever investigated, reviewed or decided before
/// does not decide again. Investigations, reviews and postings are exempt: the grid
/// worker who accepted a case follows it through its stages.
void require_decider(const SQLite::Database& db, const Operator& op, const CaseRow& c, const StepRow& step);

/// The station window staff of the case's community: who accepts, supplements,
/// withdraws and records ratings. `action` ("withdraw a case") is marked N_() by the
/// caller and translated here.
void require_window_clerk(const Operator& op, std::int64_t community_id, const char* action);

/// Records the decision of a step, by the operator, now.
void decide_step(SQLite::Database& db, std::int64_t case_id, int seq, StepStatus status, const Operator& op,
                 const DateTime& now, const std::string& note);

/// Appends the event of a case command, by the operator.
void append(SQLite::Database& db, const Clock& clock, const Operator& op, std::string kind, const std::string& number,
            const nlohmann::json& detail);

/// Matches what a clerk typed ("2", "结婚证") against a list of materials.
std::vector<int> match_materials(const std::vector<std::string>& given, const std::vector<CaseMaterial>& known,
                                 std::string_view item);

/// The materials of a case, in order, with when each was received or asked for.
std::vector<CaseMaterial> case_materials(const SQLite::Database& db, std::int64_t case_id);

/// A filter naming a community, item, unit or staff member that does not exist is a
/// typo: say so (exit 3) rather than print an empty queue.
void check_case_filter(const SQLite::Database& db, const CaseFilter& filter);

/// "a; b; c".
std::string joined(const std::vector<std::string>& parts);

/// The date of an ISO date-time "2012-01-29T09:00:00".
Date date_part(const std::string& datetime);

}  // namespace sqgl::core::workflow
