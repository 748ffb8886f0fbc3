// Households as the unit of household benefits: who may apply for one, one open
// case per household, the means test against the standards in force, and the
// limits that match the programmes (once per pregnancy, once in a lifetime, a
// review only of a grant).
#include <doctest/doctest.h>

#include <SQLiteCpp/Statement.h>

#include "core/admin/check.h"
#include "core/base/error.h"
#include "core/model/cases/cases.h"
#include "core/model/household.h"
#include "core/model/standards.h"
#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::demo_db;
using sqgl::test::run_import;
using sqgl::test::scalar;

namespace {

FixedClock at(const char* when) { return FixedClock(*parse_datetime(when)); }

struct Fixture {
  Fixture() : db(demo_db()), calendar(WorkCalendar::load(db)) {}

  // The household's members by relation: a household of community 150204001001
  // that matches `where` (on households h and its head r).
  std::string household(const std::string& where) {
    SQLite::Statement q(db,
                        "SELECT h.code FROM households h JOIN residents r ON r.household_id = h.id "
                        "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.relation = '户主' "
                        "AND " + where + " ORDER BY h.id LIMIT 1");
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }
  std::string member(const std::string& household, const std::string& relation) {
    SQLite::Statement q(db,
                        "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                        "WHERE h.code = ? AND r.relation = ? ORDER BY r.birth_date LIMIT 1");
    q.bind(1, household);
    q.bind(2, relation);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }

  Case apply(const char* when, const std::string& citizen_id, const char* item, std::vector<std::string> materials,
             const std::string& authorised_by = "") {
    auto clock = at(when);
    WriteTransaction tx(db);
    Case c = apply_case(db, clock, calendar, resolve_operator(db, std::string("ZZ0101")),
                        {citizen_id, item, std::move(materials), "", std::nullopt, authorised_by});
    tx.commit();
    return c;
  }

  // A staff member of the step's unit holding its role.
  Operator decider(const CaseStep& step) {
    SQLite::Statement q(db,
                        "SELECT s.staff_no FROM staff s JOIN units u ON u.id = s.unit_id "
                        "JOIN staff_roles r ON r.staff_id = s.id WHERE u.code = ? AND r.role = ? ORDER BY s.id "
                        "LIMIT 1");
    q.bind(1, step.unit_code);
    q.bind(2, std::string(text(step.role)));
    REQUIRE(q.executeStep());
    return resolve_operator(db, q.getColumn(0).getString());
  }

  // Every step passed, each by a staff member of its unit holding its role: an
  // investigation and a review that pass, a posting closed on the day it ends.
  void approve_all(const char* when, const std::string& number) {
    std::string now = when;
    for (;;) {
      const Case c = get_case(db, calendar, number);
      if (c.status != CaseStatus::open) return;
      const auto& step = c.steps[static_cast<std::size_t>(*c.current_seq - 1)];
      if (step.kind == StepKind::posting && step.due_date + "T10:00" > now) now = step.due_date + "T10:00";
      auto clock = at(now.c_str());
      const Operator op = decider(step);
      WriteTransaction tx(db);
      switch (step.kind) {
        case StepKind::investigation:
          investigate_case(db, clock, calendar, op, number, {clock.today(), std::nullopt, std::nullopt, true, ""});
          break;
        case StepKind::review:
          review_case(db, clock, calendar, op, number, {clock.today(), 9, 8, 1, 0, "2012-1"});
          break;
        case StepKind::decision:
        case StepKind::posting:
          approve_case(db, clock, calendar, op, number, "");
          break;
      }
      tx.commit();
    }
  }

  SQLite::Database db;
  WorkCalendar calendar;
};

const std::vector<std::string> kDibao = {"1", "2", "3"};

}  // namespace

TEST_CASE("households: the head's spouse applies for 低保 with the head's authority and the case is the household's") {
  Fixture f;
  // A household with a spouse and nothing that rules it out, whose members earn little.
  const std::string code = f.household("h.assets = '' AND EXISTS (SELECT 1 FROM residents m WHERE "
                                       "m.household_id = h.id AND m.relation = '配偶')");
  f.db.exec("UPDATE residents SET monthly_income = 200, living_together = 1 WHERE household_id = (SELECT id FROM "
            "households WHERE code = '" + code + "')");
  const std::string head = f.member(code, "户主"), spouse = f.member(code, "配偶");

  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", spouse, "C02-01", kDibao),
                       doctest::Contains("only with the authority of its head"), InvalidInput);
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", spouse, "C02-01", kDibao, "150204198503121230"),
                       doctest::Contains("is not the head of household"), InvalidInput);
  const Case c = f.apply("2012-03-05T09:00", spouse, "C02-01", kDibao, head);
  CHECK(c.household == code);
  REQUIRE(c.means_test.is_object());
  CHECK(c.means_test["passes"] == true);
  CHECK(c.means_test["checks"][0]["standard"] == "dibao");
  CHECK(c.means_test["checks"][0]["threshold"] == 450);
  CHECK(c.means_test["checks"][0]["shortfall"].get<double>() > 0);
  const auto shown = describe_means_test(c.means_test);
  REQUIRE(shown.size() == 1);
  CHECK(shown[0].find("under the 低保 standard of 450 (2012, assumed)") != std::string::npos);

  // The second application of the household, by the head himself, is refused.
  const std::string second = "household '" + code + "' already has open case '" + c.number + "'";
  CHECK_THROWS_WITH_AS(f.apply("2012-03-06T09:00", head, "C02-01", kDibao), doctest::Contains(second.c_str()),
                       Conflict);
  CHECK(household_cases(f.db, household_by_id(f.db, get_household(f.db, code).id).id).size() == 1);
  CHECK(replay_history(f.db).ok());
}

