// The subcommands: each file of cli/ defines one setup, which adds its subcommand
// to the application, binds its options and returns the function that runs it.
#pragma once

#include <functional>

#include <CLI/App.hpp>

#include "cli/context.h"

namespace sqgl::cli {

/// A subcommand's run function, bound to its parsed options.
using RunFn = std::function<void(Context&)>;

RunFn setup_init(CLI::App& app);
RunFn setup_catalog(CLI::App& app);
RunFn setup_calendar(CLI::App& app);
RunFn setup_district(CLI::App& app);
RunFn setup_staff(CLI::App& app);
RunFn setup_resident(CLI::App& app);
RunFn setup_household(CLI::App& app);
RunFn setup_register(CLI::App& app);
RunFn setup_apply(CLI::App& app);
RunFn setup_approve(CLI::App& app);
RunFn setup_investigate(CLI::App& app);
RunFn setup_review(CLI::App& app);
RunFn setup_object(CLI::App& app);
RunFn setup_route(CLI::App& app);
RunFn setup_show(CLI::App& app);
RunFn setup_list(CLI::App& app);
RunFn setup_evaluate(CLI::App& app);
RunFn setup_withdraw(CLI::App& app);
RunFn setup_audit(CLI::App& app);
RunFn setup_import(CLI::App& app);
RunFn setup_report(CLI::App& app);
RunFn setup_backup(CLI::App& app);
RunFn setup_check(CLI::App& app);
RunFn setup_setting(CLI::App& app);

}  // namespace sqgl::cli
