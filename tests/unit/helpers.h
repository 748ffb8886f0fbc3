// Shared test helpers: a pinned clock, an in-memory database, temp files.
#pragma once

#include <filesystem>
#include <string>

#include <unistd.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/base/date.h"
#include "core/db/database.h"

namespace sqgl::test {

/// 2012-01-29 09:00, the first working day after the 2012 Spring Festival.
inline core::FixedClock reform_clock() {
  return core::FixedClock(*core::parse_datetime("2012-01-29T09:00"));
}

/// A single integer from a query.
inline long long scalar(const SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, sql);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

/// A directory of its own below the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir() : TempDir(std::filesystem::temp_directory_path()) {}
  /// In `base`, for a test that needs a particular file system (tmpfs in /dev/shm).
  explicit TempDir(const std::filesystem::path& base) {
    static int counter = 0;
    path_ = base / ("sqgl-unit-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sqgl::test

namespace sqgl::test {

/// Every row of every table, in a stable order: a logical dump to compare
/// before and after a command that must not have written anything. What the
/// machine's clock decides (when an event was recorded, and so the hashes that
/// chain it) is left out: the same commands run again give the same dump.
inline std::string dump(const SQLite::Database& db) {
  std::string out;
  SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (tables.executeStep()) {
    const std::string name = tables.getColumn(0).getString();
    out += "== " + name + "\n";
    std::string query = "SELECT * FROM \"" + name + "\" ORDER BY 1, 2";
    if (name == "events") query = "SELECT id, at, clock, operator, kind, subject, detail FROM events ORDER BY 1";
    if (name == "settings") {
      query = "SELECT key, CASE key WHEN 'history.head' THEN substr(value, 1, instr(value, ' ')) ELSE value END "
              "FROM settings ORDER BY 1";
    }
    SQLite::Statement rows(db, query);
    while (rows.executeStep()) {
      for (int i = 0; i < rows.getColumnCount(); ++i) out += rows.getColumn(i).getString() + "|";
      out += "\n";
    }
  }
  return out;
}

}  // namespace sqgl::test
