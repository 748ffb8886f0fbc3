// sqgl import KIND FILE: a spreadsheet export into the database, all or nothing.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/progress.h"
#include "cli/write.h"
#include "core/base/caller.h"
#include "core/base/csv_stream.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/interrupt.h"
#include "core/base/test_point.h"
#include "core/db/database.h"
#include "core/import/import.h"

namespace sqgl::cli {

namespace {

struct ImportCliOptions {
  core::ImportOptions import;
  std::string file;
  std::string encoding = "utf-8";
  std::string mode = "insert";
  bool dry_run = false;
  bool skip_bad = false;
  std::string errors_file;
  int year = 0;
};

constexpr std::size_t kShownProblems = 10;

// RFC 4180 quoting for the --errors file.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void run_import(Context& ctx, ImportCliOptions opt) {
  opt.import.upsert = opt.mode == "upsert";
  if (opt.skip_bad && opt.import.kind == "catalog") {
    throw core::InvalidInput(_("catalog edits replace whole chains: --skip-bad does not apply"));
  }
  const auto& k = opt.import.kind;
  const bool register_kind = k == "deaths" || k == "births" || k == "arrivals" || k == "moves" || k == "departures";
  if (register_kind && opt.skip_bad) {
    // A row refused halfway (a case it would withdraw) may have written part of its change.
    throw core::InvalidInput(_("the registry's changes are taken whole or not at all: --skip-bad does not apply"));
  }
  if (register_kind && opt.mode == "upsert") {
    throw core::InvalidInput(_("the registry's changes are recorded once: --mode upsert does not apply"));
  }
  if (opt.import.kind != "calendar" && (opt.year != 0 || !opt.import.notice.empty())) {
    throw core::InvalidInput(_("--year and --notice are for 'import calendar' only"));
  }
  if (opt.year != 0) opt.import.year = opt.year;
  const auto encoding = core::parse_encoding(opt.encoding);
  // The file is opened with the caller's own rights, never with the group sqgl
  // may run as (core/base/caller.h): nobody imports a file they could not read.
  std::optional<core::CallerRights> caller(std::in_place);
  std::error_code not_a_directory;
  if (opt.file != "-" && std::filesystem::is_directory(opt.file, not_a_directory)) {
    throw core::InvalidInput(core::tr("{} is a directory; name a CSV file", core::errors::quote(opt.file)));
  }
  // The reject file is written as the rows are read: it must be neither the file
  // being imported nor the database. A bad name fails before any work.
  const std::vector<std::string> inputs{opt.file};
  if (!opt.errors_file.empty()) core::check_output_target("--errors", opt.errors_file, output_rules(ctx, inputs));

  std::ifstream file;
  std::istream* in = &std::cin;
  std::uint64_t size = 0;
  if (opt.file != "-") {
    file.open(opt.file, std::ios::binary);
    if (!file) {
      const bool denied = errno == EACCES;
      const std::string message = denied ? core::tr("cannot read {}: permission denied", core::errors::quote(opt.file))
                                         : core::tr("cannot read {}", core::errors::quote(opt.file));
      if (denied) throw core::PermissionDenied(message);
      throw core::NotFound(message);
    }
    std::error_code ec;
    size = std::filesystem::file_size(opt.file, ec);
    // Saved from Excel as a workbook: say how to save it as CSV, whatever its first
    // bytes would be taken for.
    if (core::workbook_name(opt.file)) throw core::not_csv_but_workbook(opt.file);
  }
  caller.reset();
  const std::string source = opt.file == "-" ? "<stdin>" : opt.file;
  core::CsvStream csv(file.is_open() ? static_cast<std::istream&>(file) : *in, source, encoding);

  // The --errors file is written unnamed as problems come and published once the
  // rows are read: an import that fails before (no database, no permission, a bad
  // header) leaves no file, and an old one of that name stays as it was.
  std::unique_ptr<core::NewFile> errors;
  std::string pending;  // written in blocks, not a system call a line
  auto flush_errors = [&] {
    if (errors && !pending.empty()) errors->write(pending);
    pending.clear();
  };
  auto open_errors = [&] {
    if (opt.errors_file.empty() || errors) return;
    // Reject files quote residents' data (masked): the mode the database's `files` setting gives.
    errors = std::make_unique<core::NewFile>("--errors", opt.errors_file, output_rules(ctx, inputs));
    pending += "line,column,value,message\n";
  };
  std::size_t problem_count = 0;
  // Each problem is a warning (--skip-bad) or an error, on stderr as sqgl's own are.
  auto say = [&](const std::string& message) {
    ctx.err << (opt.skip_bad ? core::tr("sqgl: warning: {}", message) : core::tr("sqgl: error: {}", message)) << '\n';
  };
  auto on_problem = [&](const core::ImportProblem& p) {
    open_errors();
    if (problem_count++ < kShownProblems) {
      // Name the value unless the message already quotes it.
      const std::string quoted = core::errors::quote(p.value);
      const bool named = p.value.empty() || p.message.find(quoted) != std::string::npos;
      say(fmt::format("{}:{}:{}: {}{}", source, p.line, p.column, named ? "" : quoted + ": ", p.message));
    }
    if (errors) {
      pending += fmt::format("{},{},{},{}\n", p.line, p.column, csv_field(p.value), csv_field(p.message));
      if (pending.size() >= 65536) flush_errors();
    }
  };

