#include "cli/context.h"

#include "core/store.h"

namespace sqgl::cli {

SQLite::Database& Context::read_db() {
  if (!db_) db_ = std::make_unique<SQLite::Database>(core::open_database(globals_.db, false));
  return *db_;
}

SQLite::Database& Context::write_db() {
  if (!db_) db_ = std::make_unique<SQLite::Database>(core::open_database(globals_.db, true));
  return *db_;
}

}  // namespace sqgl::cli
