// sqgl list: queues — mine, a unit's, by status, item, community, overdue, due soon —
// and every case (--all), in an order, as a table, one JSON document or JSON Lines.
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/staff.h"

namespace sqgl::cli {

namespace {

struct ListOptions {
  bool mine = false;
  bool all = false;
  bool jsonl = false;
  int due_within = -1;
  std::string sort = "due";
  std::int64_t limit = 0;
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

// One case as a JSON object: as print_json would write it inside {"cases": [...]}
// (keys in its order, indented by four) when `indent`, else on one line as
// nlohmann's compact dump writes it (--jsonl). No JSON object is built per row: a
// list of ten years of cases spends its time reading.
void put_case_json(std::string& out, const core::CaseSummary& c, bool indent) {
  const auto field = [&](std::string_view key, bool first = false) {
    if (indent) {
      out += first ? "{\n      \"" : ",\n      \"";
    } else {
      out += first ? "{\"" : ",\"";
    }
    out += key;
    out += indent ? "\": " : "\":";
  };
  field("accepted_at", true);
  put_json_text(out, c.accepted_at);
  field("assignee");
  put_json_text(out, c.assignee, true);
  field("community");
  put_json_text(out, c.community_code);
  field("community_name");
  put_json_text(out, c.community_name);
  field("due_date");
  put_json_text(out, c.due_date);
  field("item");
  put_json_text(out, c.item);
  field("item_name");
  put_json_text(out, c.item_name);
  field("notice_count");
  out += std::to_string(c.notices);
  field("number");
  put_json_text(out, c.number);
  field("overdue");
  out += c.overdue ? "true" : "false";
  field("resident");
  put_json_text(out, core::mask_citizen_id(c.citizen_id));
  field("resident_name");
  put_json_text(out, c.resident_name);
  field("status");
  put_json_text(out, std::string(core::text(c.status)));
  field("step");
  out += c.step ? std::to_string(*c.step) : "null";
  field("step_due_date");
  put_json_text(out, c.step_due, true);
  field("step_name");
  put_json_text(out, c.step_name, true);
  field("step_unit");
  put_json_text(out, c.step_unit, true);
  out += indent ? "\n    }" : "}";
}

// The words a table row shows, translated once: a list of ten years of cases would
// otherwise ask gettext for them on every row, twice.
struct RowWords {
  std::array<std::string, core::Words<core::CaseStatus>::text.size()> status;
  std::string overdue, review, both;

  RowWords() : overdue(_("OVERDUE")), review(_("REVIEW")), both(overdue + " " + review) {
    for (std::size_t i = 0; i < status.size(); ++i) status[i] = core::label(static_cast<core::CaseStatus>(i));
  }
};

std::vector<std::string> row_of(const core::CaseSummary& c, const RowWords& words) {
  return {c.number,   c.item,     c.resident_name, words.status[static_cast<std::size_t>(c.status)], c.step_name,
          c.assignee, c.step_due, c.due_date,      c.overdue ? (c.notices ? words.both : words.overdue) : (c.notices ? words.review : std::string())};
}

// The table's last line: how many cases, and when --limit cut the list, of how many.
// "open" when the list holds the open ones because nothing else was asked for.
std::string count_line(std::int64_t shown, std::int64_t matching, bool open_only) {
  const auto n = static_cast<unsigned long>(matching);
  if (shown < matching) {
    return open_only ? core::tr_n("first {} of {} open case; a larger --limit shows more",
                                  "first {} of {} open cases; a larger --limit shows more", n, shown, matching)
                     : core::tr_n("first {} of {} case; a larger --limit shows more",
                                  "first {} of {} cases; a larger --limit shows more", n, shown, matching);
  }
  return open_only ? core::tr_n("{} open case", "{} open cases", n, matching)
                   : core::tr_n("{} case", "{} cases", n, matching);
}

void run_list(Context& ctx, ListOptions opt) {
  // JSON Lines are for programs, as --json is: in English whatever the locale.
  if (opt.jsonl) core::english_messages();
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
  // The daily list is the work in hand: without --status or --all, the cases not
  // yet decided (open, or returned waiting for materials).
  const bool open_only = !opt.all && opt.filter.status.empty();
  opt.filter.undecided = open_only;
  const auto order = static_cast<core::CaseOrder>(
      std::find(core::kCaseOrderWords.begin(), core::kCaseOrderWords.end(), opt.sort) - core::kCaseOrderWords.begin());
  std::optional<std::int64_t> limit;
  if (opt.limit > 0) limit = opt.limit;
  const auto calendar = core::WorkCalendar::load(db);
  const core::Date today = ctx.clock.today();
  // Rows go out as they are read, so that a list of ten years of cases takes no
  // more memory than a queue; the passes over them read one snapshot.
  SQLite::Transaction snapshot(db);
  auto each = [&](const std::function<void(const core::CaseSummary&)>& visit) {
    return core::for_each_case(db, calendar, opt.filter, today, visit, order, limit);
  };
  std::string row;
  if (opt.jsonl) {
    each([&](const core::CaseSummary& c) {
      row.clear();
      put_case_json(row, c, false);
      row += '\n';
      ctx.out << row;
    });
    snapshot.commit();
    return;
  }
  // Counted first (from the indexes alone): the document's counts precede its
  // cases, in the order print_json writes keys, and the cases then stream out.
  const std::int64_t matching = core::count_cases(db, calendar, opt.filter, today);
  const std::int64_t shown = limit ? std::min(*limit, matching) : matching;
  if (ctx.json()) {
    ctx.out << "{\n  \"case_count\": " << shown << ",\n  \"cases\": [";
    std::int64_t written = 0;
    each([&](const core::CaseSummary& c) {
      row.assign(written++ == 0 ? "\n    " : ",\n    ");
      put_case_json(row, c, true);
      ctx.out << row;
    });
    ctx.out << (written == 0 ? "],\n" : "\n  ],\n") << "  \"limit\": " << (limit ? std::to_string(*limit) : "null")
            << ",\n  \"matching_case_count\": " << matching << "\n}\n";
    snapshot.commit();
    return;
  }
  if (matching == 0) {
    ctx.out << (open_only ? _("no open cases") : _("no cases")) << '\n';
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
  each([&](const core::CaseSummary& c) { table.measure(row_of(c, words)); });
  ctx.page();
  table.print(ctx.out, header);
  each([&](const core::CaseSummary& c) { table.print(ctx.out, row_of(c, words)); });
  ctx.out << count_line(shown, matching, open_only) << '\n';
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
  auto* all = sub->add_flag("--all", opt->all, _("Every case, decided ones too (default: open and returned cases)"));
  sub->get_option("--status")->excludes(all);
  sub->add_option("--sort", opt->sort,
                  _("Order: due (due date, the default), accepted, number, item or community; then due date and case "
                    "number"))
      ->check(CLI::IsMember(std::vector<std::string>(core::kCaseOrderWords.begin(), core::kCaseOrderWords.end())));
  sub->add_option("--limit", opt->limit, _("Only the first N cases in that order"))
      ->check(decimal())
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000000}));
  sub->add_flag("--jsonl", opt->jsonl, _("JSON Lines: one case a line, nothing around them (for scripts)"));
  sub->footer(
      _("Without --status or --all, the cases still open (waiting for materials too), the first due first.\n"
        "Examples:\n  sqgl --as JSJ01 list --mine\n  sqgl list --community 150204001001 --overdue\n"
        "  sqgl list --all --sort accepted --limit 20"));
  return [opt](Context& ctx) { run_list(ctx, *opt); };
}

}  // namespace sqgl::cli
