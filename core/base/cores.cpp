#include "core/base/cores.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace sqgl::core {

std::size_t cores() {
  return std::max(1U, std::thread::hardware_concurrency());
}

void share_out(std::size_t workers, std::size_t tasks,
               const std::function<void(std::size_t worker, std::size_t t)>& task) {
  workers = std::max<std::size_t>(1, std::min(workers, tasks));
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> failed(workers);
  auto work = [&](std::size_t w) {
    try {
      for (std::size_t t; (t = next++) < tasks;) task(w, t);
    } catch (...) {
      failed[w] = std::current_exception();
      next = tasks;
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(work, w);
  work(0);
  for (auto& t : threads) t.join();
  for (const auto& e : failed) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace sqgl::core
