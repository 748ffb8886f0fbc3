// sqgl object: record an objection to a case's public posting (公示), which sends the
// case back to its review.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "cli/write.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"

namespace sqgl::cli {

namespace {

struct ObjectOptions {
  std::string number;
  std::string reason;
};

void run_object(Context& ctx, const ObjectOptions& opt) {
  int step = 0;
  run_write(ctx, "object", opt.number, [&](auto& db, const auto& op, const auto& calendar) {
    step = core::object_case(db, ctx.clock, calendar, op, opt.number, opt.reason);
  });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    const auto& back = c.steps[static_cast<std::size_t>(step - 1)];
    ctx.out << core::tr("case {}: objection recorded; back at step {} ({}), step due {}", c.number, back.seq,
                        back.name_zh, back.due_date)
            << '\n';
  });
}

}  // namespace

RunFn setup_object(CLI::App& app) {
  auto opt = std::make_shared<ObjectOptions>();
  auto* sub = app.add_subcommand("object", _("Record an objection to a case's public posting (公示)"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--reason", opt->reason, _("The objection, as it was raised"))->required()->check(non_empty());
  sub->footer(
      _("While the notice hangs, an objection sends the case back to the review before the posting (or the "
        "investigation when there is none), which runs again.\nExamples:\n  sqgl --as ZZ0101 object "
        "150204-20120927-0001 --reason '群众反映申请人有经营收入'"));
  return [opt](Context& ctx) { run_object(ctx, *opt); };
}

}  // namespace sqgl::cli
