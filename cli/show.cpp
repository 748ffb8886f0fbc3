// sqgl show CASE: a case with its steps, materials, due date explained and full history.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/base/citizen_id.h"
#include "core/model/cases/cases.h"

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
  auto& out = ctx.out;
  out << fmt::format("case {}  {} {}  ({} model)\n", c.number, c.item, c.item_name, c.model);
  Table facts;
  std::string status(core::text(c.status));
  if (!c.decided_at.empty()) status += " " + c.decided_at;
  if (c.status == core::CaseStatus::returned) status += fmt::format(" (waiting for materials since {})", c.returned_at.substr(0, 10));
  if (c.overdue(today)) status += fmt::format(" — OVERDUE since {}", c.due_date);
  facts.add({"status", status});
  facts.add({"resident", fmt::format("{} {}", c.resident_name, core::mask_citizen_id(c.citizen_id))});
  facts.add({"community", fmt::format("{} {}", c.community_code, c.community_name)});
  facts.add({"accepted", fmt::format("{} by {} at the {} window", c.accepted_at, c.accepted_by, c.window)});
  // The due date explained: the promise counted from the day after acceptance,
  // plus the working days the case waited for materials.
  std::string parts;
  for (const auto& s : c.steps) parts += fmt::format("{}{} {}", parts.empty() ? "" : " + ", s.name_zh, s.days);
  std::string due = fmt::format("{}: {} working days after {} ({}), the day of acceptance not counted", c.due_date,
                                c.promise_days, c.accepted_at.substr(0, 10), parts);
  if (c.paused_days > 0) due += fmt::format(", plus {} working days waiting for materials", c.paused_days);
  facts.add({"due", due});
  if (!c.note.empty()) facts.add({"note", c.note});
  if (c.score) {
    facts.add(
        {"rating", fmt::format("{} {}{}", *c.score, score_label(*c.score), c.comment.empty() ? "" : ": " + c.comment)});
  }
  facts.print(out);

  out << "\nsteps:\n";
  Table steps({false, false, false, false, true, false, false, false, false});
  for (const auto& s : c.steps) {
    std::string who = s.decided_by.empty() ? (s.assignee.empty() ? "" : "→ " + s.assignee) : "by " + s.decided_by;
    std::string when = s.decided_at.empty() ? (s.due_date.empty() ? "" : "due " + s.due_date) : s.decided_at;
    std::string took = s.working_days_taken ? fmt::format("{} wd taken", *s.working_days_taken) : "";
    steps.add({fmt::format("{}.", s.seq), s.name_zh, s.unit_name, std::string(core::text(s.role)), fmt::format("{} wd", s.days), std::string(core::text(s.status)), who,
               when, took});
  }
  steps.print(out, "  ");

  out << "\nmaterials:\n";
  Table materials;
  for (const auto& m : c.materials) {
    std::string state =
        m.received_at.empty() ? (m.required ? "MISSING" : "-") : "received " + m.received_at.substr(0, 10);
    if (!m.requested_at.empty() && m.received_at.empty()) state = "requested " + m.requested_at.substr(0, 10);
    materials.add({fmt::format("{}.", m.seq), m.name_zh, m.required ? "required" : "if applicable", state});
  }
  materials.print(out, "  ");

  out << "\nhistory:\n";
  Table history;
  for (const auto& e : c.history) {
    const std::string mark = backfill_mark(e.clock, e.recorded_at);
    history.add({e.at, e.operator_, describe_event(e) + (mark.empty() ? "" : " (" + mark + ")")});
  }
  history.print(out, "  ");
}

}  // namespace

RunFn setup_show(CLI::App& app) {
  auto opt = std::make_shared<ShowOptions>();
  auto* sub = app.add_subcommand("show", "Show a case: steps, materials, due date explained, full history");
  sub->add_option("case", opt->number, "The case number")->required()->check(non_empty());
  sub->footer("Example:\n  sqgl show 150204-20120129-0001");
  return [opt](Context& ctx) { run_show(ctx, *opt); };
}

}  // namespace sqgl::cli
