#include "cli/app.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/pager.h"

#include <grp.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/render/output.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/interrupt.h"
#include "core/db/database.h"

namespace sqgl::cli {

namespace {

// CLI11 messages start with a capital and sometimes end with a newline; the
// contract wants one line after "sqgl: error: ".
std::string one_line(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  while (!message.empty() && message.back() == ' ') message.pop_back();
  if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z' &&
      !(message.size() > 1 && message[1] >= 'A' && message[1] <= 'Z')) {
    message[0] = static_cast<char>(message[0] - 'A' + 'a');
  }
  return message;
}

// CLI11's own messages are English; the ones a mistyped command line meets are said
// again in the user's language, and the rest keep CLI11's words.
std::string parse_error_message(const CLI::ParseError& e) {
  const std::string message = one_line(e.what());
  std::smatch m;
  static const std::regex extras("the following arguments? (?:was|were) not expected: (.*)");
  static const std::regex required("(\\S+) is required");
  static const std::regex not_in("(\\S+): (.*) not in \\{(.*)\\}");
  static const std::regex too_few("(\\S+): At least (\\d+) required but received (\\d+)");
  static const std::regex out_of_range("(\\S+): Value (\\S+) not in range (\\S+) to (\\S+)");
  static const std::regex excludes("(\\S+) excludes (\\S+)");
  if (std::regex_match(message, m, extras)) {
    const auto words = static_cast<unsigned long>(std::count(m[1].first, m[1].second, ' ') + 1);
    return core::tr_n("the following argument was not expected: {}", "the following arguments were not expected: {}",
                      words, m[1].str());
  }
  if (std::regex_match(message, m, required)) return core::tr("{} is required", m[1].str());
  if (std::regex_match(message, m, not_in)) {
    return core::tr("{}: {} not in {{{}}}", m[1].str(), m[2].str(), m[3].str());
  }
  if (std::regex_match(message, m, too_few)) {
    return core::tr("{}: At least {} required but received {}", m[1].str(), m[2].str(), m[3].str());
  }
  if (std::regex_match(message, m, out_of_range)) {
    return core::tr("{}: Value {} not in range {} to {}", m[1].str(), m[2].str(), m[3].str(), m[4].str());
  }
  if (std::regex_match(message, m, excludes)) return core::tr("{} excludes {}", m[1].str(), m[2].str());
  return message;
}

std::string env_or(const Environment& env, const std::string& key, const std::string& fallback) {
  auto it = env.find(key);
  return it == env.end() || it->second.empty() ? fallback : it->second;
}

// The group whose rights sqgl runs with, by name.
std::string borrowed_group() {
  std::vector<char> buffer(16384);
  group entry{};
  group* found = nullptr;
  if (::getgrgid_r(::getegid(), &entry, buffer.data(), buffer.size(), &found) != 0 || found == nullptr) {
    return std::to_string(::getegid());
  }
  return found->gr_name;
}

bool same_path(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::absolute(a, ec).lexically_normal() == std::filesystem::absolute(b, ec).lexically_normal();
}

// Under borrowed rights (the installed setgid sqgl, called from outside its group)
// nothing the caller sets chooses which database is written, or when: the
// configuration file is the installed one, and its database the only one. Returns
// that database: the caller's own spelling of it is never opened (a link of hers
// on the way could lead elsewhere).
Configured refuse_caller_environment(const std::string& command, const std::string& db_option,
                                     const Environment& env) {
  const std::string group = borrowed_group();
  // Said in the refusal, in the user's language and in English for the history.
  const auto rights = [&] { return core::tr("sqgl runs with group {}'s rights for you", core::errors::quote(group)); };
  if (command == "init") {
    throw core::PermissionDenied([&] {
      return std::string(
          core::tr("{}; creating the database is for a member of the group (sudo -u {} sqgl init)", rights(), group));
    });
  }
  if (auto it = env.find("SQGL_NOW"); it != env.end() && !it->second.empty()) {
    throw core::PermissionDenied(
        [&] { return core::tr("{}, so its clock is the machine's: unset SQGL_NOW", rights()); });
  }
  if (auto it = env.find("SQGL_CONFIG"); it != env.end() && it->second != SQGL_CONFIG_FILE) {
    throw core::PermissionDenied([&] {
      return core::tr("{}, so its configuration is {}: unset SQGL_CONFIG", rights(),
                      core::errors::quote(SQGL_CONFIG_FILE));
    });
  }
  const auto installed = read_config_file(SQGL_CONFIG_FILE);
  const auto db = installed.find("db");
  if (db == installed.end()) {
    throw core::PermissionDenied([&] {
      return core::tr("{}, and {} names no database (db = …): ask the district admin", rights(),
                      core::errors::quote(SQGL_CONFIG_FILE));
    });
  }
  auto refuse = [&](std::string_view from, const std::string& path) {
    if (same_path(path, db->second.value)) return;
    throw core::PermissionDenied([&] {
      return core::tr("{}, so it opens only {} (the database of {}), not {} from {}", rights(),
                      core::errors::quote(db->second.value), core::errors::quote(SQGL_CONFIG_FILE),
                      core::errors::quote(path), from);
    });
  };
  if (auto it = env.find("SQGL_DB"); it != env.end() && !it->second.empty()) refuse("SQGL_DB", it->second);
  if (!db_option.empty()) refuse("--db", db_option);
  return db->second;
}

}  // namespace

