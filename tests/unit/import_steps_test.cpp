// Importing catalog edits (core/import/steps.cpp): the rows of an item and
// model replace that chain, and the new chain's days become the item's promise.
#include <doctest/doctest.h>

#include "core/base/error.h"
#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {


}  // namespace

namespace {

const char* const kHeader = "item,model,seq,level,unit,name_zh,role,days\n";

}  // namespace

TEST_CASE("import catalog: the file's steps replace the chain, and the new chain's days become the promise") {
  auto db = demo_db();
  const std::string file = std::string(kHeader) +
                           "C05-01,new,1,station,,服务站,worker,1\n"
                           "C05-01,new,2,bureau,JSJ,区人口计生局,approver,2\n";
  auto refused = run_import(db, "catalog", file);
  REQUIRE(refused.problems.size() == 2);
  CHECK(refused.problems[0].column_name == "seq");
  CHECK(refused.problems[0].message == "this step exists with other values; --mode upsert updates it");
  auto updated = run_import(db, "catalog", file, true);
  CHECK(updated.problems.empty());
  CHECK(updated.report.updated == 2);
  CHECK(scalar(db, "SELECT count(*) FROM item_steps WHERE item = 'C05-01' AND model = 'new'") == 2);
  CHECK(scalar(db, "SELECT promise_days FROM items WHERE code = 'C05-01'") == 3);
  auto again = run_import(db, "catalog", file);
  CHECK(again.report.unchanged == 2);
}

TEST_CASE("import catalog: a chain that skips a step is refused whole") {
  auto db = demo_db();
  const std::string file = std::string(kHeader) +
                           "C05-01,new,1,station,,服务站,worker,1\n"
                           "C05-01,new,3,bureau,JSJ,区人口计生局,approver,2\n";
  CHECK_THROWS_WITH_AS(run_import(db, "catalog", file, true),
                       "the new chain of C05-01 skips step 2: steps must run 1, 2, 3 …", InvalidInput);
  CHECK_THROWS_WITH_AS(
      run_import(db, "catalog", std::string(kHeader) + "C05-01,new,1,station,,服务站,worker,0\n", true),
      "the new chain of C05-01 adds up to no working day", InvalidInput);
}

TEST_CASE("import catalog: a step's unit is named for a bureau and only for a bureau or other unit") {
  auto db = demo_db();
  auto r = run_import(db, "catalog",
                      std::string(kHeader) +
                          "C05-01,new,1,station,JSJ,服务站,worker,1\n"
                          "C05-01,new,2,bureau,,区人口计生局,approver,2\n"
                          "C05-01,new,3,bureau,150204001,街道,approver,2\n",
                      true);
  REQUIRE(r.problems.size() == 3);
  CHECK(r.problems[0].column_name == "unit");
  CHECK(r.problems[0].message == "a station step takes no unit: it is the case's own");
  CHECK(r.problems[1].message == "a bureau step names its unit");
  CHECK(r.problems[2].message == "unknown bureau or other unit '150204001'");
}

TEST_CASE("import catalog: unknown items, models, roles and levels, and a step number below 1, are each named") {
  auto db = demo_db();
  auto r = run_import(db, "catalog",
                      std::string(kHeader) +
                          "C99-01,new,1,station,,服务站,worker,1\n"
                          "C05-01,mid,1,station,,服务站,worker,1\n"
                          "C05-01,new,0,station,,服务站,worker,1\n"
                          "C05-01,new,1,county,,服务站,worker,1\n"
                          "C05-01,new,1,station,,服务站,boss,1\n",
                      true);
  REQUIRE(r.problems.size() == 5);
  CHECK(r.problems[0].column_name == "item");
  CHECK(r.problems[0].message == "unknown item 'C99-01'");
  CHECK(r.problems[1].column_name == "model");
  CHECK(r.problems[1].message == "'mid' is not 'new' or 'old'");
  CHECK(r.problems[2].column_name == "seq");
  CHECK(r.problems[2].message == "'0' is not a whole number of at least 1");
  CHECK(r.problems[3].column_name == "level");
  CHECK(r.problems[3].message == "'county' is not committee, station, street, bureau or other");
  CHECK(r.problems[4].column_name == "role");
  CHECK(r.problems[4].message == "unknown role 'boss'");
}

TEST_CASE("import catalog: the same step twice in a file is a duplicate of the first line") {
  auto db = demo_db();
  const std::string row = "C05-01,new,1,station,,服务站,worker,1\n";
  auto r = run_import(db, "catalog", std::string(kHeader) + row + row, true);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].line == 3);
  CHECK(r.problems[0].column_name == "seq");
  CHECK(r.problems[0].message == "duplicate of line 2");
}
