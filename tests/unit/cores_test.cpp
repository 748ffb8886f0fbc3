// Work shared out among cores: every task once, and a failure stops the rest.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/base/cores.h"

using namespace sqgl::core;

TEST_CASE("share_out: every task runs once, each on one of the workers") {
  for (std::size_t workers : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    std::vector<std::atomic<int>> runs(100);
    std::mutex m;
    std::set<std::size_t> seen;
    share_out(workers, runs.size(), [&](std::size_t w, std::size_t t) {
      ++runs[t];
      std::lock_guard lock(m);
      seen.insert(w);
    });
    for (const auto& r : runs) CHECK(r == 1);
    CHECK(*seen.rbegin() < workers);
  }
}

TEST_CASE("share_out: no tasks, and more workers than tasks") {
  int calls = 0;
  share_out(4, 0, [&](std::size_t, std::size_t) { ++calls; });
  CHECK(calls == 0);
  std::atomic<int> worker_max{0};
  share_out(8, 1, [&](std::size_t w, std::size_t) { worker_max = static_cast<int>(w); });
  CHECK(worker_max == 0);  // one task needs one worker, the calling thread
}

TEST_CASE("share_out: a failing task's exception reaches the caller and no task starts after it") {
  std::atomic<int> started{0};
  CHECK_THROWS_WITH_AS(share_out(1, 10,
                                 [&](std::size_t, std::size_t t) {
                                   ++started;
                                   if (t == 3) throw std::runtime_error("task 3 failed");
                                 }),
                       "task 3 failed", std::runtime_error);
  CHECK(started == 4);
  // With two workers the other may be inside its own task when one fails, but it
  // takes no new one: of 1000 tasks of a millisecond each, far fewer start.
  started = 0;
  CHECK_THROWS_AS(share_out(2, 1000,
                            [&](std::size_t, std::size_t t) {
                              ++started;
                              if (t == 0) throw std::runtime_error("first");
                              std::this_thread::sleep_for(std::chrono::milliseconds(1));
                            }),
                  std::runtime_error);
  CHECK(started < 1000);
}