namespace {

// CLI11's help with its option lines aligned by display width: a translated label in
// the left column ("必填" for REQUIRED) takes two columns a character, not three bytes.
class WideFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const std::string description = make_option_desc(opt);
    const auto width = static_cast<int>(get_column_width());
    std::string out = pad_right(name, width);
    if (!description.empty()) {
      if (display_width(name) >= width) out += "\n" + std::string(static_cast<std::size_t>(width), ' ');
      for (char c : description) {
        out += c;
        if (c == '\n') out += std::string(static_cast<std::size_t>(width), ' ');
      }
    }
    return out + "\n";
  }
};

}  // namespace

Cli::Cli() : app_(_("sqgl — case management for community service stations"), "sqgl") {
  app_.formatter(std::make_shared<WideFormatter>());
  // CLI11's headings, in the user's language (the English ones are CLI11's own).
  auto formatter = app_.get_formatter();
  for (const char* heading : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                              N_("REQUIRED"), N_("Needs"), N_("Excludes")}) {
    formatter->label(heading, core::translate(heading));
  }
  app_.option_defaults()->group(_("Options"));
  app_.set_help_flag("-h,--help", _("Print this help message and exit"));
  app_.set_version_flag("--version", fmt::format("sqgl {}", SQGL_VERSION), _("Print the version and exit"));
  app_.add_option("--db", globals_.db, _("Database file (default: $SQGL_DB, else the configuration's db, else ./sqgl.db)"))
      ->check(non_empty());
  app_.add_option("--as", globals_.as, _("Acting staff number (default: $SQGL_OPERATOR)"))->check(non_empty());
  app_.add_flag("--json", globals_.json, _("Machine-readable output: one JSON document on stdout"));
  app_.add_flag("--no-pager", globals_.no_pager, _("Never send a long output through the pager"));
  app_.fallthrough();
  app_.require_subcommand(0, 1);
  app_.footer(core::tr(
      "Environment: SQGL_DB (database), SQGL_OPERATOR (acting staff number), SQGL_NOW (pin the clock: "
      "YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]), SQGL_CONFIG (the configuration file; empty for none).\n"
      "Installed setgid, sqgl refuses --db, SQGL_DB, SQGL_NOW and SQGL_CONFIG to callers outside its group,\n"
      "who act as their own login.\n"
      "Configuration: {} (key = value; 'sqgl setting' shows each value and its source).\n"
      "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 not found, 4 permission denied, 5 conflict, "
      "6 findings.\n"
      "Language: LANG or LC_ALL, e.g. LANG=zh_CN.UTF-8 for Chinese; --json never changes with it.\n"
      "Example:\n  sqgl init && sqgl catalog C05-01",
      SQGL_CONFIG_FILE));
}

