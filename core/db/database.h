// The store boundary: opening the database, migrations, write transactions, and
// the mapping of SQLite failures onto sqgl errors.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include "core/base/date.h"

namespace sqgl::core {

/// `PRAGMA application_id` of an sqgl database: "SQGL" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x5351474C;

/// How long a writer waits for another writer before giving up (exit 5).
inline constexpr int kBusyTimeoutMs = 5000;

/// Where init reads catalog and calendar files from: the copy embedded in the
/// binary, or a directory holding an edited `schema/`.
class DataFiles {
 public:
  virtual ~DataFiles() = default;
  /// The text of `name` (e.g. "schema/catalog/items.csv"), or none when absent.
  virtual std::optional<std::string> read(std::string_view name) const = 0;
  /// How messages name the file: the built-in name, or the path read.
  virtual std::string where(std::string_view name) const { return std::string(name); }
};

/// The files compiled into the binary.
class EmbeddedDataFiles final : public DataFiles {
 public:
  std::optional<std::string> read(std::string_view name) const override;
};

/// Files below a directory laid out like the source tree's schema/ (DIR/catalog/items.csv …).
class DirectoryDataFiles final : public DataFiles {
 public:
  explicit DirectoryDataFiles(std::string dir) : dir_(std::move(dir)) {}
  std::optional<std::string> read(std::string_view name) const override;
  std::string where(std::string_view name) const override;

 private:
  std::string dir_;
};

/// The newest schema version this binary knows (the highest migration number).
int latest_schema_version();

/// What a database path holds, as far as sqgl may touch it.
enum class DatabaseFile {
  missing,  ///< nothing there yet (and no side files left from another database)
  sqgl,     ///< an sqgl database
};

/// Looks at `path` with plain system calls, before SQLite opens it (so that
/// nothing is written to a file that is not sqgl's): its header must be SQLite's
/// and carry sqgl's application_id. InvalidInput for a directory, an empty or
/// foreign file, or side files without their database; PermissionDenied for a
/// side file (-wal, -shm, -journal) that another user made.
DatabaseFile inspect_database_file(const std::string& path);

/// Makes the connection's statements stop with SQLITE_INTERRUPT once Ctrl-C has
/// come (core/base/interrupt.h). Every connection sqgl opens does it.
void stop_on_interrupt(SQLite::Database& db);

/// `PRAGMA user_version`.
int schema_version(const SQLite::Database& db);

/// Opens an existing, current sqgl database for reading or writing, with foreign
/// keys on, WAL and the busy timeout. NotFound when the file does not exist;
/// Conflict when its schema is older (run init) or newer (upgrade sqgl) than this binary.
///
/// SQLite's own behaviour keeps the file whole: a commit is durable in the
/// write-ahead log (synchronous = FULL), and the last connection to close copies
/// the log into the database file and deletes it. A reader's connection is opened
/// read-write where the file allows it (and refuses every write, `query_only`) so
/// that it too folds the log in when it is the last to close. So once no sqgl is
/// running, the database file alone holds every command, and copying it is a copy.
SQLite::Database open_database(const std::string& path, bool writable);

/// How a second reader opens the file.
enum class Reader {
  full,     ///< read-write, as every sqgl connection: SQLite knows the schema's CHECK constraints
  pages,    ///< read-only: SQLite leaves CHECK constraints out of the schema it reads (it needs
            ///< them only to write), so quick_check walks the pages without evaluating them on
            ///< every row, in a third of the time
};

/// Whether `db` lives in memory (or in a temporary file) rather than in a file
/// another connection could open.
bool in_memory(const SQLite::Database& db);

/// Another reading connection to the database `db` has open, for another thread
/// (check's structure checks and replay). The file is not looked at again as
/// open_database does: closing any descriptor of the file would drop every POSIX
/// lock this process holds on it, `db`'s too (SQLite's "How To Corrupt", 2.2), and
/// a writer closing in another process could then fold the log into the file and
/// delete it under `db`.
SQLite::Database open_second_reader(const SQLite::Database& db, Reader how = Reader::full);

/// Keeps SQLite's temporary files (large sorts, temporary tables) in memory when
/// the process runs with borrowed rights (core/base/caller.h): on disk they would
/// belong to the caller, who could open one in the moment before SQLite unlinks it.
void keep_temporary_data_private(SQLite::Database& db);

/// Brings an open database to the latest schema: every migration it lacks, then
/// `user_version` and `application_id`. Returns the version it had (0 for a new
/// database). Conflict for a database newer than this sqgl; InvalidInput for one
/// that is not sqgl's. Call inside a WriteTransaction.
int migrate(SQLite::Database& db);

/// Runs `build` (core/admin/init.h's init_database, and what the command adds) in one write
/// transaction on the database at `path`, telling it whether the database is new.
/// A new database is built in an unnamed file beside `path` and linked into place
/// only when whole: a failed or interrupted init leaves nothing, and when another
/// process created `path` meanwhile, Conflict and nothing written. An existing
/// sqgl database (of any schema version) is opened in place.
void initialize_database(const std::string& path, const std::function<void(SQLite::Database&, bool created)>& build);


/// One command's transaction: BEGIN IMMEDIATE now, COMMIT in commit(), ROLLBACK
/// when destroyed without commit. A busy database becomes Conflict (exit 5).
class WriteTransaction {
 public:
  explicit WriteTransaction(SQLite::Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  /// Commits; the transaction is over afterwards.
  void commit();

 private:
  SQLite::Database& db_;
  bool open_ = false;
};

/// A read snapshot: every read until it ends sees the database at one moment,
/// while writers go on (WAL). Joins the transaction already open on the
/// connection, if there is one.
class ReadTransaction {
 public:
  explicit ReadTransaction(const SQLite::Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  const SQLite::Database& db_;
  bool began_ = false;
};

/// Rethrows a SQLite failure as the sqgl error its extended code means:
/// busy/locked → Conflict, constraint → Conflict, full disk → Failure "disk full", …
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, std::string_view context);

}  // namespace sqgl::core
