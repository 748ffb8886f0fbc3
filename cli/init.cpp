// sqgl init: create or upgrade the database; optionally fill it with the demo district.
#include <memory>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/progress.h"
#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/db/files.h"
#include "core/model/settings.h"

namespace sqgl::cli {

namespace {

struct InitOptions {
  bool demo = false;
  std::uint64_t seed = 2012;
  double scale = 1.0;
  std::string schema_dir;
  int history_years = 0;
  std::string clock;
  std::string files;
};

void run_init(Context& ctx, const InitOptions& opt) {
  const std::string& path = ctx.db_path();
  core::InitReport report;
  std::optional<core::DemoReport> demo;
  ProgressLine line(ctx.err, ctx.terminal_err, stderr_is_terminal());
  core::DemoOptions demo_options{opt.seed, opt.scale, opt.history_years, line.sink()};
  std::unique_ptr<core::DataFiles> files;
  if (opt.schema_dir.empty()) {
    files = std::make_unique<core::EmbeddedDataFiles>();
  } else {
    files = std::make_unique<core::DirectoryDataFiles>(opt.schema_dir);
  }
  core::initialize_database(path, [&](SQLite::Database& db, bool created) {
    // Who may date events: a new database for a demo or tests takes $SQGL_NOW (a
    // recorded setting); any other keeps the machine's clock.
    const bool pinned = created && (opt.clock == "pinned" || (opt.demo && opt.clock != "system"));
    if (!created && !opt.files.empty()) {
      throw core::InvalidInput(_("--files sets the file access of a new database; an existing one changes it with "
                                 "'sqgl setting files'"));
    }
    if (!created && !opt.clock.empty()) {
      throw core::InvalidInput(_("--clock sets the clock of a new database; an existing one changes it with "
                                 "'sqgl setting clock'"));
    }
    if (created && !pinned && ctx.clock.pinned()) {
      throw core::InvalidInput(
          _("$SQGL_NOW pins the clock, but a new database is dated by the machine's clock; unset SQGL_NOW, or create "
            "it with 'sqgl init --clock pinned' (tests, demos, recorded back-filling)"));
    }
    report = core::init_database(db, ctx.clock, ctx.operator_(), *files, created);
    // (After the schema is known current: a newer database is refused for that.)
    if (!created) core::check_clock(db, ctx.clock);
    if (pinned) core::change_setting(db, ctx.clock, ctx.operator_(), "clock", "pinned");
    if (opt.files == "group") core::change_setting(db, ctx.clock, ctx.operator_(), "files", "group");
    if (opt.demo) demo = core::generate_demo(db, ctx.clock, ctx.operator_(), demo_options);
  });
  line.clear();
  // The new file is published owner-only, then opened to its group with the setting.
  if (opt.files == "group") core::apply_file_access(path, core::FileAccess::group);

  if (ctx.json()) {
    nlohmann::json doc{
        {"database", path},
        {"created", report.created},
        {"schema_version", report.to_version},
        {"previous_schema_version",
         report.created || report.from_version == 0 ? nlohmann::json(nullptr) : nlohmann::json(report.from_version)},
        {"catalog_loaded", report.catalog_loaded},
        {"calendar_years_loaded", report.calendar_years},
        {"loaded_standard_count", report.standards},
        {"changed", report.changed() || demo.has_value()},
        {"demo", nullptr}};
    if (demo) {
      doc["demo"] = {{"seed", opt.seed},
                     {"scale", opt.scale},
                     {"street_count", demo->streets},
                     {"community_count", demo->communities},
                     {"grid_count", demo->grids},
                     {"household_count", demo->households},
                     {"resident_count", demo->residents},
                     {"staff_count", demo->staff},
                     {"history_years", opt.history_years},
                     {"case_count", demo->cases}};
    }
    print_json(ctx.out, doc);
    return;
  }
  const std::string quoted = core::errors::quote(path);
  if (report.created) {
    ctx.out << core::tr("created database {} (schema {})", quoted, report.to_version) << '\n';
  } else if (report.from_version != report.to_version) {
    ctx.out << core::tr("upgraded database {} from schema {} to {}", quoted, report.from_version, report.to_version)
            << '\n';
  }
  if (report.catalog_loaded) ctx.out << _("loaded the catalog: 12 categories, 64 items (see 'sqgl catalog')") << '\n';
  if (!report.calendar_years.empty()) {
    std::string years;
    for (int y : report.calendar_years) years += (years.empty() ? "" : ", ") + std::to_string(y);
    ctx.out << core::tr("loaded working-day calendars: {}", years) << '\n';
  }
  if (report.standards > 0) {
    ctx.out << core::tr_n("loaded {} household-benefit standard (see 'sqgl household --standards')",
                          "loaded {} household-benefit standards (see 'sqgl household --standards')", static_cast<unsigned long>(report.standards),
                          report.standards)
            << '\n';
  }
  if (demo) {
    ctx.out << core::tr("generated the demo district (seed {}): {} street offices, {} communities, {} grids, {} "
                        "households, {} residents, {} staff",
                        opt.seed, demo->streets, demo->communities, demo->grids, thousands(demo->households),
                        thousands(demo->residents), demo->staff)
            << '\n';
    if (demo->cases > 0) {
      ctx.out << core::tr("generated {} decided cases over the last {} years", thousands(demo->cases),
                          opt.history_years)
              << '\n';
    }
  }
  if (!report.changed() && !demo) {
    ctx.out << core::tr("database {} is up to date (schema {}); nothing changed", quoted, report.to_version) << '\n';
  }
}

}  // namespace

RunFn setup_init(CLI::App& app) {
  auto opt = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand("init", _("Create the database, or upgrade it to this sqgl's schema"));
  sub->add_flag("--demo", opt->demo, _("Also fill it with the demo district (Qingshan's 2012 pilot: 7 communities)"));
  sub->add_option("--seed", opt->seed, _("Random seed of the demo district (same seed, same data)"))
      ->capture_default_str()
      ->check(decimal());
  sub->add_option("--scale", opt->scale, _("Multiply the demo's 4,000 households per community"))
      ->capture_default_str()
      ->check(CLI::Range(0.001, 100.0));
  sub->add_option("--history", opt->history_years,
                  _("With --demo: decided cases for this many years before today (reports and benchmarks)"))
      ->check(decimal())
      ->check(CLI::Range(0, 30));
  sub->add_option("--schema-dir", opt->schema_dir,
                  _("Load catalog/ and calendar/ from DIR (an edited copy of schema/) instead of the built-in data"))
      ->check(CLI::ExistingDirectory);
  sub->add_option("--clock", opt->clock,
                  _("A new database's clock: system (default) dates events by the machine's clock; pinned also takes "
                    "$SQGL_NOW, for tests and recorded back-filling (the default with --demo)"))
      ->check(CLI::IsMember({"system", "pinned"}));
  sub->add_option("--files", opt->files,
                  _("A new database's file access: owner (default, mode 600) or group (660: for the clerks' sqgl "
                    "processes of an installed system, which run with group sqgl)"))
      ->check(CLI::IsMember({"owner", "group"}));
  sub->footer(
      _("Running init on a current database changes nothing. A new file is readable by its owner only, unless\n"
        "--files group. On an installed system: sudo -u sqgl sqgl init --files group\n"
        "Examples:\n  sqgl init\n  sqgl --db demo.db init --demo --seed 7"));
  return [opt](Context& ctx) { run_init(ctx, *opt); };
}

}  // namespace sqgl::cli
