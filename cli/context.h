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
#include "core/db/new_file.h"

namespace sqgl::core {
class WorkCalendar;
}  // namespace sqgl::core

namespace sqgl::cli {

/// The options every subcommand understands (PRODUCT.md's contract).
struct GlobalOptions {
  std::string db;     ///< --db, else $SQGL_DB, else ./sqgl.db
  std::string as;     ///< --as, else $SQGL_OPERATOR
  bool json = false;  ///< --json: one JSON document on stdout
};

/// The environment variables sqgl reads, injected so tests need no real environment.
using Environment = std::map<std::string, std::string>;

/// One run of one subcommand.
class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream, const core::Clock& the_clock, GlobalOptions globals,
          bool out_is_tty, std::ostream* binary_stream = nullptr)
      : out(out_stream),
        err(err_stream),
        binary_out(binary_stream ? *binary_stream : out_stream),
        clock(the_clock),
        globals_(std::move(globals)),
        out_is_tty_(out_is_tty) {}

  std::ostream& out;  ///< stdout: results, with control characters escaped (cli/output.h)
  std::ostream& err;  ///< stderr: warnings and errors, likewise
  std::ostream& binary_out;  ///< stdout as it is, for bytes that are not text (an xlsx workbook)
  const core::Clock& clock;

  /// The database path in force.
  const std::string& db_path() const { return globals_.db; }
  /// The acting operator, if one was named.
  std::optional<std::string> operator_() const {
    return globals_.as.empty() ? std::nullopt : std::optional<std::string>(globals_.as);
  }
  /// True with --json.
  bool json() const { return globals_.json; }
  /// True when stdout is a terminal.
  bool out_is_tty() const { return out_is_tty_; }

  /// Opens the database for reading (lazily: commands that need none never open it).
  SQLite::Database& read_db();
  /// Opens the database for writing.
  SQLite::Database& write_db();
  /// The working-day calendar of the open database, loaded once per command
  /// (run_write loads it inside the command's transaction).
  const core::WorkCalendar& calendar();

  /// The login name of the process's real user (for peer authentication).
  const std::string& login();

  /// The mode of the files this command creates: 0600, or 0660 when the open
  /// database's `files` setting is `group` (0600 before a database is open).
  mode_t file_mode() const { return file_mode_; }

  /// Prints `sqgl: warning: …` to stderr.
  void warn(const std::string& message) const { err << "sqgl: warning: " << message << '\n'; }

 private:
  GlobalOptions globals_;
  bool out_is_tty_;
  mode_t file_mode_ = 0600;
  std::unique_ptr<SQLite::Database> db_;
  std::optional<std::string> login_;
  std::shared_ptr<const core::WorkCalendar> calendar_;

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

/// A subcommand's run function, bound to its parsed options.
using RunFn = std::function<void(Context&)>;

/// Each subcommand file defines one setup: it adds the subcommand to `app`, binds
/// its options, and returns the function that runs it.
RunFn setup_init(CLI::App& app);
RunFn setup_catalog(CLI::App& app);
RunFn setup_calendar(CLI::App& app);
RunFn setup_district(CLI::App& app);
RunFn setup_staff(CLI::App& app);
RunFn setup_resident(CLI::App& app);

}  // namespace sqgl::cli

namespace sqgl::core {
struct Case;
struct Operator;
class WorkCalendar;
}  // namespace sqgl::core

namespace sqgl::cli {

/// The body of a writing command: the open database, the acting operator, the calendar.
using WriteBody = std::function<void(SQLite::Database&, const core::Operator&, const core::WorkCalendar&)>;

/// Runs a writing command as one BEGIN IMMEDIATE transaction: resolves the operator,
/// runs `body`, commits. A refusal (PermissionDenied) writes nothing of the command
/// but is itself recorded in the history before it propagates. Warns about dates
/// that fell in a year without a calendar.
void run_write(Context& ctx, std::string_view command, std::string_view subject, const WriteBody& body);

/// Like run_write, but the body decides: it returns true to commit, false to roll
/// back (a dry run, a rejected import).
using MaybeWriteBody = std::function<bool(SQLite::Database&, const core::Operator&, const core::WorkCalendar&)>;
void run_write_maybe(Context& ctx, std::string_view command, std::string_view subject, const MaybeWriteBody& body);

/// For a command that must not hold the write lock while it works (backup):
/// resolves the operator and runs `check` on it, which throws PermissionDenied to
/// refuse; a refusal is recorded as run_write records it. Returns the operator.
core::Operator authorize(Context& ctx, std::string_view command, std::string_view subject,
                         const std::function<void(const core::Operator&)>& check);

/// After a writing command on a case: prints the case as JSON with --json, else
/// calls `human` with it to print the command's own summary line.
void print_case(Context& ctx, const core::Case& c, const std::function<void(const core::Case&)>& human);
/// The same for case `number`, read back from the database.
void print_case_result(Context& ctx, std::string_view number, const std::function<void(const core::Case&)>& human);

/// More subcommands, one file each.
RunFn setup_apply(CLI::App& app);
RunFn setup_approve(CLI::App& app);
RunFn setup_route(CLI::App& app);
RunFn setup_show(CLI::App& app);
RunFn setup_list(CLI::App& app);
RunFn setup_evaluate(CLI::App& app);
RunFn setup_withdraw(CLI::App& app);
RunFn setup_audit(CLI::App& app);
RunFn setup_import(CLI::App& app);
RunFn setup_report(CLI::App& app);
RunFn setup_backup(CLI::App& app);
RunFn setup_check(CLI::App& app);
RunFn setup_setting(CLI::App& app);

/// "ZZ0101,JSJ01" → {"ZZ0101", "JSJ01"}; blanks dropped.
std::vector<std::string> split_list(const std::string& text);

}  // namespace sqgl::cli
