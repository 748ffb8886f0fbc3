// The append-only, hash-chained history. Every change writes its event in the
// transaction that makes the change.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

#include "core/date.h"

namespace sqgl::core {

/// One event to append.
struct EventInput {
  std::string kind;                     ///< e.g. "schema.migrate", "demo.generate"
  std::string subject;                  ///< what it is about (a case number, a unit code)
  std::string detail = "{}";            ///< JSON text
  std::optional<std::string> operator_; ///< staff number; none for the system
};

/// Appends one event, chaining its hash to the newest event. Call inside the
/// command's write transaction. Returns the new event's id.
std::int64_t append_event(SQLite::Database& db, const Clock& clock, const EventInput& event);

/// SHA-256 of `data` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

/// The hash an event must carry: SHA-256 over its fields and the previous hash.
std::string event_hash(std::int64_t id, std::string_view at, const std::optional<std::string>& operator_,
                       std::string_view kind, std::string_view subject, std::string_view detail,
                       std::string_view prev_hash);

}  // namespace sqgl::core
