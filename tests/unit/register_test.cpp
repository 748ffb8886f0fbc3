#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/admin/check.h"
#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/district.h"
#include "core/model/history.h"
#include "core/model/register.h"
#include "helpers.h"
#include "import_helpers.h"

using namespace sqgl::core;
using sqgl::test::dump;
using sqgl::test::scalar;

namespace {

FixedClock at(const char* when) {
  return FixedClock(*parse_datetime(when));
}

// The small demo district with two adults of one household of 阳光社区
// (150204001001): the first, not its head, holds an open C01-01 case of her own;
// the second, its head, has applied for the household's C03-04 (a household benefit).
struct Fixture {
  Fixture() : db(sqgl::test::demo_db()), calendar(WorkCalendar::load(db)) {
    SQLite::Statement q(db,
                        "SELECT h.code, m.citizen_id, r.citizen_id FROM households h "
                        "JOIN residents r ON r.household_id = h.id AND r.relation = '户主' "
                        "JOIN residents m ON m.household_id = h.id AND m.id <> r.id AND m.birth_date < '1990-01-01' "
                        "WHERE h.community_id = (SELECT id FROM units WHERE code = '150204001001') "
                        "ORDER BY h.id, m.id LIMIT 1");
    REQUIRE(q.executeStep());
    household = q.getColumn(0).getString();
    first = q.getColumn(1).getString();
    second = q.getColumn(2).getString();
    first_case = apply("ZZ0101", first);
    auto clock = at("2012-01-29T09:00");
    WriteTransaction tx(db);
    second_case = apply_case(db, clock, calendar, resolve_operator(db, std::string("ZZ0101")),
                             {second, "C03-04", {"1", "2", "3", "4"}, "", std::nullopt, ""})
                      .number;
    tx.commit();
  }

  template <typename F>
  auto write(const char* when, const char* staff_no, F body) {
    auto clock = at(when);
    WriteTransaction tx(db);
    const Operator op = resolve_operator(db, std::string(staff_no));
    auto result = body(clock, op);
    tx.commit();
    return result;
  }

  std::string apply(const char* staff_no, const std::string& citizen_id, const char* when = "2012-01-29T09:00") {
    return write(when, staff_no, [&](const Clock& clock, const Operator& op) {
      return apply_case(db, clock, calendar, op, {citizen_id, "C01-01", {"1", "2", "3"}, "", std::nullopt, ""}).number;
    });
  }

  RegisterResult death(const std::string& citizen_id, const char* date, const char* staff_no = "ZZ0101") {
    return write("2012-02-01T10:00", staff_no, [&](const Clock& clock, const Operator& op) {
      return record_death(db, clock, op, {citizen_id, date, ""}, RegisterSource::window);
    });
  }

  std::string status(const std::string& number) { return std::string(text(get_case(db, calendar, number).status)); }

  std::size_t findings() { return replay_history(db).findings.size(); }

  SQLite::Database db;
  WorkCalendar calendar;
  std::string household, first, second, first_case, second_case;
};

}  // namespace

TEST_CASE("register: a death withdraws the resident's open cases and flags the household's") {
  Fixture f;
  const auto r = f.death(f.first, "2012-01-31");
  CHECK(r.withdrawn == std::vector<std::string>{f.first_case});
  CHECK(r.flagged == std::vector<std::string>{f.second_case});
  CHECK(r.household == f.household);

  const Case dead = get_case(f.db, f.calendar, f.first_case);
  CHECK(dead.status == CaseStatus::withdrawn);
  CHECK(dead.steps[0].status == StepStatus::withdrawn);
  CHECK(dead.steps[0].note == "applicant died on 2012-01-31");
  CHECK(dead.history.back().kind == "case.withdraw");
  CHECK(dead.history.back().detail.find("\"cause\":\"death\"") != std::string::npos);

  const Case other = get_case(f.db, f.calendar, f.second_case);
  CHECK(other.status == CaseStatus::open);
  REQUIRE(other.notices.size() == 1);
  CHECK(other.notices[0].kind == "death");
  CHECK(other.notices[0].on == "2012-01-31");
  CHECK(other.notices[0].citizen_id == f.first);
  CHECK(other.history.back().kind == "case.notice");

  CHECK(get_resident(f.db, f.first).died_on == "2012-01-31");
  CHECK(scalar(f.db, "SELECT count(*) FROM events WHERE kind = 'register.death' AND subject = '" + f.household + "'") ==
        1);
  CHECK(f.findings() == 0);
}

