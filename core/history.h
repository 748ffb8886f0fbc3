// The append-only, hash-chained history. Every change writes its event in the
// transaction that makes the change.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

#include "core/date.h"
#include "core/sha256.h"

namespace sqgl::core {

/// One event to append.
struct EventInput {
  std::string kind;                      ///< e.g. "schema.migrate", "demo.generate"
  std::string subject;                   ///< what it is about (a case number, a unit code)
  std::string detail = "{}";             ///< JSON text
  std::optional<std::string> operator_;  ///< staff number; none for the system
};

/// Appends one event, chaining its hash to the newest event. Call inside the
/// command's write transaction. Returns the new event's id.
std::int64_t append_event(SQLite::Database& db, const Clock& clock, const EventInput& event);

/// What walking the hash chain found.
struct AuditResult {
  std::int64_t events = 0;                ///< events checked
  std::string head;                       ///< the newest event's hash ("" for an empty history)
  std::optional<std::int64_t> bad_event;  ///< the first event that does not verify, when one does not
  std::string problem;                    ///< what is wrong ("" when nothing is)
  bool chain_broken = false;              ///< an event itself does not verify (else: the head or anchor)
  bool ok() const { return problem.empty(); }
  /// One line for an error message: "history event 4 does not verify: …".
  std::string describe() const;
};

/// Walks the history oldest first and checks every event's hash, its link to the
/// one before, and that ids run without gaps: an edited, deleted or re-ordered
/// event shows up as the first event that does not verify. The chain must end at
/// the newest event the database recorded (a truncated tail shows), and, given an
/// `anchor` (a head printed earlier and kept elsewhere), must pass through it.
AuditResult verify_history(const SQLite::Database& db, std::string_view anchor = {});

/// The hash an event must carry: SHA-256 over its fields and the previous hash.
std::string event_hash(std::int64_t id, std::string_view at, const std::optional<std::string>& operator_,
                       std::string_view kind, std::string_view subject, std::string_view detail,
                       std::string_view prev_hash);

}  // namespace sqgl::core
