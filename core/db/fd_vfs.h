// SQLite over a file this process holds open by descriptor: how sqgl writes a
// backup or a new database into a NewFile (core/new_file.h), which has no name
// until it is complete. The database has no journal file and no lock file; it is
// private until published, and a failure discards it whole.
#pragma once

#include <SQLiteCpp/Database.h>

namespace sqgl::core {

/// Opens a SQLite database stored in the open file `fd` (empty or a database),
/// for reading and writing by this connection alone: exclusive locking, the
/// rollback journal in memory, no syncs (the caller syncs the file once, when it
/// publishes it). Other files SQLite needs (temporary tables, sorts) go through
/// the default VFS as usual. `fd` must stay open while the connection is.
/// `read_only` for a reader of a finished file: SQLite then leaves the schema's
/// CHECK constraints out (it needs them only to write), and quick_check walks the
/// pages in a third of the time.
SQLite::Database open_fd_database(int fd, bool read_only = false);

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
