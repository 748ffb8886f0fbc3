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
};

void run_audit(Context& ctx, const AuditOptions& opt) {
  const auto result = core::verify_history(ctx.read_db());
  if (opt.action == "head") {
    if (!result.ok())
      throw core::Failure(fmt::format("history event {} does not verify: {}", *result.bad_event, result.problem));
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
    ctx.out << fmt::format("ok: {} events verified; head {}\n", result.events, result.head);
  }
  if (!result.ok()) {
    throw core::Failure(fmt::format("history event {} does not verify: {}", *result.bad_event, result.problem));
  }
}

}  // namespace

RunFn setup_audit(CLI::App& app) {
  auto opt = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand("audit", "Check the hash-chained history (verify), or print its newest hash (head)");
  sub->add_option("action", opt->action, "verify or head")->required()->check(CLI::IsMember({"verify", "head"}));
  sub->footer(
      "Exit 0 when every event verifies; exit 1 naming the first that does not.\nExample:\n  sqgl audit verify");
  return [opt](Context& ctx) { run_audit(ctx, *opt); };
}

}  // namespace sqgl::cli
