#include "core/admin/maintenance.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/db/fd_vfs.h"
#include "core/db/database.h"

namespace sqgl::core {

namespace {

std::string mode_text(mode_t mode) { return fmt::format("{:03o}", mode & 0777); }

}  // namespace

InvalidInput unknown_setting(std::string_view key) {
  std::string keys;
  for (const auto& spec : setting_specs()) keys += (keys.empty() ? "" : ", ") + std::string(spec.key);
  return InvalidInput(fmt::format("unknown setting {} (the settings are {})", errors::quote(key), keys));
}

// --- settings ---------------------------------------------------------------

std::optional<std::string> get_setting(const SQLite::Database& db, std::string_view key) {
  SQLite::Statement q(db, "SELECT value FROM settings WHERE key = ?");
  q.bind(1, std::string(key));
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> specs{
      {"auth", "trust", {"trust", "peer"},
       "who is acting: trust takes --as as given; peer takes the staff member whose login is the Unix user"},
      {"files", "owner", {"owner", "group"},
       "who may read the database, backups, reports and reject files: the owner (600) or also the group (660)"},
      {"clock", "system", {"system", "pinned"},
       "what dates events: system is the machine's clock; pinned also takes $SQGL_NOW (tests, demos, "
       "recorded back-filling), and marks the events it dates back-filled"},
  };
  return specs;
}

std::string change_setting(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& staff_no,
                           std::string_view key,
                           std::string_view value) {
  const auto& specs = setting_specs();
  const auto spec = std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.key == key; });
  if (spec == specs.end()) {
    throw unknown_setting(key);
  }
  if (std::find(spec->values.begin(), spec->values.end(), value) == spec->values.end()) {
    std::string allowed;
    for (auto v : spec->values) allowed += (allowed.empty() ? "" : " or ") + errors::quote(v);
    throw errors::invalid(std::string(key), std::string(value), fmt::format("expected {}", allowed));
  }
  const std::string old = get_setting(db, key).value_or(std::string(spec->default_value));
  if (old == value) return old;
  SQLite::Statement upsert(db,
                           "INSERT INTO settings (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, std::string(key));
  upsert.bind(2, std::string(value));
  upsert.exec();
  append_event(db, clock,
               {"setting.change", std::string(key), nlohmann::json{{"from", old}, {"to", value}}.dump(), staff_no});
  return old;
}

AuthMode auth_mode(const SQLite::Database& db) {
  return get_setting(db, "auth").value_or("trust") == "peer" ? AuthMode::peer : AuthMode::trust;
}

void check_clock(const SQLite::Database& db, const Clock& clock) {
  if (!clock.pinned() || get_setting(db, "clock").value_or("system") == "pinned") return;
  throw InvalidInput(
      "$SQGL_NOW pins the clock, but this database is dated by the machine's clock; unset SQGL_NOW (a database "
      "takes a pinned clock only after its admin runs 'sqgl setting clock pinned', for tests, demos and recorded "
      "back-filling)");
}

FileAccess file_access(const SQLite::Database& db) {
  return get_setting(db, "files").value_or("owner") == "group" ? FileAccess::group : FileAccess::owner;
}

mode_t file_umask(FileAccess access) { return access == FileAccess::group ? 007 : 077; }


std::string process_login() {
  // The real user id, as PostgreSQL's peer method asks the kernel: $USER and
  // $LOGNAME are whatever the caller set.
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(::getuid(), &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) return "";
  return found->pw_name;
}

// --- the database file --------------------------------------------------------

std::optional<std::string> network_filesystem_name(std::int64_t statfs_type) {
  switch (static_cast<std::uint32_t>(statfs_type)) {
    case 0x6969u: return "NFS";
    case 0x517Bu: return "SMB";
    case 0xFF534D42u: return "CIFS";
    case 0xFE534D42u: return "SMB2";
    case 0x5346414Fu: return "AFS";
    case 0x73757245u: return "Coda";
    case 0x00C36400u: return "Ceph";
    default: return std::nullopt;
  }
}

