// Work shared out among the machine's cores: the whole-history reports, check's
// replay and backup's checks each cut their pass into tasks and take them in turn.
#pragma once

#include <cstddef>
#include <functional>

namespace sqgl::core {

/// The number of cores to share work among (at least 1).
std::size_t cores();

/// Calls `task(worker, t)` once for each t from 0 to `tasks` - 1, in order of t, on
/// `workers` threads (the calling thread is worker 0; a worker takes the next task
/// when it is done with one). After a task throws no new task starts, and that
/// failing task's exception is rethrown once every worker has stopped.
void share_out(std::size_t workers, std::size_t tasks,
               const std::function<void(std::size_t worker, std::size_t t)>& task);

}  // namespace sqgl::core