TEST_CASE("households: what the investigation found is tested against the standard, and a pass it contradicts refused") {
  Fixture f;
  const std::string code = f.household("h.assets = ''");
  f.db.exec("UPDATE residents SET monthly_income = 200, living_together = 1 WHERE household_id = (SELECT id FROM "
            "households WHERE code = '" + code + "')");
  const Case c = f.apply("2012-03-05T09:00", f.member(code, "户主"), "C02-01", kDibao);
  REQUIRE(c.steps[0].kind == StepKind::investigation);
  auto clock = at("2012-03-06T10:00");
  const Operator op = f.decider(c.steps[0]);
  const Investigation found_more{clock.today(), 52000, 950, true, ""};
  {
    WriteTransaction tx(f.db);
    CHECK_THROWS_WITH_AS(investigate_case(f.db, clock, f.calendar, op, c.number, found_more),
                         doctest::Contains("not eligible for C02-01 城市居民最低生活保障申请(低保) on what the investigation "
                                           "found: income 520 yuan per person a month, 70 above the 低保 standard of 450 "
                                           "(2012, assumed); record --result fail with the reason"),
                         InvalidInput);
  }
  CHECK(get_case(f.db, f.calendar, c.number).stages.empty());
  {
    WriteTransaction tx(f.db);
    investigate_case(f.db, clock, f.calendar, op, c.number, {clock.today(), 52000, 950, false, "经营收入"});
    tx.commit();
  }
  const Case rejected = get_case(f.db, f.calendar, c.number);
  CHECK(rejected.status == CaseStatus::rejected);
  REQUIRE(rejected.findings_tests.size() == 1);
  const auto& tested = rejected.findings_tests[0];
  CHECK(tested.step == 1);
  CHECK(tested.test["passes"] == false);
  // 低保 tests income: the area found is recorded with the stage, not tested.
  REQUIRE(tested.test["checks"].size() == 1);
  CHECK(tested.test["checks"][0]["measured"] == 520);
  CHECK(tested.test["checks"][0]["shortfall"] == -70);
  CHECK(replay_history(f.db).ok());

  // 廉租房 tests the low-income line and the living area: the area found per person
  // against the housing standard (13 m², assumed), the income found against the line.
  const std::string tenant =
      f.household("h.assets = '' AND h.id <> (SELECT id FROM households WHERE code = '" + code + "')");
  f.db.exec(
      "UPDATE residents SET monthly_income = 300, living_together = 1 WHERE household_id = (SELECT id FROM "
      "households WHERE code = '" +
      tenant + "')");
  f.db.exec("UPDATE households SET living_area = 20, housing = 'rented' WHERE code = '" + tenant + "'");
  const Case rent = f.apply("2012-03-05T09:00", f.member(tenant, "户主"), "C06-01", {"1", "2", "3", "4"});
  REQUIRE(rent.steps[0].kind == StepKind::investigation);
  const Operator worker = f.decider(rent.steps[0]);
  {
    WriteTransaction tx(f.db);
    CHECK_THROWS_WITH_AS(
        investigate_case(f.db, clock, f.calendar, worker, rent.number, {clock.today(), 30000, 1500, true, ""}),
        doctest::Contains("living area 15 m² per person, 2 above the"), InvalidInput);
  }
  {
    WriteTransaction tx(f.db);
    investigate_case(f.db, clock, f.calendar, worker, rent.number, {clock.today(), 30000, 950, true, ""});
    tx.commit();
  }
  const Case passed = get_case(f.db, f.calendar, rent.number);
  REQUIRE(passed.findings_tests.size() == 1);
  const auto& checks = passed.findings_tests[0].test["checks"];
  REQUIRE(checks.size() == 2);
  CHECK(checks[0]["standard"] == "low_income");
  CHECK(checks[0]["measured"] == 300);
  CHECK(checks[1]["standard"] == "housing_area");
  CHECK(checks[1]["measured"] == 9.5);
  CHECK(passed.findings_tests[0].test["passes"] == true);
  CHECK(replay_history(f.db).ok());
}

