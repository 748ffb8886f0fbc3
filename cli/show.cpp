// sqgl show CASE: a case with its steps, materials, due date explained and full history.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/base/citizen_id.h"
#include "core/base/i18n.h"
#include "core/model/cases/cases.h"
#include "core/model/household.h"

namespace sqgl::cli {

namespace {

struct ShowOptions {
  std::string number;
};

void run_show(Context& ctx, const ShowOptions& opt) {
  auto& db = ctx.read_db();
  const auto calendar = core::WorkCalendar::load(db);
  const auto c = core::get_case(db, calendar, opt.number);
  const core::Date today = ctx.clock.today();
  if (ctx.json()) {
    print_json(ctx.out, case_json(c, today));
    return;
  }
  ctx.page();
  auto& out = ctx.out;
  // TRANSLATORS: the last {} is "new model" or "old model".
  out << core::tr("case {}  {} {}  ({})", c.number, c.item, c.item_name, model_name(c.model)) << '\n';
  Table facts;
  std::string status(core::label(c.status));
  if (!c.decided_at.empty()) status += " " + c.decided_at;
  if (c.status == core::CaseStatus::returned) {
    status += core::tr(" (waiting for materials since {})", c.returned_at.substr(0, 10));
  }
  if (c.overdue(today)) status += core::tr(" — OVERDUE since {}", c.due_date);
  facts.add({C_("case field", "status"), status});
  facts.add({C_("case field", "resident"), fmt::format("{} {}", c.resident_name, core::mask_citizen_id(c.citizen_id))});
  if (!c.household.empty()) facts.add({C_("case field", "household"), c.household});
  for (const auto& line : core::describe_means_test(c.means_test)) facts.add({C_("case field", "means test"), line});
  facts.add({C_("case field", "community"), fmt::format("{} {}", c.community_code, c.community_name)});
  // TRANSLATORS: "2012-01-29T09:00:00 by ZZ0101 at the 社区服务 window (services)": the window's name, then
  // its code.
  facts.add({C_("case field", "accepted"),
             core::tr("{} by {} at the {} window ({})", c.accepted_at, c.accepted_by,
                      window_label(core::list_windows(db), c.window), c.window)});
  // The due date explained: the promise counted from the day after acceptance,
  // plus the working days the case waited for materials.
  std::string parts, postings;
  for (const auto& s : c.steps) {
    std::string& into = s.kind == core::StepKind::posting ? postings : parts;
    into += fmt::format("{}{} {}", into.empty() ? "" : " + ", s.name_zh, s.days);
  }
  // TRANSLATORS: "2012-02-03: 5 working days after 2012-01-29 (服务站 2 + 区人口计生局 3), the day of
  // acceptance not counted".
  std::string due = core::tr("{}: {} working days after {} ({}), the day of acceptance not counted", c.due_date,
                             c.promise_days, c.accepted_at.substr(0, 10), parts);
  if (c.posting_days > 0) {
    // TRANSLATORS: ", plus 14 calendar days of posting (社区公示 7 + 区民政局公示 7)".
    due += core::tr(", plus {} calendar days of posting ({})", c.posting_days, postings);
  }
  if (c.paused_days > 0) due += core::tr(", plus {} working days waiting for materials", c.paused_days);
  facts.add({C_("case field", "due"), due});
  if (!c.note.empty()) facts.add({C_("case field", "note"), c.note});
  if (c.score) {
    facts.add({C_("case field", "rating"),
               fmt::format("{} {}{}", *c.score, score_label(*c.score), c.comment.empty() ? "" : ": " + c.comment)});
  }
  facts.print(out);

  out << '\n' << _("steps:") << '\n';
  Table steps({false, false, false, false, false, true, false, false, false, false});
  for (const auto& s : c.steps) {
    std::string who =
        s.decided_by.empty() ? (s.assignee.empty() ? "" : "→ " + s.assignee) : core::tr("by {}", s.decided_by);
    std::string when = s.decided_at.empty() ? (s.due_date.empty() ? "" : core::tr("due {}", s.due_date)) : s.decided_at;
    std::string took = s.working_days_taken ? core::tr("{} wd taken", *s.working_days_taken) : "";
    std::string days = s.kind == core::StepKind::posting ? core::tr("{} calendar days", s.days)
                                                         : core::tr("{} wd", s.days);
    steps.add({fmt::format("{}.", s.seq), s.name_zh, s.unit_name, core::label(s.role), core::label(s.kind), days,
               core::label(s.status), who, when, took});
  }
  steps.print(out, "  ");

  if (!c.stages.empty()) {
    out << '\n' << _("stages:") << '\n';
    Table stages;
    auto decimal = [](std::int64_t hundredths) { return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100); };
    for (const auto& x : c.stages) {
      std::string what;
      switch (x.kind) {
        case core::StepKind::investigation: {
          what = core::tr("visited {} by {}", x.held_on, x.by);
          // A finding tested against a standard is shown with the test; one the item does not test, as found.
          std::vector<std::string> income_tests, area_tests;
          const auto tested = c.findings_test(x.step, x.attempt);
          for (const auto& check :
               tested.is_object() ? tested.value("checks", nlohmann::json::array()) : nlohmann::json::array()) {
            const auto kind = core::parse<core::StandardKind>(check.value("standard", ""));
            if (!kind) continue;
            for (auto& line : core::describe_means_test({{"checks", {check}}})) {
              (core::is_income(*kind) ? income_tests : area_tests).push_back(std::move(line));
            }
          }
          if (x.income_fen && income_tests.empty()) {
            income_tests.push_back(core::tr("income {} yuan a month per member", decimal(*x.income_fen)));
          }
          if (x.area_dm2 && area_tests.empty()) area_tests.push_back(core::tr("{} m² per person", decimal(*x.area_dm2)));
          for (const auto& line : income_tests) what += "; " + line;
          for (const auto& line : area_tests) what += "; " + line;
          break;
        }
        case core::StepKind::review:
          what = core::tr("held {} by {}: {} for, {} against, {} abstaining of {}", x.held_on, x.by,
                          x.votes_for.value_or(0), x.votes_against.value_or(0), x.votes_abstain.value_or(0),
                          x.attendees.value_or(0));
          if (!x.minutes.empty()) what += "; " + core::tr("minutes {}", x.minutes);
          break;
        case core::StepKind::posting:
          what = core::tr("at {} from {} until {}", x.place, x.held_on, x.ends_on);
          break;
        case core::StepKind::decision: break;
      }
      std::string result;
      if (!x.result) {
        result = x.kind == core::StepKind::posting ? _("posted") : "";
      } else if (x.kind == core::StepKind::posting && *x.result == core::StageResult::pass) {
        result = core::tr("no objection; closed {} by {}", x.at.substr(0, 10), x.by);
      } else if (*x.result == core::StageResult::objected) {
        result = core::tr("objection {} recorded by {}: {}", x.at.substr(0, 10), x.by, x.note);
      } else {
        result = core::label(*x.result);
        if (!x.note.empty()) result += ": " + x.note;
      }
      stages.add({fmt::format("{}.", x.step), core::tr("attempt {}", x.attempt), core::label(x.kind), what, result});
    }
    stages.print(out, "  ");
  }

