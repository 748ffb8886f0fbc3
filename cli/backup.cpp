// sqgl backup FILE: an online copy of the database, checked before it is kept.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "cli/render/progress.h"
#include "cli/write.h"
#include "core/admin/backup.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/model/cases/cases.h"
#include "core/model/history.h"

namespace sqgl::cli {

namespace {

struct BackupOptions {
  std::string file;
};

void run_backup(Context& ctx, const BackupOptions& opt) {
  // A backup holds every resident's personal data: the district admin's job.
  const core::Operator op = authorize(ctx, "backup", opt.file, [](const core::Operator& who) {
    if (!who.has_role(core::Role::admin)) {
      throw core::PermissionDenied([&] {
        return core::tr("{} ({}) may not back up the database: that is for the district admin",
                        core::errors::quote(who.staff_no), who.unit_name);
      });
    }
  });
  auto& db = ctx.write_db();
  ProgressLine line(ctx.err, ctx.terminal_err, stderr_is_terminal());
  const auto report =
      core::backup_database(db, opt.file, output_rules(ctx), [&](const core::BackupReport& copy, core::NewFile& file) {
        // The event and the file stand or fall together: the file is staged under a
        // hidden name, the event committed, and only then the file renamed into place.
        file.stage();
        core::WriteTransaction tx(db);
        core::append_event(db, ctx.clock,
                           {"db.backup", opt.file,
                            nlohmann::json{{"pages", copy.pages},
                                           {"bytes", copy.bytes},
                                           {"events", copy.events},
                                           {"head", copy.head}}
                                .dump(),
                            op.staff_no});
        tx.commit();
        file.publish();
      }, line.sink());
  line.clear();
  if (ctx.json()) {
    print_json(ctx.out, {{"path", report.path},
                         {"page_count", report.pages},
                         {"byte_count", report.bytes},
                         {"event_count", report.events},
                         {"head", report.head}});
    return;
  }
  ctx.out << core::tr("backed up to {}: {} pages, {} bytes, read back and compared; quick_check ok, {} history events "
                      "verified, head {}",
                      core::errors::quote(report.path), thousands(report.pages), thousands(report.bytes),
                      thousands(report.events), report.head)
          << '\n';
}

}  // namespace

RunFn setup_backup(CLI::App& app) {
  auto opt = std::make_shared<BackupOptions>();
  auto* sub = app.add_subcommand("backup", _("Copy the database while others keep working, and check the copy"));
  sub->add_option("file", opt->file, _("The backup file (replaced atomically if it exists)"))->required();
  sub->footer(
      _("Uses SQLite's online backup API: one consistent moment of the database, while clerks keep writing.\n"
        "The database must pass quick_check (every page read, every b-tree walked), the copy read back from\n"
        "the disk must match what was written page for page, and the copied moment's history must pass\n"
        "'audit verify' before the copy replaces FILE; 'sqgl check' adds whether each index matches its\n"
        "table. The district admin's job.\n"
        "Example (cron, 02:00 nightly):\n  sqgl --as IT01 backup /var/backups/sqgl/sqgl-$(date +%F).db"));
  return [opt](Context& ctx) { run_backup(ctx, *opt); };
}

}  // namespace sqgl::cli
