// Importing staff (core/import/staff.cpp): units, roles, phones, logins, and
// the staff events `sqgl check` replays.
#include <doctest/doctest.h>

#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {


}  // namespace

TEST_CASE(
    "import staff: a new member is written with sorted roles and a staff.add event, and the same file again changes "
    "nothing") {
  auto db = demo_db();
  const std::string file =
      "工号,姓名,单位,角色,联系电话,登录名\nZZ0199,张三,150204001001-FWZ,\"worker,head|worker\",13904721234,zhangsan\n";
  auto first = run_import(db, "staff", file);
  CHECK(first.problems.empty());
  CHECK(first.report.inserted == 1);
  const auto members = read_staff_records(db);
  REQUIRE(members.count("ZZ0199") == 1);
  const auto& zhang = members.at("ZZ0199");
  CHECK(zhang.unit == "150204001001-FWZ");
  CHECK(zhang.roles == std::vector<std::string>{"head", "worker"});
  CHECK(zhang.login == "zhangsan");
  CHECK(zhang.active);
  CHECK(
      scalar(db, "SELECT count(*) FROM events WHERE kind = 'staff.add' AND subject = 'ZZ0199' AND operator = 'IT01'") ==
      1);
  auto again = run_import(db, "staff", file);
  CHECK(again.report.unchanged == 1);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE subject = 'ZZ0199'") == 1);
}

TEST_CASE("import staff: an unknown unit and an unknown role are each refused in their column") {
  auto db = demo_db();
  auto r = run_import(db, "staff", "staff_no,name,unit,roles\nZZ0199,张三,150204009009-FWZ,boss\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].column_name == "unit");
  CHECK(r.problems[0].message == "unknown unit '150204009009-FWZ'");
  CHECK(r.problems[1].column_name == "roles");
  CHECK(r.problems[1].message == "unknown role 'boss'");
  CHECK(scalar(db, "SELECT count(*) FROM staff WHERE staff_no = 'ZZ0199'") == 0);
}

TEST_CASE("import staff: a phone number that is neither a mobile nor a landline is refused, and shown masked") {
  auto db = demo_db();
  auto r =
      run_import(db, "staff", "staff_no,name,unit,roles,phone\nZZ0199,张三,150204001001-FWZ,worker,139047212345\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column == 5);
  CHECK(r.problems[0].column_name == "phone");
  CHECK(r.problems[0].value == "139*****2345");
  CHECK(r.problems[0].message == "'139*****2345' is not a phone number (11-digit mobile, or area code-number)");
}

TEST_CASE("import staff: a changed member needs --mode upsert, and is then recorded as staff.change") {
  auto db = demo_db();
  const std::string file = "staff_no,name,unit,roles,active\nZZ0101,新名字,150204001001-FWZ,worker|head,否\n";
  auto refused = run_import(db, "staff", file);
  REQUIRE(refused.problems.size() == 1);
  CHECK(refused.problems[0].column_name == "staff_no");
  CHECK(refused.problems[0].message == "'ZZ0101' exists with other values; --mode upsert updates it");
  auto updated = run_import(db, "staff", file, true);
  CHECK(updated.problems.empty());
  CHECK(updated.report.updated == 1);
  const auto member = read_staff_records(db).at("ZZ0101");
  CHECK(member.name == "新名字");
  CHECK_FALSE(member.active);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'staff.change' AND subject = 'ZZ0101'") == 1);
}

TEST_CASE("import staff: 'active' must be yes or no") {
  auto db = demo_db();
  auto r = run_import(db, "staff", "staff_no,name,unit,roles,active\nZZ0199,张三,150204001001-FWZ,worker,maybe\n");
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column_name == "active");
  CHECK(r.problems[0].message == "'maybe' is not yes or no (是/否, 1/0)");
}
