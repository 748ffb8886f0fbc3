// sqgl approve: decide the current step of a case — approve it, reject the
// case, or return it for supplementary materials.
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

struct ApproveOptions {
  std::string number;
  std::string note;
  std::string reject;
  std::string return_materials;
};

void run_approve(Context& ctx, const ApproveOptions& opt) {
  if (!opt.reject.empty() && !opt.return_materials.empty()) {
    throw core::InvalidInput(_("give --reject or --return, not both"));
  }
  std::string command = "approve";
  if (!opt.reject.empty()) command = "approve --reject";
  if (!opt.return_materials.empty()) command = "approve --return";
  int step = 0;
  run_write(ctx, command, opt.number, [&](auto& db, const auto& op, const auto& calendar) {
    if (!opt.reject.empty()) {
      step = core::reject_case(db, ctx.clock, op, opt.number, opt.reject);
    } else if (!opt.return_materials.empty()) {
      step = core::return_case(db, ctx.clock, op, opt.number, split_list(opt.return_materials), opt.note);
    } else {
      step = core::approve_case(db, ctx.clock, calendar, op, opt.number, opt.note);
    }
  });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    const auto& decided = c.steps[static_cast<std::size_t>(step - 1)];
    if (c.status == core::CaseStatus::returned) {
      ctx.out << core::tr("case {} returned at step {} ({}) for supplementary materials; its clock stops", c.number,
                          decided.seq, decided.name_zh)
              << '\n';
    } else if (c.status == core::CaseStatus::open) {
      const auto& next = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
      ctx.out << core::tr("case {}: step {} ({}) approved; now at step {} of {}: {} ({}), step due {}", c.number,
                          decided.seq, decided.name_zh, next.seq, c.steps.size(), next.name_zh, next.unit_name,
                          next.due_date)
              << '\n';
    } else if (c.status == core::CaseStatus::approved) {
      ctx.out << core::tr("case {} approved at step {} ({})", c.number, decided.seq, decided.name_zh) << '\n';
    } else if (c.status == core::CaseStatus::rejected) {
      ctx.out << core::tr("case {} rejected at step {} ({})", c.number, decided.seq, decided.name_zh) << '\n';
    } else {
      // TRANSLATORS: the second {} is a case status, e.g. "withdrawn".
      ctx.out << core::tr("case {} {} at step {} ({})", c.number, core::label(c.status), decided.seq, decided.name_zh)
              << '\n';
    }
  });
}

}  // namespace

RunFn setup_approve(CLI::App& app) {
  auto opt = std::make_shared<ApproveOptions>();
  auto* sub = app.add_subcommand("approve", _("Decide the current step of a case: approve, reject or return it"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--note", opt->note, _("A note on the decision"));
  sub->add_option("--reject", opt->reject, _("End the case rejected, for this reason"))->check(non_empty());
  sub->add_option("--return", opt->return_materials,
                  _("Send it back for these supplementary materials (names or numbers); the clock stops"))
      ->check(non_empty());
  sub->footer(
      _("Only staff of the step's unit holding its role may decide it, and nobody who took another step of the case\n"
        "(but a posting) decides a decision step. A posting is closed here once it has run its calendar days;\n"
        "investigations and reviews are recorded with 'sqgl investigate' and 'sqgl review'.\n"
        "Examples:\n  sqgl --as ZZ0101 approve 150204-20120129-0001\n"
        "  sqgl --as JSJ01 approve 150204-20120129-0001 --return 2 --note '结婚证复印件不清晰'"));
  return [opt](Context& ctx) { run_approve(ctx, *opt); };
}

}  // namespace sqgl::cli
