// sqgl list: queues — mine, a unit's, by status, item, community, overdue, due soon.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/error.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/settings.h"
#include "core/model/staff.h"

namespace sqgl::cli {

namespace {

struct ListOptions {
  bool mine = false;
  int due_within = -1;
  core::CaseFilter filter;
};

void run_list(Context& ctx, ListOptions opt) {
  auto& db = ctx.read_db();
  if (opt.mine) {
    if (core::auth_mode(db) == core::AuthMode::peer) {
      opt.filter.assignee = ctx.acting().staff_no;
    } else if (ctx.operator_()) {
      opt.filter.assignee = *ctx.operator_();  // an unknown one is exit 3, as any filter naming nothing
    } else {
      throw core::InvalidInput("--mine needs the operator: give --as STAFF_NO or set SQGL_OPERATOR");
    }
  }
  if (opt.due_within >= 0) opt.filter.due_within = opt.due_within;
  const auto calendar = core::WorkCalendar::load(db);
  const auto cases = core::list_cases(db, calendar, opt.filter, ctx.clock.today());
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : cases) {
      list.push_back({{"number", c.number},
                      {"item", c.item},
                      {"item_name", c.item_name},
                      {"status", c.status},
                      {"resident_name", c.resident_name},
                      {"community", c.community_code},
                      {"step", c.step.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.step)},
                      {"step_unit", c.step_unit.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.step_unit)},
                      {"assignee", c.assignee.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.assignee)},
                      {"step_due", c.step_due.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.step_due)},
                      {"due_date", c.due_date},
                      {"accepted_at", c.accepted_at},
                      {"overdue", c.overdue}});
    }
    print_json(ctx.out, {{"count", cases.size()}, {"cases", list}});
    return;
  }
  if (cases.empty()) {
    ctx.out << "no cases\n";
    return;
  }
  Table table;
  table.add({"case", "item", "resident", "status", "step", "assignee", "step due", "due", ""});
  for (const auto& c : cases) {
    table.add({c.number, c.item, c.resident_name, std::string(core::text(c.status)), c.step, c.assignee, c.step_due, c.due_date,
               c.overdue ? "OVERDUE" : ""});
  }
  table.print(ctx.out);
  ctx.out << fmt::format("{} case{}\n", cases.size(), cases.size() == 1 ? "" : "s");
}

}  // namespace

RunFn setup_list(CLI::App& app) {
  auto opt = std::make_shared<ListOptions>();
  auto* sub = app.add_subcommand("list", "List cases: a queue, by filters");
  sub->add_flag("--mine", opt->mine, "Steps assigned to the operator (--as)");
  sub->add_option("--unit", opt->filter.unit, "Cases whose current step is at this unit (e.g. JSJ, 150204001)")
      ->check(non_empty());
  sub->add_option("--community", opt->filter.community, "Cases of this community")->check(non_empty());
  sub->add_option("--street", opt->filter.street, "Cases of this street office's communities")->check(non_empty());
  sub->add_option("--status", opt->filter.status, "open, returned, approved, rejected or withdrawn")
      ->check(CLI::IsMember({"open", "returned", "approved", "rejected", "withdrawn"}));
  sub->add_option("--item", opt->filter.item, "Cases of this item")->check(non_empty());
  sub->add_flag("--overdue", opt->filter.overdue, "Open cases past their due date");
  sub->add_option("--due-within", opt->due_within, "Open cases due within N working days")->check(decimal())->check(CLI::Range(0, 365));
  sub->add_flag("--unassigned", opt->filter.unassigned, "Open cases whose current step has no assignee");
  sub->footer("Examples:\n  sqgl --as JSJ01 list --mine\n  sqgl list --community 150204001001 --overdue");
  return [opt](Context& ctx) { run_list(ctx, *opt); };
}

}  // namespace sqgl::cli
