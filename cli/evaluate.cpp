// sqgl evaluate: the resident's rating of a decided case (好差评), once per case.
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

struct EvaluateOptions {
  std::string number;
  int score = 0;
  std::string comment;
};

void run_evaluate(Context& ctx, const EvaluateOptions& opt) {
  run_write(ctx, "evaluate", opt.number, [&](auto& db, const auto& op, const auto&) {
    core::evaluate_case(db, ctx.clock, op, opt.number, opt.score, opt.comment);
  });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    ctx.out << core::tr("case {} rated {} ({})", c.number, opt.score, score_label(opt.score)) << '\n';
  });
}

}  // namespace

RunFn setup_evaluate(CLI::App& app) {
  auto opt = std::make_shared<EvaluateOptions>();
  auto* sub = app.add_subcommand("evaluate", _("Record the resident's rating of a decided case (好差评)"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--score", opt->score, _("5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意"))
      ->required()
      ->check(decimal())
      ->check(CLI::Range(1, 5));
  sub->add_option("--comment", opt->comment, _("The resident's comment"));
  sub->footer(_("Example:\n  sqgl --as ZZ0101 evaluate 150204-20120129-0001 --score 5 --comment '当周就批了'"));
  return [opt](Context& ctx) { run_evaluate(ctx, *opt); };
}

}  // namespace sqgl::cli
