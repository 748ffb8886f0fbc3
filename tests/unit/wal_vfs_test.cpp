#include <sys/stat.h>
#include <sys/xattr.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/db/wal_vfs.h"
#include "tests/unit/helpers.h"

namespace wal_vfs = sqgl::core::wal_vfs;
using sqgl::test::scalar;
using sqgl::test::TempDir;

namespace {

// One command's write as sqgl makes it: WAL, FULL, the log left in place at close.
void write_row(const std::string& path, int value) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec("CREATE TABLE IF NOT EXISTS t (x INTEGER)");
  db.exec(fmt::format("INSERT INTO t VALUES ({})", value));
}

std::optional<std::string> mark_of(const std::string& path) {
  char value[64];
  const auto got = ::getxattr(path.c_str(), wal_vfs::kMarkAttribute, value, sizeof value);
  if (got < 0) return std::nullopt;
  return std::string(value, static_cast<std::size_t>(got));
}

std::string identity_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return fmt::format("{}:{}", st.st_dev, st.st_ino);
}

bool keeps_attributes(const TempDir& dir) {
  const auto probe = dir.file("probe");
  std::ofstream(probe) << "x";
  return ::setxattr(probe.c_str(), "user.sqgl.probe", "1", 1, 0) == 0;
}

}  // namespace

TEST_CASE("wal vfs: after a log is created, one process syncs its directory and marks it, and the rest open it as it is") {
  REQUIRE(wal_vfs::install());
  TempDir dir;
  const auto path = dir.file("t.db"), log = path + "-wal";
  const wal_vfs::Stats start = wal_vfs::stats();

  write_row(path, 1);  // creates the log: SQLite syncs the directory itself, at its first sync
  CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs);
  CHECK(wal_vfs::stats().marked_opens == start.marked_opens);
  REQUIRE(std::filesystem::exists(log));
  CHECK_FALSE(mark_of(log));

  write_row(path, 2);  // an unmarked log: this VFS syncs the directory, and marks the log
  CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs + 1);
  CHECK(wal_vfs::stats().marked_opens == start.marked_opens + 1);

  write_row(path, 3);
  if (!keeps_attributes(dir)) {
    MESSAGE("no extended attributes here: every process syncs the directory, as SQLite alone would");
    CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs + 2);
  } else {
    CHECK(mark_of(log) == identity_of(log));
    CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs + 1);  // marked: no sync
  }
  CHECK(wal_vfs::stats().marked_opens == start.marked_opens + 2);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(scalar(db, "SELECT sum(x) FROM t") == 6);
}

TEST_CASE("wal vfs: a mark naming another file (a copy that kept its attributes) is not trusted") {
  REQUIRE(wal_vfs::install());
  TempDir dir;
  if (!keeps_attributes(dir)) return;
  const auto path = dir.file("t.db"), log = path + "-wal";
  write_row(path, 1);
  REQUIRE(::setxattr(log.c_str(), wal_vfs::kMarkAttribute, "1:2", 3, 0) == 0);
  const wal_vfs::Stats start = wal_vfs::stats();
  write_row(path, 2);
  CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs + 1);
  CHECK(mark_of(log) == identity_of(log));
}

TEST_CASE("wal vfs: a deleted log is created afresh, as SQLite creates it") {
  REQUIRE(wal_vfs::install());
  TempDir dir;
  const auto path = dir.file("t.db"), log = path + "-wal";
  write_row(path, 1);
  write_row(path, 2);
  {
    // A close that checkpoints (the sqlite3 shell's) deletes the log.
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK(scalar(db, "SELECT count(*) FROM t") == 2);
  }
  REQUIRE_FALSE(std::filesystem::exists(log));
  const wal_vfs::Stats start = wal_vfs::stats();
  write_row(path, 3);
  CHECK(wal_vfs::stats().directory_syncs == start.directory_syncs);
  CHECK(wal_vfs::stats().marked_opens == start.marked_opens);
  CHECK_FALSE(mark_of(log));
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(scalar(db, "SELECT sum(x) FROM t") == 6);
}
