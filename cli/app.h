// The sqgl command line: global options, the subcommands, and the mapping of
// every failure to one `sqgl: error: …` line and its exit code.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/App.hpp>

#include "cli/commands.h"
#include "cli/context.h"

namespace sqgl::cli {


/// The application: build once, run once.
class Cli {
 public:
  Cli();

  /// Parses `args` (without the program name) and runs the chosen subcommand.
  /// With `borrowed` (sqgl runs with rights the caller lacks: core/base/caller.h)
  /// the database is the configuration file's and the clock the machine's, and
  /// whatever asks otherwise is refused. Returns the process exit code; never throws.
  int run(const std::vector<std::string>& args, const Environment& env, std::ostream& out, std::ostream& err,
          bool out_is_tty, bool borrowed = false);

  /// Parses only, for argv tests: throws CLI::ParseError or core::Error, and
  /// returns the name of the chosen subcommand.
  std::string parse(const std::vector<std::string>& args);

  /// The parsed global options (valid after parse).
  const GlobalOptions& globals() const { return globals_; }
  /// The underlying CLI11 app.
  CLI::App& app() { return app_; }

  /// Every command's name, in the order `sqgl --help` lists them.
  static std::vector<std::string> command_names();

 private:
  /// The command `args` names ("" when none), or InvalidInput for an unknown one.
  std::string command_name(const std::vector<std::string>& args) const;
  /// Builds the subcommands `args` needs: only the one it names (a process runs one
  /// command, and building all of CLI11's options costs more than the command), or
  /// all of them for the program's own --help.
  void add_commands(const std::vector<std::string>& args);
  void add_command(std::size_t index);

  CLI::App app_;
  GlobalOptions globals_;
  std::vector<std::pair<CLI::App*, RunFn>> commands_;
};

/// The whole process: reads the environment (SQGL_DB, SQGL_OPERATOR, SQGL_NOW),
/// runs the command on argv, returns the exit code. main() and the test binaries
/// (tests/faults) call it.
int run_main(int argc, char** argv);

}  // namespace sqgl::cli