TEST_CASE("register: a dead resident cannot apply, die again, or move (exit 5, naming the date)") {
  Fixture f;
  f.death(f.first, "2012-01-31");
  const std::string before = dump(f.db);
  try {
    f.apply("ZZ0101", f.first, "2012-02-02T09:00");
    FAIL("applied for a dead resident");
  } catch (const Conflict& e) {
    CHECK(std::string(e.what()).find("died on 2012-01-31") != std::string::npos);
  }
  CHECK_THROWS_AS(f.death(f.first, "2012-01-31"), Conflict);
  CHECK_THROWS_AS(f.write("2012-02-02T09:00", "ZZ0101",
                          [&](const Clock& clock, const Operator& op) {
                            return record_move(f.db, clock, op, {f.first, "", f.household, "子女", "", "", "", ""},
                                               RegisterSource::window);
                          }),
                  Conflict);
  CHECK(dump(f.db) == before);
}

TEST_CASE("register: a death is recorded by a station worker of the resident's community, on a real date") {
  Fixture f;
  const std::string before = dump(f.db);
  CHECK_THROWS_AS(f.death(f.first, "2012-01-31", "ZZ0201"), PermissionDenied);  // another community's station
  CHECK_THROWS_AS(f.death(f.first, "2012-01-31", "JSJ01"), PermissionDenied);   // a bureau
  CHECK_THROWS_AS(f.death(f.first, "2012-02-02"), InvalidInput);                // after today
  CHECK_THROWS_AS(f.death(f.first, "1900-01-01"), InvalidInput);                // before the birth
  CHECK_THROWS_AS(f.death("150204190001010000", "2012-01-31"), InvalidInput);   // not a citizen ID
  CHECK(dump(f.db) == before);
}

TEST_CASE("register: a move to another community keeps the open case where it was accepted") {
  Fixture f;
  const auto accepted = get_case(f.db, f.calendar, f.first_case).community_code;
  // The receiving station records it: a new household in 150204001002's first grid.
  CHECK_THROWS_AS(f.write("2012-02-01T10:00", "ZZ0101",
                          [&](const Clock& clock, const Operator& op) {
                            return record_move(
                                f.db, clock, op,
                                {f.first, "", "150204001002-9001", "", "150204001002-G01", "", "幸福路 8 号", ""},
                                RegisterSource::window);
                          }),
                  PermissionDenied);
  const auto r = f.write("2012-02-01T10:00", "ZZ0201", [&](const Clock& clock, const Operator& op) {
    return record_move(f.db, clock, op,
                       {f.first, "", "150204001002-9001", "", "150204001002-G01", "", "幸福路 8 号", ""},
                       RegisterSource::window);
  });
  CHECK(r.community == "150204001002");
  CHECK(r.kept == std::vector<std::string>{f.first_case});
  const Resident moved = get_resident(f.db, f.first);
  CHECK(moved.household == "150204001002-9001");
  CHECK(moved.relation == "户主");
  CHECK(moved.grid == "150204001002-G01");
  CHECK(moved.grid_worker == "ZZ0201");
  const Case c = get_case(f.db, f.calendar, f.first_case);
  CHECK(c.community_code == accepted);
  CHECK(c.status == CaseStatus::open);
  REQUIRE(c.notices.size() == 1);
  CHECK(c.notices[0].kind == "moved");
  CHECK(c.notices[0].detail == "150204001002");
  // The household left behind is told too.
  CHECK(get_case(f.db, f.calendar, f.second_case).notices.size() == 1);
  CHECK(f.findings() == 0);
}

TEST_CASE("register: a whole household moves to another grid, its grid worker follows and its cases stay") {
  Fixture f;
  CHECK(get_resident(f.db, f.first).grid_worker == "ZZ0101");
  const auto r = f.write("2012-02-01T10:00", "ZZ0201", [&](const Clock& clock, const Operator& op) {
    return record_move(f.db, clock, op, {"", f.household, "", "", "150204001002-G01", "", "", "2012-01-30"},
                       RegisterSource::window);
  });
  CHECK(r.residents >= 2);
  CHECK(r.kept.size() == 2);
  CHECK(get_resident(f.db, f.first).grid == "150204001002-G01");
  CHECK(get_resident(f.db, f.second).grid_worker == "ZZ0201");
  CHECK(get_resident(f.db, f.second).community_code == "150204001002");
  CHECK(get_case(f.db, f.calendar, f.first_case).community_code == "150204001001");
  CHECK(scalar(f.db, "SELECT count(*) FROM case_notices WHERE kind = 'moved'") == 2);
  CHECK(f.findings() == 0);
}

