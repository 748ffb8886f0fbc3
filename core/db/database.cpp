#include "core/db/database.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/caller.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/interrupt.h"
#include "core/db/embedded.h"
#include "core/db/fd_vfs.h"
#include "core/db/files.h"
#include "core/db/new_file.h"

namespace sqgl::core {

namespace {

struct Migration {
  int number;
  std::string_view name;
  std::string_view sql;
};

// schema/NNNN_name.sql files, in order. Their numbers must run 1, 2, 3, …
std::vector<Migration> migrations() {
  std::vector<Migration> out;
  for (const auto& file : embedded_files()) {
    std::string_view name = file.name;
    if (!name.starts_with("schema/") || !name.ends_with(".sql")) continue;
    std::string_view base = name.substr(7);
    if (base.find('/') != std::string_view::npos || base.size() < 5 || base[4] != '_') continue;
    out.push_back({std::stoi(std::string(base.substr(0, 4))), name, file.data});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  return out;
}

int pragma_int(const SQLite::Database& db, const char* pragma) {
  SQLite::Statement query(db, std::string("PRAGMA ") + pragma);
  query.executeStep();
  return query.getColumn(0).getInt();
}

// SQLite's own busy timeout sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms
// between tries: with clerks' commands holding the lock for a few milliseconds, a
// waiting writer would sleep on long after the lock is free. This tries again every
// quarter millisecond for the first 10 ms, then every millisecond, for
// kBusyTimeoutMs in all (by the clock, not by counting sleeps that overrun).
int busy_wait(void*, int tries) {
  using Clock = std::chrono::steady_clock;
  thread_local Clock::time_point started;
  const auto now = Clock::now();
  if (tries == 0) started = now;
  const auto waited = now - started;
  if (waited >= std::chrono::milliseconds(kBusyTimeoutMs)) return 0;
  std::this_thread::sleep_for(waited < std::chrono::milliseconds(10) ? std::chrono::microseconds(250)
                                                                      : std::chrono::microseconds(1000));
  return 1;
}

void wait_when_busy(SQLite::Database& db) {
  sqlite3_busy_handler(db.getHandle(), busy_wait, nullptr);
}

}  // namespace

void keep_temporary_data_private(SQLite::Database& db) {
  if (borrowed_rights()) db.exec("PRAGMA temp_store = MEMORY");
}

void stop_on_interrupt(SQLite::Database& db) {
  // Every thousand virtual-machine steps SQLite asks whether Ctrl-C has come; a
  // statement asked to stop ends with SQLITE_INTERRUPT, which rethrow_sqlite turns
  // into Interrupted. The question is one load of a flag.
  sqlite3_progress_handler(db.getHandle(), 1000, [](void*) { return interrupted() ? 1 : 0; }, nullptr);
}

namespace {

void configure(SQLite::Database& db, bool writable) {
  db.exec("PRAGMA foreign_keys = ON");
  if (writable) {
    // WAL lets readers go on while a clerk writes; FULL makes a reported decision
    // survive a power cut.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
  } else {
    db.exec("PRAGMA query_only = ON");
  }
}

void check_identity(const SQLite::Database& db, std::string_view path) {
  int app = pragma_int(db, "application_id");
  if (app == kApplicationId) return;
  bool empty = true;
  SQLite::Statement any(db, "SELECT 1 FROM sqlite_master LIMIT 1");
  if (any.executeStep()) empty = false;
  if (app != 0 || !empty) {
    throw InvalidInput(tr("{} is not an sqgl database", errors::quote(path)));
  }
}

std::uint32_t big_endian_32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

// A side file must be the database's own: a -wal or -shm that someone else put
// there (in a shared directory) would receive the database's commits.
void check_side_files(const std::string& path, const struct stat& database) {
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::string side = path + suffix;
    struct stat st {};
    if (::lstat(side.c_str(), &st) != 0) continue;
    if (!S_ISREG(st.st_mode)) {
      throw PermissionDenied([&] {
        return std::string(
            tr("{} is not a regular file; a database's side files must be its own (remove it)", errors::quote(side)));
      });
    }
    // The same owner, or (under `setting files group`) the same group with nothing
    // for others: what nobody outside the database's group can create.
    const bool same_owner = st.st_uid == database.st_uid;
    const bool same_group = st.st_gid == database.st_gid && (st.st_mode & 0007) == 0 && (database.st_mode & 0060) != 0;
    if (!same_owner && !same_group) {
      throw PermissionDenied([&] {
        return std::string(
            tr("{} belongs to user {}, not to the database's owner (user {}): a side file someone else made could "
               "receive the database's commits; remove it if it is not the database's own",
               errors::quote(side), st.st_uid, database.st_uid));
      });
    }
  }
}

}  // namespace

std::optional<std::string> EmbeddedDataFiles::read(std::string_view name) const {
  for (const auto& file : embedded_files()) {
    if (file.name == name) return std::string(file.data);
  }
  return std::nullopt;
}

std::string DirectoryDataFiles::where(std::string_view name) const {
  // Names are "schema/…"; the directory stands for schema/.
  std::string_view relative = name.starts_with("schema/") ? name.substr(7) : name;
  return (std::filesystem::path(dir_) / std::string(relative)).string();
}

std::optional<std::string> DirectoryDataFiles::read(std::string_view name) const {
  std::ifstream in(where(name), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

DatabaseFile inspect_database_file(const std::string& path) {
  if (path == ":memory:") return DatabaseFile::sqgl;
  if (path.size() >= PATH_MAX) throw InvalidInput(tr("the database name is too long ({} bytes)", path.size()));
  // Plain system calls: every command opens the database, and a stream would cost
  // it a locale and a buffer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT) {
      for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        struct stat st {};
        if (::lstat((path + suffix).c_str(), &st) == 0) {
          throw InvalidInput(tr("{} is there without its database (left from another one?); remove it first",
                                errors::quote(path + suffix)));
        }
      }
      return DatabaseFile::missing;
    }
    if (error == ENAMETOOLONG) throw InvalidInput(tr("the database name {} is too long", errors::quote(path)));
    if (error == ENOTDIR) throw NotFound(tr("no directory for the database {}", errors::quote(path)));
    throw Failure(tr("cannot open {}: {}", errors::quote(path), std::strerror(error)));
  }
  struct stat st {};
  unsigned char header[100] = {};
  ssize_t got = -1;
  const bool stated = ::fstat(fd, &st) == 0;
  if (stated && S_ISREG(st.st_mode)) got = ::pread(fd, header, sizeof header, 0);
  ::close(fd);
  if (stated && S_ISDIR(st.st_mode)) {
    throw InvalidInput(tr("{} is a directory, not a database file", errors::quote(path)));
  }
  if (!stated || !S_ISREG(st.st_mode)) {
    throw InvalidInput(tr("{} is not a regular file, so not a database", errors::quote(path)));
  }
  if (st.st_size == 0) {
    throw InvalidInput(
        tr("{} is empty, not an sqgl database; remove it, or name a new file", errors::quote(path)));
  }
  // Decided from the header alone, before SQLite opens the file: a file that is not
  // sqgl's is never touched (no journal-mode change, no side files).
  static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  if (got < static_cast<ssize_t>(sizeof header) ||
      std::string_view(reinterpret_cast<const char*>(header), kMagic.size()) != kMagic) {
    throw InvalidInput(tr("{} is not an sqgl database (not an SQLite file)", errors::quote(path)));
  }
  if (big_endian_32(header + 68) != static_cast<std::uint32_t>(kApplicationId)) {
    throw InvalidInput(tr("{} is not an sqgl database", errors::quote(path)));
  }
  check_side_files(path, st);
  return DatabaseFile::sqgl;
}

