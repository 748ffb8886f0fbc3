// sqgl route: assign a case's current step (--to), assign every unassigned open
// step (--auto), or print an item's chain (--plan).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "cli/write.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"
#include "core/model/catalog.h"

namespace sqgl::cli {

namespace {

struct RouteOptions {
  std::string number;
  std::string to;
  bool automatic = false;
  std::string plan;
  std::string model;
  core::CaseFilter filter;
};

// Who decides a step, in words a clerk reads: "the applicant's community station".
std::string deciding_unit(const core::ChainStep& s) {
  switch (s.level) {
    case core::StepLevel::station:
      return _("the applicant's community station");
    case core::StepLevel::committee:
      return _("the applicant's residents' committee");
    case core::StepLevel::street:
      return _("the community's street office");
    case core::StepLevel::bureau:
    case core::StepLevel::other:
      break;
  }
  return fmt::format("{} {}", s.unit, s.unit_name);
}

void run_plan(Context& ctx, const RouteOptions& opt) {
  const auto item = core::get_item(ctx.read_db(), opt.plan);
  std::vector<core::Model> models = {core::Model::reformed, core::Model::former};
  if (!opt.model.empty()) models = {core::stored<core::Model>(opt.model)};
  if (ctx.json()) {
    nlohmann::json chains = nlohmann::json::array();
    for (const auto& m : models) chains.push_back(chain_json(item, m));
    print_json(ctx.out,
               {{"item", item.code}, {"item_name", item.name_zh}, {"window", item.window}, {"chains", chains}});
    return;
  }
  ctx.out << fmt::format("{} {}\n", item.code, item.name_zh);
  for (const auto& m : models) {
    const auto& chain = item.chain(m);
    const int days = core::chain_working_days(chain), posted = core::chain_posting_days(chain);
    const auto levels = static_cast<unsigned long>(core::chain_levels(chain));
    const auto trips = item.trips(m);
    const std::string level_text = core::tr_n("{} review level", "{} review levels", levels, levels);
    const std::string trip_text = core::tr_n("{} trip", "{} trips", static_cast<unsigned long>(trips), trips);
    ctx.out << '\n';
    if (posted > 0) {
      // TRANSLATORS: "new model: 2 review levels, 20 working days + 14 calendar days of posting, 1 trip".
      ctx.out << core::tr("{}: {}, {} working days + {} calendar days of posting, {}", model_name(m), level_text,
                          days, posted, trip_text);
    } else {
      // TRANSLATORS: "new model: 2 review levels, 5 working days, 1 trip"; the first {} is "new model" or
      // "old model", the second "{} review levels", the last "{} trips".
      ctx.out << core::tr("{}: {}, {} working days, {}", model_name(m), level_text, days, trip_text);
    }
    ctx.out << '\n';
    Table table({false, false, false, false, false, true});
    for (const auto& s : chain) {
      table.add({fmt::format("{}.", s.seq), s.name_zh, deciding_unit(s), core::label(s.role), core::label(s.kind),
                 step_days(s)});
    }
    table.add({"", _("total"), "", "", "", core::tr("{} wd", days)});
    if (posted > 0) table.add({"", "", "", "", "", core::tr("{} calendar days", posted)});
    table.print(ctx.out, "  ");
  }
}

void run_route(Context& ctx, RouteOptions opt) {
  const int modes = (!opt.plan.empty() ? 1 : 0) + (opt.automatic ? 1 : 0) + (!opt.to.empty() ? 1 : 0);
  if (modes != 1) throw core::InvalidInput(_("route needs exactly one of: CASE --to STAFF, --auto, --plan ITEM"));
  if (!opt.plan.empty()) {
    if (!opt.number.empty()) throw core::InvalidInput(_("--plan takes an item, not a case"));
    run_plan(ctx, opt);
    return;
  }
  if (opt.automatic) {
    if (!opt.number.empty()) {
      throw core::InvalidInput(_("--auto routes every unassigned step; give filters, not a case"));
    }
    core::AutoRouteReport report;
    run_write(ctx, "route --auto", opt.filter.community,
              [&](auto& db, const auto& op, const auto&) { report = core::route_auto(db, ctx.clock, op, opt.filter); });
    if (ctx.json()) {
      print_json(ctx.out, {{"assigned_count", report.assigned},
                           {"to_grid_worker_count", report.to_grid_worker},
                           {"unassignable_count", report.unassignable}});
    } else {
      ctx.out << core::tr_n("assigned {} open step ({} to the applicant's grid worker)",
                            "assigned {} open steps ({} to the applicant's grid worker)",
                            static_cast<unsigned long>(report.assigned), report.assigned, report.to_grid_worker)
              << '\n';
      if (report.unassignable > 0) {
        ctx.out << core::tr_n("{} step left unassigned: no eligible staff member",
                              "{} steps left unassigned: no eligible staff member",
                              static_cast<unsigned long>(report.unassignable), report.unassignable)
                << '\n';
      }
    }
    return;
  }
  if (opt.number.empty()) throw core::InvalidInput(_("--to needs the case: sqgl route CASE --to STAFF"));
  run_write(ctx, "route", opt.number,
            [&](auto& db, const auto& op, const auto&) { core::route_case(db, ctx.clock, op, opt.number, opt.to); });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    const auto& step = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
    ctx.out << core::tr("case {}: step {} ({}) assigned to {}", c.number, step.seq, step.name_zh, step.assignee)
            << '\n';
  });
}

}  // namespace

RunFn setup_route(CLI::App& app) {
  auto opt = std::make_shared<RouteOptions>();
  auto* sub = app.add_subcommand("route", _("Assign a case's current step, route all open steps, or show a chain"));
  sub->add_option("case", opt->number, _("The case number (with --to)"))->check(non_empty());
  sub->add_option("--to", opt->to, _("Assign the current step to this staff number"))->check(non_empty());
  sub->add_flag("--auto", opt->automatic,
                _("Assign every unassigned open step: station steps to the applicant's grid worker, others to the "
                  "eligible staff member with the fewest open steps"));
  sub->add_option("--plan", opt->plan, _("Print the chain of this item: levels, units, roles, working days"))
      ->check(non_empty());
  sub->add_option("--model", opt->model, _("With --plan: only this model (new or old)"))
      ->check(CLI::IsMember({"new", "old"}));
  sub->add_option("--community", opt->filter.community, _("With --auto: only cases of this community"))
      ->check(non_empty());
  sub->add_option("--item", opt->filter.item, _("With --auto: only cases of this item"))->check(non_empty());
  sub->add_option("--unit", opt->filter.unit, _("With --auto: only steps of this unit"))->check(non_empty());
  sub->footer(
      _("Examples:\n  sqgl route --plan C02-01\n  sqgl --as ZZ0101 route 150204-20120129-0001 --to ZZ0102\n"
        "  sqgl --as IT01 route --auto"));
  return [opt](Context& ctx) { run_route(ctx, *opt); };
}

}  // namespace sqgl::cli
