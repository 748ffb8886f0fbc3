#include "core/db/settings.h"

#include <SQLiteCpp/Statement.h>

namespace sqgl::core {

std::optional<std::string> get_setting(const SQLite::Database& db, std::string_view key) {
  SQLite::Statement q(db, "SELECT value FROM settings WHERE key = ?");
  q.bind(1, std::string(key));
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void put_setting(SQLite::Database& db, std::string_view key, std::string_view value) {
  SQLite::Statement upsert(db,
                           "INSERT INTO settings (key, value) VALUES (?, ?) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, std::string(key));
  upsert.bind(2, std::string(value));
  upsert.exec();
}

std::map<std::string, std::string> all_settings(const SQLite::Database& db) {
  std::map<std::string, std::string> out;
  SQLite::Statement q(db, "SELECT key, value FROM settings WHERE key <> 'history.head'");
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getString();
  return out;
}

}  // namespace sqgl::core
