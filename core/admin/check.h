// sqgl check: the database's health, for cron. The integrity of the file, its
// foreign keys, the history's hash chain, and — the history being the source of
// truth — every case, staff member, setting, resident's flags and calendar day
// replayed from the events and compared with the tables: an edit behind sqgl's
// back (an UPDATE in the sqlite3 shell) shows as a difference, named to the field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/model/cases/record.h"
#include "core/model/history.h"

namespace sqgl::core {

/// One thing on which the history and the tables disagree.
struct ReplayFinding {
  std::string subject;  ///< "case '150204-20120129-0001'", "staff 'ZZ0101'", "setting 'auth'", …
  std::string field;    ///< "status", "step 2 decided_by", … ("" for the thing as a whole)
  std::string history;  ///< what the history says
  std::string table;    ///< what the table holds
  /// "case '…': step 2 decided_by: history says JSJ01, table says JSJ02", in the user's
  /// language (the fields above stay English: --json carries them).
  std::string line() const;
};

/// What a replay compared and found.
struct ReplayReport {
  std::int64_t cases = 0, staff = 0, settings = 0, residents = 0, calendar_days = 0, standards = 0;  ///< compared
  std::vector<ReplayFinding> findings;  ///< the first ones found (up to the limit asked for)
  std::int64_t total_findings = 0;
  bool ok() const { return total_findings == 0; }
};

/// Replays the history and compares it with the tables, keeping the first `keep`
/// findings. Call in one read snapshot (check_database does).
ReplayReport replay_history(const SQLite::Database& db, std::size_t keep = 1000);

struct CheckReport {
  bool full = false;                      ///< integrity_check (else quick_check) checked the file
  std::vector<std::string> integrity;     ///< quick_check or integrity_check lines other than "ok"
  std::vector<std::string> foreign_keys;  ///< one line per violating row
  AuditResult history;
  ReplayReport replay;  ///< the tables against the history (when the chain holds)
  bool ok() const { return integrity.empty() && foreign_keys.empty() && history.ok() && replay.ok(); }
  std::size_t problems() const {
    return integrity.size() + foreign_keys.size() + (history.ok() ? 0 : 1) +
           static_cast<std::size_t>(replay.total_findings);
  }
};

struct CheckOptions {
  /// PRAGMA integrity_check (every index against its table, UNIQUE and CHECK
  /// constraints) instead of PRAGMA quick_check (every page, every b-tree, NOT NULL):
  /// the weekly check; quick_check's is the nightly one.
  bool full = false;
  std::string anchor;  ///< a history head kept elsewhere, which the chain must pass through
};

/// The file's structure, its foreign keys, the history's chain and, when the chain
/// holds, the replay of the tables from it. The parts run side by side, one per
/// core, each on a connection and snapshot of its own; a case is always read with
/// its events in one snapshot. A database in memory is checked part after part.
CheckReport check_database(const SQLite::Database& db, const CheckOptions& options = {});

}  // namespace sqgl::core