void refuse_network_filesystem(const std::string& path) {
  if (path.empty() || path == ":memory:") return;
  std::string probe = path;
  struct statfs info {};
  if (::statfs(probe.c_str(), &info) != 0) {
    probe = std::filesystem::absolute(path).parent_path().string();
    if (::statfs(probe.c_str(), &info) != 0) return;  // opening it will say what is wrong
  }
  if (auto name = network_filesystem_name(static_cast<std::int64_t>(info.f_type))) {
    throw Failure(fmt::format(
        "{} is on a network filesystem ({}), where SQLite's locking is unreliable and two clerks could corrupt it; "
        "keep the database on a local disk",
        errors::quote(path), *name));
  }
}

std::optional<std::string> file_mode_warning(const std::string& path, FileAccess access) {
  if (path.empty() || path == ":memory:") return std::nullopt;
  const mode_t forbidden = access == FileAccess::group ? 0007 : 0077;
  std::string files;
  mode_t seen = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path + suffix;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || (st.st_mode & forbidden) == 0) continue;
    if (!files.empty()) files += ' ';
    files += errors::quote(file);
    seen |= st.st_mode & 0777;
  }
  if (files.empty()) return std::nullopt;
  const mode_t wanted = access == FileAccess::group ? 0660 : 0600;
  return fmt::format("{} (mode {}) can be read by {}, and it holds residents' personal data: chmod {} {}",
                     errors::quote(path), mode_text(seen), (seen & 0007) ? "other users" : "its group",
                     mode_text(wanted), files);
}

void apply_file_access(const std::string& path, FileAccess access) {
  const mode_t wanted = access == FileAccess::group ? 0660 : 0600;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path + suffix;
    if (::chmod(file.c_str(), wanted) != 0 && errno != ENOENT) {
      throw Failure(fmt::format("cannot chmod {}: {}", errors::quote(file), std::strerror(errno)));
    }
  }
}

// --- backup and check -----------------------------------------------------------

BackupReport backup_database(SQLite::Database& source, const std::string& dest, const OutputRules& rules,
                             const std::function<void(const BackupReport&, NewFile&)>& publish) {
  // The copy is written into an unnamed file beside `dest` and named only once it
  // is whole and checked: a failed or killed backup leaves no copy of anyone's data.
  NewFile file("backup", dest, rules);
  BackupReport report;
  report.path = dest;
  try {
    {
      SQLite::Database copy = open_fd_database(file.fd());
      SQLite::Backup backup(copy, source);
      // All pages in one step: one read transaction, so the copy is one consistent
      // moment of the database while other processes keep writing (WAL).
      const int rc = backup.executeStep(-1);
      if (rc != SQLITE_DONE) {
        throw Conflict(fmt::format("backup: the database is busy (code {}); try again", rc));
      }
      report.pages = backup.getTotalPageCount();
    }
    // A reader of the copy needs no -wal or -shm beside it.
    mark_journal(file.fd(), JournalMark::rollback);
    {
      SQLite::Database copy = open_fd_database(file.fd());
      SQLite::Statement integrity(copy, "PRAGMA integrity_check");
      while (integrity.executeStep()) {
        const std::string line = integrity.getColumn(0).getString();
        if (line != "ok") throw Failure(fmt::format("backup: the copy does not pass integrity_check: {}", line));
      }
      const AuditResult history = verify_history(copy);
      if (!history.ok()) throw Failure(fmt::format("backup: the copy's {}", history.describe()));
      report.events = history.events;
      report.head = history.head.hash;
    }
    struct stat st {};
    if (::fstat(file.fd(), &st) == 0) report.bytes = st.st_size;
    publish(report, file);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "backup failed");
  }
  return report;
}

CheckReport check_database(const SQLite::Database& db, std::string_view anchor) {
  // One snapshot for every part, while clerks go on writing.
  ReadTransaction snapshot(db);
  CheckReport report;
  SQLite::Statement integrity(db, "PRAGMA integrity_check(100)");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    if (line != "ok") report.integrity.push_back(std::move(line));
  }
  SQLite::Statement fks(db, "PRAGMA foreign_key_check");
  while (fks.executeStep()) {
    report.foreign_keys.push_back(fmt::format("{} row {} refers to a missing {} row", errors::quote(fks.getColumn(0).getString()),
                                              fks.getColumn(1).getInt64(), errors::quote(fks.getColumn(2).getString())));
  }
  report.history = verify_history(db, anchor);
  // Replaying a history that does not verify would only repeat its problem.
  if (report.history.ok()) report.replay = replay_history(db);
  return report;
}

}  // namespace sqgl::core