  // A progress line on a terminal only: cron mail and pipes stay clean. Standard
  // input has no size, so its line has no percentage.
  ProgressLine line(ctx.err, ctx.terminal_err, stderr_is_terminal());
  auto on_progress = [&](std::int64_t rows, std::uint64_t bytes) {
    core::test_point("import.progress");
    core::check_interrupted();
    if (!line.due()) return;
    const double seconds = line.seconds();
    const auto rate = seconds > 0 ? static_cast<long long>(static_cast<double>(rows) / seconds) : 0LL;
    if (size > 0) {
      line.draw(core::tr("importing {}: {} rows, {} rows/s, {}%", opt.import.kind, thousands(rows), thousands(rate),
                         bytes * 100 / size));
    } else {
      line.draw(core::tr("importing {}: {} rows, {} rows/s", opt.import.kind, thousands(rows), thousands(rate)));
    }
  };

  // A bulk load touches every page of the residents table and its indexes: a
  // larger page cache (still a fixed bound, so memory stays flat) avoids
  // re-reading them. synchronous stays FULL: in WAL mode that is one fsync of the
  // -wal at the commit, which makes the import durable when it is reported. (With
  // NORMAL, durability waited for a checkpoint after the commit, and a checkpoint
  // that failed on a bad disk turned a committed import into "error", exit 1.)
  ctx.write_db().exec("PRAGMA cache_size = -32768");
  core::ImportReport report;
  bool written = false;
  run_write_maybe(ctx, "import " + opt.import.kind, source, [&](auto& db, const auto& op, const auto&) {
    report = core::import_csv(db, ctx.clock, op, csv, opt.import, on_problem, on_progress);
    core::test_point("import.after-parse");
    open_errors();  // a header line even when no row had a problem
    line.clear();
    if (opt.dry_run || (report.rejected > 0 && !opt.skip_bad)) return false;
    core::record_import(db, ctx.clock, op, report, opt.import);
    written = true;
    core::test_point("import.before-commit");
    return true;
  });
  if (errors) {
    flush_errors();
    errors->publish();
  }
  if (written) core::test_point("import.after-commit");
  if (problem_count > kShownProblems) {
    say(core::tr("… and {} more problem(s){}", problem_count - kShownProblems,
                 errors ? core::tr(" (all of them in {})", opt.errors_file) : ""));
  }

  if (ctx.json()) {
    print_json(ctx.out, {{"kind", report.kind},
                         {"file", report.source},
                         {"sha256", report.sha256},
                         {"row_count", report.rows},
                         {"inserted_count", report.inserted},
                         {"updated_count", report.updated},
                         {"unchanged_count", report.unchanged},
                         {"rejected_count", report.rejected},
                         {"dry_run", opt.dry_run},
                         {"written", written}});
  } else {
    const std::string counts = core::tr_n(
        "{} row: {} inserted, {} updated, {} unchanged, {} rejected",
        "{} rows: {} inserted, {} updated, {} unchanged, {} rejected", static_cast<unsigned long>(report.rows),
        thousands(report.rows), thousands(report.inserted), thousands(report.updated), thousands(report.unchanged),
        thousands(report.rejected));
    if (opt.dry_run) {
      ctx.out << core::tr("dry run of {} from {}: {}; nothing written", report.kind, core::errors::quote(source),
                          counts)
              << '\n';
    } else if (written) {
      ctx.out << core::tr("imported {} from {}: {}", report.kind, core::errors::quote(source), counts) << '\n';
    }
  }
  if (report.rejected > 0 && !opt.skip_bad) {
    throw core::InvalidInput(core::tr("{}: {} of {} rows rejected; nothing written{}", source,
                                      thousands(report.rejected), thousands(report.rows),
                                      opt.dry_run                    ? _(" (dry run)")
                                      : opt.import.kind == "catalog" || register_kind ? ""
                                                                     : _(" (--skip-bad writes the good rows)")));
  }
}

}  // namespace

RunFn setup_import(CLI::App& app) {
  auto opt = std::make_shared<ImportCliOptions>();
  auto* sub = app.add_subcommand("import", _("Import a CSV export: all rows or none, every bad row named"));
  std::string kinds;
  for (const auto& k : core::import_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
  sub->add_option("kind", opt->import.kind, core::tr("What the file holds: {}", kinds))->required();
  sub->add_option("file", opt->file, _("The CSV file, or - for standard input"))->required()->check(non_empty());
  sub->add_option("--encoding", opt->encoding, _("utf-8 (default) or gb18030 (also reads GBK and GB2312)"))
      ->check(non_empty());
  sub->add_option("--mode", opt->mode, _("insert (default): existing keys are errors; upsert: update changed rows"))
      ->check(CLI::IsMember({"insert", "upsert"}));
  sub->add_flag("--dry-run", opt->dry_run, _("Validate and report what would happen; write nothing"));
  sub->add_flag("--skip-bad", opt->skip_bad, _("Write the good rows and report the bad ones"));
  sub->add_option("--errors", opt->errors_file, _("Write every problem to this CSV (line, column, value, message)"))
      ->check(non_empty());
  sub->add_flag("--ignore-columns", opt->import.ignore_columns,
                _("Skip unknown columns instead of refusing the file"));
  sub->add_option("--year", opt->year, _("calendar: the year the notice is for"))
      ->check(decimal())
      ->check(CLI::Range(2000, 2099));
  sub->add_option("--notice", opt->import.notice, _("calendar: the State Council notice it comes from"));
  sub->footer(
      _("Headers may be English or Chinese (身份证号, 姓名, 性别, 出生日期, 联系电话, 户号, 社区 …), in any order.\n"
        "Examples:\n  sqgl --as IT01 import residents residents.csv --dry-run\n"
        "  sqgl --as IT01 import households 户籍.csv --encoding gb18030 --errors rejects.csv\n"
        "  sqgl --as IT01 import calendar 2027.csv --year 2027 --notice '国办发明电〔2026〕…号'"));
  return [opt](Context& ctx) { run_import(ctx, *opt); };
}

}  // namespace sqgl::cli
