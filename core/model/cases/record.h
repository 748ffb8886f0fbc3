// A case as a record: the one shape in which the history describes a case, the
// case writer inserts it, and `sqgl check` compares what the history says with
// what the tables hold. Codes and staff numbers, never row ids (but the
// resident's, whose citizen ID the history does not spell out).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/model/vocabulary.h"

namespace sqgl::core {

/// One step of a case's chain, as the case carries it.
struct StepRecord {
  int seq = 0;
  StepLevel level = StepLevel::station;
  std::string unit, name_zh;  ///< unit: the deciding unit's code
  Role role = Role::worker;
  int days = 0;
  StepStatus status = StepStatus::pending;
  std::string assignee, started_at, due_date, decided_at, decided_by, note;  ///< "" when none
  StepKind kind = StepKind::decision;
  std::string place;  ///< a posting's place, else ""
  bool operator==(const StepRecord&) const = default;
};

/// What one stage of a case found: a home investigation, a democratic review or a
/// public posting, once per step and attempt.
struct StageRecord {
  int step = 0;
  int attempt = 1;
  StepKind kind = StepKind::investigation;
  std::string held_on;                  ///< date of the visit or the meeting, a posting's first day
  std::string ends_on;                  ///< a posting's end (first day after it), else ""
  std::optional<std::int64_t> income_fen;  ///< investigation: monthly income per member, in fen
  std::optional<std::int64_t> area_dm2;    ///< investigation: living area per person, in 1/100 m²
  std::optional<int> attendees, votes_for, votes_against, votes_abstain;  ///< review
  std::string minutes, place;
  std::optional<StageResult> result;  ///< none while a posting runs
  std::string note;                   ///< a failed stage's reason, an objection's text
  std::string by, at;                 ///< who recorded it (staff number) and when; "" while a posting runs
  bool operator==(const StageRecord&) const = default;
};

/// One material of a case.
struct MaterialRecord {
  int seq = 0;
  std::string name_zh;
  bool required = true;
  std::string received_at, requested_at;  ///< "" when none
  bool operator==(const MaterialRecord&) const = default;
};

/// The resident's rating.
struct RatingRecord {
  int score = 0;
  std::string comment, at, recorded_by;
  bool operator==(const RatingRecord&) const = default;
};

/// One wait for the resident's materials (补正).
struct WaitRecord {
  int seq = 0;
  int step = 0;
  std::string returned_at, resumed_at;  ///< resumed_at "" while waiting
  std::optional<int> working_days;      ///< once the materials came
  std::string due_before, step_due_before;
  bool operator==(const WaitRecord&) const = default;
};

/// A case in full.
struct CaseRecord {
  std::string number, item;
  Model model = Model::reformed;
  std::int64_t resident_id = 0;  ///< the residents row
  std::string household;         ///< a household benefit's household code, else ""
  std::string community, window;
  CaseStatus status = CaseStatus::open;
  std::optional<int> current_seq;
  std::string accepted_at, accepted_by, due_date;
  int paused_days = 0;
  int posting_days = 0;  ///< working days spent in postings, not the station's time
  std::string returned_at, decided_at, note;
  std::vector<StepRecord> steps;
  std::vector<StageRecord> stages;
  std::vector<MaterialRecord> materials;
  std::optional<RatingRecord> rating;
  std::vector<WaitRecord> waits;
  bool operator==(const CaseRecord&) const = default;

  /// The step with number `seq`; Failure naming the case when it has none.
  StepRecord& step(int seq);
};

/// The record as the history stores it: an object, empty fields left out, each step
/// a row of kStepFields; a decision step leaves out the last two (kind, place), so that
/// a row of the first 13 is a decision step.
inline constexpr const char* kStepFields =
    "seq, level, unit, name_zh, role, days, status, assignee, started_at, due_date, decided_at, decided_by, note, "
    "kind, place";

/// The stage of `record` a step is running or ran last: its newest attempt; nullptr when none.
StageRecord* last_stage(CaseRecord& record, int step);

/// A posting stage begins on step `step` of `record` on `day` (its place and calendar
/// days are the step's), as a new attempt.
StageRecord posting_stage(const CaseRecord& record, const StepRecord& step, const std::string& day);

nlohmann::json case_record_json(const CaseRecord& record);

/// One stage as the record (and the event that adds it) carries it: an object, empty
/// fields left out.
nlohmann::json stage_record_json(const StageRecord& stage);
/// Reads what stage_record_json wrote; InvalidInput when it is not such a stage.
StageRecord stage_record_from_json(const nlohmann::json& json);

/// Reads what case_record_json wrote; InvalidInput when it is not such a record.
CaseRecord case_record_from_json(const nlohmann::json& json);

/// case_record_json(record).dump(), byte for byte, written without the JSON document.
std::string case_record_text(const CaseRecord& record);

/// Whether `detail`, the text of a genesis event of `kind` that carries a case
/// whole (case.generate, case.adopt, case.import), is exactly what sqgl writes for
/// `record`: then replaying the event gives `record` back, without parsing it. False
/// for any other kind and any difference, down to a byte.
bool carries_record(std::string_view kind, std::string_view detail, const CaseRecord& record);

/// One field on which the history and the tables disagree.
struct Difference {
  std::string field;    ///< "status", "step 2 decided_by", "material 3 received_at", "rating score"
  std::string history;  ///< what the history says ("none" when it has nothing)
  std::string table;    ///< what the table holds
};

/// Every field on which `history` and `table` differ, in a stable order.
std::vector<Difference> compare_case(const CaseRecord& history, const CaseRecord& table);

/// The kinds of event that create a case's record, whole.
inline constexpr std::string_view kCaseGenesisKinds[] = {"case.apply", "case.import", "case.generate", "case.adopt"};

/// True for the kinds in kCaseGenesisKinds.
bool is_case_genesis(std::string_view kind);

/// Applies one event of a case's history to the record it builds: a genesis event
/// sets it whole, the others change what they did. InvalidInput when the event
/// does not fit the record.
void apply_case_event(std::optional<CaseRecord>& record, const std::string& kind, const std::string& at,
                      const std::string& operator_, const nlohmann::json& detail);

/// Inserts new cases with their steps, materials, rating and waits: the one writer
/// of those rows for apply, import and the demo, its statements prepared once for
/// a batch.
class CaseWriter {
 public:
  explicit CaseWriter(SQLite::Database& db);
  ~CaseWriter();
  CaseWriter(const CaseWriter&) = delete;
  CaseWriter& operator=(const CaseWriter&) = delete;
  /// Returns the case's row id. Conflict when the number exists; InvalidInput for
  /// a unit or staff number that does not.
  std::int64_t insert(const CaseRecord& record);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// Changes to one existing case's rows: with CaseWriter, the only writer of the
/// cases, case_steps, case_materials, case_waits and evaluations tables. Each
/// method is one statement; the workflow (core/model/cases.cpp) decides which.
class CaseUpdate {
 public:
  CaseUpdate(SQLite::Database& db, std::int64_t case_id) : db_(db), case_id_(case_id) {}