TEST_CASE("register: a birth adds the child to the household, once") {
  Fixture f;
  // A child born 2012-01-20 in 包头市东河区, a boy: its check character computed.
  std::string id = "15020420120120001";
  id += citizen_id_check_char(id);
  const auto r = f.write("2012-02-01T10:00", "ZZ0101", [&](const Clock& clock, const Operator& op) {
    return record_birth(f.db, clock, op, {id, "王小明", 0, f.household, "子女", ""}, RegisterSource::window);
  });
  CHECK(r.date == "2012-01-20");
  const Resident child = get_resident(f.db, id);
  CHECK(child.household == f.household);
  CHECK(child.relation == "子女");
  CHECK(child.birth_date == "2012-01-20");
  CHECK_THROWS_AS(
      f.write(
          "2012-02-01T10:00", "ZZ0101",
          [&](const Clock& clock, const Operator& op) {
            return record_birth(f.db, clock, op, {id, "王小明", 0, f.household, "子女", ""}, RegisterSource::window);
          }),
      Conflict);
  CHECK_THROWS_AS(
      f.write(
          "2012-02-01T10:00", "ZZ0101",
          [&](const Clock& clock, const Operator& op) {
            return record_birth(f.db, clock, op, {id, "王小明", 'F', f.household, "子女", ""}, RegisterSource::window);
          }),
      InvalidInput);
  CHECK(f.findings() == 0);
}

TEST_CASE("register: a household that leaves the district flags its open cases") {
  Fixture f;
  const auto r = f.write("2012-02-01T10:00", "ZZ0101", [&](const Clock& clock, const Operator& op) {
    return record_leave(f.db, clock, op, {"", f.household, "2012-01-31", "呼和浩特市新城区"}, RegisterSource::window);
  });
  CHECK(r.flagged.size() == 2);
  CHECK(get_resident(f.db, f.second).left_on == "2012-01-31");
  CHECK(get_resident(f.db, f.second).left_to == "呼和浩特市新城区");
  const Case c = get_case(f.db, f.calendar, f.second_case);
  CHECK(c.status == CaseStatus::open);
  REQUIRE(c.notices.size() == 1);
  CHECK(c.notices[0].kind == "left_district");
  CHECK(c.notices[0].detail == "呼和浩特市新城区");
  CHECK_THROWS_AS(f.apply("ZZ0101", f.first, "2012-02-02T09:00"), Conflict);
  CHECK(f.findings() == 0);
}

TEST_CASE("register: one who left comes back, not before leaving, and the dead do not arrive") {
  Fixture f;
  f.write("2012-02-01T10:00", "ZZ0101", [&](const Clock& clock, const Operator& op) {
    return record_leave(f.db, clock, op, {f.second, "", "2012-01-31", "北京市"}, RegisterSource::window);
  });
  f.death(f.first, "2012-01-31");
  auto arrive = [&](const std::string& who, const char* on) {
    return f.write("2012-02-06T10:00", "ZZ0101", [&](const Clock& clock, const Operator& op) {
      return record_arrival(f.db, clock, op, {who, "", 0, f.household, "配偶", "", "", "", "北京市", on},
                            RegisterSource::window);
    });
  };
  CHECK_THROWS_WITH_AS(arrive(f.second, "2012-01-30"),
                       doctest::Contains("--date 2012-01-30 is before the resident left the district (2012-01-31)"),
                       InvalidInput);
  CHECK_THROWS_WITH_AS(arrive(f.first, "2012-02-05"), doctest::Contains("died on 2012-01-31"), Conflict);
  const auto back = arrive(f.second, "2012-02-05");
  CHECK(back.household == f.household);
  CHECK(get_resident(f.db, f.second).left_on.empty());
  CHECK(get_resident(f.db, f.second).left_to.empty());
  // Living again in the register: a second arrival is a move within the district.
  CHECK_THROWS_WITH_AS(arrive(f.second, "2012-02-06"), doctest::Contains("'register move'"), Conflict);
  CHECK(f.findings() == 0);
}

TEST_CASE("replay: a death, a departure or a notice edited behind sqgl's back is named") {
  Fixture f;
  f.death(f.first, "2012-01-31");
  REQUIRE(f.findings() == 0);
  f.db.exec("UPDATE residents SET died_on = '2012-01-30' WHERE died_on IS NOT NULL");
  f.db.exec("UPDATE residents SET left_on = '2012-01-30', left_to = 'x' WHERE citizen_id = '" + f.second + "'");
  f.db.exec("DELETE FROM case_notices");
  const auto report = replay_history(f.db);
  std::vector<std::string> fields;
  for (const auto& finding : report.findings) fields.push_back(finding.field);
  CHECK(std::count(fields.begin(), fields.end(), "died_on") == 1);
  CHECK(std::count(fields.begin(), fields.end(), "left_on") == 1);
  CHECK(std::count(fields.begin(), fields.end(), "left_to") == 1);
  CHECK(std::count_if(fields.begin(), fields.end(), [](const std::string& s) { return s.starts_with("notice "); }) ==
        1);
}

