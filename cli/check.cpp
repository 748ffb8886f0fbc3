// sqgl check: the database's health in one go, for cron.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/admin/check.h"
#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::cli {

namespace {

void run_check(Context& ctx, const core::CheckOptions& opt) {
  const auto report = core::check_database(ctx.read_db(), opt);
  const auto& history = report.history;
  const auto& replay = report.replay;
  if (ctx.json()) {
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& f : replay.findings) {
      differences.push_back({{"subject", f.subject},
                             {"field", or_null(f.field)},
                             {"history_value", or_null(f.history)},
                             {"table_value", or_null(f.table)}});
    }
    print_json(ctx.out, {{"ok", report.ok()},
                         {"structure", report.full ? "integrity_check" : "quick_check"},
                         {"integrity", report.integrity},
                         {"foreign_keys", report.foreign_keys},
                         {"audit", verification_json(history)},
                         {"replay",
                          {{"ok", history.ok() && replay.ok()},
                           {"compared",
                            {{"case_count", replay.cases},
                             {"staff_count", replay.staff},
                             {"setting_count", replay.settings},
                             {"resident_count", replay.residents},
                             {"calendar_day_count", replay.calendar_days},
                             {"standard_count", replay.standards}}},
                           {"difference_count", replay.total_findings},
                           {"differences", differences}}}});
  } else {
    auto section = [&](const char* name, const std::vector<std::string>& problems) {
      if (problems.empty()) {
        ctx.out << core::tr("{}: ok", name) << '\n';
        return;
      }
      ctx.out << core::tr_n("{}: {} problem", "{}: {} problems", problems.size(), name, problems.size()) << '\n';
      for (const auto& p : problems) ctx.out << "  " << p << '\n';
    };
    section(report.full ? _("integrity") : _("integrity (quick_check)"), report.integrity);
    section(_("foreign keys"), report.foreign_keys);
    if (history.ok()) {
      ctx.out << core::tr("history: ok, {} events{}{}, head {}", thousands(history.events),
                          opt.anchor.empty() ? "" : _(", anchor found"),
                          history.backfilled ? core::tr(", {} back-filled", thousands(history.backfilled)) : "",
                          history.head.hash)
              << '\n';
    } else {
      ctx.out << core::tr("history: {}", history.describe()) << '\n';
    }
    if (!history.ok()) {
      ctx.out << _("replay: not run (the history itself does not verify)") << '\n';
    } else if (replay.ok()) {
      auto n = [](std::int64_t count) { return static_cast<unsigned long>(count); };
      ctx.out << core::tr("replay: ok, the tables are what the history says ({}, {}, {}, {}, {}, {})",
                          core::tr_n("{} case", "{} cases", n(replay.cases), thousands(replay.cases)),
                          core::tr_n("{} staff member", "{} staff", n(replay.staff), thousands(replay.staff)),
                          core::tr_n("{} setting", "{} settings", n(replay.settings), thousands(replay.settings)),
                          core::tr_n("{} resident's flags", "{} residents' flags", n(replay.residents),
                                     thousands(replay.residents)),
                          core::tr_n("{} calendar day", "{} calendar days", n(replay.calendar_days),
                                     thousands(replay.calendar_days)),
                          core::tr_n("{} standard", "{} standards", n(replay.standards), thousands(replay.standards)))
              << '\n';
    } else {
      ctx.out << core::tr_n("replay: {} difference between the history and the tables",
                            "replay: {} differences between the history and the tables",
                            static_cast<unsigned long>(replay.total_findings), thousands(replay.total_findings))
              << '\n';
      for (const auto& f : replay.findings) ctx.out << "  " << f.line() << '\n';
      if (replay.total_findings > static_cast<std::int64_t>(replay.findings.size())) {
        ctx.out << "  "
                << core::tr("… and {} more",
                            thousands(replay.total_findings - static_cast<std::int64_t>(replay.findings.size())))
                << '\n';
      }
    }
  }
  if (!report.ok()) {
    throw core::Failure(core::tr_n("check found {} problem in {}", "check found {} problems in {}", report.problems(),
                                   report.problems(), core::errors::quote(ctx.db_path())));
  }
}

}  // namespace

RunFn setup_check(CLI::App& app) {
  auto opt = std::make_shared<core::CheckOptions>();
  auto* sub = app.add_subcommand(
      "check", _("Check the database: integrity, foreign keys, the history's hash chain, and the tables against it"));
  sub->add_option("--anchor", opt->anchor,
                  _("A history head kept off this machine: the history must pass through it"));
  sub->add_flag("--full", opt->full,
                _("PRAGMA integrity_check instead of quick_check: also every index against its table, and the UNIQUE "
                  "and CHECK constraints (several times as long; weekly)"));
  sub->footer(
      _("Runs PRAGMA quick_check (every page and b-tree of the file), PRAGMA foreign_key_check and 'audit verify',\n"
        "then replays every case, staff member, setting, resident's flags and calendar day from the history and\n"
        "names each field the tables hold differently; the parts run side by side, one per core. Exit 0 when all\n"
        "is well, else exit 1 with every problem listed on stdout.\n"
        "Examples (cron mails what a job prints; print only on trouble):\n"
        "  out=$(sqgl check 2>&1) || echo \"$out\"           # nightly\n"
        "  out=$(sqgl check --full 2>&1) || echo \"$out\"    # weekly"));
  return [opt](Context& ctx) { run_check(ctx, *opt); };
}

}  // namespace sqgl::cli
