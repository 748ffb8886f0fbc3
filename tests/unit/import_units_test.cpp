// Importing units (core/import/units.cpp): the district, street offices,
// communities with their bodies, and bureaus.
#include <doctest/doctest.h>

#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {


}  // namespace

TEST_CASE("import units: a new street office is inserted under the district, and the same file again changes nothing") {
  auto db = demo_db();
  const std::string file = "街道代码,街道,区\n150204003,青山路街道,150204\n";
  auto first = run_import(db, "streets", file);
  CHECK(first.problems.empty());
  CHECK(first.report.inserted == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM units u JOIN units p ON p.id = u.parent_id "
               "WHERE u.code = '150204003' AND u.kind = 'street' AND p.code = '150204'") == 1);
  auto again = run_import(db, "streets", file);
  CHECK(again.report.inserted == 0);
  CHECK(again.report.unchanged == 1);
}

TEST_CASE("import units: a new community brings its station, residents' committee and party committee") {
  auto db = demo_db();
  auto r = run_import(db, "communities", "社区代码,社区,街道\n150204001099,新村社区,150204001\n");
  CHECK(r.problems.empty());
  CHECK(r.report.inserted == 1);
  SQLite::Statement q(db,
                      "SELECT u.code, u.kind, u.name_zh FROM units u JOIN units p ON p.id = u.parent_id "
                      "WHERE p.code = '150204001099' ORDER BY u.code");
  std::vector<std::string> bodies;
  while (q.executeStep()) {
    bodies.push_back(q.getColumn(0).getString() + " " + q.getColumn(1).getString() + " " + q.getColumn(2).getString());
  }
  CHECK(bodies == std::vector<std::string>{"150204001099-DW party 新村社区党委",
                                           "150204001099-FWZ station 新村社区管理服务站",
                                           "150204001099-JWH committee 新村社区居民委员会"});
}

TEST_CASE("import units: a changed name is refused without --mode upsert and updated with it") {
  auto db = demo_db();
  const std::string file = "code,name_zh,name_en\n150204,青山区,Qingshan\n";
  auto refused = run_import(db, "district", file);
  REQUIRE(refused.problems.size() == 1);
  CHECK(refused.problems[0].line == 2);
  CHECK(refused.problems[0].column_name == "code");
  CHECK(refused.problems[0].message == "'150204' exists with other values; --mode upsert updates it");
  CHECK(refused.report.rejected == 1);
  auto updated = run_import(db, "district", file, true);
  CHECK(updated.problems.empty());
  CHECK(updated.report.updated == 1);
  CHECK(scalar(db, "SELECT count(*) FROM units WHERE code = '150204' AND name_en = 'Qingshan'") == 1);
}

TEST_CASE("import units: a code that is already a unit of another kind is refused, naming both kinds") {
  auto db = demo_db();
  auto r = run_import(db, "bureaus", "代码,名称\n150204001,街道办\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column_name == "code");
  CHECK(r.problems[0].message == "'150204001' is already a street, not a bureau");
}

TEST_CASE("import units: a bureau's kind is bureau or other, and a new one hangs under the district") {
  auto db = demo_db();
  auto bad = run_import(db, "bureaus", "代码,类型,名称\nXYZ,office,某局\n");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].column_name == "kind");
  CHECK(bad.problems[0].message == "'office' is not 'bureau' or 'other'");
  auto good = run_import(db, "bureaus", "代码,类型,名称\nXYZ,other,某中心\n");
  CHECK(good.report.inserted == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM units u JOIN units p ON p.id = u.parent_id "
               "WHERE u.code = 'XYZ' AND u.kind = 'other' AND p.kind = 'district'") == 1);
}

TEST_CASE(
    "import units: an unknown parent is refused in the parent's column, and a code twice in a file is a duplicate") {
  auto db = demo_db();
  auto r = run_import(db, "communities",
                      "code,name_zh,street\n150204001098,甲社区,150204999\n150204001097,乙社区,幸福路街道\n"
                      "150204001097,乙社区,幸福路街道\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].line == 2);
  CHECK(r.problems[0].column_name == "street");
  CHECK(r.problems[0].message == "unknown street '150204999' (not in the database, nor earlier in this file)");
  CHECK(r.problems[1].line == 4);
  CHECK(r.problems[1].column_name == "code");
  CHECK(r.problems[1].message == "duplicate of line 3");
  CHECK(r.report.inserted == 1);  // the street named by its Chinese name
  CHECK(r.report.rejected == 2);
}
