// What the import unit tests share: a small demo district, and `sqgl import` of a
// text run in-process by the district admin.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/csv_stream.h"
#include "core/import/import.h"
#include "core/model/staff.h"
#include "helpers.h"

namespace sqgl::test {

// What one import did: its counts and its problems in order.
struct Imported {
  core::ImportReport report;
  std::vector<core::ImportProblem> problems;
};

// The demo district, small, as of 2012-01-29 09:00.
inline SQLite::Database demo_db() {
  auto clock = reform_clock();
  auto db = core::create_memory_database(clock);
  core::WriteTransaction tx(db);
  core::generate_demo(db, clock, std::nullopt, {2012, 0.02, 0});
  tx.commit();
  return db;
}

// An import of `text` with `options` by the district admin, recorded in the history
// and committed unless a row was refused: what `sqgl import` does.
inline Imported run_import(SQLite::Database& db, const core::ImportOptions& options, const std::string& text) {
  auto clock = reform_clock();
  std::istringstream in(text);
  core::CsvStream csv(in, "test.csv", core::Encoding::utf8);
  Imported out;
  core::WriteTransaction tx(db);
  const core::Operator admin = core::resolve_operator(db, std::string("IT01"));
  out.report = core::import_csv(
      db, clock, admin, csv, options, [&](const core::ImportProblem& p) { out.problems.push_back(p); }, {});
  if (out.report.rejected == 0) {
    core::record_import(db, clock, admin, out.report, options);
    tx.commit();
  }
  return out;
}

// `sqgl import KIND [--mode upsert]` of `text`.
inline Imported run_import(SQLite::Database& db, const std::string& kind, const std::string& text,
                           bool upsert = false) {
  core::ImportOptions options;
  options.kind = kind;
  options.upsert = upsert;
  return run_import(db, options, text);
}

}  // namespace sqgl::test
