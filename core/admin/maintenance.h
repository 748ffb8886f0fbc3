// Keeping a database safe: its settings (authentication, file modes), checks of
// its file, online backups and the combined health check that cron runs.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/model/history.h"
#include "core/db/new_file.h"
#include "core/admin/replay.h"

namespace sqgl::core {

// --- settings ---------------------------------------------------------------

/// How sqgl knows who is acting (like PostgreSQL's pg_hba methods).
enum class AuthMode {
  trust,  ///< `--as` / $SQGL_OPERATOR is taken as given (one shared station PC)
  peer,   ///< the operator is the staff member whose login is the process's real user
};

/// Who may read the files sqgl creates (database, backups, reports, reject files).
enum class FileAccess {
  owner,  ///< mode 600 (the default)
  group,  ///< mode 660: a station's clerks share one Unix group
};

/// The value of a setting, or none when it was never set.
std::optional<std::string> get_setting(const SQLite::Database& db, std::string_view key);

/// The settings a person may change with `sqgl setting KEY VALUE`, and their values.
struct SettingSpec {
  std::string_view key;
  std::string_view default_value;
  std::vector<std::string_view> values;
  std::string_view help;
};
const std::vector<SettingSpec>& setting_specs();

/// "unknown setting 'x' (the settings are auth, files)".
InvalidInput unknown_setting(std::string_view key);

/// Validates and stores a setting, writing a "setting.change" event; returns the
/// old value. InvalidInput for an unknown key or value.
std::string change_setting(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& staff_no,
                           std::string_view key,
                           std::string_view value);

AuthMode auth_mode(const SQLite::Database& db);
FileAccess file_access(const SQLite::Database& db);

/// InvalidInput when `clock` is pinned ($SQGL_NOW) and the database's `clock`
/// setting does not allow it: a database is dated by the machine's clock unless
/// its admin chose otherwise (a recorded setting), so nobody backdates a decision.
void check_clock(const SQLite::Database& db, const Clock& clock);

/// The umask under which sqgl creates files for `access`: 077 or 007.
mode_t file_umask(FileAccess access);

/// The real user id's login name (getpwuid, never $USER), or "" when it has none.
std::string process_login();

// --- the database file --------------------------------------------------------

/// The name of a network filesystem by its statfs magic (NFS, SMB/CIFS, …), or none.
std::optional<std::string> network_filesystem_name(std::int64_t statfs_type);

/// Refuses (Failure) a database on a network filesystem, where SQLite's locking is
/// unreliable. `path` may not exist yet: its directory is checked.
void refuse_network_filesystem(const std::string& path);

/// A warning when the database file or its -wal/-shm can be read by other users
/// (or by the group, when access is `owner`), naming the chmod that fixes it.
std::optional<std::string> file_mode_warning(const std::string& path, FileAccess access);

/// Sets the database file and its -wal/-shm to the mode `access` means.
void apply_file_access(const std::string& path, FileAccess access);

// --- backup and check -----------------------------------------------------------

struct BackupReport {
  std::string path;
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  std::int64_t events = 0;  ///< history events in the copy
  std::string head;         ///< the copy's newest history hash
};

/// Copies the open database to `dest` through SQLite's online backup API in one
/// read transaction (writers go on meanwhile under WAL), into an unnamed file
/// beside `dest` (core/new_file.h), checks the copy (integrity_check and the
/// history), then calls `publish` with the report and the file: it records the
/// command's event and publishes the file. If anything throws, no file is left
/// behind and `dest` is untouched.
BackupReport backup_database(SQLite::Database& source, const std::string& dest, const OutputRules& rules,
                             const std::function<void(const BackupReport&, NewFile&)>& publish);

struct CheckReport {
  std::vector<std::string> integrity;     ///< integrity_check lines other than "ok"
  std::vector<std::string> foreign_keys;  ///< one line per violating row
  AuditResult history;
  ReplayReport replay;  ///< the tables against the history (when the chain holds)
  bool ok() const { return integrity.empty() && foreign_keys.empty() && history.ok() && replay.ok(); }
  std::size_t problems() const {
    return integrity.size() + foreign_keys.size() + (history.ok() ? 0 : 1) +
           static_cast<std::size_t>(replay.total_findings);
  }
};

/// `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, the history's chain and,
/// when the chain holds, the replay of the tables from it (core/replay.h), all in
/// one read snapshot.
CheckReport check_database(const SQLite::Database& db, std::string_view anchor = {});

}  // namespace sqgl::core
