// sqgl audit verify | head | log: walk the hash-chained history, print what a
// nightly job keeps off the machine, or list the events.
#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/model/history.h"

namespace sqgl::cli {

namespace {

struct AuditOptions {
  std::string action;
  std::string anchor;
  std::string subject;
  std::string kind;
  bool backfilled = false;
  int limit = 50;
};

// The newest events, newest last, with the business time, the machine's time when
// it differs, and who acted.
void run_log(Context& ctx, const AuditOptions& opt) {
  auto& db = ctx.read_db();
  SQLite::Statement q(db,
                      "SELECT id, at, COALESCE(recorded_at, ''), COALESCE(clock, ''), COALESCE(operator, ''), kind, "
                      "subject FROM events WHERE (?1 = '' OR subject = ?1) AND (?2 = '' OR kind = ?2 OR kind LIKE ?2 "
                      "|| '.%') AND (NOT ?3 OR clock = 'pinned') ORDER BY id DESC LIMIT ?4");
  q.bind(1, opt.subject);
  q.bind(2, opt.kind);
  q.bind(3, opt.backfilled ? 1 : 0);
  q.bind(4, opt.limit);
  struct Line {
    std::int64_t id;
    std::string at, recorded_at, clock, op, kind, subject;
  };
  std::vector<Line> lines;
  while (q.executeStep()) {
    lines.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                     q.getColumn(6).getString()});
  }
  std::reverse(lines.begin(), lines.end());
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& l : lines) {
      list.push_back({{"id", l.id},
                      {"at", l.at},
                      {"recorded_at", or_null(l.recorded_at)},
                      {"backfilled", l.clock == "pinned"},
                      {"operator", or_null(l.op)},
                      {"kind", l.kind},
                      {"subject", l.subject}});
    }
    print_json(ctx.out, {{"events", list}});
    return;
  }
  ctx.page();
  Table table;
  for (const auto& l : lines) {
    table.add({std::to_string(l.id), l.at, backfill_mark(l.clock, l.recorded_at), l.op, l.kind, l.subject});
  }
  table.print(ctx.out);
}

void run_audit(Context& ctx, const AuditOptions& opt) {
  if (opt.action == "log") {
    run_log(ctx, opt);
    return;
  }
  const auto result = core::verify_history(ctx.read_db(), opt.anchor);
  if (opt.action == "head") {
    if (!result.ok()) throw core::Failure(result.describe());
    if (ctx.json()) {
      print_json(ctx.out, {{"event_count", result.head.events},
                           {"head", result.head.hash},
                           {"recorded_at", or_null(result.head.recorded_at)}});
    } else {
      ctx.out << result.head.line() << '\n';
    }
    return;
  }
  if (ctx.json()) {
    print_json(ctx.out, verification_json(result));
  } else if (result.ok()) {
    ctx.out << core::tr("ok: {} events verified{}{}; head {}", result.events,
                        opt.anchor.empty() ? "" : _(", anchor found"),
                        result.backfilled ? core::tr(", {} back-filled (dated by $SQGL_NOW)", result.backfilled) : "",
                        result.head.hash)
            << '\n';
  }
  if (!result.ok()) throw core::Failure(result.describe());
}

}  // namespace

RunFn setup_audit(CLI::App& app) {
  auto opt = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand(
      "audit",
      _("Check the hash-chained history (verify), print what to keep off the machine (head), or list it (log)"));
  sub->add_option("action", opt->action, _("verify, head or log"))
      ->required()
      ->check(CLI::IsMember({"verify", "head", "log"}));
  sub->add_option("--anchor", opt->anchor,
                  _("With verify: a head printed earlier and kept off this machine ('HASH N TIME', or the hash): the "
                    "history must still pass through it"));
  sub->add_option("--subject", opt->subject, _("With log: only events about this (a case number, staff number, key)"))
      ->check(non_empty());
  sub->add_option("--kind", opt->kind, _("With log: only this kind of event (case.approve), or family (case)"))
      ->check(non_empty());
  sub->add_flag("--backfilled", opt->backfilled, _("With log: only events dated by a pinned clock ($SQGL_NOW)"));
  sub->add_option("--limit", opt->limit, _("With log: the newest N events (default 50)"))
      ->check(decimal())
      ->check(CLI::Range(1, 1000000));
  sub->footer(
      _("verify: exit 0 when every event verifies; exit 1 naming the first that does not, a deleted tail, or an\n"
        "anchor that is no longer where it was. head: the line a nightly job keeps elsewhere (hash, event count,\n"
        "time). log: events with their business time; a time the machine's clock disagrees with is marked.\n"
        "Examples:\n  sqgl audit verify\n  sqgl audit head | mail -s 'sqgl head' audit@example.org\n"
        "  sqgl audit verify --anchor \"$(cat anchor.txt)\"\n  sqgl audit log --subject 150204-20120129-0001"));
  return [opt](Context& ctx) { run_audit(ctx, *opt); };
}

}  // namespace sqgl::cli
