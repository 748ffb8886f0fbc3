// sqgl import: spreadsheets from other offices into the database, every bad row
// named by line and column, matched by natural key so a re-import changes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/csv_stream.h"
#include "core/base/date.h"
#include "core/model/cases/cases.h"

namespace sqgl::core {

/// The kinds `sqgl import` reads, in the order a new district loads them.
const std::vector<std::string>& import_kinds();

/// How to import.
struct ImportOptions {
  std::string kind;              ///< one of import_kinds()
  bool upsert = false;           ///< --mode upsert: update rows whose key exists (default: refuse them)
  bool ignore_columns = false;   ///< unknown columns are skipped instead of refused
  std::optional<int> year;       ///< calendar: the year the notice is for
  std::string notice;            ///< calendar: the notice's name
};

/// One bad field of one row.
struct ImportProblem {
  std::size_t line = 0;
  std::size_t column = 0;
  std::string column_name;
  std::string value;    ///< masked when it is a citizen ID or a phone number
  std::string message;
};

/// What an import did (or, in a dry run, would do).
struct ImportReport {
  std::string kind;
  std::string source;
  std::string sha256;
  std::int64_t rows = 0;
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected = 0;  ///< rows with at least one problem
  /// What the import's event carries for `sqgl check` to replay (flags, a year's days).
  nlohmann::json replay = nlohmann::json::object();
};

/// Called for every problem as it is found (the CLI prints the first few and
/// writes all of them to --errors), so memory stays flat.
using ProblemSink = std::function<void(const ImportProblem&)>;

/// Called now and then with rows and bytes read so far.
using ProgressSink = std::function<void(std::int64_t rows, std::uint64_t bytes)>;

/// Reads every row of `csv`, validates it and writes it, inside the caller's
/// transaction; the caller commits (or rolls back a dry run or a rejected file).
/// The operator must hold the admin role. Header problems (unknown or missing
/// columns, an empty file) throw InvalidInput; row problems go to `problems`.
/// On success with rows written, appends the import's event.
ImportReport import_csv(SQLite::Database& db, const Clock& clock, const Operator& op, CsvStream& csv,
                        const ImportOptions& options, const ProblemSink& problems, const ProgressSink& progress);

/// Appends the event of a finished import (call before committing).
void record_import(SQLite::Database& db, const Clock& clock, const Operator& op, const ImportReport& report,
                   const ImportOptions& options);

}  // namespace sqgl::core
