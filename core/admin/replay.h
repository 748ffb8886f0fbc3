// The history is the source of truth: `sqgl check` replays every case, staff
// member, setting, resident's flags and calendar day from the events and compares
// the result with the tables. An edit behind sqgl's back (an UPDATE in the sqlite3
// shell) shows as a difference, named down to the field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/model/case_record.h"
#include "core/base/date.h"

namespace sqgl::core {

/// One thing on which the history and the tables disagree.
struct ReplayFinding {
  std::string subject;  ///< "case '150204-20120129-0001'", "staff 'ZZ0101'", "setting 'auth'", …
  std::string field;    ///< "status", "step 2 decided_by", … ("" for the thing as a whole)
  std::string history;  ///< what the history says
  std::string table;    ///< what the table holds
  /// "case '…': step 2 decided_by: history says JSJ01, table says JSJ02".
  std::string line() const;
};

/// What a replay compared and found.
struct ReplayReport {
  std::int64_t cases = 0, staff = 0, settings = 0, residents = 0, calendar_days = 0;  ///< compared
  std::vector<ReplayFinding> findings;  ///< the first ones found (up to the limit asked for)
  std::int64_t total_findings = 0;
  bool ok() const { return total_findings == 0; }
};

/// Applies one event of a case's history to the record it builds: a genesis event
/// (case.apply, case.import, case.generate, case.adopt) sets it whole, the others
/// change what they did. InvalidInput when the event does not fit the record.
void apply_case_event(std::optional<CaseRecord>& record, const std::string& kind, const std::string& at,
                      const std::string& operator_, const nlohmann::json& detail);

/// The kinds of event that create a case's record.
bool is_case_genesis(std::string_view kind);

/// Replays the history and compares it with the tables, keeping the first `keep`
/// findings. Call in one read snapshot (check_database does).
ReplayReport replay_history(const SQLite::Database& db, std::size_t keep = 1000);

/// Writes the events that vouch for what a database upgraded to schema 6 holds:
/// a case.adopt per case, a staff.adopt per staff member, the residents' flags,
/// each calendar year and each setting, as they stand. Replay starts from them.
void adopt_records(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_);

}  // namespace sqgl::core
