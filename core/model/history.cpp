#include "core/model/history.h"

#include <cstdlib>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/sha256.h"
#include "core/db/database.h"
#include "core/db/row.h"
#include "core/db/settings.h"

namespace sqgl::core {

namespace {

// The hash of "no previous event".
constexpr std::string_view kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

// Length-prefixed fields, so no choice of field contents can make two different
// events serialise to the same bytes.
void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\n';
}

bool is_hash(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace

std::string event_hash(std::int64_t id, std::string_view at, const std::optional<std::string>& operator_,
                       std::string_view kind, std::string_view subject, std::string_view detail,
                       std::string_view prev_hash, std::string_view recorded_at, std::string_view clock) {
  std::string content = recorded_at.empty() ? "sqgl-event-v1\n" : "sqgl-event-v2\n";
  put(content, std::to_string(id));
  put(content, at);
  if (!recorded_at.empty()) {
    put(content, recorded_at);
    put(content, clock);
  }
  put(content, operator_ ? "+" + *operator_ : "-");
  put(content, kind);
  put(content, subject);
  put(content, detail);
  put(content, prev_hash);
  return sha256_hex(content);
}

std::int64_t newest_event(const SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT COALESCE(max(id), 0) FROM events");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

struct EventAppender::Impl {
  Impl(SQLite::Database& db, const Clock& the_clock)
      : clock(the_clock),
        insert(db,
               "INSERT INTO events (id, at, recorded_at, clock, operator, kind, subject, detail, prev_hash, hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") {
    SQLite::Statement last(db, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
    if (last.executeStep()) {
      id = last.getColumn(0).getInt64();
      prev = last.getColumn(1).getString();
    }
  }
  const Clock& clock;
  SQLite::Statement insert;
  std::int64_t id = 0;
  std::string prev{kGenesis};
};

EventAppender::EventAppender(SQLite::Database& db, const Clock& clock) : impl_(std::make_unique<Impl>(db, clock)) {}
EventAppender::~EventAppender() = default;

std::int64_t EventAppender::append(const EventInput& event) {
  Impl& s = *impl_;
  const std::int64_t id = s.id + 1;
  const std::string at = format_datetime(s.clock.now());
  const std::string recorded_at = format_datetime(s.clock.recorded());
  const std::string which = s.clock.pinned() ? "pinned" : "system";
  std::string hash =
      event_hash(id, at, event.operator_, event.kind, event.subject, event.detail, s.prev, recorded_at, which);
  auto& q = s.insert;
  q.reset();
  q.bind(1, id);
  q.bind(2, at);
  q.bind(3, recorded_at);
  q.bind(4, which);
  if (event.operator_) {
    q.bind(5, *event.operator_);
  } else {
    q.bind(5);
  }
  q.bind(6, event.kind);
  q.bind(7, event.subject);
  q.bind(8, event.detail);
  q.bind(9, s.prev);
  q.bind(10, hash);
  q.exec();
  s.id = id;
  s.prev = std::move(hash);
  return id;
}

std::int64_t append_event(SQLite::Database& db, const Clock& clock, const EventInput& event) {
  return EventAppender(db, clock).append(event);
}

std::string HistoryHead::line() const {
  if (recorded_at.empty()) return fmt::format("{} {}", hash, events);
  return fmt::format("{} {} {}", hash, events, recorded_at);
}

Anchor parse_anchor(std::string_view text) {
  const auto bad = [&] {
    return errors::invalid("--anchor", text,
                           _("expected what 'sqgl audit head' prints: 64 hex digits, then the count"));
  };
  Anchor anchor;
  const auto space = text.find(' ');
  anchor.hash = std::string(text.substr(0, space));
  if (!is_hash(anchor.hash)) throw bad();
  if (space == std::string_view::npos) return anchor;
  std::string_view rest = text.substr(space + 1);
  const auto end = rest.find(' ');
  const std::string_view count = rest.substr(0, end);
  if (count.empty() || count.size() > 18 || count.find_first_not_of("0123456789") != std::string_view::npos) throw bad();
  anchor.event = std::atoll(std::string(count).c_str());
  return anchor;
}

std::string AuditResult::describe() const {
  if (ok()) return "";
  if (chain_broken) return tr("history event {} does not verify: {}", *bad_event, problem);
  return tr("the history does not verify: {}", problem);
}

AuditResult verify_history(const SQLite::Database& db, std::string_view anchor_text) {
  std::optional<Anchor> anchor;
  if (!anchor_text.empty()) anchor = parse_anchor(anchor_text);
  // The events and the record of the head, read in one snapshot: clerks writing
  // meanwhile must not make a tail look deleted.
  ReadTransaction snapshot(db);
  AuditResult result;
  bool anchor_seen = !anchor;
  SQLite::Statement q(db,
                      "SELECT id, at, operator, kind, subject, detail, prev_hash, hash, recorded_at, clock "
                      "FROM events ORDER BY id");
  std::string prev(kGenesis);
  std::string prev_recorded;
  std::int64_t expected_id = 1;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    std::optional<std::string> op;
    if (!q.getColumn(2).isNull()) op = q.getColumn(2).getString();
    const std::string stored_prev = q.getColumn(6).getString();
    const std::string stored = q.getColumn(7).getString();
    const std::string recorded_at = text_or_empty(q.getColumn(8));
    const std::string clock = text_or_empty(q.getColumn(9));
    auto fail = [&](std::string why) {
      result.bad_event = id;
      result.chain_broken = true;
      result.problem = std::move(why);
      return result;
    };
    if (id != expected_id) {
      // The English varies with the count: the translation is a plural message.
      const auto missing = static_cast<unsigned long>(id - expected_id);
      return fail(tr_n("event {} follows event {}: one event is missing", "event {} follows event {}: events are missing",
                       missing, id, expected_id - 1));
    }
    if (stored_prev != prev) {
      return fail(_("its link to the previous event does not match (deleted or re-ordered)"));
    }
    const std::string computed = event_hash(id, q.getColumn(1).getString(), op, q.getColumn(3).getString(),
                                            q.getColumn(4).getString(), q.getColumn(5).getString(), stored_prev,
                                            recorded_at, clock);
    if (computed != stored) return fail(_("its content does not match its hash (edited)"));
    if (anchor && !anchor_seen && stored == anchor->hash) {
      if (anchor->event && *anchor->event != id) {
        return fail(tr("the anchor's hash is event {} here, but it was event {} when the anchor was taken", id,
                         *anchor->event));
      }
      anchor_seen = true;
    }
    if (clock == "pinned") ++result.backfilled;
    prev = stored;
    prev_recorded = recorded_at;
    ++expected_id;
    ++result.events;
  }
  result.head.hash = result.events ? prev : "";
  result.head.events = result.events;
  result.head.recorded_at = prev_recorded;
  const std::int64_t last = expected_id - 1;
  if (const auto head = get_setting(db, "history.head")) {
    const std::string& recorded = *head;
    const std::string expected = fmt::format("{} {}", last, result.head.hash);
    if (recorded != expected) {
      const auto space = recorded.find(' ');
      const std::int64_t recorded_id = std::atoll(recorded.substr(0, space).c_str());
      if (recorded_id > last) {
        result.bad_event = recorded_id;
        result.problem =
            tr("the history ends at event {}, but event {} was recorded (the tail was deleted)", last, recorded_id);
      } else {
        result.bad_event = last;
        result.problem = tr("the newest event {} is not the one recorded as the head ({})", last,
                            errors::quote_verbatim(recorded));
      }
      return result;
    }
  } else if (last > 0) {
    result.bad_event = last;
    result.problem = _("the record of the history's head is missing");
    return result;
  }
  if (!anchor_seen) {
    result.problem = anchor->event && *anchor->event > last
                         ? tr("the anchor names event {}, but the history ends at event {} (truncated)",
                              *anchor->event, last)
                         : tr("the anchor {} is not in the history (rewritten or truncated before it)",
                              errors::quote_verbatim(anchor->hash));
  }
  return result;
}

}  // namespace sqgl::core
