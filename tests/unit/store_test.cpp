#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <doctest/doctest.h>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "core/admin/backup.h"
#include "core/admin/check.h"
#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/base/test_point.h"
#include "core/db/database.h"
#include "core/db/files.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/catalog.h"
#include "core/model/history.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::dump;
using sqgl::test::reform_clock;
using sqgl::test::scalar;
using sqgl::test::TempDir;

namespace {

// The catalog as releases before schema 9 shipped it: items without the household
// rules (the last columns of items.csv), no standards.
class CatalogBefore9 final : public DataFiles {
 public:
  std::optional<std::string> read(std::string_view name) const override {
    if (name == "schema/catalog/standards.csv") return std::nullopt;
    auto text = EmbeddedDataFiles{}.read(name);
    if (!text || name != "schema/catalog/items.csv") return text;
    // Each line loses its last five fields, none of which holds a comma or a quote.
    std::string out;
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(start, end - start);
      for (int i = 0; i < 5; ++i) line.erase(line.rfind(','));
      out += line + '\n';
      start = end + 1;
    }
    return out;
  }
};

// The catalog as a database before schema 11 held it: steps without kinds or places,
// so no postings (their calendar days were never part of a chain then), and items
// without the household rules of schema 9.
class CatalogBeforeStages final : public DataFiles {
 public:
  std::optional<std::string> read(std::string_view name) const override {
    auto text = CatalogBefore9{}.read(name);
    if (!text || name != "schema/catalog/steps.csv") return text;
    std::string out;
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      std::string line = text->substr(start, end - start);
      start = end + 1;
      if (line.empty()) continue;
      // The last two fields: kind, place.
      const std::size_t place = line.rfind(',');
      const std::size_t kind = line.rfind(',', place - 1);
      if (line.substr(kind + 1, place - kind - 1) == "posting") continue;
      out += line.substr(0, kind) + '\n';
    }
    return out;
  }
};

// Loads that catalog into a database of a schema before 11, whose item_steps has no
// kind or place (the loader writes them: they come and go around it).
void load_catalog_before_stages(SQLite::Database& db) {
  db.exec("ALTER TABLE item_steps ADD COLUMN kind TEXT NOT NULL DEFAULT 'decision'");
  db.exec("ALTER TABLE item_steps ADD COLUMN place TEXT NOT NULL DEFAULT ''");
  load_catalog(db, CatalogBeforeStages{});
  db.exec("ALTER TABLE item_steps DROP COLUMN kind");
  db.exec("ALTER TABLE item_steps DROP COLUMN place");
}

InitReport init_file(const std::string& path) {
  auto clock = reform_clock();
  InitReport report;
  initialize_database(path, [&](SQLite::Database& db, bool created) {
    report = init_database(db, clock, std::nullopt, EmbeddedDataFiles{}, created);
  });
  return report;
}

}  // namespace

TEST_CASE("migrations: a fresh database gets every migration, the marks and the data") {
  TempDir dir;
  auto report = init_file(dir.file("a.db"));
  CHECK(report.created);
  CHECK(report.from_version == 0);
  CHECK(report.to_version == latest_schema_version());
  CHECK(report.catalog_loaded);
  CHECK(report.calendar_years == std::vector<int>{2012, 2024, 2025, 2026});

  auto db = open_database(dir.file("a.db"), false);
  CHECK(schema_version(db) == latest_schema_version());
  CHECK(scalar(db, "PRAGMA application_id") == kApplicationId);
  CHECK(scalar(db, "PRAGMA foreign_keys") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM items") == 64);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'schema.migrate'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'calendar.load'") == 4);
}