namespace {

struct CommandEntry {
  const char* name;
  RunFn (*setup)(CLI::App&);
};

constexpr CommandEntry kCommands[] = {
    {"init", setup_init},         {"apply", setup_apply},       {"approve", setup_approve},
    {"investigate", setup_investigate}, {"review", setup_review}, {"object", setup_object},
    {"route", setup_route},       {"show", setup_show},         {"list", setup_list},
    {"withdraw", setup_withdraw}, {"evaluate", setup_evaluate}, {"catalog", setup_catalog},
    {"calendar", setup_calendar}, {"district", setup_district}, {"staff", setup_staff},
    {"resident", setup_resident}, {"import", setup_import},     {"report", setup_report},
    {"audit", setup_audit},       {"backup", setup_backup},     {"check", setup_check},
    {"setting", setup_setting},   {"household", setup_household}, {"register", setup_register},
};

}  // namespace

std::vector<std::string> Cli::command_names() {
  std::vector<std::string> names;
  for (const auto& entry : kCommands) names.emplace_back(entry.name);
  return names;
}

void Cli::add_command(std::size_t index) {
  const auto& entry = kCommands[index];
  for (const auto& [sub, run] : commands_) {
    if (sub->get_name() == entry.name) return;
  }
  RunFn run = entry.setup(app_);
  CLI::App* sub = app_.get_subcommands({}).back();
  sub->group(_("Subcommands"));
  // CLI11 makes a subcommand's -h,--help before the option defaults reach it: without
  // this it would stand alone under CLI11's English "Options" heading.
  if (CLI::Option* help = sub->get_help_ptr()) help->group(_("Options"));
  if (sub->get_name() != entry.name) {
    throw std::logic_error(fmt::format("command table lists {} but its setup made {}", entry.name, sub->get_name()));
  }
  commands_.emplace_back(sub, std::move(run));
}

void Cli::add_commands(const std::vector<std::string>& args) {
  const std::string name = command_name(args);
  for (std::size_t i = 0; i < std::size(kCommands); ++i) {
    if (name == kCommands[i].name) return add_command(i);
  }
  // No command named: only the program's --help needs them all (it lists them).
  const bool help = std::any_of(args.begin(), args.end(), [](const auto& a) { return a == "--help" || a == "-h"; });
  if (!help) return;
  for (std::size_t i = 0; i < std::size(kCommands); ++i) add_command(i);
}

std::string Cli::command_name(const std::vector<std::string>& args) const {
  // The first word that is not an option or a global option's value names the
  // command; say so plainly when it names none (CLI11 would only say "not expected").
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--as") {
      ++i;
      continue;
    }
    if (a.starts_with("-")) continue;
    const auto names = command_names();
    if (std::find(names.begin(), names.end(), a) != names.end()) return a;
    std::string message = core::tr("unknown command {}", core::errors::quote(a));
    if (auto guess = core::closest_match(a, names); !guess.empty()) {
      message += core::tr(" (did you mean {}?)", core::errors::quote(guess));
    } else {
      message += _(" (see 'sqgl --help')");
    }
    throw core::InvalidInput(message);
  }
  return "";
}

std::string Cli::parse(const std::vector<std::string>& args) {
  add_commands(args);
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last to first
  app_.parse(reversed);
  for (const auto& [sub, run] : commands_) {
    if (sub->parsed()) return sub->get_name();
  }
  return "";
}

