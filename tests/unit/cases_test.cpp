#include <doctest/doctest.h>

#include "cli/render/views.h"
#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/model/cases/cases.h"
#include "core/model/history.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::dump;
using sqgl::test::scalar;

namespace {

FixedClock at(const char* when) {
  return FixedClock(*parse_datetime(when));
}

struct Fixture {
  Fixture() : db(create_memory_database(at("2012-01-29T09:00"))) {
    auto clock = at("2012-01-29T09:00");
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.25});
    tx.commit();
    calendar = WorkCalendar::load(db);
  }

  // The first resident of 阳光社区 matching `where`.
  std::string resident(const std::string& where) {
    SQLite::Statement q(db,
                        "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                        "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND " +
                            where + " ORDER BY r.id LIMIT 1");
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }

  template <typename F>
  auto write(const char* when, const char* staff_no, F body) {
    auto clock = at(when);
    WriteTransaction tx(db);
    const Operator op = resolve_operator(db, std::string(staff_no));
    if constexpr (std::is_void_v<decltype(body(clock, op))>) {
      body(clock, op);
      tx.commit();
    } else {
      auto result = body(clock, op);
      tx.commit();
      return result;
    }
  }

  std::string apply(const char* when, const std::string& citizen_id, const char* item,
                    std::vector<std::string> materials) {
    return write(when, "ZZ0101", [&](const Clock& clock, const Operator& op) {
      return apply_case(db, clock, calendar, op, {citizen_id, item, materials, "", std::nullopt, ""}).number;
    });
  }

  SQLite::Database db;
  WorkCalendar calendar;
};

}  // namespace

TEST_CASE("workflow: 一杯奶 applied on 2012-01-29 is due 2012-02-03 and decided the same week") {
  Fixture f;
  const auto number = f.apply("2012-01-29T09:00", f.resident("r.pregnant"), "C05-01", {"1", "2", "3", "4"});
  CHECK(number == "150204-20120129-0001");
  auto c = get_case(f.db, f.calendar, number);
  CHECK(c.due_date == "2012-02-03");
  CHECK(c.steps[0].due_date == "2012-01-31");
  CHECK(c.steps[0].status == StepStatus::active);
  CHECK(c.steps[1].status == StepStatus::pending);
  f.write("2012-01-30T10:00", "ZZ0101",
          [&](const Clock& clock, const Operator& op) { approve_case(f.db, clock, f.calendar, op, number, ""); });
  f.write("2012-02-01T10:00", "JSJ01",
          [&](const Clock& clock, const Operator& op) { approve_case(f.db, clock, f.calendar, op, number, ""); });
  c = get_case(f.db, f.calendar, number);
  CHECK(c.status == CaseStatus::approved);
  CHECK(c.steps[0].decided_by == "ZZ0101");
  CHECK(c.steps[1].decided_by == "JSJ01");
  CHECK(c.steps[1].working_days_taken == 2);
  CHECK(c.history.size() == 3);
}

TEST_CASE("workflow: the case apply returns is the case get_case reads back") {
  Fixture f;
  struct Application {
    std::string citizen_id;
    const char* item;
    std::vector<std::string> materials;
    const char* note;
    std::optional<Model> model;
  };
  const std::string mother = f.resident("r.pregnant");
  const std::string other_mother = f.resident("r.pregnant AND r.citizen_id <> '" + mother + "'");
  const std::string anyone = f.resident("NOT r.pregnant");
  const std::string neighbour = f.resident("NOT r.pregnant AND r.citizen_id <> '" + anyone + "'");
  const std::vector<Application> applications{
      {mother, "C05-01", {"1", "2", "3", "4"}, "", std::nullopt},
      {other_mother, "C05-01", {"1", "2", "3", "4"}, "加急", Model::former},
      {anyone, "C04-07", {"1", "2"}, "", std::nullopt},
      {neighbour, "C01-05", {"1", "2"}, "复查", Model::former},  // material 3 is optional and missing
  };
  for (const auto& a : applications) {
    CAPTURE(a.item);
    const Case applied = f.write("2012-01-29T09:30", "ZZ0101", [&](const Clock& clock, const Operator& op) {
      return apply_case(f.db, clock, f.calendar, op, {a.citizen_id, a.item, a.materials, a.note, a.model, ""});
    });
    const Case stored = get_case(f.db, f.calendar, applied.number);
    const auto today = *parse_date("2012-01-29");
    CHECK(sqgl::cli::case_json(applied, today).dump(2) == sqgl::cli::case_json(stored, today).dump(2));
  }
}