TEST_CASE("households: a child may not apply for a household benefit") {
  Fixture f;
  const std::string code = f.household("EXISTS (SELECT 1 FROM residents c WHERE "
                                       "c.household_id = h.id AND c.relation = '子女' AND c.birth_date > '1996-01-01')");
  SQLite::Statement q(f.db,
                      "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                      "WHERE h.code = ? AND r.relation = '子女' AND r.birth_date > '1996-01-01'");
  q.bind(1, code);
  REQUIRE(q.executeStep());
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", q.getColumn(0).getString(), "C02-01", kDibao,
                               f.member(code, "户主")),
                       doctest::Contains("is applied for by an adult member of the household (18 or over)"),
                       InvalidInput);
}

TEST_CASE("households: an income above the standard is refused with the difference named") {
  Fixture f;
  const std::string code = f.household("r.low_income = 0 AND h.assets = '' AND r.monthly_income > 2000");
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", f.member(code, "户主"), "C02-01", kDibao),
                       doctest::Contains("above the 低保 standard of 450 (2012, assumed)"), InvalidInput);
  // An income the register does not know cannot be tested.
  f.db.exec("UPDATE residents SET monthly_income = NULL WHERE relation = '户主' AND household_id = (SELECT id FROM "
            "households WHERE code = '" + code + "')");
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", f.member(code, "户主"), "C02-01", kDibao),
                       doctest::Contains("is not on record"), InvalidInput);
  // What the household owns rules it out as well.
  const std::string owner = f.household("h.assets LIKE '%vehicle%'");
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", f.member(owner, "户主"), "C02-01", kDibao),
                       doctest::Contains("it owns: vehicle"), InvalidInput);
}