int Cli::run(const std::vector<std::string>& args, const Environment& env, std::ostream& raw_out,
             std::ostream& raw_err, bool out_is_tty, bool borrowed) {
  // What a person reads cannot carry control characters to their terminal.
  EscapingBuffer out_buffer(raw_out.rdbuf()), err_buffer(raw_err.rdbuf());
  std::ostream out(&out_buffer), err(&err_buffer);
  struct Flush {
    std::ostream& a;
    std::ostream& b;
    ~Flush() {
      a.flush();
      b.flush();
    }
  } flush{out, err};
  auto fail = [&](const std::string& message, core::ExitCode code) {
    // Whatever failed after Ctrl-C failed because of it: one line says so.
    if (core::interrupted()) {
      err << _("sqgl: interrupted") << '\n';
      return static_cast<int>(core::ExitCode::interrupted);
    }
    // An error with no message has said what it had to already (report --check).
    if (!message.empty()) err << core::tr("sqgl: error: {}", message) << '\n';
    return static_cast<int>(code);
  };
  std::string command;
  try {
    command = parse(args);
  } catch (const CLI::CallForHelp&) {
    // Help for the subcommand named (`sqgl catalog --help`): CLI11 hands the
    // request down to it, its usage line reading "sqgl catalog [OPTIONS] …".
    out << app_.help();
    return 0;
  } catch (const CLI::CallForVersion&) {
    out << fmt::format("sqgl {}\n", SQGL_VERSION);
    return 0;
  } catch (const CLI::ParseError& e) {
    return fail(parse_error_message(e) + _(" (see 'sqgl --help')"), core::ExitCode::usage);
  } catch (const core::Error& e) {
    return fail(e.what(), e.code());
  }
  if (command.empty()) {
    return fail(_("a command is required (see 'sqgl --help')"), core::ExitCode::usage);
  }

  GlobalOptions globals = globals_;
  globals.borrowed = borrowed;
  if (globals.json) core::english_messages();
  if (globals.as.empty()) globals.as = env_or(env, "SQGL_OPERATOR", "");
  try {
    std::optional<Configured> installed_db;
    if (borrowed) installed_db = refuse_caller_environment(command, globals.db, env);
    globals.config = resolve_config(globals.db, env);
    globals.config_file = config_path(env);
    if (installed_db) globals.config["db"] = *installed_db;
    globals.db = globals.config.at("db").value;
    // The machine's clock, read once: a command happens at one moment.
    const core::FixedClock system_clock(core::SystemClock{}.now());
    std::optional<core::PinnedClock> pinned;
    if (auto now = env.find("SQGL_NOW"); now != env.end() && !now->second.empty()) {
      auto at = core::parse_datetime(now->second);
      if (!at) {
        throw core::errors::invalid("SQGL_NOW", now->second, _("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]"));
      }
      core::check_business_year(at->date, "SQGL_NOW");
      // The business time is pinned; every event still records the machine's clock,
      // and a database takes the pin only when its clock setting allows it.
      pinned.emplace(*at, system_clock);
    }
    const core::Clock& clock = pinned ? static_cast<const core::Clock&>(*pinned) : system_clock;
    globals.pager = pager_command(env, out_is_tty, globals.json, globals.no_pager);
    Context context(out, err, clock, globals, out_is_tty, &raw_out, &raw_err);
    for (const auto& [sub, run] : commands_) {
      if (sub->get_name() == command) run(context);
    }
    out.flush();
    return 0;
  } catch (const PagerClosed&) {
    return 0;  // the reader quit the pager: they have seen what they wanted
  } catch (const core::Error& e) {
    return fail(e.what(), e.code());
  } catch (const SQLite::Exception& e) {
    try {
      core::rethrow_sqlite(e, command);
    } catch (const core::Error& mapped) {
      return fail(mapped.what(), mapped.code());
    }
  } catch (const std::exception& e) {
    return fail(e.what(), core::ExitCode::failure);
  }
  return static_cast<int>(core::ExitCode::failure);
}

}  // namespace sqgl::cli