int latest_schema_version() {
  auto all = migrations();
  return all.empty() ? 0 : all.back().number;
}

int schema_version(const SQLite::Database& db) {
  return pragma_int(db, "user_version");
}

namespace {

// "file:" URI of a path, for opening with query parameters.
std::string file_uri(const std::string& path) {
  std::string out = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

SQLite::Database connect(const std::string& path, bool writable) {
  // Each connection lives in one thread: SQLite's per-call mutexes would be pure cost.
  // A reader opens read-write too (SQLite falls back to read-only where the file
  // is not writable): the last connection to close folds the log into the file,
  // which a read-only one cannot.
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
  keep_temporary_data_private(db);
  stop_on_interrupt(db);
  // Before the first read: a command that is closing holds the file while it folds
  // the log in, and a reader arriving then waits for it like a writer.
  wait_when_busy(db);
  if (writable) return db;
  try {
    // A reader of a WAL database needs its -shm: where it cannot create one (a
    // read-only directory or medium), a database with no log pending is read as it
    // lies in its file.
    SQLite::Statement probe(db, "SELECT 1 FROM sqlite_master LIMIT 1");
    probe.executeStep();
    return db;
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode();
    struct stat log {};
    if ((code != SQLITE_READONLY && code != SQLITE_CANTOPEN) || ::stat((path + "-wal").c_str(), &log) == 0) throw;
  }
  SQLite::Database lying(file_uri(path) + "?immutable=1", SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
  keep_temporary_data_private(lying);
  stop_on_interrupt(lying);
  return lying;
}

}  // namespace

SQLite::Database open_database(const std::string& path, bool writable) {
  if (inspect_database_file(path) == DatabaseFile::missing) {
    throw NotFound(tr("no database at {}; create it with 'sqgl init'", errors::quote(path)));
  }
  refuse_network_filesystem(path);
  try {
    SQLite::Database db = connect(path, writable);
    configure(db, writable);
    check_identity(db, path);
    int version = schema_version(db);
    int latest = latest_schema_version();
    if (version > latest) {
      throw Conflict(tr("database {} has schema version {}, newer than this sqgl knows ({}); upgrade sqgl",
                        errors::quote(path), version, latest));
    }
    if (version < latest) {
      throw Conflict(tr("database {} has schema version {}, older than this sqgl ({}); run 'sqgl init' to upgrade it",
                        errors::quote(path), version, latest));
    }
    return db;
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, tr("cannot open {}", errors::quote(path)));
  }
}

bool in_memory(const SQLite::Database& db) {
  // SQLiteCpp keeps the name it was given (":memory:"); SQLite knows the file.
  const char* file = sqlite3_db_filename(db.getHandle(), "main");
  return file == nullptr || *file == '\0';
}

SQLite::Database open_second_reader(const SQLite::Database& db, Reader how) {
  const std::string& path = db.getFilename();
  try {
    if (how == Reader::pages) {
      // `db` keeps the -shm that a read-only connection of a WAL database needs;
      // where there is none (a read-only medium), the file is read as connect reads it.
      try {
        SQLite::Database pages(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
        keep_temporary_data_private(pages);
        stop_on_interrupt(pages);
        wait_when_busy(pages);
        configure(pages, false);
        SQLite::Statement probe(pages, "SELECT 1 FROM sqlite_master LIMIT 1");
        probe.executeStep();
        return pages;
      } catch (const SQLite::Exception&) {
      }
    }
    SQLite::Database second = connect(path, false);
    configure(second, false);
    return second;
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, tr("cannot open {}", errors::quote(path)));
  }
}

void initialize_database(const std::string& path, const std::function<void(SQLite::Database&, bool)>& build) {
  auto run = [&](SQLite::Database& db, bool created) {
    WriteTransaction tx(db);
    build(db, created);
    tx.commit();
  };
  try {
    if (path != ":memory:" && inspect_database_file(path) == DatabaseFile::missing) {
      refuse_network_filesystem(path);
      // Residents' IDs and phone numbers live here: a new file is its owner's alone.
      NewFile file("init", path, OutputRules{"", {}, 0600});
      {
        SQLite::Database db = open_fd_database(file.fd());
        run(db, true);
      }
      mark_journal(file.fd(), JournalMark::wal);
      file.publish(/*replace=*/false);
      return;
    }
    refuse_network_filesystem(path);
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    keep_temporary_data_private(db);
    stop_on_interrupt(db);
    wait_when_busy(db);
    configure(db, true);
    run(db, path == ":memory:");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, tr("init {} failed", errors::quote(path)));
  }
}



WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db) {
  try {
    db_.exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, _("cannot start a write"));
  }
  open_ = true;
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; SQLite rolls back on close anyway
  }
}

void WriteTransaction::commit() {
  // Nothing commits once Ctrl-C has come: an import whose input ended because the
  // program writing it was interrupted too must not keep the rows it had read.
  check_interrupted();
  try {
    db_.exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    // A commit whose sync failed may have left whole frames in the log; closing
    // copies only what the log's index counts as committed, and deletes the log.
    rethrow_sqlite(e, _("cannot commit"));
  }
  open_ = false;
}

int migrate(SQLite::Database& db) {
  check_identity(db, db.getFilename());
  const int latest = latest_schema_version();
  const int from = schema_version(db);
  if (from > latest) {
    throw Conflict(tr("database {} has schema version {}, newer than this sqgl knows ({}); upgrade sqgl",
                      errors::quote(db.getFilename()), from, latest));
  }
  for (const auto& m : migrations()) {
    if (m.number > from) db.exec(std::string(m.sql));
  }
  if (from < latest) {
    db.exec(fmt::format("PRAGMA user_version = {}", latest));
    db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  }
  return from;
}

ReadTransaction::ReadTransaction(const SQLite::Database& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.getHandle()) == 0) return;  // inside a transaction already
  const int rc = sqlite3_exec(db_.getHandle(), "BEGIN", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
  began_ = true;
}

ReadTransaction::~ReadTransaction() {
  if (began_) sqlite3_exec(db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);  // it only read
}

void rethrow_sqlite(const SQLite::Exception& e, std::string_view context) {
  // An exception raised by SQLiteCpp itself may carry only the primary code.
  const int code = e.getExtendedErrorCode() > 0 ? e.getExtendedErrorCode() : e.getErrorCode();
  switch (code & 0xff) {
    case SQLITE_INTERRUPT:
      if (interrupted()) throw Interrupted();
      throw Failure(fmt::format("{}: {}", context, e.what()));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Conflict(tr("{}: the database is busy (another sqgl held it for more than {} s); try again", context,
                        kBusyTimeoutMs / 1000));
    case SQLITE_CONSTRAINT:
      throw Conflict(fmt::format("{}: {}", context, e.what()));
    case SQLITE_FULL:
      throw Failure(tr("{}: disk full", context));
    case SQLITE_NOTADB:
      throw Failure(tr("{}: the file is not a database, or its header is damaged", context));
    case SQLITE_CORRUPT:
      throw Failure(tr("{}: the database file is damaged ({})", context, e.what()));
    default:
      throw Failure(fmt::format("{}: {}", context, e.what()));
  }
}

}  // namespace sqgl::core
