// sqgl's configuration: each value from the command line, else the environment,
// else the configuration file (/etc/sqgl/sqgl.conf when installed), else its
// default, remembering where it came from (`sqgl setting` shows it).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cli/context.h"

namespace sqgl::cli {

/// A key the configuration file may set.
struct ConfigKey {
  std::string_view key;            ///< "db", "report.format" (section "report", name "format")
  std::string_view default_value;  ///< used when nothing sets it
  std::string_view values;         ///< what it takes, for `sqgl setting` (a marked literal: translate it to show it)
  std::string_view help;           ///< what it is, for `sqgl setting` (likewise)
};

/// Every key the configuration file may set, in the order `sqgl setting` shows them.
const std::vector<ConfigKey>& config_keys();

/// The key named `key`, or null when the configuration has no such key.
const ConfigKey* find_config_key(std::string_view key);

/// The configuration file's path: $SQGL_CONFIG (empty: no file), else the one
/// the build installs (SQGL_CONFIG_FILE, e.g. /etc/sqgl/sqgl.conf).
std::string config_path(const Environment& env);

/// Reads the `key = value` file at `path` (INI syntax through inih: `#` and `;`
/// comments, a `[report]` section for report.* keys). A file that does not exist
/// sets nothing; one that cannot be read is a core::Failure; an unknown key, a
/// bad value or a line that is not `key = value` is core::InvalidInput naming the
/// file and line.
std::map<std::string, Configured> read_config_file(const std::string& path);

/// Each key's value and source for this command: `db` from --db, else $SQGL_DB,
/// else the file, else ./sqgl.db; the others from the file, else their default.
std::map<std::string, Configured> resolve_config(const std::string& db_option, const Environment& env);

}  // namespace sqgl::cli
