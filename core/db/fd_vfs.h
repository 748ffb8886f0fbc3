// SQLite over a file this process holds open by descriptor: how sqgl writes a
// backup or a new database into a NewFile (core/new_file.h), which has no name
// until it is complete. The database has no journal file and no lock file; it is
// private until published, and a failure discards it whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace sqgl::core {

/// What a connection over a descriptor does with the file.
enum class FdAccess {
  /// Builds a database (init): reads and writes, each page through the page cache.
  build,
  /// Writes a copy (backup) front to back: consecutive pages are gathered into
  /// writes of 1 MiB that bypass the page cache (O_DIRECT, where the file system
  /// takes it; otherwise ordinary writes of the same size). A reader of the copy
  /// then reads it from the disk, which is what is to be checked.
  copy,
  /// Reads a finished file: SQLite then leaves the schema's CHECK constraints out
  /// (it needs them only to write), and quick_check walks the pages in a third of
  /// the time.
  read,
};

/// Alignment of the buffers of direct (O_DIRECT) reads and writes.
inline constexpr std::size_t kDirectAlign = 4096;

/// What a copy connection wrote, to read it back: a checksum of every page as last
/// written, and the first page whole (its journal mark changes after the copy).
struct WrittenPages {
  std::size_t page_size = 0;
  std::vector<std::uint64_t> sums;  ///< by page, from 0; 0 for a page never written
  std::string first_page;
  bool whole = true;  ///< false once something other than a whole page was written
};

/// Opens a SQLite database stored in the open file `fd` (empty or a database),
/// for this connection alone: exclusive locking, the rollback journal in memory,
/// no syncs (the caller syncs the file once, when it publishes it). Other files
/// SQLite needs (temporary tables, sorts) go through the default VFS as usual.
/// `fd` must stay open while the connection is.
/// With FdAccess::copy and `written`, every page written is noted in it.
SQLite::Database open_fd_database(int fd, FdAccess use = FdAccess::build, WrittenPages* written = nullptr);

/// Reads the file `fd` back, past the page cache where the file system allows it
/// (what the disk holds), and compares every page with `written`; bytes 18 and 19,
/// the journal mark, are not compared. Returns what differs first, or "".
std::string compare_written(int fd, const WrittenPages& written);

/// How a published database file is marked to be opened.
enum class JournalMark {
  rollback,  ///< a copy to keep: a reader needs no -wal or -shm beside it
  wal,       ///< a database to use: every connection opens it in WAL mode, as sqgl's are
};

/// Sets the header bytes that say which journal the database in `fd` uses (18
/// and 19: 1 for a rollback journal, 2 for WAL). A backup copies the source's WAL
/// mark, and a database built over a descriptor has none. Call with no connection
/// open on the file. Marking WAL spares the first command on a new database from
/// switching it, which needs the file to itself.
void mark_journal(int fd, JournalMark mark);

}  // namespace sqgl::core
