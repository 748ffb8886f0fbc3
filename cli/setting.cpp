// sqgl setting [KEY [VALUE]]: the database's own settings (authentication, file access).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/config.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/write.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/files.h"
#include "core/db/settings.h"
#include "core/model/cases/cases.h"
#include "core/model/settings.h"

namespace sqgl::cli {

namespace {

struct SettingOptions {
  std::string key;
  std::string value;
};

const core::SettingSpec& find_spec(const std::string& key) {
  for (const auto& spec : core::setting_specs()) {
    if (spec.key == key) return spec;
  }
  throw core::unknown_setting(key);
}

// A marked literal of a settings table (N_ there), in the user's language.
std::string in_user_language(std::string_view marked) {
  return marked.empty() ? std::string() : std::string(core::translate(std::string(marked).c_str()));
}

// Where a value came from, as a person reads it: the words "database" and "default"
// are translated; --db, SQGL_DB and a file's path stay as they are. (--json keeps
// the words.)
std::string source_label(const std::string& source) {
  if (source == "database") return C_("setting source", "database");
  if (source == "default") return C_("setting source", "default");
  return source;
}

// The configuration (where the database is, report defaults) and the database's
// own settings, each with where its value came from.
void show_settings(Context& ctx, const std::string& key) {
  // In JSON each setting is an object: its name is a value, as sqgl.conf writes it
  // (report.community), never a key.
  nlohmann::json settings = nlohmann::json::array();
  std::string shown;  // the value of `key`, for `sqgl setting KEY`
  Table table;
  table.add({_("setting"), _("value"), C_("setting table", "from"), C_("setting table", "values"), _("meaning")});
  auto row = [&](std::string_view name, const std::string& value, const std::string& source, std::string values,
                 std::string meaning) {
    settings.push_back({{"name", name}, {"value", or_null(value)}, {"source", source}});
    shown = value;
    table.add({std::string(name), value, source_label(source), std::move(values), std::move(meaning)});
  };
  auto done = [&] {
    if (ctx.json()) {
      print_json(ctx.out, {{"settings", settings}});
    } else if (!key.empty()) {
      ctx.out << shown << '\n';
    } else {
      table.print(ctx.out);
    }
  };
  for (const auto& k : config_keys()) {
    if (!key.empty() && k.key != key) continue;
    const auto& c = ctx.config(std::string(k.key));
    row(k.key, c.value, c.from, in_user_language(k.values), in_user_language(k.help));
  }
  // A configuration key is answered without opening the database: `sqgl setting
  // db` says which file sqgl would use, before there is one.
  if (!key.empty() && find_config_key(key)) return done();
  if (!key.empty()) find_spec(key);
  auto& db = ctx.read_db();
  for (const auto& spec : core::setting_specs()) {
    if (!key.empty() && spec.key != key) continue;
    const auto stored = core::get_setting(db, spec.key);
    std::string values;
    for (auto v : spec.values) {
      if (!values.empty()) values += '|';
      values += v;
    }
    row(spec.key, stored.value_or(std::string(spec.default_value)), stored ? "database" : "default", values,
        spec.help_text());
  }
  done();
}

void run_setting(Context& ctx, const SettingOptions& opt) {
  if (opt.value.empty()) return show_settings(ctx, opt.key);
  if (find_config_key(opt.key)) {
    const std::string file = ctx.config_file().empty() ? std::string(_("none is read: SQGL_CONFIG is empty"))
                                                       : core::errors::quote(ctx.config_file());
    if (opt.key == "db") {
      throw core::InvalidInput(
          core::tr("{} is not kept in the database: set it with --db, SQGL_DB or in the configuration file ({})",
                   core::errors::quote(opt.key), file));
    }
    throw core::InvalidInput(core::tr("{} is not kept in the database: set it in the configuration file ({})",
                                      core::errors::quote(opt.key), file));
  }
  find_spec(opt.key);
  std::string old;
  bool modes_changed = false;
  const auto access = [](const std::string& value) {
    return value == "group" ? core::FileAccess::group : core::FileAccess::owner;
  };
  try {
    run_write(ctx, "setting", opt.key, [&](auto& db, const core::Operator& op, const auto&) {
      if (!op.has_role(core::Role::admin)) {
        throw core::PermissionDenied([&] {
          return core::tr("{} ({}) may not change settings: that is for the district admin",
                          core::errors::quote(op.staff_no), op.unit_name);
        });
      }
      old = core::change_setting(db, ctx.clock, op.staff_no, opt.key, opt.value);
      // The files themselves change before the setting commits: a chmod that fails
      // (someone else's file) leaves the setting as it was.
      if (opt.key == "files" && old != opt.value) {
        modes_changed = true;
        core::apply_file_access(ctx.db_path(), access(opt.value));
      }
    });
  } catch (...) {
    if (modes_changed) {
      try {
        core::apply_file_access(ctx.db_path(), access(old));
      } catch (const core::Error&) {  // NOLINT(bugprone-empty-catch): the first failure is the one to report
      }
    }
    throw;
  }
  if (ctx.json()) {
    print_json(
        ctx.out,
        {{"name", opt.key}, {"value", opt.value}, {"previous_value", or_null(old)}, {"changed", old != opt.value}});
  } else if (old == opt.value) {
    ctx.out << core::tr("{} is already {}", opt.key, opt.value) << '\n';
  } else {
    ctx.out << fmt::format("{}: {} → {}\n", opt.key, old, opt.value);
  }
}

}  // namespace

RunFn setup_setting(CLI::App& app) {
  auto opt = std::make_shared<SettingOptions>();
  auto* sub = app.add_subcommand(
      "setting",
      _("Show the configuration and the database's settings with their sources; change a database setting"));
  sub->add_option("key", opt->key,
                  _("A key: db, report.format, report.street, report.community, auth, files, clock"));
  sub->add_option("value", opt->value, _("The new value (the district admin's job; recorded in the history)"));
  // (The configuration file's path is the build's: a placeholder, not part of the message.)
  sub->footer(core::tr(
      "auth trust|peer: trust takes --as as given (one shared station PC); peer takes the operator from the\n"
      "  process's Unix user, matched against each staff member's login (--as must then name the same person).\n"
      "files owner|group: who may read the database, backups, reports and reject files (600 or 660).\n"
      "db and report.* come from the command line, the environment (SQGL_DB), the configuration file\n"
      "  ({}, or $SQGL_CONFIG) or their defaults, in that order.\n"
      "Examples:\n  sqgl setting\n  sqgl --as IT01 setting auth peer",
      SQGL_CONFIG_FILE));
  return [opt](Context& ctx) { run_setting(ctx, *opt); };
}

}  // namespace sqgl::cli
