// One moment of the database read on every core: a whole-history report cuts its
// pass over millions of cases into runs and reads them side by side.
#pragma once

#include <cstddef>
#include <functional>

#include <SQLiteCpp/Database.h>

namespace sqgl::core::reports {

/// Calls `work(run, reader)` for each run from 0 to `runs` - 1. The runs are shared
/// out among the machine's cores, each core reading on a connection of its own;
/// one run is never called on two cores at once, so whatever a run adds up needs
/// no lock. Every connection reads the moment `db` reads (call inside a read
/// transaction on `db`): each names the history's newest event, and when a command
/// committed in between the runs are read one after another on `db` instead. A
/// database in memory, one core or one run is read on `db` alone. A failing run's
/// exception is rethrown once every core has stopped.
void read_side_by_side(const SQLite::Database& db, std::size_t runs,
                       const std::function<void(std::size_t run, const SQLite::Database& reader)>& work);

}  // namespace sqgl::core::reports
