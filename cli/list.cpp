// sqgl list: queues — mine, a unit's, by status, item, community, overdue, due soon.
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/staff.h"

namespace sqgl::cli {

namespace {

struct ListOptions {
  bool mine = false;
  int due_within = -1;
  core::CaseFilter filter;
};

// A JSON string as print_json writes it: codes, numbers and dates go out as they
// are; text with anything to escape (or not ASCII) goes through nlohmann's
// serializer, which also shows a byte that is not UTF-8 as U+FFFD.
void put_json_text(std::string& out, const std::string& text, bool empty_is_null = false) {
  if (empty_is_null && text.empty()) {
    out += "null";
    return;
  }
  const bool plain = std::all_of(text.begin(), text.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  });
  if (plain) {
    out += '"';
    out += text;
    out += '"';
  } else {
    out += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
}

// One case of `--json list`, written as print_json would write it inside
// {"cases": [...]} (keys in its order, indented by four), without building a
// JSON object per row: a list of ten years of cases spends its time reading.
void put_case_json(std::string& out, const core::CaseSummary& c) {
  const auto field = [&](std::string_view key, bool first = false) {
    out += first ? "{\n      \"" : ",\n      \"";
    out += key;
    out += "\": ";
  };
  field("accepted_at", true);
  put_json_text(out, c.accepted_at);
  field("assignee");
  put_json_text(out, c.assignee, true);
  field("community");
  put_json_text(out, c.community_code);
  field("due_date");
  put_json_text(out, c.due_date);
  field("item");
  put_json_text(out, c.item);
  field("item_name");
  put_json_text(out, c.item_name);
  field("number");
  put_json_text(out, c.number);
  field("overdue");
  out += c.overdue ? "true" : "false";
  field("resident_name");
  put_json_text(out, c.resident_name);
  field("status");
  put_json_text(out, std::string(core::text(c.status)));
  field("step");
  put_json_text(out, c.step, true);
  field("step_due");
  put_json_text(out, c.step_due, true);
  field("step_unit");
  put_json_text(out, c.step_unit, true);
  out += "\n    }";
}

// The words a table row shows, translated once: a list of ten years of cases would
// otherwise ask gettext for them on every row, twice.
struct RowWords {
  std::array<std::string, core::Words<core::CaseStatus>::text.size()> status;
  std::string overdue;

  RowWords() : overdue(_("OVERDUE")) {
    for (std::size_t i = 0; i < status.size(); ++i) status[i] = core::label(static_cast<core::CaseStatus>(i));
  }
};

std::vector<std::string> row_of(const core::CaseSummary& c, const RowWords& words) {
  return {c.number,   c.item,     c.resident_name, words.status[static_cast<std::size_t>(c.status)], c.step,
          c.assignee, c.step_due, c.due_date,      c.overdue ? words.overdue : std::string()};
}

void run_list(Context& ctx, ListOptions opt) {
  auto& db = ctx.read_db();
  if (opt.mine) {
    if (ctx.peer()) {
      opt.filter.assignee = ctx.acting().staff_no;
    } else if (ctx.operator_()) {
      opt.filter.assignee = *ctx.operator_();  // an unknown one is exit 3, as any filter naming nothing
    } else {
      throw core::InvalidInput(_("--mine needs the operator: give --as STAFF_NO or set SQGL_OPERATOR"));
    }
  }
  if (opt.due_within >= 0) opt.filter.due_within = opt.due_within;
  const auto calendar = core::WorkCalendar::load(db);
  const core::Date today = ctx.clock.today();
  // Rows go out as they are read, so that a list of ten years of cases takes no
  // more memory than a queue; the passes over them read one snapshot.
  SQLite::Transaction snapshot(db);
  auto each = [&](const std::function<void(const core::CaseSummary&)>& visit) {
    core::for_each_case(db, calendar, opt.filter, today, visit);
  };
  std::int64_t count = 0;
  if (ctx.json()) {
    // As print_json would print {"cases": [...], "count": N}, one case at a time.
    // Nothing is printed before the filters are checked: a bad one is an error alone.
    std::string row;
    each([&](const core::CaseSummary& c) {
      if (count == 0) ctx.out << "{\n  \"cases\": [";
      row.assign("    ");
      put_case_json(row, c);
      ctx.out << (count++ == 0 ? "\n" : ",\n") << row;
    });
    ctx.out << (count == 0 ? "{\n  \"cases\": [],\n" : "\n  ],\n") << "  \"count\": " << count << "\n}\n";
    snapshot.commit();
    return;
  }
  StreamedTable table;
  const std::vector<std::string> header = {C_("case field", "case"),     C_("case field", "item"),
                                           C_("case field", "resident"), C_("case field", "status"),
                                           C_("case field", "step"),     C_("case field", "assignee"),
                                           C_("case field", "step due"), C_("case field", "due"),
                                           ""};
  table.measure(header);
  const RowWords words;
  each([&](const core::CaseSummary& c) {
    table.measure(row_of(c, words));
    ++count;
  });
  if (count == 0) {
    ctx.out << _("no cases") << '\n';
  } else {
    table.print(ctx.out, header);
    each([&](const core::CaseSummary& c) { table.print(ctx.out, row_of(c, words)); });
    ctx.out << core::tr_n("{} case", "{} cases", static_cast<unsigned long>(count), count) << '\n';
  }
  snapshot.commit();
}

}  // namespace

RunFn setup_list(CLI::App& app) {
  auto opt = std::make_shared<ListOptions>();
  auto* sub = app.add_subcommand("list", _("List cases: a queue, by filters"));
  sub->add_flag("--mine", opt->mine, _("Steps assigned to the operator (--as)"));
  sub->add_option("--unit", opt->filter.unit, _("Cases whose current step is at this unit (e.g. JSJ, 150204001)"))
      ->check(non_empty());
  sub->add_option("--community", opt->filter.community, _("Cases of this community"))->check(non_empty());
  sub->add_option("--street", opt->filter.street, _("Cases of this street office's communities"))->check(non_empty());
  sub->add_option("--status", opt->filter.status, _("open, returned, approved, rejected or withdrawn"))
      ->check(CLI::IsMember({"open", "returned", "approved", "rejected", "withdrawn"}));
  sub->add_option("--item", opt->filter.item, _("Cases of this item"))->check(non_empty());
  sub->add_flag("--overdue", opt->filter.overdue, _("Open cases past their due date"));
  sub->add_option("--due-within", opt->due_within, _("Open cases due within N working days"))
      ->check(decimal())
      ->check(CLI::Range(0, 365));
  sub->add_flag("--unassigned", opt->filter.unassigned, _("Open cases whose current step has no assignee"));
  sub->footer(_("Examples:\n  sqgl --as JSJ01 list --mine\n  sqgl list --community 150204001001 --overdue"));
  return [opt](Context& ctx) { run_list(ctx, *opt); };
}

}  // namespace sqgl::cli