TEST_CASE("households: the standard in force is the district's own, of the latest year not after the day") {
  Fixture f;
  CHECK(standard_in_force(f.db, StandardKind::dibao, "150204", 2011)->year == 2010);
  CHECK(standard_in_force(f.db, StandardKind::dibao, "150204", 2012)->value == 450);
  CHECK_FALSE(standard_in_force(f.db, StandardKind::dibao, "150204", 2007));
  const auto imported = run_import(f.db, "standards", "标准,区县,年度,标准值,依据\n低保标准,150204,2012,480,市民政局\n");
  CHECK(imported.report.inserted == 1);
  CHECK(standard_in_force(f.db, StandardKind::dibao, "150204", 2013)->value == 480);
  CHECK_FALSE(standard_in_force(f.db, StandardKind::dibao, "150204", 2013)->assumed);
  CHECK(standard_in_force(f.db, StandardKind::dibao, "150205", 2013)->value == 450);
  // Replacing a value needs --mode upsert, and the history carries it.
  CHECK(run_import(f.db, "standards", "kind,district,year,value\ndibao,150204,2012,490\n").report.rejected == 1);
  CHECK(run_import(f.db, "standards", "kind,district,year,value\ndibao,150204,2012,490\n", true).report.updated == 1);
  for (const auto& finding : replay_history(f.db).findings) MESSAGE(finding.line());
  CHECK(replay_history(f.db).findings.empty());
  f.db.exec("UPDATE standards SET value = 500 WHERE district = '150204'");
  CHECK_FALSE(replay_history(f.db).ok());
}

TEST_CASE("households: an import without a fact's column keeps what the register knows") {
  Fixture f;
  const std::string code = f.household("1");
  const auto before = get_household(f.db, code);
  REQUIRE(before.housing);
  const auto& head = before.members.front();
  // The file names the household's address only: housing and area stay.
  CHECK(run_import(f.db, "households",
                   "户号,社区,地址\n" + code + ",150204001001," + before.address + "x\n", true)
            .report.updated == 1);
  const auto after = get_household(f.db, code);
  CHECK(after.housing == before.housing);
  CHECK(after.living_area == before.living_area);
  // A file with the column sets it; an empty cell means not on record.
  CHECK(run_import(f.db, "households",
                   "户号,社区,地址,住房性质,居住面积,家庭财产\n" + code + ",150204001001,x,租赁,,机动车、存款\n", true)
            .report.updated == 1);
  const auto set = get_household(f.db, code);
  CHECK(set.housing == Housing::rented);
  CHECK_FALSE(set.living_area);
  CHECK(set.assets == std::vector<std::string>{"vehicle", "savings"});
  const auto bad = run_import(f.db, "households", "户号,社区,地址,家庭财产\n" + code + ",150204001001,x,游艇\n", true);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].message.find("'游艇' is not an asset") != std::string::npos);
  CHECK(run_import(f.db, "residents",
                   "身份证号,姓名,性别,出生日期,户号,与户主关系,月收入,同住,户口性质\n" + head.citizen_id + "," +
                       head.name + "," + (head.sex == 'M' ? "男" : "女") + "," + head.birth_date + "," + code +
                       ",户主,1234.5,否,农业\n",
                   true)
            .report.updated == 1);
  const auto member = get_household(f.db, code).members.front();
  CHECK(member.monthly_income == 1235);
  CHECK_FALSE(member.living_together);
  CHECK(member.hukou == Hukou::rural);
  const auto bad_hukou = run_import(f.db, "residents",
                                    "身份证号,姓名,性别,出生日期,户号,户口性质\n" + head.citizen_id + "," + head.name +
                                        "," + (head.sex == 'M' ? "男" : "女") + "," + head.birth_date + "," + code +
                                        ",外籍\n",
                                    true);
  REQUIRE(bad_hukou.problems.size() == 1);
  CHECK(bad_hukou.problems[0].message == "'外籍' is not a household registration (城镇/农业 or urban/rural)");
}

TEST_CASE("households: a resident written updates one index on household_id, which finds the living members too") {
  // A second, partial index for the living members cost every resident of an import
  // its own b-tree insert, and found no faster the few members of a household.
  Fixture f;
  CHECK(scalar(f.db, "SELECT count(*) FROM pragma_index_list('residents') l, pragma_index_info(l.name) i "
                     "WHERE i.name = 'household_id'") == 1);
  SQLite::Statement plan(f.db,
                         "EXPLAIN QUERY PLAN SELECT id FROM residents "
                         "WHERE household_id = 1 AND died_on IS NULL AND left_on IS NULL");
  REQUIRE(plan.executeStep());
  CHECK(plan.getColumn(3).getString() == "SEARCH residents USING INDEX residents_household (household_id=?)");
}

