// How a writing command runs: one BEGIN IMMEDIATE transaction as the operator the
// context resolved, refusals recorded, and the case it changed printed back.
#pragma once

#include <functional>
#include <string_view>

#include <SQLiteCpp/Database.h>

#include "cli/context.h"

namespace sqgl::core {
struct Case;
struct Operator;
class WorkCalendar;
}  // namespace sqgl::core

namespace sqgl::cli {

/// The body of a writing command: the open database, the acting operator, the calendar.
using WriteBody = std::function<void(SQLite::Database&, const core::Operator&, const core::WorkCalendar&)>;

/// Runs a writing command as one BEGIN IMMEDIATE transaction: resolves the operator,
/// runs `body`, commits. A refusal (PermissionDenied) writes nothing of the command
/// but is itself recorded in the history before it propagates. Warns about dates
/// that fell in a year without a calendar.
void run_write(Context& ctx, std::string_view command, std::string_view subject, const WriteBody& body);

/// Like run_write, but the body decides: it returns true to commit, false to roll
/// back (a dry run, a rejected import).
using MaybeWriteBody = std::function<bool(SQLite::Database&, const core::Operator&, const core::WorkCalendar&)>;
void run_write_maybe(Context& ctx, std::string_view command, std::string_view subject, const MaybeWriteBody& body);

/// For a command that must not hold the write lock while it works (backup):
/// resolves the operator and runs `check` on it, which throws PermissionDenied to
/// refuse; a refusal is recorded as run_write records it. Returns the operator.
core::Operator authorize(Context& ctx, std::string_view command, std::string_view subject,
                         const std::function<void(const core::Operator&)>& check);

/// After a writing command on a case: prints the case as JSON with --json, else
/// calls `human` with it to print the command's own summary line.
void print_case(Context& ctx, const core::Case& c, const std::function<void(const core::Case&)>& human);
/// The same for case `number`, read back from the database.
void print_case_result(Context& ctx, std::string_view number, const std::function<void(const core::Case&)>& human);

}  // namespace sqgl::cli
