#include "core/report/side_by_side.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "core/base/cores.h"
#include "core/db/database.h"
#include "core/model/history.h"

namespace sqgl::core::reports {

namespace {

// A second connection with its read transaction open, as long as it lives.
struct SnapshotReader {
  explicit SnapshotReader(const SQLite::Database& db) : connection(open_second_reader(db)), snapshot(connection) {}
  SQLite::Database connection;
  ReadTransaction snapshot;
};

}  // namespace

void read_side_by_side(const SQLite::Database& db, std::size_t runs,
                       const std::function<void(std::size_t run, const SQLite::Database& reader)>& work) {
  const std::size_t workers = in_memory(db) ? 1 : std::min(cores(), runs);
  std::vector<std::unique_ptr<SnapshotReader>> readers;
  if (workers > 1) {
    const std::int64_t moment = newest_event(db);
    for (std::size_t w = 0; w < workers; ++w) {
      readers.push_back(std::make_unique<SnapshotReader>(db));
      if (newest_event(readers.back()->connection) != moment) {
        readers.clear();  // a command committed since `db`'s moment: read it alone
        break;
      }
    }
  }
  if (readers.empty()) {
    for (std::size_t run = 0; run < runs; ++run) work(run, db);
    return;
  }
  share_out(readers.size(), runs, [&](std::size_t w, std::size_t run) { work(run, readers[w]->connection); });
}

}  // namespace sqgl::core::reports
