#include "core/admin/backup.h"

#include <sys/stat.h>

#include <future>
#include <string>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/test_point.h"
#include "core/db/database.h"
#include "core/db/fd_vfs.h"
#include "core/model/history.h"

namespace sqgl::core {

namespace {

// The first line of `PRAGMA quick_check` that is not "ok", or "".
std::string first_damage(SQLite::Database& db) {
  SQLite::Statement integrity(db, "PRAGMA quick_check");
  while (integrity.executeStep()) {
    std::string line = integrity.getColumn(0).getString();
    if (line != "ok") return line;
  }
  return {};
}

}  // namespace

BackupReport backup_database(SQLite::Database& source, const std::string& dest, const OutputRules& rules,
                             const std::function<void(const BackupReport&, NewFile&)>& publish,
                             const Progress& progress) {
  // The copy is written into an unnamed file beside `dest` and named only once it
  // is whole and checked: a failed or killed backup leaves no copy of anyone's data.
  NewFile file("backup", dest, rules);
  BackupReport report;
  report.path = dest;
  try {
    WrittenPages written;
    AuditResult verified;
    std::string damage, differs;
    {
      // One read transaction, begun by a first read before the backup step, which
      // then copies within it instead of taking its own: the copy is this one moment
      // of the database while other processes keep writing (WAL), and the history
      // verified below is the copy's.
      ReadTransaction moment(source);
      source.exec("SELECT 1 FROM sqlite_schema LIMIT 1");
      {
        SQLite::Database copy = open_fd_database(file.fd(), FdAccess::copy, &written);
        SQLite::Backup backup(copy, source);
        // In steps of 64 MiB (of 4 KiB pages), each a point of progress and of Ctrl-C.
        // The read transaction stays open across them, so no step sees another
        // moment: no writer's commit restarts the copy.
        int rc = SQLITE_OK;
        while (rc != SQLITE_DONE) {
          rc = backup.executeStep(16384);
          if (rc != SQLITE_OK && rc != SQLITE_DONE) {
            throw Conflict(tr("backup: the database is busy (code {}); try again", rc));
          }
          const int total = backup.getTotalPageCount();
          tell(progress, N_("copying pages"), total - backup.getRemainingPageCount(), total);
        }
        report.pages = backup.getTotalPageCount();
      }
      test_point("backup.after-copy");
      // A reader of the copy needs no -wal or -shm beside it.
      mark_journal(file.fd(), JournalMark::rollback);
      // Three checks side by side; only the read-back touches the copy, the others
      // read the database's pages from the page cache:
      // - the database's pages are walked (quick_check, on a read-only connection of
      //   its own, so that SQLite does not evaluate the CHECK constraints on every
      //   row): damage in the source would have been copied page for page, and a
      //   damaged database is never kept as a backup. Whether each index matches its
      //   table is what the weekly 'sqgl check --full' asks. Walked after the copy,
      //   not during it, a source read from the disk is read once, in order;
      // - the history of the copied moment is verified, in the snapshot the copy was
      //   made from: the read-back proves the copy holds those pages byte for byte,
      //   so its history is that history, without reading half the copy (the events)
      //   from the disk a second time in small reads;
      // - the copy is read back from the disk in large reads and every page compared
      //   with what SQLite wrote.
      tell(progress, N_("checking the copy"), 0, 0);
      auto structure = std::async(std::launch::async, [&]() -> std::string {
        if (in_memory(source)) return {};  // nothing else can open it; its history still is verified
        SQLite::Database reader = open_second_reader(source, Reader::pages);
        return first_damage(reader);
      });
      auto history = std::async(std::launch::async, [&] { return verify_history(source); });
      differs = compare_written(file.fd(), written);
      verified = history.get();
      damage = structure.get();
    }
    if (!damage.empty()) throw Failure(tr("backup: the database does not pass quick_check: {}", damage));
    if (!differs.empty()) throw Failure(tr("backup: the copy read back from the disk: {}", differs));
    if (!verified.ok()) throw Failure(tr("backup: the copy's {}", verified.describe()));
    report.events = verified.events;
    report.head = verified.head.hash;
    struct stat st {};
    if (::fstat(file.fd(), &st) == 0) report.bytes = st.st_size;
    publish(report, file);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e, _("backup failed"));
  }
  return report;
}

}  // namespace sqgl::core
