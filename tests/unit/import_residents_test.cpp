// Importing where people live (core/import/residents.cpp): grids, households
// and residents, checked against each other and against the citizen ID.
#include <doctest/doctest.h>

#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {


}  // namespace

namespace {

const char* const kResidentHeader = "身份证号,姓名,性别,出生日期,户号,联系电话,孕妇\n";

}  // namespace

TEST_CASE("import residents: new residents are inserted, and the same file again changes nothing") {
  auto db = demo_db();
  const std::string file = std::string(kResidentHeader) +
                           "150204198503121230,王伟,男,1985-03-12,150204001001-0001,13904721234,\n"
                           "150204199007172463,李娜,女,1990/7/17,150204001001-0001,0472-5123456,是\n";
  auto first = run_import(db, "residents", file);
  CHECK(first.problems.empty());
  CHECK(first.report.inserted == 2);
  // Only the resident with a flag travels in the event's replay.
  CHECK(first.report.replay["flags"].size() == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM residents WHERE citizen_id = '150204199007172463' "
               "AND birth_date = '1990-07-17' AND sex = 'F' AND pregnant = 1") == 1);
  auto again = run_import(db, "residents", file);
  CHECK(again.report.inserted == 0);
  CHECK(again.report.unchanged == 2);
}

TEST_CASE("import residents: a citizen ID whose sex digit disagrees with the sex column is refused, naming both") {
  auto db = demo_db();
  auto r = run_import(db, "residents",
                      std::string(kResidentHeader) + "150204198503121230,王伟,女,1985-03-12,150204001001-0001,,\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column == 3);
  CHECK(r.problems[0].column_name == "sex");
  CHECK(r.problems[0].message == "'女' disagrees with the citizen ID, which says 男 (M)");
}

TEST_CASE("import residents: a birth date that disagrees with the citizen ID is refused, naming the ID's date") {
  auto db = demo_db();
  auto r = run_import(db, "residents",
                      std::string(kResidentHeader) + "150204198503121230,王伟,男,1985-03-13,150204001001-0001,,\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column_name == "birth_date");
  CHECK(r.problems[0].message == "'1985-03-13' disagrees with the citizen ID, which says 1985-03-12");
}

TEST_CASE("import residents: a man marked pregnant and an unknown household are refused together") {
  auto db = demo_db();
  auto r = run_import(db, "residents",
                      std::string(kResidentHeader) + "150204198503121230,王伟,男,1985-03-12,150204009001-0001,,1\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].column_name == "household");
  CHECK(r.problems[0].message ==
        "unknown household '150204009001-0001' (not in the database, nor earlier in an import)");
  CHECK(r.problems[1].column_name == "pregnant");
  CHECK(r.problems[1].message == "a man cannot be marked pregnant");
  CHECK(r.report.rejected == 1);
}

TEST_CASE("import residents: a changed resident needs --mode upsert, and the problem shows the ID masked") {
  auto db = demo_db();
  const std::string row = "150204198503121230,王伟,男,1985-03-12,150204001001-0001,,\n";
  REQUIRE(run_import(db, "residents", std::string(kResidentHeader) + row).report.inserted == 1);
  const std::string changed =
      std::string(kResidentHeader) + "150204198503121230,王伟,男,1985-03-12,150204001001-0001,13904721234,\n";
  auto refused = run_import(db, "residents", changed);
  REQUIRE(refused.problems.size() == 1);
  CHECK(refused.problems[0].column_name == "citizen_id");
  CHECK(refused.problems[0].value == "150204********1230");
  CHECK(refused.problems[0].message == "this resident exists with other values; --mode upsert updates it");
  auto updated = run_import(db, "residents", changed, true);
  CHECK(updated.report.updated == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM residents WHERE citizen_id = '150204198503121230' "
               "AND phone = '13904721234'") == 1);
}

TEST_CASE("import residents: the same citizen ID twice in a file is a duplicate of the first line") {
  auto db = demo_db();
  const std::string row = "150204198503121230,王伟,男,1985-03-12,150204001001-0001,,\n";
  auto r = run_import(db, "residents", std::string(kResidentHeader) + row + row);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].column_name == "citizen_id");
  CHECK(r.problems[0].message == "duplicate of line 2");
}

TEST_CASE(
    "import households: a grid of another community is refused, and one of the household's own community is linked") {
  auto db = demo_db();
  auto r = run_import(db, "households",
                      "户号,社区,网格,地址\n150204001001-9001,150204001001,150204001002-G01,一号楼\n"
                      "150204001001-9002,150204001001,150204001001-G01,二号楼\n"
                      "150204001001-9003,150204001001,150204001001-G99,三号楼\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].line == 2);
  CHECK(r.problems[0].column_name == "grid");
  CHECK(r.problems[0].message == "grid '150204001002-G01' belongs to another community");
  CHECK(r.problems[1].line == 4);
  CHECK(r.problems[1].message == "unknown grid '150204001001-G99'");
  CHECK(r.report.inserted == 1);
  auto good =
      run_import(db, "households", "户号,社区,网格,地址\n150204001001-9002,150204001001,150204001001-G01,二号楼\n");
  CHECK(good.report.inserted == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM households h JOIN grids g ON g.id = h.grid_id "
               "WHERE h.code = '150204001001-9002' AND g.code = '150204001001-G01'") == 1);
}

TEST_CASE("import households: a community is named by code or by its unique Chinese name") {
  auto db = demo_db();
  const std::string name = [&] {
    SQLite::Statement q(db, "SELECT name_zh FROM units WHERE code = '150204001001'");
    q.executeStep();
    return q.getColumn(0).getString();
  }();
  auto r =
      run_import(db, "households",
                 "code,community,address\n150204001001-9001," + name + ",一号楼\n150204001001-9002,无名社区,二号楼\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column_name == "community");
  CHECK(r.problems[0].message == "unknown community '无名社区' (not in the database, nor earlier in this file)");
  CHECK(r.report.inserted == 1);
}

TEST_CASE("import grids: an unknown grid worker is refused, and a changed grid is updated under --mode upsert") {
  auto db = demo_db();
  auto bad = run_import(db, "grids", "code,community,name,worker\n150204001001-G09,150204001001,第九网格,NOPE\n");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].column_name == "worker");
  CHECK(bad.problems[0].message == "unknown staff number 'NOPE'");
  const std::string renamed = "code,community,name,worker\n150204001001-G01,150204001001,改名网格,ZZ0101\n";
  auto refused = run_import(db, "grids", renamed);
  REQUIRE(refused.problems.size() == 1);
  CHECK(refused.problems[0].message == "'150204001001-G01' exists with other values; --mode upsert updates it");
  auto updated = run_import(db, "grids", renamed, true);
  CHECK(updated.report.updated == 1);
  CHECK(scalar(db, "SELECT count(*) FROM grids WHERE code = '150204001001-G01' AND name = '改名网格'") == 1);
}
