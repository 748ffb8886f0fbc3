// sqgl init: a database brought to this sqgl's schema, with the catalog and the
// calendars loaded, and everything it held before schema 6 adopted by the history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/base/date.h"
#include "core/db/database.h"

namespace sqgl::core {

/// What `init_database` did.
struct InitReport {
  bool created = false;  ///< the file did not exist before
  int from_version = 0;
  int to_version = 0;
  bool catalog_loaded = false;      ///< the catalog was empty and was loaded now
  std::vector<int> calendar_years;  ///< shipped calendar years loaded now
  int standards = 0;                ///< shipped standards loaded now
  bool changed() const {
    return created || from_version != to_version || catalog_loaded || !calendar_years.empty() || standards > 0;
  }
};

/// Brings an open database (from initialize_database) to the latest schema, loads
/// the catalog into an empty catalog, any shipped calendar year and standard not yet loaded,
/// and writes their events; a database older than schema 6 is adopted
/// (adopt_records). Call inside a WriteTransaction; on a current database it
/// changes nothing.
InitReport init_database(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_,
                         const DataFiles& files, bool created);

/// Writes the events that vouch for what a database upgraded to schema 6 holds:
/// a case.adopt per case, a staff.adopt per staff member, the residents' flags,
/// each calendar year and each setting, as they stand. Replay starts from them.
void adopt_records(SQLite::Database& db, const Clock& clock, const std::optional<std::string>& operator_);

/// A fresh in-memory database with every migration, the catalog and the calendars:
/// what the unit tests run on.
SQLite::Database create_memory_database(const Clock& clock);

}  // namespace sqgl::core
