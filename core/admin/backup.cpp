#include "core/admin/backup.h"

#include <sys/stat.h>

#include <future>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/db/database.h"
#include "core/db/fd_vfs.h"
#include "core/model/history.h"

namespace sqgl::core {

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
      // Every page of the copy is read and its b-trees walked (quick_check, read-only
      // so that SQLite does not evaluate the CHECK constraints on every row): a copy
      // damaged on its way to the disk is never published. Whether each index
      // matches its table is the source's question, which the weekly
      // 'sqgl check --full' answers; asked here it would take longer than the copy and
      // the history together. The copy's history is verified meanwhile on a second
      // connection, on the other core.
      SQLite::Database history_reader = open_fd_database(file.fd(), true);
      history_reader.exec("PRAGMA cache_size = -2000");  // it reads each page once
      auto history = std::async(std::launch::async, [&] { return verify_history(history_reader); });
      std::string damage;
      {
        SQLite::Database copy = open_fd_database(file.fd(), true);
        SQLite::Statement integrity(copy, "PRAGMA quick_check");
        while (integrity.executeStep() && damage.empty()) {
          const std::string line = integrity.getColumn(0).getString();
          if (line != "ok") damage = line;
        }
      }
      const AuditResult verified = history.get();
      if (!damage.empty()) throw Failure(fmt::format("backup: the copy does not pass quick_check: {}", damage));
      if (!verified.ok()) throw Failure(fmt::format("backup: the copy's {}", verified.describe()));
      report.events = verified.events;
      report.head = verified.head.hash;
    }
    struct stat st {};
    if (::fstat(file.fd(), &st) == 0) report.bytes = st.st_size;
    publish(report, file);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, "backup failed");
  }
  return report;
}

}  // namespace sqgl::core