TEST_CASE("limits: 一杯奶 once per pregnancy is refused within its 280 days and allowed after them or a birth") {
  Fixture f;
  SQLite::Statement q(f.db,
                      "SELECT r.citizen_id, h.id FROM residents r JOIN households h ON h.id = r.household_id "
                      "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND r.pregnant = 1 "
                      "ORDER BY r.id LIMIT 1");
  REQUIRE(q.executeStep());
  const std::string mother = q.getColumn(0).getString();
  const std::int64_t household = q.getColumn(1).getInt64();
  const std::vector<std::string> milk = {"1", "2", "3", "4"};
  const Case first = f.apply("2012-03-05T09:00", mother, "C05-01", milk);
  f.approve_all("2012-03-07T10:00", first.number);
  // Nineteen days after the grant: refused, naming the case and the day it becomes possible.
  const std::string refusal = "in case '" + first.number +
                              "' on 2012-03-07; its 280 days run until 2012-12-12: a new application is possible "
                              "from 2012-12-13, or once the birth is registered";
  CHECK_THROWS_WITH_AS(f.apply("2012-03-26T09:00", mother, "C05-01", milk), doctest::Contains(refusal.c_str()),
                       Conflict);
  CHECK(f.apply("2012-12-13T09:00", mother, "C05-01", milk).item == "C05-01");

  // Another mother: a birth registered in her household since her grant lifts the limit.
  Fixture g;
  const Case granted = g.apply("2012-03-05T09:00", mother, "C05-01", milk);
  g.approve_all("2012-03-07T10:00", granted.number);
  CHECK_THROWS_AS(g.apply("2012-10-08T09:00", mother, "C05-01", milk), Conflict);
  {
    WriteTransaction tx(g.db);
    DistrictWriter(g.db).add_resident(
        {"150204201210010013", "新生儿", 'M', "2012-10-01", household, "子女", "", 0, 0, true, Hukou::urban});
    tx.commit();
  }
  CHECK(g.apply("2012-10-08T09:00", mother, "C05-01", milk).item == "C05-01");
}

TEST_CASE("limits: a review only of a grant and once a year. A lifetime item once") {
  Fixture f;
  const std::string code = f.household("r.low_income = 1 AND h.assets = ''");
  const std::string head = f.member(code, "户主");
  CHECK_THROWS_WITH_AS(f.apply("2012-03-05T09:00", head, "C02-02", {"1", "2", "3"}),
                       doctest::Contains("has no C02-01 grant for C02-02"), InvalidInput);
  const Case dibao = f.apply("2012-03-05T09:00", head, "C02-01", kDibao);
  f.approve_all("2012-03-08T10:00", dibao.number);
  const Case review = f.apply("2012-06-05T09:00", head, "C02-02", {"1", "2", "3"});
  CHECK(review.household == code);
  f.approve_all("2012-06-08T10:00", review.number);
  CHECK_THROWS_WITH_AS(f.apply("2012-09-05T09:00", head, "C02-02", {"1", "2", "3"}),
                       doctest::Contains("the next application is possible from 2013-01-01"), Conflict);

  const std::string parent = f.member(f.household("1"), "户主");
  const auto& certificate = get_item(f.db, "C05-05");
  std::vector<std::string> all;
  for (const auto& m : certificate.materials) all.push_back(std::to_string(m.seq));
  const Case honour = f.apply("2012-03-05T09:00", parent, "C05-05", all);
  f.approve_all("2012-03-06T10:00", honour.number);
  CHECK_THROWS_WITH_AS(f.apply("2014-03-05T09:00", parent, "C05-05", all),
                       doctest::Contains("it is granted once in a lifetime"), Conflict);
}
