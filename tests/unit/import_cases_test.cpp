// Importing cases of earlier years and residents' ratings (core/import/cases.cpp).
#include <doctest/doctest.h>

#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::Imported;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {


// Three cases of 2011, as tests/fixtures/import/cases.csv holds them.
const char* const kCases =
    "办件编号,事项编码,身份证号,状态,受理时间,办结时间,模式,原因\n"
    "150204-20110301-0001,C02-01,150204198503121230,办结,2011-03-01 09:30,2011-04-20 16:00,旧,\n"
    "150204-20110509-0001,C05-01,150204199007172463,不予批准,2011/5/9,2011/6/1,旧,不符合政策\n"
    "150204-20110701-0001,C07-01,150204198503121230,撤回,2011-07-01,2011-07-02,,\n";

}  // namespace

namespace {

// The demo district with two residents of 150204001001-0001, and three cases of
// 2011 decided elsewhere: approved, rejected and withdrawn.
SQLite::Database with_cases() {
  auto db = demo_db();
  const auto residents = run_import(db, "residents",
                                    "身份证号,姓名,性别,出生日期,户号\n"
                                    "150204198503121230,王伟,男,1985-03-12,150204001001-0001\n"
                                    "150204199007172463,李娜,女,1990-07-17,150204001001-0001\n");
  REQUIRE(residents.report.inserted == 2);
  const auto cases = run_import(db, "cases", kCases);
  REQUIRE(cases.problems.empty());
  REQUIRE(cases.report.inserted == 3);
  return db;
}

}  // namespace

