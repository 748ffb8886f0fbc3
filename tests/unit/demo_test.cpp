#include <doctest/doctest.h>

#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::dump;
using sqgl::test::reform_clock;
using sqgl::test::scalar;

namespace {

SQLite::Database demo_db(std::uint64_t seed, double scale) {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  WriteTransaction tx(db);
  generate_demo(db, clock, std::nullopt, {seed, scale});
  tx.commit();
  return db;
}

std::string residents_digest(const SQLite::Database& db) {
  std::string all;
  SQLite::Statement q(db,
                      "SELECT citizen_id, name, sex, birth_date, household_id, phone, pregnant, disabled, "
                      "low_income, party_member, unemployed FROM residents ORDER BY id");
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) all += q.getColumn(i).getString() + "|";
  }
  return sha256_hex(all);
}

}  // namespace

TEST_CASE("demo: the pilot's shape at full size") {
  auto db = demo_db(2012, 1.0);
  auto d = summarize_district(db);
  CHECK(d.code == "150204");
  REQUIRE(d.streets.size() == 2);
  CHECK(d.streets[0].name_zh == "幸福路街道");
  CHECK(d.streets[0].communities.size() == 4);
  CHECK(d.streets[1].name_zh == "乌素图街道");
  CHECK(d.streets[1].communities.size() == 3);
  std::int64_t workers = 0;
  for (const auto& s : d.streets) {
    CHECK(s.reviewers >= 1);
    for (const auto& c : s.communities) {
      CHECK(c.households == 4000);
      CHECK(c.grids == 10);
      CHECK(c.station_workers == 10);   // one per 400 households
      CHECK(c.committee_leaders == 5);  // one per 800 households
      CHECK(c.residents > 9000);
      CHECK(c.residents < 12000);
      workers += c.station_workers;
    }
  }
  CHECK(workers == 70);
  for (const auto& b : d.bureaus) CHECK(b.staff >= 1);
  // Every grid is held by a station worker of its own community.
  CHECK(scalar(db,
               "SELECT count(*) FROM grids g JOIN staff s ON s.id = g.worker_id JOIN units u ON u.id = s.unit_id "
               "WHERE u.kind = 'station' AND u.parent_id = g.community_id") == 70);
  CHECK(scalar(db, "SELECT count(*) FROM households WHERE grid_id IS NULL") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'demo.generate'") == 1);
}

TEST_CASE("demo: every citizen ID is valid and agrees with sex and birth date") {
  auto db = demo_db(7, 0.1);
  SQLite::Statement q(db, "SELECT citizen_id, sex, birth_date FROM residents");
  int n = 0;
  while (q.executeStep()) {
    auto check = check_citizen_id(q.getColumn(0).getString());
    REQUIRE_MESSAGE(check.id, q.getColumn(0).getString());
    CHECK(std::string(1, check.id->sex) == q.getColumn(1).getString());
    CHECK(format_date(check.id->birth_date) == q.getColumn(2).getString());
    ++n;
  }
  CHECK(n > 2000);
  CHECK(scalar(db, "SELECT count(*) FROM residents WHERE pregnant AND sex = 'M'") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM residents WHERE pregnant") > 0);
}

TEST_CASE("demo: the same seed gives the same data, another seed other data") {
  CHECK(residents_digest(demo_db(42, 0.05)) == residents_digest(demo_db(42, 0.05)));
  CHECK(residents_digest(demo_db(42, 0.05)) != residents_digest(demo_db(43, 0.05)));
}

TEST_CASE("demo: refused on a database that already has a district, writing nothing") {
  auto clock = reform_clock();
  auto db = demo_db(1, 0.01);
  const std::string before = dump(db);
  {
    WriteTransaction tx(db);
    CHECK_THROWS_WITH_AS(generate_demo(db, clock, std::nullopt, {1, 0.01}),
                         doctest::Contains("already holds district '150204'"), Conflict);
  }
  CHECK(dump(db) == before);
}
