// sqgl check: the database's health in one go, for cron.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/admin/check.h"
#include "core/base/error.h"

namespace sqgl::cli {

namespace {

void run_check(Context& ctx, const core::CheckOptions& opt) {
  const auto report = core::check_database(ctx.read_db(), opt);
  const auto& history = report.history;
  const auto& replay = report.replay;
  if (ctx.json()) {
    nlohmann::json differences = nlohmann::json::array();
    for (const auto& f : replay.findings) {
      differences.push_back({{"subject", f.subject}, {"field", f.field}, {"history", f.history}, {"table", f.table}});
    }
    print_json(ctx.out, {{"ok", report.ok()},
                         {"structure", report.full ? "integrity_check" : "quick_check"},
                         {"integrity", report.integrity},
                         {"foreign_keys", report.foreign_keys},
                         {"history",
                          {{"ok", history.ok()},
                           {"events", history.events},
                           {"backfilled", history.backfilled},
                           {"head", history.ok() ? nlohmann::json(history.head.hash) : nlohmann::json(nullptr)},
                           {"problem", history.describe()}}},
                         {"replay",
                          {{"ok", history.ok() && replay.ok()},
                           {"compared",
                            {{"cases", replay.cases},
                             {"staff", replay.staff},
                             {"settings", replay.settings},
                             {"residents", replay.residents},
                             {"calendar_days", replay.calendar_days}}},
                           {"differences", replay.total_findings},
                           {"shown", differences}}}});
  } else {
    auto section = [&](std::string_view name, const std::vector<std::string>& problems) {
      if (problems.empty()) {
        ctx.out << fmt::format("{}: ok\n", name);
        return;
      }
      ctx.out << fmt::format("{}: {} problem{}\n", name, problems.size(), problems.size() == 1 ? "" : "s");
      for (const auto& p : problems) ctx.out << "  " << p << '\n';
    };
    section(report.full ? "integrity" : "integrity (quick_check)", report.integrity);
    section("foreign keys", report.foreign_keys);
    if (history.ok()) {
      ctx.out << fmt::format("history: ok, {} events{}{}, head {}\n", thousands(history.events),
                             opt.anchor.empty() ? "" : ", anchor found",
                             history.backfilled ? fmt::format(", {} back-filled", thousands(history.backfilled)) : "",
                             history.head.hash);
    } else {
      ctx.out << fmt::format("history: {}\n", history.describe());
    }
    if (!history.ok()) {
      ctx.out << "replay: not run (the history itself does not verify)\n";
    } else if (replay.ok()) {
      auto count = [](std::int64_t n, const char* one, const char* many) {
        return fmt::format("{} {}", thousands(n), n == 1 ? one : many);
      };
      ctx.out << fmt::format("replay: ok, the tables are what the history says ({}, {}, {}, {}, {})\n",
                             count(replay.cases, "case", "cases"), count(replay.staff, "staff member", "staff"),
                             count(replay.settings, "setting", "settings"),
                             count(replay.residents, "resident's flags", "residents' flags"),
                             count(replay.calendar_days, "calendar day", "calendar days"));
    } else {
      ctx.out << fmt::format("replay: {} difference{} between the history and the tables\n",
                             thousands(replay.total_findings), replay.total_findings == 1 ? "" : "s");
      for (const auto& f : replay.findings) ctx.out << "  " << f.line() << '\n';
      if (replay.total_findings > static_cast<std::int64_t>(replay.findings.size())) {
        ctx.out << fmt::format("  … and {} more\n",
                               thousands(replay.total_findings - static_cast<std::int64_t>(replay.findings.size())));
      }
    }
  }
  if (!report.ok()) {
    throw core::Failure(fmt::format("check found {} problem{} in {}", report.problems(),
                                    report.problems() == 1 ? "" : "s", core::errors::quote(ctx.db_path())));
  }
}

}  // namespace

RunFn setup_check(CLI::App& app) {
  auto opt = std::make_shared<core::CheckOptions>();
  auto* sub = app.add_subcommand(
      "check", "Check the database: integrity, foreign keys, the history's hash chain, and the tables against it");
  sub->add_option("--anchor", opt->anchor, "A history head kept off this machine: the history must pass through it");
  sub->add_flag("--full", opt->full,
                "PRAGMA integrity_check instead of quick_check: also every index against its table, and the UNIQUE "
                "and CHECK constraints (several times as long; weekly)");
  sub->footer(
      "Runs PRAGMA quick_check (every page and b-tree of the file), PRAGMA foreign_key_check and 'audit verify',\n"
      "then replays every case, staff member, setting, resident's flags and calendar day from the history and\n"
      "names each field the tables hold differently; the parts run side by side, one per core. Exit 0 when all\n"
      "is well, else exit 1 with every problem listed on stdout.\n"
      "Examples (cron mails what a job prints; print only on trouble):\n"
      "  out=$(sqgl check 2>&1) || echo \"$out\"           # nightly\n"
      "  out=$(sqgl check --full 2>&1) || echo \"$out\"    # weekly");
  return [opt](Context& ctx) { run_check(ctx, *opt); };
}

}  // namespace sqgl::cli