TEST_CASE("migrations: a new database file is readable by its owner only") {
  TempDir dir;
  init_file(dir.file("private.db"));
  struct stat st {};
  REQUIRE(::stat(dir.file("private.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("migrations: running init again changes nothing") {
  TempDir dir;
  init_file(dir.file("a.db"));
  std::string before = dump(open_database(dir.file("a.db"), false));
  auto again = init_file(dir.file("a.db"));
  CHECK_FALSE(again.changed());
  CHECK(dump(open_database(dir.file("a.db"), false)) == before);
}

TEST_CASE("migrations: a database from a newer sqgl is refused") {
  TempDir dir;
  init_file(dir.file("new.db"));
  {
    SQLite::Database raw(dir.file("new.db"), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_AS(open_database(dir.file("new.db"), false), Conflict);
  try {
    open_database(dir.file("new.db"), true);
  } catch (const Conflict& e) {
    CHECK(std::string(e.what()).find("has schema version 99, newer than this sqgl knows") != std::string::npos);
  }
  CHECK_THROWS_AS(init_file(dir.file("new.db")), Conflict);
  SQLite::Database raw(dir.file("new.db"), SQLite::OPEN_READONLY);
  CHECK(scalar(raw, "PRAGMA user_version") == 99);
}

TEST_CASE("migrations: an older database must be upgraded with init first") {
  TempDir dir;
  init_file(dir.file("old.db"));
  {
    SQLite::Database raw(dir.file("old.db"), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 0");
  }
  CHECK_THROWS_WITH_AS(open_database(dir.file("old.db"), true), doctest::Contains("run 'sqgl init' to upgrade it"),
                       Conflict);
}

TEST_CASE("migrations: a database that is not sqgl's is refused, and left alone") {
  TempDir dir;
  {
    SQLite::Database other(dir.file("other.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x)");
  }
  CHECK_THROWS_WITH_AS(init_file(dir.file("other.db")), doctest::Contains("is not an sqgl database"), InvalidInput);
  CHECK_THROWS_AS(open_database(dir.file("other.db"), false), InvalidInput);
  SQLite::Database raw(dir.file("other.db"), SQLite::OPEN_READONLY);
  CHECK(scalar(raw, "SELECT count(*) FROM sqlite_master") == 1);
}

TEST_CASE("store: a missing database is NotFound with a hint") {
  TempDir dir;
  CHECK_THROWS_WITH_AS(open_database(dir.file("none.db"), false), doctest::Contains("create it with 'sqgl init'"),
                       NotFound);
}

TEST_CASE("store: a failure before commit leaves the database unchanged") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  const std::string before = dump(db);
  try {
    WriteTransaction tx(db);
    db.exec("INSERT INTO units (code, kind, name_zh) VALUES ('X', 'bureau', '测试局')");
    append_event(db, clock, {"test.write", "X", "{}", std::nullopt});
    throw Failure("forced failure mid-command");
  } catch (const Failure&) {
  }
  CHECK(dump(db) == before);
}

TEST_CASE("store: SQLite errors map onto sqgl's exit codes") {
  auto as_code = [](int sqlite_code) {
    try {
      rethrow_sqlite(SQLite::Exception("x", sqlite_code), "ctx");
    } catch (const Error& e) {
      return e.code();
    }
    return ExitCode::ok;
  };
  CHECK(as_code(5 /* SQLITE_BUSY */) == ExitCode::conflict);
  CHECK(as_code(2067 /* SQLITE_CONSTRAINT_UNIQUE */) == ExitCode::conflict);
  CHECK(as_code(13 /* SQLITE_FULL */) == ExitCode::failure);
  try {
    rethrow_sqlite(SQLite::Exception("x", 13), "import");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "import: disk full");
  }
}

TEST_CASE("history: events are hash-chained and append-only") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  WriteTransaction tx(db);
  auto id = append_event(db, clock, {"test.one", "S", R"({"a":1})", std::string("ZZ0101")});
  SQLite::Statement q(db, "SELECT id, at, operator, kind, subject, detail, prev_hash, hash FROM events WHERE id = ?");
  q.bind(1, id);
  REQUIRE(q.executeStep());
  SQLite::Statement prev(db, "SELECT hash FROM events WHERE id = ?");
  prev.bind(1, id - 1);
  REQUIRE(prev.executeStep());
  CHECK(q.getColumn(6).getString() == prev.getColumn(0).getString());
  CHECK(q.getColumn(1).getString() == "2012-01-29T09:00:00");
  // The machine's time and which clock dated it are hashed too (schema 6), so that
  // neither can be changed unseen.
  CHECK(q.getColumn(7).getString() == event_hash(id, "2012-01-29T09:00:00", std::string("ZZ0101"), "test.one", "S",
                                                 R"({"a":1})", q.getColumn(6).getString(), "2012-01-29T09:00:00",
                                                 "system"));
  CHECK(q.getColumn(7).getString() != event_hash(id, "2012-01-29T09:00:00", std::string("ZZ0101"), "test.one", "S",
                                                 R"({"a":1})", q.getColumn(6).getString(), "2012-01-29T09:00:00",
                                                 "pinned"));
  CHECK_THROWS_WITH(db.exec("UPDATE events SET detail = '{}' WHERE id = 1"), doctest::Contains("append-only"));
  CHECK_THROWS_WITH(db.exec("DELETE FROM events WHERE id = 1"), doctest::Contains("append-only"));
}

TEST_CASE("history: SHA-256 of a known vector") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("migrations: a schema-1 database is upgraded in place, keeping its data") {
  TempDir dir;
  {
    // What sqgl's first release created: migration 1 only, with its catalog and calendars.
    SQLite::Database old(dir.file("v1.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec("PRAGMA foreign_keys = ON");
    WriteTransaction tx(old);
    old.exec(*EmbeddedDataFiles{}.read("schema/0001_base.sql"));
    old.exec("PRAGMA user_version = 1");
    old.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    load_catalog_before_stages(old);
    load_shipped_calendars(old, EmbeddedDataFiles{});
    tx.commit();
  }
  CHECK_THROWS_WITH_AS(open_database(dir.file("v1.db"), true), doctest::Contains("run 'sqgl init' to upgrade it"),
                       Conflict);
  auto report = init_file(dir.file("v1.db"));
  CHECK(report.from_version == 1);
  CHECK(report.to_version == latest_schema_version());
  CHECK_FALSE(report.catalog_loaded);
  CHECK(report.calendar_years.empty());
  auto db = open_database(dir.file("v1.db"), false);
  CHECK(scalar(db, "SELECT count(*) FROM items") == 64);
  CHECK(scalar(db, "SELECT count(*) FROM cases") == 0);
  // Schema 9 gives the old catalog the household rules a new one loads, and init
  // the shipped standards.
  CHECK(scalar(db, "SELECT count(*) FROM items WHERE applicant = 'household'") == 8);
  CHECK(scalar(db, "SELECT entitlement_days FROM items WHERE code = 'C05-01'") == 280);
  CHECK(report.standards > 0);
  CHECK(scalar(db, "SELECT count(*) FROM standards") == report.standards);
  // The same rules, item for item, as in a database created now.
  auto fresh = create_memory_database(reform_clock());
  auto rules = [](const SQLite::Database& d) {
    std::string out;
    SQLite::Statement q(d,
                        "SELECT code, applicant, COALESCE(once, ''), COALESCE(entitlement_days, 0), "
                        "COALESCE(renewal_of, ''), means_test, COALESCE(max_per_year, 0) FROM items ORDER BY code");
    while (q.executeStep()) {
      for (int i = 0; i < 7; ++i) out += q.getColumn(i).getString() + (i == 6 ? "\n" : ",");
    }
    return out;
  };
  CHECK(rules(db) == rules(fresh));
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'schema.migrate'") == 1);
  // Schema 11 gave the four items of the reform's stages their chains, as a new
  // database loads them.
  const std::string chains =
      "SELECT group_concat(item || model || seq || level || COALESCE(unit, '') || name_zh || role || days || kind || "
      "place, '|') FROM (SELECT * FROM item_steps WHERE item IN ('C02-01', 'C02-03', 'C03-02', 'C06-01') "
      "ORDER BY item, model, seq)";
  SQLite::Statement upgraded(db, chains), shipped(fresh, chains);
  REQUIRE(upgraded.executeStep());
  REQUIRE(shipped.executeStep());
  CHECK(upgraded.getColumn(0).getString() == shipped.getColumn(0).getString());
  CHECK(scalar(db, "SELECT count(*) FROM item_steps WHERE item = 'C02-01' AND kind = 'posting'") == 4);
}

TEST_CASE("migrations: an upgrade to schema 8 indexes the cases by due date, and every case is read from it") {
  TempDir dir;
  {
    SQLite::Database old(dir.file("v7.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec("PRAGMA foreign_keys = ON");
    WriteTransaction tx(old);
    for (const char* name : {"0001_base", "0002_cases", "0003_report_indexes", "0004_history_head",
                             "0005_partial_indexes", "0006_trust", "0007_queues"}) {
      auto sql = EmbeddedDataFiles{}.read(fmt::format("schema/{}.sql", name));
      REQUIRE(sql);
      old.exec(*sql);
    }
    old.exec("PRAGMA user_version = 7");
    old.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    load_catalog_before_stages(old);
    load_shipped_calendars(old, EmbeddedDataFiles{});
    tx.commit();
  }
  const auto report = init_file(dir.file("v7.db"));
  CHECK(report.from_version == 7);
  CHECK(report.to_version == latest_schema_version());
  auto db = open_database(dir.file("v7.db"), false);
  CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'cases_due'") == 1);
  CHECK(case_list_plan(db, {}, reform_clock().today()).starts_with("SCAN c USING INDEX cases_due\n"));
}

TEST_CASE("migrations: an upgrade to schema 6 adopts what the database holds, and check replays from there") {
  TempDir dir;
  {
    // A schema-5 database whose case, staff and flags were written by import or by
    // hand, with no events that describe them.
    SQLite::Database old(dir.file("v5.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec("PRAGMA foreign_keys = ON");
    WriteTransaction tx(old);
    for (const char* name : {"0001_base", "0002_cases", "0003_report_indexes", "0004_history_head",
                             "0005_partial_indexes"}) {
      auto sql = EmbeddedDataFiles{}.read(fmt::format("schema/{}.sql", name));
      REQUIRE(sql);
      old.exec(*sql);
    }
    old.exec("PRAGMA user_version = 5");
    old.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
    load_catalog_before_stages(old);
    load_shipped_calendars(old, EmbeddedDataFiles{});
    old.exec(R"(
      INSERT INTO settings VALUES ('model', 'new'), ('auth', 'peer');
      INSERT INTO units (code, kind, name_zh) VALUES ('150204', 'district', '青山区');
      INSERT INTO units (code, kind, name_zh, parent_id) SELECT '150204001', 'street', '幸福路街道', id FROM units WHERE code = '150204';
      INSERT INTO units (code, kind, name_zh, parent_id) SELECT '150204001001', 'community', '阳光社区', id FROM units WHERE code = '150204001';
      INSERT INTO units (code, kind, name_zh, parent_id) SELECT '150204001001-FWZ', 'station', '阳光社区管理服务站', id FROM units WHERE code = '150204001001';
      INSERT INTO staff (staff_no, name, unit_id, login) SELECT 'ZZ0101', '周帆', id, 'zhou' FROM units WHERE code = '150204001001-FWZ';
      INSERT INTO staff_roles SELECT id, 'worker' FROM staff;
      INSERT INTO households (code, community_id, address) SELECT '150204001001-0001', id, '1栋' FROM units WHERE code = '150204001001';
      INSERT INTO residents (citizen_id, name, sex, birth_date, household_id, disabled) SELECT '150204194601264202', '王', 'M', '1946-01-26', id, 1 FROM households;
      INSERT INTO cases (number, item, model, resident_id, community_id, window, status, accepted_at, accepted_by, due_date, decided_at)
        SELECT '150204-20110301-0001', 'C08-01', 'new', r.id, u.id, 'services', 'approved', '2011-03-01T09:00:00', s.id, '2011-03-10', '2011-03-05T10:00:00'
        FROM residents r, units u, staff s WHERE u.code = '150204001001';
      INSERT INTO case_steps (case_id, seq, level, unit_id, name_zh, role, days, status, started_at, decided_at, decided_by)
        SELECT c.id, 1, 'station', u.id, '服务站', 'worker', 5, 'approved', c.accepted_at, c.decided_at, s.id
        FROM cases c, units u, staff s WHERE u.code = '150204001001-FWZ';
      INSERT INTO evaluations (case_id, score, at, recorded_by) SELECT c.id, 5, '2011-03-06T09:00:00', s.id FROM cases c, staff s;
    )");
    tx.commit();
  }
  init_file(dir.file("v5.db"));
  auto db = open_database(dir.file("v5.db"), false);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'case.adopt'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'staff.adopt'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'setting.adopt'") == 3);  // auth, catalog_version, model
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'calendar.adopt'") == 4);
  const auto replay = replay_history(db);
  CHECK(replay.ok());
  CHECK(replay.cases == 1);
  CHECK(replay.residents == 1);
  // From here on, a change behind sqgl's back shows.
  SQLite::Database writer(dir.file("v5.db"), SQLite::OPEN_READWRITE);
  writer.exec("UPDATE residents SET disabled = 0");
  CHECK(replay_history(db).total_findings == 1);
}

TEST_CASE("maintenance: network filesystems are named by their statfs magic, local ones are not") {
  CHECK(sqgl::core::network_filesystem_name(0x6969) == "NFS");
  CHECK(sqgl::core::network_filesystem_name(0xFF534D42) == "CIFS");
  CHECK(sqgl::core::network_filesystem_name(0xFE534D42) == "SMB2");
  CHECK_FALSE(sqgl::core::network_filesystem_name(0xEF53).has_value());  // ext4
  CHECK_FALSE(sqgl::core::network_filesystem_name(0x01021994).has_value());  // tmpfs
}

namespace {

std::uintmax_t file_size(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Rows of the history written in one transaction: each adds about 1 KiB to the log.
void append_events(const std::string& path, int count) {
  auto db = open_database(path, true);
  auto clock = reform_clock();
  WriteTransaction tx(db);
  for (int i = 0; i < count; ++i) {
    append_event(db, clock, {"test.fill", "S", fmt::format(R"({{"pad":"{}"}})", std::string(900, 'x')), "ZZ0101"});
  }
  tx.commit();
}

}  // namespace

TEST_CASE("store: a copy of a closed database's file holds every command (bug: cp of sqgl.db dropped the last commands)") {
  TempDir dir;
  const auto path = dir.file("sqgl.db");
  init_file(path);
  append_events(path, 3);  // three commands, each closing its connection
  append_events(path, 1);
  append_events(path, 400);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));  // folded into the file and deleted at close
  CHECK_FALSE(std::filesystem::exists(path + "-shm"));
  std::filesystem::copy_file(path, dir.file("copy.db"));
  SQLite::Database copy(dir.file("copy.db"), SQLite::OPEN_READONLY);
  CHECK(scalar(copy, "SELECT count(*) FROM events WHERE kind = 'test.fill'") == 404);
}

TEST_CASE("store: a reader that closes last folds a writer's commit into the file") {
  TempDir dir;
  const auto path = dir.file("sqgl.db");
  init_file(path);
  {
    auto reader = open_database(path, false);
    SQLite::Transaction read(reader);  // a deferred transaction: the first SELECT holds a snapshot
    CHECK(scalar(reader, "SELECT count(*) FROM events WHERE kind = 'test.fill'") == 0);
    append_events(path, 2);  // the writer closes while the reader is open: the log stays
    CHECK(file_size(path + "-wal") > 0);
    CHECK(scalar(reader, "SELECT count(*) FROM events WHERE kind = 'test.fill'") == 0);  // its snapshot
  }
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));
  std::filesystem::copy_file(path, dir.file("copy.db"));
  SQLite::Database copy(dir.file("copy.db"), SQLite::OPEN_READONLY);
  CHECK(scalar(copy, "SELECT count(*) FROM events WHERE kind = 'test.fill'") == 2);
}

namespace {

// Whether some connection holds SQLite's SHARED lock on the file (a read lock on
// the 510 bytes after the pending byte, 0x40000000), as another process sees it:
// while one does, no other process's closing connection takes the file for itself.
bool shared_lock_held(const std::string& path) {
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open(path.c_str(), O_RDWR);
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0x40000000 + 2;
    probe.l_len = 510;
    const bool held = fd >= 0 && ::fcntl(fd, F_GETLK, &probe) == 0 && probe.l_type == F_RDLCK;
    ::_exit(held ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

// check opened its second connection through open_database, whose look at the
// file's header closed a descriptor of it, dropping the first connection's POSIX
// locks: a writer closing in another process then folded the log into the file and
// deleted it while check read, and check under writers reported a damaged file,
// index entries missing and replay differences that were not there.
TEST_CASE("store: a second reader keeps the first one's lock (bug: check under writers saw a log folded away under it)") {
  TempDir dir;
  const auto path = dir.file("sqgl.db");
  init_file(path);
  auto first = open_database(path, false);
  CHECK(scalar(first, "SELECT count(*) FROM events") > 0);
  REQUIRE(shared_lock_held(path));  // an idle reader of a WAL database keeps it
  auto second = open_second_reader(first);
  CHECK(shared_lock_held(path));
  CHECK(scalar(second, "SELECT count(*) FROM events") == scalar(first, "SELECT count(*) FROM events"));
  CHECK_THROWS_AS(second.exec("UPDATE settings SET value = value"), SQLite::Exception);
}

TEST_CASE("store: a reader's connection refuses every write") {
  TempDir dir;
  const auto path = dir.file("sqgl.db");
  init_file(path);
  auto reader = open_database(path, false);
  CHECK_THROWS_AS(reader.exec("CREATE TABLE scratch (a)"), SQLite::Exception);
  CHECK_THROWS_AS(reader.exec("UPDATE settings SET value = value"), SQLite::Exception);
  auto writer = open_database(path, true);
  writer.exec("CREATE TABLE scratch (a)");  // the same statement on a writer's connection
}

namespace {

// The database a writer appends an event to while a backup is between its copy and
// its checks (test_point takes a plain function).
std::string g_written_meanwhile;

void append_after_copy(std::string_view point) {
  if (point != "backup.after-copy") return;
  auto writer = open_database(g_written_meanwhile, true);
  WriteTransaction tx(writer);
  auto clock = reform_clock();
  append_event(writer, clock, {"test.meanwhile", "x", "{}", std::nullopt});
  tx.commit();
}

}  // namespace

TEST_CASE("backup: the history it verifies is the copied moment's, while a writer goes on") {
  TempDir dir;
  const std::string path = dir.file("a.db");
  init_file(path);
  auto db = open_database(path, true);
  const long long before = scalar(db, "SELECT count(*) FROM events");

  g_written_meanwhile = path;
  test_point_hook = append_after_copy;
  BackupReport report;
  try {
    report = backup_database(db, dir.file("copy.db"), OutputRules{path, {}, 0600},
                             [](const BackupReport&, NewFile& file) { file.publish(); });
  } catch (...) {
    test_point_hook = nullptr;
    throw;
  }
  test_point_hook = nullptr;

  // The writer's event is in the database, not in the copy, nor in what was verified.
  CHECK(scalar(db, "SELECT count(*) FROM events") == before + 1);
  CHECK(report.events == before);
  auto copy = open_database(dir.file("copy.db"), false);
  const AuditResult verified = verify_history(copy);
  CHECK(verified.ok());
  CHECK(verified.events == report.events);
  CHECK(verified.head.hash == report.head);
}
