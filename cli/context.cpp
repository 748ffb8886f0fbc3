#include "cli/context.h"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>

#include "core/model/calendar.h"
#include "core/base/error.h"
#include "core/model/settings.h"
#include "core/db/files.h"
#include "core/model/staff.h"
#include "core/db/database.h"

namespace sqgl::cli {

CLI::Validator decimal() {
  return CLI::Validator(
      [](std::string& value) {
        const bool digits = !value.empty() && value.size() <= 18 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : std::string("expected a whole number in decimal digits, got '") + value + "'";
      },
      "", "DECIMAL");
}

CLI::Validator non_empty() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); }, "",
      "NONEMPTY");
}

core::OutputRules output_rules(const Context& ctx, std::vector<std::string> inputs) {
  return core::OutputRules{ctx.db_path(), std::move(inputs), ctx.file_mode()};
}

SQLite::Database& Context::open(bool writable) {
  if (db_) return *db_;
  db_ = std::make_unique<SQLite::Database>(core::open_database(globals_.db, writable));
  core::check_clock(*db_, clock);
  // Everything this command creates from now on (reports, backups, reject files,
  // the -wal and -shm) gets the access the database's setting allows.
  const auto access = core::file_access(*db_);
  ::umask(core::file_umask(access));
  file_mode_ = access == core::FileAccess::group ? 0660 : 0600;
  if (auto warning = core::file_mode_warning(globals_.db, access)) warn(*warning);
  return *db_;
}

SQLite::Database& Context::read_db() { return open(false); }

SQLite::Database& Context::write_db() { return open(true); }

const core::WorkCalendar& Context::calendar() {
  if (!calendar_) calendar_ = std::make_shared<const core::WorkCalendar>(core::WorkCalendar::load(write_db()));
  return *calendar_;
}

const std::string& Context::login() {
  if (!login_) login_ = core::process_login();
  return *login_;
}

}  // namespace sqgl::cli

#include <fmt/format.h>

#include "cli/output.h"
#include "cli/views.h"
#include "core/model/calendar.h"
#include "core/model/cases.h"
#include "core/base/error.h"

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
      // Under peer authentication the one refused may have named nobody: record
      // the staff member their login is, when it is one.
      std::optional<std::string> who = ctx.operator_();
      if (!who && core::auth_mode(db) == core::AuthMode::peer) {
        try {
          who = core::resolve_operator(db, std::nullopt, [&] { return ctx.login(); }).staff_no;
        } catch (const core::Error&) {  // NOLINT(bugprone-empty-catch): no such staff member; recorded as nobody
        }
      }
      // A refusal is dated by the machine's clock, whatever $SQGL_NOW says: when
      // someone tried is not a business time to back-fill.
      const core::FixedClock machine(ctx.clock.recorded());
      core::record_refusal(db, machine, who, command, subject, e.what());
    } catch (const std::exception& failure) {
      // The refusal still stands; say that it could not be recorded.
      ctx.warn(fmt::format("the refusal could not be recorded in the history: {}", failure.what()));
    }
    throw;
  }
}

}  // namespace

void run_write_maybe(Context& ctx, std::string_view command, std::string_view subject, const MaybeWriteBody& body) {
  auto& db = ctx.write_db();
  const core::WorkCalendar* calendar = nullptr;
  // Before the write, on this connection: the write then starts the log afresh.
  core::settle_wal(db);
  recording_refusals(ctx, db, command, subject, [&] {
    core::WriteTransaction tx(db);
    const core::Operator op = core::resolve_operator(db, ctx.operator_(), [&] { return ctx.login(); });
    calendar = &ctx.calendar();
    if (body(db, op, *calendar)) tx.commit();
  });
  for (int year : calendar->years_without_calendar()) {
    ctx.warn(fmt::format("no working-day calendar for {} is loaded; counted Monday to Friday only", year));
  }
}

core::Operator authorize(Context& ctx, std::string_view command, std::string_view subject,
                         const std::function<void(const core::Operator&)>& check) {
  auto& db = ctx.write_db();
  core::Operator op;
  recording_refusals(ctx, db, command, subject, [&] {
    op = core::resolve_operator(db, ctx.operator_(), [&] { return ctx.login(); });
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

std::vector<std::string> split_list(const std::string& text) {
  // Chinese input methods type the full-width comma (，); accept it as a comma.
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "，") == 0) {
      plain += ',';
      i += 2;
    } else {
      plain += text[i];
    }
  }
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t comma = plain.find(',', start);
    std::string part = plain.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

}  // namespace sqgl::cli