TEST_CASE(
    "import cases: decided cases are inserted with their steps and events, and the same file again changes nothing") {
  auto db = with_cases();
  CHECK(scalar(db,
               "SELECT count(*) FROM cases WHERE number = '150204-20110509-0001' AND status = 'rejected' "
               "AND model = 'old' AND decided_at = '2011-06-01T00:00:00'") == 1);
  // Rejected: the last step said no, with the reason; the steps before it approved.
  SQLite::Statement steps(db,
                          "SELECT s.status, COALESCE(s.note, '') FROM case_steps s JOIN cases c ON c.id = s.case_id "
                          "WHERE c.number = '150204-20110509-0001' ORDER BY s.seq");
  std::vector<std::string> seen;
  while (steps.executeStep()) seen.push_back(steps.getColumn(0).getString() + ":" + steps.getColumn(1).getString());
  CHECK(seen == std::vector<std::string>{"approved:", "approved:", "rejected:不符合政策"});
  // Withdrawn: at the first step; the others never started.
  CHECK(scalar(db,
               "SELECT count(*) FROM case_steps s JOIN cases c ON c.id = s.case_id "
               "WHERE c.number = '150204-20110701-0001' AND s.seq = 1 AND s.status = 'withdrawn'") == 1);
  CHECK(scalar(db,
               "SELECT count(*) FROM case_steps s JOIN cases c ON c.id = s.case_id "
               "WHERE c.number = '150204-20110701-0001' AND s.seq > 1 AND s.status <> 'pending'") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'case.import'") == 3);
  auto again = run_import(db, "cases", kCases);
  CHECK(again.report.unchanged == 3);
  CHECK(scalar(db, "SELECT count(*) FROM events WHERE kind = 'case.import'") == 3);
}

TEST_CASE("import cases: a case number must name the district and the day the case was accepted") {
  auto db = with_cases();
  auto r = run_import(db, "cases",
                      "number,item,resident,status,accepted_at,decided_at\n"
                      "150204-20110302-0001,C02-01,150204198503121230,approved,2011-03-01 09:30,2011-03-02 09:30\n"
                      "150204-20110301-0000,C02-01,150204198503121230,approved,2011-03-01 09:30,2011-03-02 09:30\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].column_name == "number");
  CHECK(r.problems[0].message ==
        "'150204-20110302-0001' is not a case number of the day it was accepted: expected "
        "150204-20110301-NNNN (0001 to 9999)");
  CHECK(r.problems[1].message ==
        "'150204-20110301-0000' is not a case number of the day it was accepted: expected "
        "150204-20110301-NNNN (0001 to 9999)");
}

TEST_CASE("import cases: an open status, a decision before acceptance and an unknown applicant are refused") {
  auto db = with_cases();
  auto r = run_import(db, "cases",
                      "number,item,resident,status,accepted_at,decided_at\n"
                      "150204-20110509-0009,C05-01,150204199007172463,open,2011-05-09,2011-06-01\n"
                      "150204-20110609-0010,C05-01,150204199007172463,approved,2011-06-09,2011-06-01\n"
                      "150204-20110609-0011,C05-01,150204198001010012,approved,2011-06-09,2011-06-10\n");
  REQUIRE(r.problems.size() == 3);
  CHECK(r.problems[0].column_name == "status");
  CHECK(r.problems[0].message ==
        "'open' is not a decided status (approved/办结, rejected/不予批准, withdrawn/撤回); "
        "open cases are entered with 'sqgl apply'");
  CHECK(r.problems[1].column_name == "decided_at");
  CHECK(r.problems[1].message == "is before the case was accepted");
  CHECK(r.problems[2].column_name == "resident");
  CHECK(r.problems[2].value == "150204********0012");
  CHECK(r.problems[2].message == "no resident with this citizen ID");
}

TEST_CASE("import cases: an existing number with other values is refused, as imported cases are never changed") {
  auto db = with_cases();
  auto r = run_import(db, "cases",
                      "number,item,resident,status,accepted_at,decided_at\n"
                      "150204-20110301-0001,C02-01,150204198503121230,rejected,2011-03-01 09:30,2011-04-20 16:00\n",
                      true);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column_name == "number");
  CHECK(r.problems[0].message == "a case with this number exists with other values; imported cases are not changed");
}

TEST_CASE("import evaluations: decided cases are rated, and a withdrawn case or a score out of range is refused") {
  auto db = with_cases();
  auto bad = run_import(db, "evaluations", "case,score\n150204-20110701-0001,5\n150204-20110301-0001,6\n");
  REQUIRE(bad.problems.size() == 2);
  CHECK(bad.problems[0].column_name == "case");
  CHECK(bad.problems[0].message == "case '150204-20110701-0001' is withdrawn; only decided cases are rated");
  CHECK(bad.problems[1].column_name == "score");
  CHECK(bad.problems[1].message == "'6' is not a score from 1 to 5 (or 非常满意 … 非常不满意)");
  auto good = run_import(db, "evaluations",
                         "办件编号,评分,评价内容\n150204-20110301-0001,满意,材料跑了三趟\n"
                         "150204-20110509-0001,2,\n");
  CHECK(good.problems.empty());
  CHECK(good.report.inserted == 2);
  CHECK(scalar(db,
               "SELECT e.score FROM evaluations e JOIN cases c ON c.id = e.case_id "
               "WHERE c.number = '150204-20110301-0001'") == 4);
  CHECK(scalar(db,
               "SELECT count(*) FROM events WHERE kind = 'case.evaluate' "
               "AND json_extract(detail, '$.line') = 3 AND json_extract(detail, '$.file') = 'test.csv'") == 1);
}

TEST_CASE(
    "import evaluations: a rating dated before the decision is refused, and a changed rating needs --mode upsert") {
  auto db = with_cases();
  auto early = run_import(db, "evaluations", "case,score,at\n150204-20110301-0001,5,2011-04-01 10:00\n");
  REQUIRE(early.problems.size() == 1);
  CHECK(early.problems[0].column_name == "at");
  CHECK(early.problems[0].message == "2011-04-01T10:00:00 is before the case was decided (2011-04-20T16:00:00)");
  REQUIRE(run_import(db, "evaluations", "case,score\n150204-20110301-0001,5\n").report.inserted == 1);
  auto changed = run_import(db, "evaluations", "case,score\n150204-20110301-0001,3\n");
  REQUIRE(changed.problems.size() == 1);
  CHECK(changed.problems[0].message == "this case was rated with other values; --mode upsert updates it");
  CHECK(run_import(db, "evaluations", "case,score\n150204-20110301-0001,3\n", true).report.updated == 1);
  CHECK(run_import(db, "evaluations", "case,score\n150204-20110301-0001,3\n").report.unchanged == 1);
}
