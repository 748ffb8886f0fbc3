// sqgl apply: a clerk opens a case at the window; --supplement records the
// materials a returned case waited for.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "cli/write.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"
#include "core/model/household.h"

namespace sqgl::cli {

namespace {

struct ApplyOptions {
  std::string resident;
  std::string item;
  std::string materials;
  std::string note;
  std::string model;
  std::string supplement;
  std::string authorised_by;
};

void print_case_line(Context& ctx, const core::Case& c) {
  if (c.status == core::CaseStatus::open && c.current_seq) {
    const auto& step = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
    ctx.out << core::tr("now at step {} of {}: {} ({}), step due {}", step.seq, c.steps.size(), step.name_zh,
                        step.unit_name, step.due_date)
            << '\n';
  }
}

void run_apply(Context& ctx, const ApplyOptions& opt) {
  if (!opt.supplement.empty()) {
    if (!opt.resident.empty() || !opt.item.empty()) {
      throw core::InvalidInput(_("--supplement takes only --materials"));
    }
    const std::string& number = opt.supplement;
    run_write(ctx, "apply --supplement", number, [&](auto& db, const auto& op, const auto& calendar) {
      core::supplement_case(db, ctx.clock, calendar, op, number, split_list(opt.materials));
    });
    print_case_result(ctx, number, [&](const core::Case& c) {
      ctx.out << core::tr("case {}: materials recorded after {} working days; due {}", c.number, c.paused_days,
                          c.due_date)
              << '\n';
      print_case_line(ctx, c);
    });
    return;
  }
  if (opt.resident.empty() || opt.item.empty()) {
    throw core::InvalidInput(_("apply needs --resident ID and --item ITEM (or --supplement CASE)"));
  }
  core::ApplyRequest request{opt.resident, opt.item, split_list(opt.materials), opt.note, std::nullopt,
                            opt.authorised_by};
  if (!opt.model.empty()) request.model = core::parse<core::Model>(opt.model);
  // apply_case returns the case it wrote: nothing is read back to print it.
  core::Case applied;
  run_write(ctx, "apply", opt.item, [&](auto& db, const auto& op, const auto& calendar) {
    applied = core::apply_case(db, ctx.clock, calendar, op, request);
  });
  print_case(ctx, applied, [&](const core::Case& c) {
    if (c.household.empty()) {
      ctx.out << core::tr("accepted case {}: {} {} for {}", c.number, c.item, c.item_name, c.resident_name) << '\n';
    } else {
      ctx.out << core::tr("accepted case {}: {} {} for household {}, applied for by {}", c.number, c.item, c.item_name,
                          c.household, c.resident_name)
              << '\n';
    }
    for (const auto& line : core::describe_means_test(c.means_test)) {
      ctx.out << core::tr("means test: {}", line) << '\n';
    }
    // TRANSLATORS: the last {} is "new model" or "old model".
    ctx.out << core::tr_n("due {} ({} working day, {})", "due {} ({} working days, {})",
                          static_cast<unsigned long>(c.promise_days), c.due_date, c.promise_days, model_name(c.model))
            << '\n';
    print_case_line(ctx, c);
  });
}

}  // namespace

RunFn setup_apply(CLI::App& app) {
  auto opt = std::make_shared<ApplyOptions>();
  auto* sub = app.add_subcommand("apply", _("Open a case for a resident at this station's window"));
  sub->add_option("--resident", opt->resident, _("The applicant's citizen ID"));
  sub->add_option("--item", opt->item, _("The item code, e.g. C05-01 (see 'sqgl catalog')"));
  sub->add_option("--materials", opt->materials,
                  _("Materials handed in: names or their numbers in 'sqgl catalog ITEM', comma-separated"));
  sub->add_option("--note", opt->note, _("A note on the case"));
  sub->add_option("--model", opt->model, _("Approval chain: new (default) or old"))
      ->check(CLI::IsMember({"new", "old"}));
  sub->add_option("--authorised-by", opt->authorised_by,
                  _("For a household benefit (低保, 廉租房 …) applied for by a member other than the head: the "
                    "head's citizen ID, from the written authority"));
  sub->add_option("--supplement", opt->supplement,
                  _("Record the supplementary materials a returned case waited for (补正) instead"));
  sub->footer(
      _("Every missing required material is named in one message (一次性告知).\n"
        "Examples:\n  sqgl --as ZZ0101 apply --resident 150204198112127440 --item C05-01 --materials 1,2,3,4\n"
        "  sqgl --as ZZ0101 apply --supplement 150204-20120129-0001 --materials 2"));
  return [opt](Context& ctx) { run_apply(ctx, *opt); };
}

}  // namespace sqgl::cli
