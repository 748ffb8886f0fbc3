// sqgl review: record the democratic review (民主评议) of a case's current step.
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

struct ReviewOptions {
  std::string number;
  std::string held;
  int attendees = 0, votes_for = 0, votes_against = 0, votes_abstain = 0;
  std::string minutes;
};

void run_review(Context& ctx, const ReviewOptions& opt) {
  core::Review review;
  review.held = core::parse_date_or_throw(opt.held, N_("--held date"));
  review.attendees = opt.attendees;
  review.votes_for = opt.votes_for;
  review.votes_against = opt.votes_against;
  review.votes_abstain = opt.votes_abstain;
  review.minutes = opt.minutes;
  int step = 0;
  run_write(ctx, "review", opt.number, [&](auto& db, const auto& op, const auto& calendar) {
    step = core::review_case(db, ctx.clock, calendar, op, opt.number, review);
  });
  print_case_result(ctx, opt.number, [&](const core::Case& c) {
    const auto& done = c.steps[static_cast<std::size_t>(step - 1)];
    if (c.status == core::CaseStatus::open) {
      const auto& next = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
      ctx.out << core::tr(
                     "case {}: the democratic review of step {} ({}) passed, {} of {} for; now at step {} of "
                     "{}: {} ({}), step due {}",
                     c.number, done.seq, done.name_zh, opt.votes_for, opt.attendees, next.seq, c.steps.size(),
                     next.name_zh, next.unit_name, next.due_date)
              << '\n';
    } else if (c.status == core::CaseStatus::approved) {
      ctx.out << core::tr("case {} approved at step {} ({})", c.number, done.seq, done.name_zh) << '\n';
    } else {
      ctx.out << core::tr("case {} rejected at step {} ({}): {} of {} attendees for, more than half needed", c.number,
                          done.seq, done.name_zh, opt.votes_for, opt.attendees)
              << '\n';
    }
  });
}

}  // namespace

RunFn setup_review(CLI::App& app) {
  auto opt = std::make_shared<ReviewOptions>();
  auto* sub = app.add_subcommand("review", _("Record the democratic review (民主评议) of a case's current step"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->add_option("--held", opt->held, _("The day of the meeting (YYYY-MM-DD)"))->required();
  sub->add_option("--attendees", opt->attendees, _("How many attended"))->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--for", opt->votes_for, _("Votes for"))->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--against", opt->votes_against, _("Votes against"))->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--abstain", opt->votes_abstain, _("Abstentions"))->required()->check(CLI::NonNegativeNumber);
  sub->add_option("--minutes", opt->minutes, _("The minutes' reference"));
  sub->footer(
      _("The votes add up to the attendees; more than half of them for passes the review, anything less rejects "
        "the case.\nExamples:\n  sqgl --as ZZ0101 review 150204-20120927-0001 --held 2012-09-28 --attendees 7 --for "
        "6 --against 0 --abstain 1 --minutes 评议纪要2012-09"));
  return [opt](Context& ctx) { run_review(ctx, *opt); };
}

}  // namespace sqgl::cli