  out << '\n' << _("materials:") << '\n';
  Table materials;
  for (const auto& m : c.materials) {
    std::string state = m.received_at.empty() ? (m.required ? _("MISSING") : "-")
                                              : core::tr("received {}", m.received_at.substr(0, 10));
    if (!m.requested_at.empty() && m.received_at.empty()) {
      state = core::tr("requested {}", m.requested_at.substr(0, 10));
    }
    materials.add({fmt::format("{}.", m.seq), m.name_zh,
                   m.required ? C_("material", "required") : C_("material", "if applicable"), state});
  }
  materials.print(out, "  ");

  if (!c.notices.empty()) {
    out << '\n' << _("register changes to review:") << '\n';
    Table notices;
    for (const auto& n : c.notices) notices.add({n.at, notice_text(n)});
    notices.print(out, "  ");
  }

  out << '\n' << _("history:") << '\n';
  Table history;
  for (const auto& e : c.history) {
    const std::string mark = backfill_mark(e.clock, e.recorded_at);
    // TRANSLATORS: an event's line, then "back-filled, recorded …".
    history.add({e.at, e.operator_, mark.empty() ? describe_event(e) : core::tr("{} ({})", describe_event(e), mark)});
  }
  history.print(out, "  ");
}

}  // namespace

RunFn setup_show(CLI::App& app) {
  auto opt = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", _("Show a case: steps, materials, due date explained, full history"));
  sub->add_option("case", opt->number, _("The case number"))->required()->check(non_empty());
  sub->footer(_("Example:\n  sqgl show 150204-20120129-0001"));
  return [opt](Context& ctx) { run_show(ctx, *opt); };
}

}  // namespace sqgl::cli
