// sqgl report KIND: backlog, overdue, staffing, calendar — for a terminal, for
// cron (--out writes atomically, --check exits 6 on findings) and for scripts.
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/report_formats.h"
#include "core/base/caller.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/calendar.h"
#include "core/report/report.h"

namespace sqgl::cli {

namespace {

struct ReportCliOptions {
  core::ReportOptions report;
  std::string period;
  std::string from;
  std::string to;
  std::string as_of;
  std::string format;  // --format, else the configuration's report.format
  std::string out;
  std::string table;  // --table: one table of the report
  bool bom = false;
  bool check = false;
};

// Where the report goes: standard output (no --out, or "-"), one file, or for CSV
// a file a table in a directory ("--out DIR/") or in a ZIP archive ("--out FILE.zip").
enum class Target { standard_output, file, directory, zip };

Target target_of(const ReportCliOptions& opt) {
  if (opt.out.empty() || opt.out == "-") return Target::standard_output;
  if (opt.format != "csv") return Target::file;
  if (opt.out.ends_with('/')) return Target::directory;
  {
    // What the caller may see of the file system, not what sqgl's group may.
    const core::CallerRights caller;
    struct stat st {};
    if (::stat(opt.out.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return Target::directory;
  }
  std::string suffix = opt.out.size() >= 4 ? opt.out.substr(opt.out.size() - 4) : "";
  for (char& c : suffix) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return suffix == ".zip" ? Target::zip : Target::file;
}

// Each table of `report` as its own CSV file in `dir`, all published or none: every
// file is written and staged under a hidden name first, then each is renamed.
void write_csv_files(const Context& ctx, const core::Report& report, const std::string& dir, bool bom) {
  std::vector<std::unique_ptr<core::NewFile>> files;
  for (const auto& t : report.tables) {
    std::ostringstream csv;
    render_csv(csv, report, t, bom);
    const std::string path = (std::filesystem::path(dir) / csv_file_name(report, t)).string();
    files.push_back(std::make_unique<core::NewFile>("--out", path, output_rules(ctx)));
    files.back()->write(csv.str());
    files.back()->stage();
  }
  for (auto& file : files) file->publish();
}

void run_report(Context& ctx, ReportCliOptions opt) {
  auto& o = opt.report;
  o.as_of = opt.as_of.empty() ? ctx.clock.today() : core::parse_date_or_throw(opt.as_of, N_("--as-of date"));
  if (!opt.period.empty()) {
    if (!opt.from.empty() || !opt.to.empty()) throw core::InvalidInput(_("give --period or --from/--to, not both"));
    auto first = core::parse_date(opt.period + "-01");
    if (opt.period.size() != 7 || !first) throw core::errors::invalid(N_("period"), opt.period, _("expected YYYY-MM"));
    const std::chrono::year_month_day ymd{*first};
    o.from = *first;
    o.to = core::Date{ymd.year() / ymd.month() / std::chrono::last};
  } else {
    if (!opt.from.empty()) o.from = core::parse_date_or_throw(opt.from, N_("--from date"));
    if (!opt.to.empty()) o.to = core::parse_date_or_throw(opt.to, N_("--to date"));
    if (o.from && o.to && *o.to < *o.from) throw core::InvalidInput(_("--to is before --from"));
  }
  // What the configuration sets (a station PC's own community, say) applies when
  // the command line names neither a street office nor a community.
  if (o.street.empty() && o.community.empty()) {
    o.street = ctx.config("report.street").value;
    o.community = ctx.config("report.community").value;
  }
  if (opt.format.empty()) opt.format = ctx.config("report.format").value;
  if (ctx.json()) opt.format = "json";
  // A JSON report is read by programs: its notes and titles in English, as --json's.
  if (opt.format == "json") core::english_messages();
  if (opt.bom && opt.format != "csv") throw core::InvalidInput(_("--bom is for --format csv"));
  if (opt.format == "xlsx" && opt.out.empty() && ctx.out_is_tty()) {
    throw core::InvalidInput(_("an xlsx workbook is not for the terminal: give --out FILE (or --out - for a pipe)"));
  }
  // A bad --out fails before the work, not after it.
  const Target target = target_of(opt);
  if (target == Target::file || target == Target::zip) {
    core::check_output_target("--out", opt.out, output_rules(ctx));
  } else if (target == Target::directory) {
    const core::CallerRights caller;
    struct stat st {};
    if (::stat(opt.out.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      throw core::NotFound(core::tr("no directory {} for {}", core::errors::quote(opt.out), "--out"));
    }
  }

  auto& db = ctx.read_db();
  // A whole-history report reads every case: a bounded 32 MiB page cache keeps it
  // from re-reading pages through the kernel.
  db.exec("PRAGMA cache_size = -32768");
  const auto calendar = core::WorkCalendar::load(db);
  auto report = core::build_report(db, calendar, o);
  if (!opt.table.empty()) core::keep_table(report, opt.table);
  if (opt.format == "csv" && report.tables.size() > 1 &&
      (target == Target::standard_output || target == Target::file)) {
    std::string names;
    for (const auto& t : report.tables) names += (names.empty() ? "" : ", ") + t.name;
    throw core::InvalidInput(
        core::tr("report {} has {} tables ({}) and a CSV file holds one: give --table NAME, "
                 "or --out DIR/ (a file a table) or --out FILE.zip",
                 core::errors::quote(report.kind), report.tables.size(), names));
  }
  std::string bytes;
  if (opt.format == "xlsx" || target == Target::zip) {
    // libxlsxwriter and minizip open a path: an unnamed scratch file's, never the
    // output's own name, which a caller could swap for a link while sqgl holds its
    // group's rights.
    core::ScratchFile scratch;
    if (opt.format == "xlsx") {
      write_report_xlsx(report, scratch.open_path());
    } else {
      write_report_zip(report, opt.bom, scratch.open_path());
    }
    bytes = scratch.read_all();
  } else if (opt.format == "csv" && target != Target::directory) {
    std::ostringstream text;
    render_csv(text, report, report.tables.front(), opt.bom);
    bytes = text.str();
  } else if (opt.format != "csv") {
    std::ostringstream text;
    render_report(text, report, opt.format);
    bytes = text.str();
  }
  if (target == Target::standard_output) {
    ctx.out.flush();
    if (opt.format == "xlsx") {
      ctx.binary_out << bytes;
    } else if (opt.format == "csv") {
      // CSV's line ends are CR LF, which the text stream would show as \x0d; what the
      // cells hold is still shown escaped, never sent to the terminal as it is.
      EscapingBuffer escaped(ctx.binary_out.rdbuf(), true);
      std::ostream csv(&escaped);
      csv << bytes;
      csv.flush();
    } else {
      ctx.out << bytes;
    }
  } else if (target == Target::directory) {
    write_csv_files(ctx, report, opt.out, opt.bom);
  } else {
    // Never a half-written report: cron mails the file only once it is whole.
    core::NewFile file("--out", opt.out, output_rules(ctx));
    file.write(bytes);
    file.publish();
  }
  for (int year : calendar.years_without_calendar()) {
    ctx.warn(core::tr("no working-day calendar for {} is loaded; counted Monday to Friday only", year));
  }
  if (opt.check && report.findings > 0) {
    std::string notes;
    for (const auto& n : report.notes) notes += (notes.empty() ? "" : _("; ")) + n;
    ctx.err << core::tr("sqgl: check: {} report: {}", report.kind, notes) << '\n';
    throw core::Error(core::ExitCode::findings, "");
  }
}

}  // namespace

RunFn setup_report(CLI::App& app) {
  auto opt = std::make_shared<ReportCliOptions>();
  auto* sub = app.add_subcommand("report", _("Reports for the station, the street office and the district"));
  std::string kinds;
  for (const auto& k : core::report_kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
  sub->add_option("kind", opt->report.kind, core::tr("The report: {}", kinds))->required();
  sub->add_option("--as-of", opt->as_of, _("Figures as the database stood at the end of this day (default: today)"))
      ->check(non_empty());
  sub->add_option("--period", opt->period, _("The month, YYYY-MM"))->check(non_empty());
  sub->add_option("--from", opt->from, _("Period start, YYYY-MM-DD"))->check(non_empty());
  sub->add_option("--to", opt->to, _("Period end, YYYY-MM-DD"))->check(non_empty());
  sub->add_option("--street", opt->report.street, _("Only this street office (code)"))->check(non_empty());
  sub->add_option("--community", opt->report.community, _("Only this community (code)"))->check(non_empty());
  sub->add_option("--category", opt->report.category, _("Only this category (C01 … C12)"))->check(non_empty());
  sub->add_option("--item", opt->report.item, _("Only this item"))->check(non_empty());
  sub->add_option("--window", opt->report.window, _("Only this window"))->check(non_empty());
  sub->add_option("--staff", opt->report.staff, _("Only steps held by this staff number"))->check(non_empty());
  sub->add_option("--format", opt->format,
                  _("table (default: the configuration's report.format, else table), csv, json, md, html (with "
                    "charts) or xlsx"))
      ->check(CLI::IsMember({"table", "csv", "json", "md", "html", "xlsx"}));
  sub->add_option("--table", opt->table, _("Only this table of the report (its name, as --json gives it: by_window …)"))
      ->check(non_empty());
  sub->add_option("--out", opt->out,
                  _("Write to FILE atomically (temporary file, then rename) instead of stdout; '-' is stdout. A CSV "
                    "file holds one table: for a report of several, --out DIR/ writes a file a table "
                    "(KIND-TABLE.csv, all or none) and --out FILE.zip a ZIP of them"))
      ->check(non_empty());
  sub->add_flag("--bom", opt->bom,
                _("Start CSV with a UTF-8 byte-order mark: for files opened in Excel, which reads CSV without "
                  "one as GBK under Chinese Windows; not for scripts, which read plain UTF-8"));
  sub->add_flag("--check", opt->check,
                _("Exit 6 when the report has findings (overdue cases, staffing off target, "
                  "a missing calendar), for cron"));
  sub->footer(
      _("Examples:\n  sqgl report overdue --check --out /srv/reports/overdue.txt\n"
        "  sqgl report backlog --community 150204001001 --format csv --table cases\n"
        "  sqgl report performance --period 2012-01 --format csv --bom --out perf-2012-01.zip\n"
        "  sqgl report calendar --check\n"
        "Without --street or --community, the configuration's report.street and report.community apply\n"
        "(see 'sqgl setting')."));
  return [opt](Context& ctx) { run_report(ctx, *opt); };
}

}  // namespace sqgl::cli