  /// Step `seq` starts at `at`, due on `due`.
  void start_step(int seq, const std::string& at, const std::string& due);
  /// Step `seq` decided: approved, rejected or withdrawn, by staff row `by`.
  void decide_step(int seq, StepStatus status, const std::string& at, std::int64_t by, const std::string& note);
  /// The case moves on to step `seq`.
  void move_to(int seq);
  /// The case ends: approved, rejected or withdrawn.
  void close(CaseStatus status, const std::string& at);
  /// The resident is asked again for these materials.
  void request_materials(const std::vector<int>& seqs, const std::string& at);
  void receive_materials(const std::vector<int>& seqs, const std::string& at);
  /// Step `seq` goes back for materials (补正): the case waits from `at`, and the
  /// wait keeps the due dates it started with.
  void pause(int seq, const std::string& note, const std::string& at, const std::string& due_before,
             const std::string& step_due_before);
  /// The materials came: step `seq` and the case run again with these due dates,
  /// `paused` working days later.
  void resume(int seq, const std::string& step_due, const std::string& due, int paused);
  /// The open wait ends at `at`, after `working_days` (none when the case ended while it waited).
  void end_wait(const std::string& at, std::optional<int> working_days);
  /// Step `seq` is assigned to staff row `staff_id`.
  void assign(int seq, std::int64_t staff_id);
  /// A stage's record begins (an investigation, a review, or a posting that runs).
  void add_stage(const StageRecord& stage);
  /// A running posting ends: passed or objected to, by staff row `by`.
  void end_posting(int step, int attempt, StageResult result, const std::string& note, std::int64_t by,
                   const std::string& at);
  /// The case spent `days` more working days in postings.
  void add_posting_days(int days);
  /// Step `seq` runs again (an objection sent the case back to it): active from `at`,
  /// due on `due`, its decision cleared.
  void reopen(int seq, const std::string& at, const std::string& due);
  /// Step `seq` waits its turn again, its start and decision cleared.
  void reset_step(int seq);
  /// The resident's rating, replacing an earlier one; `recorded_by` a staff number.
  void rate(int score, const std::string& comment, const std::string& at, const std::string& recorded_by);

 private:
  SQLite::Database& db_;
  std::int64_t case_id_;
};

/// The record of case row `case_id` as the tables hold it.
CaseRecord read_case_record(const SQLite::Database& db, std::int64_t case_id);

/// Case row ids from `first` to `last`, both included.
struct CaseIds {
  std::int64_t first = 0;
  std::int64_t last = std::numeric_limits<std::int64_t>::max();
};

/// The case rows cut into `parts` runs of ids, from the first case's to the last's
/// (one run for no cases); the last run is open-ended, for cases added since.
std::vector<CaseIds> case_id_runs(const SQLite::Database& db, std::int64_t parts);

/// The first and last case row ids (0 and 0 for none), as case_id_runs reads them:
/// each looked up on its own (asked together, SQLite reads every id to find them).
inline constexpr const char* kCaseIdBounds =
    "SELECT COALESCE((SELECT min(id) FROM cases), 0), COALESCE((SELECT max(id) FROM cases), 0)";

/// Every case as the tables hold it (those with row ids in `ids`), in row order,
/// read in one pass per table.
void for_each_case_record(const SQLite::Database& db,
                          const std::function<void(std::int64_t case_id, const CaseRecord&)>& visit, CaseIds ids = {});

}  // namespace sqgl::core
