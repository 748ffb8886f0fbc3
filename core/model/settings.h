// The database's own settings, as people change them with `sqgl setting`: who is
// acting (auth), who may read the files (files), what dates events (clock). Each
// change is an event; the rows themselves are core/db/settings.h's.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/db/files.h"

namespace sqgl::core {

/// How sqgl knows who is acting (like PostgreSQL's pg_hba methods).
enum class AuthMode {
  trust,  ///< `--as` / $SQGL_OPERATOR is taken as given (one shared station PC)
  peer,   ///< the operator is the staff member whose login is the process's real user
};

/// The settings a person may change with `sqgl setting KEY VALUE`, and their values.
struct SettingSpec {
  std::string_view key;
  std::string_view default_value;
  std::vector<std::string_view> values;
  std::string_view help;  ///< English, marked with N_(): a person reads help_text()
  /// `help` in the user's language.
  std::string help_text() const;
};
const std::vector<SettingSpec>& setting_specs();

/// "unknown setting 'x' (the settings are auth, files, clock)".
InvalidInput unknown_setting(std::string_view key);

/// Validates and stores a setting, writing a "setting.change" event; returns the
/// old value. InvalidInput for an unknown key or value.
std::string change_setting(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& staff_no,
                           std::string_view key, std::string_view value);

AuthMode auth_mode(const SQLite::Database& db);
FileAccess file_access(const SQLite::Database& db);

/// InvalidInput when `clock` is pinned ($SQGL_NOW) and the database's `clock`
/// setting does not allow it: a database is dated by the machine's clock unless
/// its admin chose otherwise (a recorded setting), so nobody backdates a decision.
void check_clock(const SQLite::Database& db, const Clock& clock);

}  // namespace sqgl::core