TEST_CASE("import deaths: each row withdraws and flags as the window does, by the importing admin") {
  Fixture f;
  const auto out =
      sqgl::test::run_import(f.db, "deaths", "身份证号,死亡日期,备注\n" + f.first + ",2012/1/28,死亡证明 001\n");
  REQUIRE(out.problems.empty());
  CHECK(out.report.inserted == 1);
  CHECK(out.report.replay["withdrawn"] == 1);
  CHECK(out.report.replay["flagged"] == 1);
  const Case dead = get_case(f.db, f.calendar, f.first_case);
  CHECK(dead.status == CaseStatus::withdrawn);
  CHECK(dead.steps[0].decided_by == "IT01");
  CHECK(dead.steps[0].note == "applicant died on 2012-01-28");
  CHECK(f.findings() == 0);
}

TEST_CASE("import deaths: bad rows are named by line and column, and nothing is written") {
  Fixture f;
  const std::string before = dump(f.db);
  const auto out =
      sqgl::test::run_import(f.db, "deaths",
                             "citizen_id,date\n" + f.first + ",2012-01-28\n" + f.second +
                                 ",2013-01-01\n150204190001010000,2012-01-01\n" + f.first + ",2012-01-28\n");
  REQUIRE(out.problems.size() == 3);
  CHECK(out.problems[0].line == 3);
  CHECK(out.problems[0].column_name == "date");
  CHECK(out.problems[1].line == 4);
  CHECK(out.problems[1].column_name == "citizen_id");
  CHECK(out.problems[2].line == 5);  // she died on line 2
  CHECK(out.problems[2].message.find("died on 2012-01-28") != std::string::npos);
  CHECK(dump(f.db) == before);
}

TEST_CASE("import births, moves, departures: the registry's other changes") {
  Fixture f;
  std::string id = "15020420120120002";
  id += citizen_id_check_char(id);
  auto births = sqgl::test::run_import(f.db, "births", "身份证号,姓名,户号\n" + id + ",王小红," + f.household + "\n");
  REQUIRE(births.problems.empty());
  CHECK(get_resident(f.db, id).relation == "子女");
  SQLite::Statement other(f.db,
                          "SELECT code FROM households WHERE code <> ? AND community_id = "
                          "(SELECT id FROM units WHERE code = '150204001001') ORDER BY id LIMIT 1");
  other.bind(1, f.household);
  REQUIRE(other.executeStep());
  const std::string to = other.getColumn(0).getString();
  auto moves = sqgl::test::run_import(f.db, "moves", "身份证号,迁入户号,与户主关系\n" + id + "," + to + ",孙子女\n");
  REQUIRE(moves.problems.empty());
  CHECK(get_resident(f.db, id).household == to);
  auto leaves =
      sqgl::test::run_import(f.db, "departures", "户号,迁出日期,迁往\n" + f.household + ",2012-01-28,北京市\n");
  REQUIRE(leaves.problems.empty());
  CHECK(get_resident(f.db, f.first).left_to == "北京市");
  auto bad = sqgl::test::run_import(f.db, "moves", "身份证号,户号,迁入户号\n" + id + "," + f.household + ",x\n");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].column_name == "citizen_id");
  CHECK(f.findings() == 0);
}

TEST_CASE("import arrivals: newcomers and returns from the registry's file, each as the window records it") {
  Fixture f;
  auto leaves =
      sqgl::test::run_import(f.db, "departures", "身份证号,迁出日期,迁往\n" + f.second + ",2012-01-20,北京市\n");
  REQUIRE(leaves.problems.empty());
  std::string newcomer = "15020419800101004";
  newcomer += citizen_id_check_char(newcomer);
  const auto out = sqgl::test::run_import(
      f.db, "arrivals",
      "身份证号,姓名,户号,与户主关系,迁入网格,迁入地址,迁出地,迁入日期\n" + newcomer +
          ",赵新,150204001001-9003,,150204001001-G01,阳光社区 12 号楼,包头市昆都仑区,2012/1/25\n" + f.second + ",," +
          f.household + ",配偶,,,北京市,2012-01-26\n");
  REQUIRE(out.problems.empty());
  CHECK(out.report.inserted == 2);
  const auto arrived = get_resident(f.db, newcomer);
  CHECK(arrived.household == "150204001001-9003");
  CHECK(arrived.relation == "户主");
  CHECK(get_resident(f.db, f.second).left_on.empty());
  // A row without where from, or for a resident still here, is the row's problem.
  const auto bad = sqgl::test::run_import(f.db, "arrivals",
                                          "身份证号,户号,与户主关系,迁出地\n" + newcomer + "," + f.household +
                                              ",其他,x\n" + f.first + "," + f.household + ",其他,\n");
  REQUIRE(bad.problems.size() == 2);
  CHECK(bad.problems[0].message.find("'register move'") != std::string::npos);
  CHECK(bad.problems[1].column_name == "from");
  CHECK(f.findings() == 0);
}
