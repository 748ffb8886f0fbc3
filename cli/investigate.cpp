// sqgl investigate: record the home investigation (入户调查) of a case's current step.
#include <charconv>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "cli/write.h"
#include "core/base/date.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"

namespace sqgl::cli {

namespace {

struct InvestigateOptions {
  std::string number;
  std::string visited;
  std::string income;
  std::string area;
  std::string result;
  std::string note;
};

// A decimal with at most two places ("450", "450.5", "12.25") in hundredths.
std::optional<std::int64_t> hundredths(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string part = dot == std::string::npos ? "" : text.substr(dot + 1);
  std::int64_t units = 0, cents = 0;
  auto digits = [](const std::string& s, std::int64_t& into) {
    if (s.empty()) return true;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), into);
    return ec == std::errc{} && end == s.data() + s.size() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (whole.empty() || part.size() > 2 || (dot != std::string::npos && part.empty()) || !digits(whole, units) ||
      !digits(part, cents) || units > 100000000) {
    throw core::errors::invalid(option, text, _("expected a number with at most two decimals, such as 450.50"));
  }
  if (part.size() == 1) cents *= 10;
  return units * 100 + cents;
}

void run_investigate(Context& ctx, const InvestigateOptions& opt) {
  core::Investigation investigation;
  investigation.visited = core::parse_date_or_throw(opt.visited, N_("--visited date"));
  investigation.income_fen = hundredths(opt.income, "--income");
  investigation.area_dm2 = hundredths(opt.area, "--area");
  investigation.passed = opt.result == "pass";
  investigation.note = opt.note;
  int step = 0;
  run_write(ctx, "investigate", opt.number, [&](auto& db, const auto& op, const auto& calendar) {
    step = core::investigate_case(db, ctx.clock, calendar, op, opt.number, investigation);
  });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    const auto& done = c.steps[static_cast<std::size_t>(step - 1)];
    if (c.status == core::CaseStatus::open) {
      const auto& next = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
      ctx.out << core::tr(
                     "case {}: the home investigation of step {} ({}) passed; now at step {} of {}: {} ({}), "
                     "step due {}",
                     c.number, done.seq, done.name_zh, next.seq, c.steps.size(), next.name_zh, next.unit_name,
                     next.due_date)
              << '\n';
    } else if (c.status == core::CaseStatus::approved) {
      ctx.out << core::tr("case {} approved at step {} ({})", c.number, done.seq, done.name_zh) << '\n';
    } else {
      ctx.out << core::tr("case {} rejected at step {} ({}): the home investigation failed", c.number, done.seq,
                          done.name_zh)
              << '\n';
    }
  });
}

}  // namespace

RunFn setup_investigate(CLI::App& app) {
  auto opt = std::make_shared<InvestigateOptions>();
  auto* sub = app.add_subcommand("investigate", _("Record the home investigation (入户调查) of a case's current step"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--visited", opt->visited, _("The day of the visit (YYYY-MM-DD)"))->required();
  sub->add_option("--income", opt->income, _("Monthly income per household member found, in yuan"));
  sub->add_option("--area", opt->area, _("Living area per person found, in square metres"));
  sub->add_option("--result", opt->result, _("pass (the case moves on) or fail (it is rejected)"))
      ->required()
      ->check(CLI::IsMember({"pass", "fail"}));
  sub->add_option("--note", opt->note, _("What was found; a failed investigation's reason"));
  sub->footer(
      _("The step's unit and role investigate: under the new model the community's station worker (the grid "
        "worker).\nExamples:\n  sqgl --as ZZ0101 investigate 150204-20120927-0001 --visited 2012-09-28 --income 310 "
        "--area 9.5 --result pass"));
  return [opt](Context& ctx) { run_investigate(ctx, *opt); };
}

}  // namespace sqgl::cli
