// What a subcommand may touch of the outside world, handed to its run function.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <SQLiteCpp/Database.h>
#include <CLI/App.hpp>

#include "core/base/date.h"
#include "core/base/i18n.h"
#include "core/db/new_file.h"
#include "core/model/staff.h"

namespace sqgl::core {
class WorkCalendar;
}  // namespace sqgl::core

namespace sqgl::cli {

class Pager;

/// A configured value and where it came from: "--db", "SQGL_DB", the
/// configuration file's path, or "default" (cli/config.h).
struct Configured {
  std::string value;
  std::string from;
};

/// The options every subcommand understands (PRODUCT.md's contract).
struct GlobalOptions {
  std::string db;     ///< --db, else $SQGL_DB, else the configuration file's db, else ./sqgl.db
  std::string as;     ///< --as, else $SQGL_OPERATOR
  bool json = false;  ///< --json: one JSON document on stdout
  std::map<std::string, Configured> config;  ///< every configuration key, resolved (cli/config.h)
  std::string config_file;                   ///< the configuration file read (if it exists), or empty
  bool borrowed = false;  ///< sqgl runs with rights its caller lacks (core/base/caller.h)
  bool no_pager = false;  ///< --no-pager
  std::string pager;      ///< the pager command for a long output, or "" for none (cli/pager.h)
};

/// The environment variables sqgl reads, injected so tests need no real environment.
using Environment = std::map<std::string, std::string>;

/// One run of one subcommand.
class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream, const core::Clock& the_clock, GlobalOptions globals,
          bool out_is_tty, std::ostream* binary_stream = nullptr, std::ostream* terminal_stream = nullptr);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  std::ostream& out;  ///< stdout: results, with control characters escaped (cli/render/output.h)
  std::ostream& err;  ///< stderr: warnings and errors, likewise
  std::ostream& binary_out;  ///< stdout as it is, for bytes that are not text (an xlsx workbook)
  /// stderr as it is, for the progress line's own control characters (its text goes to `err`)
  std::ostream& terminal_err;
  const core::Clock& clock;

  /// The database path in force.
  const std::string& db_path() const { return globals_.db; }
  /// A configuration key's value and source (a key of config_keys()).
  const Configured& config(const std::string& key) const { return globals_.config.at(key); }
  /// The configuration file read, if it exists; empty when $SQGL_CONFIG is empty.
  const std::string& config_file() const { return globals_.config_file; }
  /// Every configuration key's value and source.
  const std::map<std::string, Configured>& config() const { return globals_.config; }
  /// The acting operator, if one was named.
  std::optional<std::string> operator_() const {
    return globals_.as.empty() ? std::nullopt : std::optional<std::string>(globals_.as);
  }
  /// True with --json.
  bool json() const { return globals_.json; }
  /// True when sqgl runs with rights its caller lacks (the installed setgid binary
  /// called from outside its group): peer authentication whatever the setting.
  bool borrowed() const { return globals_.borrowed; }
  /// True when stdout is a terminal.
  bool out_is_tty() const { return out_is_tty_; }

  /// Opens the database for reading (lazily: commands that need none never open it);
  /// a command that opened it for writing reads through that connection.
  SQLite::Database& read_db();
  /// Opens the database for writing. A command opens it one way: asking to write
  /// after opening it read-only is a Failure.
  SQLite::Database& write_db();
  /// The working-day calendar of the open database, loaded once per command
  /// (run_write loads it inside the command's transaction).
  const core::WorkCalendar& calendar();

  /// The staff member acting: `--as` (or $SQGL_OPERATOR), else under peer
  /// authentication the process's login. Resolved once per command, on first use,
  /// against the open database (run_write: inside its transaction); what
  /// resolve_operator throws, when nobody may act, propagates each time.
  const core::Operator& acting();

  /// True when the operator is the process's real user, not a claim: under `auth
  /// peer`, or whenever sqgl runs with borrowed rights.
  bool peer();

  /// The login name of the process's real user (for peer authentication).
  const std::string& login();

  /// The mode of the files this command creates: 0600, or 0660 when the open
  /// database's `files` setting is `group` (0600 before a database is open).
  mode_t file_mode() const { return file_mode_; }

  /// Sends the rest of `out` through the pager, when there is one for this run (a
  /// terminal, no --json, no --no-pager): for the commands whose output runs long.
  /// Call it once the command has checked what it was asked, before printing.
  void page();

  /// Prints `sqgl: warning: …` to stderr.
  void warn(const std::string& message) const { err << core::tr("sqgl: warning: {}", message) << '\n'; }

 private:
  GlobalOptions globals_;
  bool out_is_tty_;
  mode_t file_mode_ = 0600;
  std::unique_ptr<SQLite::Database> db_;
  bool writable_ = false;
  std::optional<core::Operator> acting_;
  std::optional<std::string> login_;
  std::shared_ptr<const core::WorkCalendar> calendar_;
  std::unique_ptr<Pager> pager_;

  SQLite::Database& open(bool writable);
};

/// A CLI11 check for a whole number written as people write one: decimal digits
/// only (CLI11 alone also takes 0x3 for 3, and -1 for a huge unsigned seed).
CLI::Validator decimal();

/// A CLI11 check that refuses an empty value: `--db ''` must not fall back to $SQGL_DB,
/// nor `--reject ''` approve the step.
CLI::Validator non_empty();

/// What a file this command writes may not be (the database and its side files,
/// `inputs`), and its mode (600, or 660 under `setting files group` of an open database).
core::OutputRules output_rules(const Context& ctx, std::vector<std::string> inputs = {});

/// "ZZ0101,JSJ01" → {"ZZ0101", "JSJ01"}; blanks dropped.
std::vector<std::string> split_list(const std::string& text);

}  // namespace sqgl::cli
