// sqgl backup: an online copy of the database, checked before it is kept.
#pragma once

#include "core/base/progress.h"

#include <cstdint>
#include <functional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "core/db/new_file.h"

namespace sqgl::core {

struct BackupReport {
  std::string path;
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  std::int64_t events = 0;  ///< history events in the copy
  std::string head;         ///< the copy's newest history hash
};

/// Copies the open database to `dest` through SQLite's online backup API in one
/// read transaction (writers go on meanwhile under WAL), into an unnamed file
/// beside `dest` (core/db/new_file.h) written past the page cache, then checks:
/// quick_check of the database, the copy read back from the disk and compared page
/// for page with what was written, and the history of the copied moment (verified in
/// the same read transaction the copy was made in). Then it calls `publish`
/// with the report and the file: it records the command's event and publishes the
/// file. If anything throws, no file is left behind and `dest` is untouched.
/// `progress` is told of the pages copied, then of the checks.
BackupReport backup_database(SQLite::Database& source, const std::string& dest, const OutputRules& rules,
                             const std::function<void(const BackupReport&, NewFile&)>& publish,
                             const Progress& progress = {});

}  // namespace sqgl::core
