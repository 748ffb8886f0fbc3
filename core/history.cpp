#include "core/history.h"

#include <cstdlib>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/error.h"
#include "core/sha256.h"

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

}  // namespace

std::string event_hash(std::int64_t id, std::string_view at, const std::optional<std::string>& operator_,
                       std::string_view kind, std::string_view subject, std::string_view detail,
                       std::string_view prev_hash) {
  std::string content = "sqgl-event-v1\n";
  put(content, std::to_string(id));
  put(content, at);
  put(content, operator_ ? "+" + *operator_ : "-");
  put(content, kind);
  put(content, subject);
  put(content, detail);
  put(content, prev_hash);
  return sha256_hex(content);
}

std::int64_t append_event(SQLite::Database& db, const Clock& clock, const EventInput& event) {
  SQLite::Statement last(db, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1");
  std::int64_t id = 1;
  std::string prev(kGenesis);
  if (last.executeStep()) {
    id = last.getColumn(0).getInt64() + 1;
    prev = last.getColumn(1).getString();
  }
  const std::string at = format_datetime(clock.now());
  const std::string hash = event_hash(id, at, event.operator_, event.kind, event.subject, event.detail, prev);
  SQLite::Statement insert(db,
                           "INSERT INTO events (id, at, operator, kind, subject, detail, prev_hash, hash) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, id);
  insert.bind(2, at);
  if (event.operator_) {
    insert.bind(3, *event.operator_);
  } else {
    insert.bind(3);
  }
  insert.bind(4, event.kind);
  insert.bind(5, event.subject);
  insert.bind(6, event.detail);
  insert.bind(7, prev);
  insert.bind(8, hash);
  insert.exec();
  return id;
}

std::string AuditResult::describe() const {
  if (ok()) return "";
  if (chain_broken) return fmt::format("history event {} does not verify: {}", *bad_event, problem);
  return fmt::format("the history does not verify: {}", problem);
}

AuditResult verify_history(const SQLite::Database& db, std::string_view anchor) {
  if (!anchor.empty() && (anchor.size() != 64 || anchor.find_first_not_of("0123456789abcdef") != std::string_view::npos)) {
    throw errors::invalid("--anchor", std::string(anchor), "expected the 64 hex digits 'sqgl audit head' prints");
  }
  AuditResult result;
  bool anchor_seen = anchor.empty();
  SQLite::Statement q(db, "SELECT id, at, operator, kind, subject, detail, prev_hash, hash FROM events ORDER BY id");
  std::string prev(kGenesis);
  std::int64_t expected_id = 1;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    std::optional<std::string> op;
    if (!q.getColumn(2).isNull()) op = q.getColumn(2).getString();
    const std::string stored_prev = q.getColumn(6).getString();
    const std::string stored = q.getColumn(7).getString();
    auto fail = [&](std::string why) {
      result.bad_event = id;
      result.chain_broken = true;
      result.problem = std::move(why);
      return result;
    };
    if (id != expected_id) {
      return fail(fmt::format("event {} follows event {}: {} missing", id, expected_id - 1,
                              id - expected_id == 1 ? "one event is" : "events are"));
    }
    if (stored_prev != prev) return fail("its link to the previous event does not match (deleted or re-ordered)");
    const std::string computed = event_hash(id, q.getColumn(1).getString(), op, q.getColumn(3).getString(),
                                            q.getColumn(4).getString(), q.getColumn(5).getString(), stored_prev);
    if (computed != stored) return fail("its content does not match its hash (edited)");
    if (!anchor_seen && stored == anchor) anchor_seen = true;
    prev = stored;
    ++expected_id;
    ++result.events;
  }
  result.head = result.events ? prev : "";
  const std::int64_t last = expected_id - 1;
  SQLite::Statement head(db, "SELECT value FROM settings WHERE key = 'history.head'");
  if (head.executeStep()) {
    const std::string recorded = head.getColumn(0).getString();
    const std::string expected = fmt::format("{} {}", last, result.head);
    if (recorded != expected) {
      const auto space = recorded.find(' ');
      const std::int64_t recorded_id = std::atoll(recorded.substr(0, space).c_str());
      if (recorded_id > last) {
        result.bad_event = recorded_id;
        result.problem = fmt::format("the history ends at event {}, but event {} was recorded (the tail was deleted)",
                                     last, recorded_id);
      } else {
        result.bad_event = last;
        result.problem = fmt::format("the newest event {} is not the one recorded as the head ({})", last,
                                     errors::quote(recorded));
      }
      return result;
    }
  } else if (last > 0) {
    result.bad_event = last;
    result.problem = "the record of the history's head is missing";
    return result;
  }
  if (!anchor_seen) {
    result.problem = fmt::format("the anchor {} is not in the history (rewritten or truncated before it)",
                                 errors::quote(anchor));
  }
  return result;
}

}  // namespace sqgl::core
