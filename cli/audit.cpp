// sqgl audit verify | head: walk the hash-chained history.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "core/error.h"
#include "core/history.h"

namespace sqgl::cli {

namespace {

struct AuditOptions {
  std::string action;
  std::string anchor;
};

void run_audit(Context& ctx, const AuditOptions& opt) {
  const auto result = core::verify_history(ctx.read_db(), opt.anchor);
  if (opt.action == "head") {
    if (!result.ok()) throw core::Failure(result.describe());
    if (ctx.json()) {
      print_json(ctx.out, {{"events", result.events}, {"head", result.head}});
    } else {
      ctx.out << result.head << '\n';
    }
    return;
  }
  if (ctx.json()) {
    print_json(ctx.out, {{"ok", result.ok()},
                         {"events", result.events},
                         {"head", result.ok() ? nlohmann::json(result.head) : nlohmann::json(nullptr)},
                         {"bad_event", result.bad_event ? nlohmann::json(*result.bad_event) : nlohmann::json(nullptr)},
                         {"problem", result.problem}});
  } else if (result.ok()) {
    ctx.out << fmt::format("ok: {} events verified{}; head {}\n", result.events,
                           opt.anchor.empty() ? "" : ", anchor found", result.head);
  }
  if (!result.ok()) throw core::Failure(result.describe());
}

}  // namespace

RunFn setup_audit(CLI::App& app) {
  auto opt = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand("audit", "Check the hash-chained history (verify), or print its newest hash (head)");
  sub->add_option("action", opt->action, "verify or head")->required()->check(CLI::IsMember({"verify", "head"}));
  sub->add_option("--anchor", opt->anchor,
                  "A head printed earlier and kept off this machine: the history must still pass through it");
  sub->footer(
      "Exit 0 when every event verifies; exit 1 naming the first that does not, a deleted tail, or an anchor\n"
      "that is no longer in the history.\n"
      "Examples:\n  sqgl audit verify\n  sqgl audit head | mail -s 'sqgl head' audit@example.org\n"
      "  sqgl audit verify --anchor 3f5a…");
  return [opt](Context& ctx) { run_audit(ctx, *opt); };
}

}  // namespace sqgl::cli
