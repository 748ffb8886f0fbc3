// sqgl check: the database's health in one go, for cron.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "core/error.h"
#include "core/maintenance.h"

namespace sqgl::cli {

namespace {

struct CheckOptions {
  std::string anchor;
};

void run_check(Context& ctx, const CheckOptions& opt) {
  const auto report = core::check_database(ctx.read_db(), opt.anchor);
  const auto& history = report.history;
  if (ctx.json()) {
    print_json(ctx.out, {{"ok", report.ok()},
                         {"integrity", report.integrity},
                         {"foreign_keys", report.foreign_keys},
                         {"history",
                          {{"ok", history.ok()},
                           {"events", history.events},
                           {"head", history.ok() ? nlohmann::json(history.head) : nlohmann::json(nullptr)},
                           {"problem", history.describe()}}}});
  } else {
    auto section = [&](std::string_view name, const std::vector<std::string>& problems) {
      if (problems.empty()) {
        ctx.out << fmt::format("{}: ok\n", name);
        return;
      }
      ctx.out << fmt::format("{}: {} problem{}\n", name, problems.size(), problems.size() == 1 ? "" : "s");
      for (const auto& p : problems) ctx.out << "  " << p << '\n';
    };
    section("integrity", report.integrity);
    section("foreign keys", report.foreign_keys);
    if (history.ok()) {
      ctx.out << fmt::format("history: ok, {} events{}, head {}\n", thousands(history.events),
                             opt.anchor.empty() ? "" : ", anchor found", history.head);
    } else {
      ctx.out << fmt::format("history: {}\n", history.describe());
    }
  }
  if (!report.ok()) {
    throw core::Failure(fmt::format("check found {} problem{} in {}", report.problems(),
                                    report.problems() == 1 ? "" : "s", core::errors::quote(ctx.db_path())));
  }
}

}  // namespace

RunFn setup_check(CLI::App& app) {
  auto opt = std::make_shared<CheckOptions>();
  auto* sub = app.add_subcommand("check", "Check the database: integrity, foreign keys and the history's hash chain");
  sub->add_option("--anchor", opt->anchor, "A history head kept off this machine: the history must pass through it");
  sub->footer(
      "Runs PRAGMA integrity_check, PRAGMA foreign_key_check and 'audit verify'. Exit 0 when all is well, else\n"
      "exit 1 with every problem listed on stdout.\n"
      "Example (cron mails what a job prints; print only on trouble):\n  out=$(sqgl check 2>&1) || echo \"$out\"");
  return [opt](Context& ctx) { run_check(ctx, *opt); };
}

}  // namespace sqgl::cli
