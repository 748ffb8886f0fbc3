#include "cli/write.h"

#include <fmt/format.h>

#include "cli/render/output.h"
#include "cli/render/views.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/staff.h"

namespace sqgl::cli {

void run_write(Context& ctx, std::string_view command, std::string_view subject, const WriteBody& body) {
  run_write_maybe(ctx, command, subject, [&](auto& db, const auto& op, const auto& calendar) {
    body(db, op, calendar);
    return true;
  });
}

namespace {

// Runs `f`; a PermissionDenied it throws is recorded in the history (in a
// transaction of its own, the command's having rolled back) before it propagates.
template <typename F>
void recording_refusals(Context& ctx, SQLite::Database& db, std::string_view command, std::string_view subject,
                        const F& f) {
  try {
    f();
  } catch (const core::PermissionDenied& e) {
    try {
      // Under peer authentication the one refused is the staff member their login
      // is (or nobody, when it is none), whoever they claimed to be: the claim is
      // in the message.
      std::optional<std::string> who = ctx.operator_();
      if (ctx.peer()) {
        who.reset();
        try {
          who = core::resolve_operator(db, std::nullopt, [&] { return ctx.login(); }, true).staff_no;
        } catch (const core::Error&) {  // NOLINT(bugprone-empty-catch): no such staff member; recorded as nobody
        }
      }
      // A refusal is dated by the machine's clock, whatever $SQGL_NOW says: when
      // someone tried is not a business time to back-fill.
      const core::FixedClock machine(ctx.clock.recorded());
      core::record_refusal(db, machine, who, command, subject, e.english());
    } catch (const std::exception& failure) {
      // The refusal still stands; say that it could not be recorded.
      ctx.warn(core::tr("the refusal could not be recorded in the history: {}", failure.what()));
    }
    throw;
  }
}

}  // namespace

void run_write_maybe(Context& ctx, std::string_view command, std::string_view subject, const MaybeWriteBody& body) {
  auto& db = ctx.write_db();
  const core::WorkCalendar* calendar = nullptr;
  recording_refusals(ctx, db, command, subject, [&] {
    core::WriteTransaction tx(db);
    const core::Operator& op = ctx.acting();
    calendar = &ctx.calendar();
    if (body(db, op, *calendar)) tx.commit();
  });
  for (int year : calendar->years_without_calendar()) {
    ctx.warn(core::tr("no working-day calendar for {} is loaded; counted Monday to Friday only", year));
  }
}

core::Operator authorize(Context& ctx, std::string_view command, std::string_view subject,
                         const std::function<void(const core::Operator&)>& check) {
  auto& db = ctx.write_db();
  core::Operator op;
  recording_refusals(ctx, db, command, subject, [&] {
    op = ctx.acting();
    check(op);
  });
  return op;
}

void print_case_result(Context& ctx, std::string_view number, const std::function<void(const core::Case&)>& human) {
  print_case(ctx, core::get_case(ctx.write_db(), ctx.calendar(), number), human);
}

void print_case(Context& ctx, const core::Case& c, const std::function<void(const core::Case&)>& human) {
  if (ctx.json()) {
    print_json(ctx.out, case_json(c, ctx.clock.today()));
  } else {
    human(c);
  }
}

}  // namespace sqgl::cli
