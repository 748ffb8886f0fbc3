// Ctrl-C. The first SIGINT (or SIGTERM) asks the running command to stop: SQLite
// statements end with SQLITE_INTERRUPT (core/db watches every connection), long
// loops call check_interrupted(), no transaction commits after it, and the command
// unwinds as after any error — its transaction rolled back, its unnamed output
// files gone — says so in one line and exits 130. A command that had finished its
// work when the signal came ends as it would have. A second one ends the process at
// once; SQLite's journal still leaves the database as the last commit left it.
#pragma once

#include "core/base/error.h"

namespace sqgl::core {

/// The command was stopped by Ctrl-C (exit 130); the command line says so.
class Interrupted : public Error {
 public:
  Interrupted() : Error(ExitCode::interrupted, "interrupted") {}
};

/// Installs the handlers for SIGINT and SIGTERM (the process's, not the tests').
void handle_interrupts();

/// Whether Ctrl-C has come.
[[nodiscard]] bool interrupted() noexcept;

/// Throws Interrupted once Ctrl-C has come: called where long work makes progress.
void check_interrupted();

}  // namespace sqgl::core
