#include "core/base/interrupt.h"

#include <csignal>

namespace sqgl::core {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int signal) {
  // A second Ctrl-C finds the default action back in place and ends the process.
  struct sigaction plain {};
  plain.sa_handler = SIG_DFL;
  sigemptyset(&plain.sa_mask);
  ::sigaction(signal, &plain, nullptr);
  g_interrupted = 1;
}

}  // namespace

void handle_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // System calls restart, so a read or write is never cut short by Ctrl-C: the work
  // stops at its next statement or progress point instead.
  action.sa_flags = SA_RESTART;
  for (int signal : {SIGINT, SIGTERM}) {
    struct sigaction previous {};
    // A process started with SIGINT ignored (in the background of a script) keeps ignoring it.
    if (::sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

bool interrupted() noexcept { return g_interrupted != 0; }

void check_interrupted() {
  if (interrupted()) throw Interrupted();
}

}  // namespace sqgl::core
