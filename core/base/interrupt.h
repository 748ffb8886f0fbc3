// Ctrl-C. The first SIGINT (or SIGTERM) asks the running command to stop: SQLite
// statements end with SQLITE_INTERRUPT (core/db watches every connection), long
// loops call check_interrupted(), no transaction commits after it, and the command
// unwinds as after any error — its transaction rolled back, its unnamed output
// files gone — and exits 130. A second one ends the process at once; SQLite's
// journal still leaves the database as the last commit left it.
#pragma once

#include "core/base/error.h"

namespace sqgl::core {

/// The command was stopped by Ctrl-C (exit 130). Its message is empty: the signal
/// handler has already said so on stderr, at the moment it came.
class Interrupted : public Error {
 public:
  Interrupted() : Error(ExitCode::interrupted, "") {}
};

/// Installs the handlers for SIGINT and SIGTERM (the process's, not the tests').
void handle_interrupts();

/// What the handler writes to stderr (one line, with its newline): formatted
/// beforehand, in the user's language, since a signal handler may not translate or
/// allocate. `message` must outlive the process's work.
void set_interrupt_message(const char* message) noexcept;

/// Whether Ctrl-C has come.
[[nodiscard]] bool interrupted() noexcept;

/// Throws Interrupted once Ctrl-C has come: called where long work makes progress.
void check_interrupted();

/// For tests: forgets a Ctrl-C, or plays one without a signal.
void set_interrupted(bool value) noexcept;

/// Whether a progress line is on the terminal now, so that the handler's message
/// starts on a line of its own.
void set_progress_shown(bool shown) noexcept;

}  // namespace sqgl::core
