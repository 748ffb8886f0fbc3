// sqgl setting [KEY [VALUE]]: the database's own settings (authentication, file access).
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/write.h"
#include "core/base/error.h"
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

void run_setting(Context& ctx, const SettingOptions& opt) {
  if (opt.value.empty()) {
    auto& db = ctx.read_db();
    nlohmann::json doc = nlohmann::json::object();
    Table table;
    table.add({"setting", "value", "values", "meaning"});
    for (const auto& spec : core::setting_specs()) {
      if (!opt.key.empty() && spec.key != find_spec(opt.key).key) continue;
      const std::string value = core::get_setting(db, spec.key).value_or(std::string(spec.default_value));
      if (!opt.key.empty() && !ctx.json()) {
        ctx.out << value << '\n';
        return;
      }
      std::string values;
      for (auto v : spec.values) {
        if (!values.empty()) values += '|';
        values += v;
      }
      table.add({std::string(spec.key), value, values, std::string(spec.help)});
      doc[std::string(spec.key)] = value;
    }
    if (ctx.json()) {
      print_json(ctx.out, doc);
    } else {
      table.print(ctx.out);
    }
    return;
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
        throw core::PermissionDenied(fmt::format("{} ({}) may not change settings: that is for the district admin",
                                                 core::errors::quote(op.staff_no), op.unit_name));
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
    print_json(ctx.out, {{"setting", opt.key}, {"from", old}, {"to", opt.value}, {"changed", old != opt.value}});
  } else if (old == opt.value) {
    ctx.out << fmt::format("{} is already {}\n", opt.key, opt.value);
  } else {
    ctx.out << fmt::format("{}: {} → {}\n", opt.key, old, opt.value);
  }
}

}  // namespace

RunFn setup_setting(CLI::App& app) {
  auto opt = std::make_shared<SettingOptions>();
  auto* sub = app.add_subcommand("setting", "Show or change the database's settings (authentication, file access)");
  sub->add_option("key", opt->key, "auth or files");
  sub->add_option("value", opt->value, "The new value (the district admin's job; recorded in the history)");
  sub->footer(
      "auth trust|peer: trust takes --as as given (one shared station PC); peer takes the operator from the\n"
      "  process's Unix user, matched against each staff member's login (--as must then name the same person).\n"
      "files owner|group: who may read the database, backups, reports and reject files (600 or 660).\n"
      "Examples:\n  sqgl setting\n  sqgl --as IT01 setting auth peer");
  return [opt](Context& ctx) { run_setting(ctx, *opt); };
}

}  // namespace sqgl::cli
