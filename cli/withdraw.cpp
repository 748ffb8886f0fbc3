// sqgl withdraw: end a case at the resident's request.
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/output.h"
#include "cli/views.h"
#include "core/cases.h"

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
  auto& db = ctx.write_db();
  const auto c = core::get_case(db, core::WorkCalendar::load(db), opt.number);
  if (ctx.json()) {
    print_json(ctx.out, case_json(c, ctx.clock.today()));
  } else {
    ctx.out << fmt::format("case {} withdrawn\n", c.number);
  }
}

}  // namespace

RunFn setup_withdraw(CLI::App& app) {
  auto opt = std::make_shared<WithdrawOptions>();
  auto* sub = app.add_subcommand("withdraw", "End a case at the resident's request");
  sub->add_option("case", opt->number, "The case number")->required();
  sub->add_option("--reason", opt->reason, "Why, in the resident's words");
  sub->footer("Example:\n  sqgl --as ZZ0101 withdraw 150204-20120129-0001 --reason '本人申请撤回'");
  return [opt](Context& ctx) { run_withdraw(ctx, *opt); };
}

}  // namespace sqgl::cli
