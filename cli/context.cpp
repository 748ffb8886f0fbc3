#include "cli/context.h"

#include <sys/stat.h>

#include <filesystem>

#include <fmt/format.h>

#include "cli/pager.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/db/files.h"
#include "core/model/calendar.h"
#include "core/model/settings.h"
#include "core/model/staff.h"

namespace sqgl::cli {

CLI::Validator decimal() {
  return CLI::Validator(
      [](std::string& value) {
        const bool digits = !value.empty() && value.size() <= 18 &&
                            value.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : core::tr("expected a whole number in decimal digits, got '{}'", value);
      },
      "", "DECIMAL");
}

CLI::Validator non_empty() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string(_("must not be empty")) : std::string(); }, "",
      "NONEMPTY");
}

core::OutputRules output_rules(const Context& ctx, std::vector<std::string> inputs) {
  return core::OutputRules{ctx.db_path(), std::move(inputs), ctx.file_mode()};
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

SQLite::Database& Context::open(bool writable) {
  if (db_) {
    if (writable && !writable_) throw core::Failure("this command opened the database read-only, then wrote to it");
    return *db_;
  }
  writable_ = writable;
  db_ = std::make_unique<SQLite::Database>(core::open_database(globals_.db, writable));
  core::check_clock(*db_, clock);
  // Everything this command creates from now on (reports, backups, reject files,
  // the -wal and -shm) gets the access the database's setting allows.
  const auto access = core::file_access(*db_);
  if (auto warning = core::file_mode_warning(globals_.db, access)) warn(*warning);
  if (borrowed()) {
    // The files a caller outside the group names are hers, in her own group: 600,
    // or her group would read what `files group` means for group sqgl. And nobody
    // reads the database through a setgid sqgl who is not an active staff member
    // (whether she may act as whom she claims is acting()'s to say, and to record).
    core::resolve_operator(*db_, std::nullopt, [&] { return login(); }, true);
    return *db_;
  }
  ::umask(core::file_umask(access));
  file_mode_ = access == core::FileAccess::group ? 0660 : 0600;
  return *db_;
}

Context::Context(std::ostream& out_stream, std::ostream& err_stream, const core::Clock& the_clock,
                 GlobalOptions globals, bool out_is_tty, std::ostream* binary_stream,
                 std::ostream* terminal_stream)
    : out(out_stream),
      err(err_stream),
      binary_out(binary_stream ? *binary_stream : out_stream),
      terminal_err(terminal_stream ? *terminal_stream : err_stream),
      clock(the_clock),
      globals_(std::move(globals)),
      out_is_tty_(out_is_tty) {}

Context::~Context() = default;

void Context::page() {
  if (globals_.pager.empty() || pager_) return;
  if (const auto missing = missing_pager_program(globals_.pager); !missing.empty()) {
    warn(core::tr("cannot run the pager {}: no such program; printing without it", core::errors::quote(missing)));
    err.flush();  // before the output it announces
    return;
  }
  pager_ = std::make_unique<Pager>(globals_.pager, out);
}

SQLite::Database& Context::read_db() { return open(false); }

SQLite::Database& Context::write_db() { return open(true); }

const core::WorkCalendar& Context::calendar() {
  if (!calendar_) calendar_ = std::make_shared<const core::WorkCalendar>(core::WorkCalendar::load(open(false)));
  return *calendar_;
}

const core::Operator& Context::acting() {
  if (!acting_) acting_ = core::resolve_operator(open(false), operator_(), [&] { return login(); }, borrowed());
  return *acting_;
}

bool Context::peer() { return borrowed() || core::auth_mode(open(false)) == core::AuthMode::peer; }

const std::string& Context::login() {
  if (!login_) login_ = core::process_login();
  return *login_;
}

}  // namespace sqgl::cli