TEST_CASE("workflow: missing materials are all named at once and nothing is written") {
  Fixture f;
  const std::string before = dump(f.db);
  CHECK_THROWS_WITH_AS(f.apply("2012-01-29T09:00", f.resident("r.pregnant"), "C05-01", {"1"}),
                       "C05-01 \"一杯奶\"生育关怀申请 needs these materials too (一次性告知): 2 结婚证; "
                       "3 生育服务证(准生证); 4 医院早孕/孕检证明",
                       InvalidInput);
  CHECK_THROWS_WITH_AS(f.apply("2012-01-29T09:00", f.resident("r.pregnant"), "C05-01", {"1", "结婚证书"}),
                       doctest::Contains("'结婚证书' is not a material of C05-01 (did you mean '结婚证'?)"),
                       InvalidInput);
  CHECK(dump(f.db) == before);
}

TEST_CASE("workflow: eligibility, one open case and the yearly limit") {
  Fixture f;
  CHECK_THROWS_WITH_AS(f.apply("2012-01-29T09:00", f.resident("r.sex = 'M'"), "C05-01", {"1", "2", "3", "4"}),
                       doctest::Contains("women only; pregnant only"), InvalidInput);
  const auto young = f.resident("r.birth_date > '1990-01-01'");
  CHECK_THROWS_WITH_AS(f.apply("2012-01-29T09:00", young, "C07-01", {"1", "2", "3"}),
                       doctest::Contains("aged 60 or over"), InvalidInput);
  const auto someone = f.resident("r.birth_date < '1980-01-01'");
  f.apply("2012-01-29T09:00", someone, "C02-03", {"1", "2", "3"});
  CHECK_THROWS_AS(f.apply("2012-01-29T09:10", someone, "C02-03", {"1", "2", "3"}), Conflict);
}

