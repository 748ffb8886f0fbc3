// sqgl withdraw: end a case at the resident's request.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "cli/write.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"

namespace sqgl::cli {

namespace {

struct WithdrawOptions {
  std::string number;
  std::string reason;
};

void run_withdraw(Context& ctx, const WithdrawOptions& opt) {
  run_write(ctx, "withdraw", opt.number, [&](auto& db, const auto& op, const auto&) {
    core::withdraw_case(db, ctx.clock, op, opt.number, opt.reason);
  });
  print_case_result(ctx, opt.number,
                    [&](const core::Case& c) { ctx.out << core::tr("case {} withdrawn", c.number) << '\n'; });
}

}  // namespace

RunFn setup_withdraw(CLI::App& app) {
  auto opt = std::make_shared<WithdrawOptions>();
  auto* sub = app.add_subcommand("withdraw", _("End a case at the resident's request"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--reason", opt->reason, _("Why, in the resident's words"));
  sub->footer(_("Example:\n  sqgl --as ZZ0101 withdraw 150204-20120129-0001 --reason '本人申请撤回'"));
  return [opt](Context& ctx) { run_withdraw(ctx, *opt); };
}

}  // namespace sqgl::cli
