// The settings table: the one reader and writer of its rows, text by key. What the
// settings mean, and their events, are the model's (core/model/settings.h); the
// history's head row is kept by a trigger (schema 4).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>

namespace sqgl::core {

/// The value of a setting, or none when it was never set.
std::optional<std::string> get_setting(const SQLite::Database& db, std::string_view key);

/// Stores a setting's value, replacing what it had.
void put_setting(SQLite::Database& db, std::string_view key, std::string_view value);

/// Every setting but the history's head record, by key.
std::map<std::string, std::string> all_settings(const SQLite::Database& db);

}  // namespace sqgl::core
