// sqgl_crash: sqgl with a kill -9 at a named point of a command, for the crash
// tests (tests/reliability/test_kill.py). SQGL_CRASH_AT=POINT[:N] kills the
// process with SIGKILL the N-th time (default 1st) it passes POINT, e.g.
// import.after-parse, import.progress:20, import.before-commit, import.after-commit.
// SQGL_INTERRUPT_AT=POINT[:N] sends it SIGINT there instead, as Ctrl-C would
// (tests/reliability/test_interrupt.py).
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "cli/app.h"
#include "core/base/test_point.h"

namespace {

std::string crash_point;
long crash_at = 1;
long passed = 0;
int crash_signal = SIGKILL;

void kill_at(std::string_view point) {
  if (point != crash_point || ++passed != crash_at) return;
  ::kill(::getpid(), crash_signal);
}

}  // namespace

int main(int argc, char** argv) {
  const char* at = std::getenv("SQGL_CRASH_AT");
  if (const char* interrupt = std::getenv("SQGL_INTERRUPT_AT"); interrupt && !at) {
    at = interrupt;
    crash_signal = SIGINT;
  }
  if (at) {
    crash_point = at;
    if (auto colon = crash_point.find(':'); colon != std::string::npos) {
      crash_at = std::strtol(crash_point.c_str() + colon + 1, nullptr, 10);
      crash_point.resize(colon);
    }
    sqgl::core::test_point_hook = kill_at;
  }
  return sqgl::cli::run_main(argc, argv);
}