TEST_CASE("workflow: three working days waiting for materials move the due dates by three working days") {
  Fixture f;
  const auto number = f.apply("2012-01-29T09:00", f.resident("r.low_income"), "C02-05", {"1", "2", "3", "4"});
  CHECK(get_case(f.db, f.calendar, number).due_date == "2012-02-24");
  f.write("2012-01-30", "ZZ0101",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  const auto step_due = get_case(f.db, f.calendar, number).steps[1].due_date;
  f.write("2012-02-01", "MZJ01",
          [&](const Clock& c, const Operator& op) { return_case(f.db, c, op, number, {"3"}, ""); });
  f.write("2012-02-06", "ZZ0102",
          [&](const Clock& c, const Operator& op) { supplement_case(f.db, c, f.calendar, op, number, {"3"}); });
  const auto c = get_case(f.db, f.calendar, number);
  CHECK(c.paused_days == 3);
  CHECK(c.due_date == format_date(f.calendar.add_working_days(*parse_date("2012-02-24"), 3)));
  CHECK(c.due_date == "2012-02-29");
  CHECK(c.steps[1].due_date == format_date(f.calendar.add_working_days(*parse_date(step_due), 3)));
}

TEST_CASE("workflow: nobody decides two steps of one case") {
  Fixture f;
  const auto number = f.apply("2012-01-29T09:00", f.resident("r.disabled"), "C08-01", {"1", "2", "3", "4"});
  f.write("2012-01-30", "ZZ0101",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  f.write("2012-01-31", "CL01",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  CHECK_THROWS_WITH_AS(
      f.write("2012-02-01", "ZZ0101",
              [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); }),
      doctest::Contains("one person may not decide two steps of a case"), PermissionDenied);
  CHECK_THROWS_AS(
      f.write("2012-02-01", "JD0101",
              [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); }),
      PermissionDenied);
  CHECK_THROWS_AS(resolve_operator(f.db, std::string("NOBODY")), PermissionDenied);
  // With borrowed rights (the setgid sqgl) the login decides, though the database says trust.
  f.db.exec("UPDATE staff SET login = 'clerk1' WHERE staff_no = 'ZZ0101'");
  const auto clerk1 = [] { return std::string("clerk1"); };
  CHECK(resolve_operator(f.db, std::nullopt, clerk1, /*peer_always=*/true).staff_no == "ZZ0101");
  CHECK_THROWS_WITH_AS(resolve_operator(f.db, std::string("JSJ01"), clerk1, true),
                       "login 'clerk1' is staff member 'ZZ0101', not 'JSJ01' (peer authentication)", PermissionDenied);
  CHECK_THROWS_WITH_AS(resolve_operator(f.db, std::string("JSJ01"), [] { return std::string("stranger"); }, true),
                       doctest::Contains("you act as your login, and login 'stranger' is no staff member's"),
                       PermissionDenied);
  CHECK(resolve_operator(f.db, std::string("JSJ01"), clerk1).staff_no == "JSJ01");  // trust, without borrowed rights
  // route --auto passes over the worker who decided step 1.
  auto report =
      f.write("2012-02-01", "IT01", [&](const Clock& c, const Operator& op) { return route_auto(f.db, c, op, {}); });
  CHECK(report.assigned == 1);
  CHECK(get_case(f.db, f.calendar, number).steps[2].assignee != "ZZ0101");
}

TEST_CASE("workflow: route --auto gives station steps to the applicant's grid worker") {
  Fixture f;
  for (const char* where : {"r.birth_date < '1960-01-01'", "r.birth_date BETWEEN '1970-01-01' AND '1980-01-01'",
                            "r.birth_date > '2000-01-01'"}) {
    f.apply("2012-01-29T09:00", f.resident(where), "C10-01", {"1", "2", "3"});
  }
  auto report = f.write("2012-01-29T10:00", "ZZ0101",
                        [&](const Clock& c, const Operator& op) { return route_auto(f.db, c, op, {}); });
  CHECK(report.assigned == 3);
  CHECK(report.to_grid_worker == 3);
  CHECK(scalar(f.db,
               "SELECT count(*) FROM case_steps s JOIN cases c ON c.id = s.case_id JOIN residents r ON r.id = "
               "c.resident_id JOIN households h ON h.id = r.household_id JOIN grids g ON g.id = h.grid_id "
               "WHERE s.status = 'active' AND s.assignee_id = g.worker_id") == 3);
  CHECK_THROWS_AS(f.write("2012-01-29T10:00", "ZZ0102",
                          [&](const Clock& c, const Operator& op) { return route_auto(f.db, c, op, {}); }),
                  PermissionDenied);
}

TEST_CASE("audit: a deleted or edited event is the first that does not verify") {
  Fixture f;
  f.apply("2012-01-29T09:00", f.resident("r.pregnant"), "C05-01", {"1", "2", "3", "4"});
  auto ok = verify_history(f.db);
  REQUIRE(ok.ok());
  CHECK(ok.events == scalar(f.db, "SELECT count(*) FROM events"));
  f.db.exec("DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 3");
  auto deleted = verify_history(f.db);
  CHECK(deleted.bad_event == 4);
  CHECK(deleted.problem == "event 4 follows event 2: one event is missing");
}

TEST_CASE("audit: a deleted tail shows against the head record, a rewritten history against the anchor") {
  Fixture f;
  f.apply("2012-01-29T09:00", f.resident("r.pregnant"), "C05-01", {"1", "2", "3", "4"});
  const auto before = verify_history(f.db);
  REQUIRE(before.ok());
  CHECK(verify_history(f.db, before.head.hash).ok());
  const auto last = scalar(f.db, "SELECT max(id) FROM events");
  f.db.exec("DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = (SELECT max(id) FROM events)");
  const auto truncated = verify_history(f.db);
  CHECK_FALSE(truncated.ok());
  CHECK(truncated.bad_event == last);
  CHECK(truncated.describe().find("the tail was deleted") != std::string::npos);
  f.db.exec("UPDATE settings SET value = (SELECT id || ' ' || hash FROM events ORDER BY id DESC LIMIT 1) "
            "WHERE key = 'history.head'");
  CHECK(verify_history(f.db).ok());
  const auto anchored = verify_history(f.db, before.head.hash);
  CHECK_FALSE(anchored.ok());
  CHECK(anchored.describe().find("is not in the history") != std::string::npos);
  CHECK_THROWS_AS(verify_history(f.db, "not-a-hash"), InvalidInput);
}

TEST_CASE("apply checks: unmet eligibility is named rule by rule, without a database") {
  Item milk;
  milk.code = "C05-01";
  milk.sex = 'F';
  milk.min_age = 18;
  milk.max_age = 49;
  milk.flags = {"pregnant"};
  const Date today = *parse_date("2012-01-29");
  // A man of 16, not pregnant: all three rules at once.
  CHECK(unmet_eligibility(milk, {'M', *parse_date("1995-06-01"), 0}, today) ==
        std::vector<std::string>{"women only", "aged 18 or over (is 16)", "pregnant only"});
  // A pregnant woman of 30 (bit 0: pregnant) meets them all.
  CHECK(unmet_eligibility(milk, {'F', *parse_date("1981-06-01"), 1}, today).empty());
  // The day before her 50th birthday she is 49; on it, 50.
  CHECK(unmet_eligibility(milk, {'F', *parse_date("1962-01-30"), 1}, today).empty());
  CHECK(unmet_eligibility(milk, {'F', *parse_date("1962-01-29"), 1}, today) ==
        std::vector<std::string>{"aged 49 or under (is 50)"});
}

TEST_CASE("apply checks: every missing required material at once, optional ones never") {
  const std::vector<CaseMaterial> materials = {
      {1, "户口簿", true, "", ""}, {2, "结婚证", true, "", ""}, {3, "照片", false, "", ""}, {4, "医院证明", true, "", ""}};
  CHECK(missing_materials(materials, {1}) == std::vector<std::string>{"2 结婚证", "4 医院证明"});
  CHECK(missing_materials(materials, {4, 2, 1}).empty());
  CHECK(missing_materials(materials, {}).size() == 3);
}
