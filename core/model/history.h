// The append-only, hash-chained history. Every change writes its event in the
// transaction that makes the change.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/base/sha256.h"

namespace sqgl::core {

/// One event to append.
struct EventInput {
  std::string kind;                      ///< e.g. "schema.migrate", "demo.generate"
  std::string subject;                   ///< what it is about (a case number, a unit code)
  std::string detail = "{}";             ///< JSON text
  std::optional<std::string> operator_;  ///< staff number; none for the system
};

/// Appends one event, chaining its hash to the newest event. Call inside the
/// command's write transaction. The event carries the clock's business time, the
/// machine's time it was recorded at, and whether the business time was pinned.
/// Returns the new event's id.
std::int64_t append_event(SQLite::Database& db, const Clock& clock, const EventInput& event);

/// Appends many events in one transaction (an import's or the demo's cases) with
/// its statements prepared once and the chain's end kept in memory. Nothing else
/// may append on the connection while it is in use.
class EventAppender {
 public:
  EventAppender(SQLite::Database& db, const Clock& clock);
  ~EventAppender();
  EventAppender(const EventAppender&) = delete;
  EventAppender& operator=(const EventAppender&) = delete;
  /// As append_event.
  std::int64_t append(const EventInput& event);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The id of the newest event, 0 for an empty history. Every command that changes
/// the database appends an event in the same transaction, so two connections that
/// see the same newest event read the same moment of the database.
std::int64_t newest_event(const SQLite::Database& db);

/// What a nightly job keeps off the machine: the newest event's hash, how many
/// events the history held, and when that event was recorded. `audit head` prints
/// it as one line, "HASH N TIME", which `--anchor` takes back.
struct HistoryHead {
  std::string hash;         ///< "" for an empty history
  std::int64_t events = 0;  ///< the newest event's id: the history's length
  std::string recorded_at;  ///< by the machine's clock ("" for events before schema 6)
  /// "HASH N TIME" (TIME left out when unknown).
  std::string line() const;
};

/// An anchor as `--anchor` takes it: a hash alone, or the line `audit head` printed.
struct Anchor {
  std::string hash;
  std::optional<std::int64_t> event;  ///< the event that must carry the hash, when the line names it
};

/// Parses an anchor; InvalidInput unless it is 64 hex digits, optionally followed
/// by the event count (and the time, which is not checked).
Anchor parse_anchor(std::string_view text);

/// What walking the hash chain found.
struct AuditResult {
  std::int64_t events = 0;                ///< events checked
  HistoryHead head;                       ///< the newest event ("" hash for an empty history)
  std::int64_t backfilled = 0;            ///< events whose business time was pinned ($SQGL_NOW)
  std::optional<std::int64_t> bad_event;  ///< the first event that does not verify, when one does not
  std::string problem;                    ///< what is wrong ("" when nothing is), in the user's language
  bool chain_broken = false;              ///< an event itself does not verify (else: the head or anchor)
  bool ok() const { return problem.empty(); }
  /// One line for an error message: "history event 4 does not verify: …", in the user's
  /// language.
  std::string describe() const;
};

/// Walks the history oldest first, in one read snapshot, and checks every event's
/// hash, its link to the one before, and that ids run without gaps: an edited,
/// deleted or re-ordered event shows up as the first event that does not verify.
/// The chain must end at the newest event the database recorded (a truncated tail
/// shows), and, given an `anchor` (a head printed earlier and kept elsewhere), must
/// pass through it. What an anchor cannot show: events appended after it by
/// someone who can write the file (docs/reliability.md, "What the record proves").
AuditResult verify_history(const SQLite::Database& db, std::string_view anchor = {});

/// The hash an event must carry: SHA-256 over its fields and the previous hash.
/// Events of schema 6 and later also hash when they were recorded and by which
/// clock; `recorded_at` empty gives the first form, of the events before.
std::string event_hash(std::int64_t id, std::string_view at, const std::optional<std::string>& operator_,
                       std::string_view kind, std::string_view subject, std::string_view detail,
                       std::string_view prev_hash, std::string_view recorded_at = {}, std::string_view clock = {});

}  // namespace sqgl::core
