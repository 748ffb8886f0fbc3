#include "core/history.h"

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

AuditResult verify_history(const SQLite::Database& db) {
  AuditResult result;
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
    prev = stored;
    ++expected_id;
    ++result.events;
  }
  result.head = result.events ? prev : "";
  return result;
}

}  // namespace sqgl::core
