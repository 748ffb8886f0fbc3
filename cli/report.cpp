// sqgl report KIND: backlog, overdue, staffing, calendar — for a terminal, for
// cron (--out writes atomically, --check exits 6 on findings) and for scripts.
#include <chrono>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/report_formats.h"
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
  bool check = false;
};

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
  // A bad --out fails before the work, not after it.
  if (!opt.out.empty()) core::check_output_target("--out", opt.out, output_rules(ctx));

  auto& db = ctx.read_db();
  // A whole-history report reads every case: a bounded 32 MiB page cache keeps it
  // from re-reading pages through the kernel.
  db.exec("PRAGMA cache_size = -32768");
  const auto calendar = core::WorkCalendar::load(db);
  const auto report = core::build_report(db, calendar, o);
  std::ostringstream text;
  if (opt.format != "xlsx") render_report(text, report, opt.format);
  if (opt.format == "xlsx") {
    // libxlsxwriter opens a path: an unnamed scratch file's, never the output's own
    // name, which a caller could swap for a link while sqgl holds its group's rights.
    core::ScratchFile scratch;
    write_report_xlsx(report, scratch.open_path());
    text.str(scratch.read_all());
  }
  if (opt.out.empty()) {
    ctx.out.flush();
    (opt.format == "xlsx" ? ctx.binary_out : ctx.out) << text.str();
  } else {
    // Never a half-written report: cron mails the file only once it is whole.
    core::NewFile file("--out", opt.out, output_rules(ctx));
    file.write(text.str());
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
  sub->add_option("--out", opt->out, _("Write to FILE atomically (temporary file, then rename) instead of stdout"))
      ->check(non_empty());
  sub->add_flag("--check", opt->check,
                _("Exit 6 when the report has findings (overdue cases, staffing off target, "
                  "a missing calendar), for cron"));
  sub->footer(
      _("Examples:\n  sqgl report overdue --check --out /srv/reports/overdue.txt\n"
        "  sqgl report backlog --community 150204001001 --format csv\n"
        "  sqgl report calendar --check\n"
        "Without --street or --community, the configuration's report.street and report.community apply\n"
        "(see 'sqgl setting')."));
  return [opt](Context& ctx) { run_report(ctx, *opt); };
}

}  // namespace sqgl::cli
