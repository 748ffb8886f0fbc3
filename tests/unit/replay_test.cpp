// The history as the source of truth (core/replay.h): every way a case moves
// replays to exactly what the tables hold, and an edit behind sqgl's back is named.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/admin/check.h"
#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/base/text.h"
#include "core/model/cases/cases.h"
#include "core/model/cases/record.h"
#include "helpers.h"

using namespace sqgl::core;

namespace {

FixedClock at(const char* when) { return FixedClock(*parse_datetime(when)); }

struct Fixture {
  Fixture() : db(create_memory_database(at("2012-01-29T09:00"))) {
    auto clock = at("2012-01-29T09:00");
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.25, 1});
    tx.commit();
    calendar = WorkCalendar::load(db);
  }

  template <typename F>
  void write(const char* when, const char* staff_no, F body) {
    auto clock = at(when);
    WriteTransaction tx(db);
    body(clock, resolve_operator(db, std::string(staff_no)));
    tx.commit();
  }

  std::string resident(const std::string& where) {
    SQLite::Statement q(db,
                        "SELECT r.citizen_id FROM residents r JOIN households h ON h.id = r.household_id "
                        "JOIN units u ON u.id = h.community_id WHERE u.code = '150204001001' AND " +
                            where + " ORDER BY r.id LIMIT 1");
    REQUIRE(q.executeStep());
    return q.getColumn(0).getString();
  }

  std::vector<std::string> findings() {
    std::vector<std::string> out;
    for (const auto& f : replay_history(db).findings) out.push_back(f.line());
    return out;
  }

  SQLite::Database db;
  WorkCalendar calendar;
};

// A 特困供养 case that goes everywhere a case can: routed, returned, supplemented,
// approved, approved again, rated.
std::string a_full_case(Fixture& f) {
  std::string number;
  f.write("2012-01-29T09:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    number = apply_case(f.db, c, f.calendar, op, {f.resident("r.low_income"), "C02-05", {"1", "2", "3", "4"}, "n", {}, ""}).number;
  });
  f.write("2012-01-29T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) { route_case(f.db, c, op, number, "ZZ0101"); });
  f.write("2012-01-30T10:00", "ZZ0101",
          [&](const Clock& c, const Operator& op) { return_case(f.db, c, op, number, {"3"}, "盖章"); });
  f.write("2012-02-02T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    supplement_case(f.db, c, f.calendar, op, number, {"3"});
  });
  f.write("2012-02-03T10:00", "ZZ0101",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, "ok"); });
  f.write("2012-02-06T10:00", "MZJ01",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  f.write("2012-02-07T10:00", "ZZ0101",
          [&](const Clock& c, const Operator& op) { evaluate_case(f.db, c, op, number, 4, "快"); });
  return number;
}

}  // namespace

TEST_CASE("replay: every case, generated or applied, replays to what the tables hold") {
  Fixture f;
  a_full_case(f);
  std::string withdrawn;
  f.write("2012-02-08T09:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    withdrawn = apply_case(f.db, c, f.calendar, op, {f.resident("r.disabled"), "C08-01", {"1", "2", "3", "4"}, "", {}, ""}).number;
  });
  f.write("2012-02-08T10:00", "ZZ0101",
          [&](const Clock& c, const Operator& op) { withdraw_case(f.db, c, op, withdrawn, "本人"); });
  const auto report = replay_history(f.db);
  CHECK(report.ok());
  CHECK(report.cases > 100);  // a year of the demo's history, and the two above
  CHECK(report.staff > 10);
  CHECK(report.residents > 1000);
  CHECK(report.calendar_days > 50);
}

TEST_CASE("replay: an edit of a case, a step, a material, a wait or a rating is named with both values") {
  Fixture f;
  const std::string number = a_full_case(f);
  f.db.exec("UPDATE case_steps SET decided_by = (SELECT id FROM staff WHERE staff_no = 'MZJ02') WHERE seq = 2 AND "
            "case_id = (SELECT id FROM cases WHERE number = '" + number + "')");
  f.db.exec("UPDATE cases SET due_date = '2012-03-01' WHERE number = '" + number + "'");
  f.db.exec("UPDATE case_materials SET received_at = NULL WHERE seq = 1");
  f.db.exec("UPDATE case_waits SET working_days = 0");
  f.db.exec("UPDATE evaluations SET score = 5 WHERE case_id = (SELECT id FROM cases WHERE number = '" + number + "')");
  const auto lines = f.findings();
  const std::string c = "case '" + number + "': ";
  CHECK(lines == std::vector<std::string>{
                     c + "due_date: history says 2012-02-29, table says 2012-03-01",
                     c + "step 2 decided_by: history says MZJ01, table says MZJ02",
                     c + "material 1 received_at: history says 2012-01-29T09:00:00, table says none",
                     c + "wait 1 working_days: history says 3, table says 0",
                     c + "rating score: history says 4, table says 5",
                 });
}

TEST_CASE("replay: a case no event created, and an event's case gone from the table, are named") {
  Fixture f;
  const std::string number = a_full_case(f);
  f.db.exec("INSERT INTO cases (number, item, model, resident_id, community_id, window, status, accepted_at, "
            "accepted_by, due_date) SELECT '150204-20120301-0001', item, model, resident_id, community_id, window, "
            "'approved', accepted_at, accepted_by, due_date FROM cases WHERE number = '" + number + "'");
  const auto lines = f.findings();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "case '150204-20120301-0001': history says nothing (no event created it), tables hold a case");
}

TEST_CASE("replay: staff, settings, residents' flags and calendar days edited behind sqgl's back are named") {
  Fixture f;
  f.db.exec("UPDATE staff SET active = 0 WHERE staff_no = 'ZZ0101'");
  f.db.exec("DELETE FROM staff_roles WHERE role = 'head'");
  f.db.exec("INSERT INTO settings (key, value) VALUES ('auth', 'peer')");
  f.db.exec("UPDATE residents SET pregnant = 1 WHERE id = 1");
  f.db.exec("INSERT INTO calendar_days (date, kind, name, year) VALUES ('2012-05-02', 'off', 'x', 2012)");
  const auto lines = f.findings();
  REQUIRE(lines.size() == 11);  // each of the 7 station heads lost a role: a line each
  CHECK(lines[0] == "setting 'auth': history says unset, tables hold 'peer'");
  CHECK(lines[1] == "staff 'ZZ0101': roles: history says 'head,worker', table says 'worker'");
  CHECK(lines[2] == "staff 'ZZ0101': active: history says yes, table says no");
  CHECK(lines[3] == "staff 'ZZ0201': roles: history says 'head,worker', table says 'worker'");
  CHECK(lines[9] == "calendar 2012-05-02: history says an ordinary day, tables hold off x (2012 calendar)");
  CHECK(lines[10].ends_with(": pregnant: history says no, table says yes"));
}

TEST_CASE("replay: an event that does not fit the case it follows cannot be replayed") {
  std::optional<CaseRecord> none;
  CHECK_THROWS_AS(apply_case_event(none, "case.approve", "2012-01-29T09:00:00", "ZZ0101", {{"step", 1}}),
                  InvalidInput);
  CaseRecord open;
  open.number = "150204-20120129-0001";
  open.status = CaseStatus::approved;
  std::optional<CaseRecord> decided = open;
  CHECK_THROWS_AS(apply_case_event(decided, "case.approve", "2012-01-29T09:00:00", "ZZ0101", {{"step", 1}}),
                  InvalidInput);
  CHECK_THROWS_AS(apply_case_event(decided, "case.unknown", "2012-01-29T09:00:00", "ZZ0101", nlohmann::json::object()),
                  InvalidInput);
}

// a_full_case's record, as the tables hold it.
CaseRecord a_full_case_record(Fixture& f) {
  const std::string number = a_full_case(f);
  SQLite::Statement id(f.db, "SELECT id FROM cases WHERE number = ?");
  id.bind(1, number);
  REQUIRE(id.executeStep());
  return read_case_record(f.db, id.getColumn(0).getInt64());
}

TEST_CASE("case record: a word outside the vocabulary is bad input, named") {
  CaseRecord record;
  record.number = "150204-20120129-0001";
  record.steps.push_back(StepRecord{});
  auto json = case_record_json(record);
  CHECK_NOTHROW(case_record_from_json(json));
  auto bad_status = json;
  bad_status["status"] = "closed";
  CHECK_THROWS_WITH_AS(case_record_from_json(bad_status), "a case record's status 'closed' is not a case status",
                       InvalidInput);
  auto bad_level = json;
  bad_level["steps"][0][1] = "province";
  CHECK_THROWS_WITH_AS(case_record_from_json(bad_level),
                       "a case record's step level 'province' is not a step level", InvalidInput);
}

TEST_CASE("case record: the history's form reads back as it was written") {
  Fixture f;
  const CaseRecord record = a_full_case_record(f);
  CHECK(record.waits.size() == 1);
  CHECK(record.rating);
  CHECK(case_record_from_json(case_record_json(record)) == record);
  CHECK(compare_case(record, record).empty());
}

TEST_CASE("text: free text is UTF-8 without control characters, but tab and line feed are fine") {
  CHECK_NOTHROW(check_free_text("--note", "材料齐全\t第二行\n第三行"));
  CHECK_THROWS_AS(check_free_text("--note", "\xff"), InvalidInput);
  CHECK_THROWS_AS(check_free_text("--note", "a\x1b[2Jb"), InvalidInput);
  CHECK_THROWS_AS(check_free_text("--note", "a\rb"), InvalidInput);
  CHECK_THROWS_AS(check_free_text("--note", "a\xc2\x9b" "b"), InvalidInput);  // C1 control
  CHECK(free_text_problem("ok") == "");
}

TEST_CASE("text: anything shaped like a citizen ID or phone number is masked, whatever its field") {
  CHECK(mask_personal_data("150204199007172463") == "150204********2463");
  CHECK(mask_personal_data("户号 15020419820927536X 不对") == "户号 150204********536X 不对");
  CHECK(mask_personal_data("13912345678") == "139****5678");
  CHECK(mask_personal_data("0472-5123456") == "0472-***3456");
  CHECK(mask_personal_data("１５０２０４１９９００７１７２４６３") == "１５０２０４********２４６３");
  // What is not personal data stays as it is.
  CHECK(mask_personal_data("150204-20120129-0001") == "150204-20120129-0001");
  CHECK(mask_personal_data("150204001001-0001") == "150204001001-0001");
  CHECK(mask_personal_data("2012-01-29") == "2012-01-29");
  CHECK(mask_personal_data("12345678901") == "12345678901");
}

TEST_CASE("mask_personal_data_digits_at_start: a text that begins with digits is not read before its first byte") {
  // Under UBSan (scripts/test --sanitize, scripts/fuzz) the look-back for an area code read text[-1].
  const std::string buffer = "0472-5123456";
  CHECK(mask_personal_data(std::string_view(buffer).substr(5)) == "5123456");
  CHECK(mask_personal_data("9n") == "9n");
  CHECK(mask_personal_data("20120129") == "20120129");
}

namespace {

// The fixture's database copied into a file, edited there by `edit` behind sqgl's
// back, and opened as sqgl opens it.
template <typename F>
SQLite::Database edited_file(Fixture& f, const sqgl::test::TempDir& dir, F edit) {
  const std::string path = dir.file("sqgl.db");
  f.db.exec("VACUUM INTO '" + path + "'");
  {
    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    edit(writer);
  }
  return open_database(path, false);
}

}  // namespace

TEST_CASE("check: a database in memory is checked on its own connection, not on new empty ones named ':memory:'") {
  Fixture f;
  a_full_case(f);
  CHECK(in_memory(f.db));
  const CheckReport checked = check_database(f.db);
  CHECK(checked.integrity.empty());
  CHECK(checked.history.ok());
  CHECK(checked.replay.cases == sqgl::test::scalar(f.db, "SELECT count(*) FROM cases"));
  CHECK(checked.replay.total_findings == 0);
}

TEST_CASE("check: a database file is replayed in runs side by side, and finds what one pass finds, in its order") {
  Fixture f;
  a_full_case(f);
  sqgl::test::TempDir dir;
  SQLite::Database db = edited_file(f, dir, [](SQLite::Database& writer) {
    // Edits in the first, a middle and the last case, and a case gone.
    writer.exec("UPDATE cases SET note = 'first' WHERE id = (SELECT min(id) FROM cases)");
    writer.exec("UPDATE cases SET note = 'middle' WHERE id = (SELECT max(id) / 2 FROM cases)");
    writer.exec("UPDATE cases SET note = 'last' WHERE id = (SELECT max(id) FROM cases)");
    for (const char* table : {"case_steps", "case_materials", "case_waits", "evaluations"}) {
      writer.exec(std::string("DELETE FROM ") + table + " WHERE case_id = 7");
    }
    writer.exec("DELETE FROM cases WHERE id = 7");
    writer.exec("UPDATE staff SET login = 'mallory' WHERE staff_no = 'ZZ0102'");
  });
  const ReplayReport one_pass = replay_history(db);
  const CheckReport checked = check_database(db);
  CHECK(checked.integrity.empty());
  CHECK(checked.foreign_keys.empty());
  CHECK(checked.history.ok());
  CHECK(checked.replay.cases == one_pass.cases);
  CHECK(checked.replay.residents == one_pass.residents);
  CHECK(checked.replay.total_findings == 5);
  REQUIRE(checked.replay.findings.size() == one_pass.findings.size());
  for (std::size_t i = 0; i < one_pass.findings.size(); ++i) {
    CHECK(checked.replay.findings[i].line() == one_pass.findings[i].line());
  }
}

TEST_CASE("check: a history that does not verify is not replayed, and nothing waits for it for ever") {
  Fixture f;
  sqgl::test::TempDir dir;
  SQLite::Database db = edited_file(f, dir, [](SQLite::Database& writer) {
    writer.exec("DROP TRIGGER events_no_update");
    writer.exec("UPDATE events SET detail = '{}' WHERE id = 3");
    writer.exec("UPDATE cases SET note = 'edited' WHERE id = 1");
  });
  const CheckReport checked = check_database(db, {.full = true, .anchor = ""});
  CHECK(checked.full);
  CHECK(checked.integrity.empty());
  CHECK_FALSE(checked.history.ok());
  CHECK(checked.replay.cases == 0);
  CHECK(checked.replay.total_findings == 0);
}

TEST_CASE("case_id_runs: the first and last ids are looked up, not read through (bug: 0.9 s of a city's report)") {
  Fixture f;
  // Asked as min(id), max(id) together, SQLite scanned an index of every case.
  SQLite::Statement plan(f.db, std::string("EXPLAIN QUERY PLAN ") + kCaseIdBounds);
  std::string steps;
  while (plan.executeStep()) steps += plan.getColumn(3).getString() + "\n";
  CAPTURE(steps);
  CHECK(steps.find("SCAN cases") == std::string::npos);
  CHECK(steps.find("SEARCH cases") != std::string::npos);
  // The runs cover every case once, from the first id; the last is open-ended.
  const auto runs = case_id_runs(f.db, 5);
  REQUIRE(runs.size() == 5);
  SQLite::Statement bounds(f.db, "SELECT min(id), max(id), count(*) FROM cases");
  REQUIRE(bounds.executeStep());
  CHECK(runs.front().first == bounds.getColumn(0).getInt64());
  CHECK(runs.back().last == std::numeric_limits<std::int64_t>::max());
  std::int64_t covered = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (i > 0) CHECK(runs[i].first == runs[i - 1].last + 1);
    SQLite::Statement n(f.db, "SELECT count(*) FROM cases WHERE id BETWEEN ? AND ?");
    n.bind(1, runs[i].first);
    n.bind(2, runs[i].last);
    REQUIRE(n.executeStep());
    covered += n.getColumn(0).getInt64();
  }
  CHECK(covered == bounds.getColumn(2).getInt64());
}

TEST_CASE("case_id_runs: a database without cases is one run") {
  auto clock = at("2012-01-29T09:00");
  auto db = create_memory_database(clock);
  const auto runs = case_id_runs(db, 8);
  REQUIRE(runs.size() == 1);
  CHECK(runs.front().first == 0);
}

TEST_CASE("case record: a genesis that carries the record is recognised by its text alone, and nothing else is") {
  Fixture f;
  const CaseRecord record = a_full_case_record(f);
  const nlohmann::json written = case_record_json(record);
  const std::string generated = nlohmann::json{{"record", written}}.dump();
  const std::string imported = nlohmann::json{{"record", written}, {"file", "cases.csv"}, {"line", 7}}.dump();
  CHECK(carries_record("case.generate", generated, record));
  CHECK(carries_record("case.adopt", generated, record));
  CHECK(carries_record("case.import", imported, record));

  CHECK_FALSE(carries_record("case.apply", generated, record));     // its detail is not a record
  CHECK_FALSE(carries_record("case.import", generated, record));     // an import names its file
  CHECK_FALSE(carries_record("case.generate", imported, record));
  CHECK_FALSE(carries_record("case.generate", generated + " ", record));
  CaseRecord changed = record;
  changed.steps.back().note = "x";
  CHECK_FALSE(carries_record("case.generate", generated, changed));
  changed = record;
  changed.waits.clear();
  CHECK_FALSE(carries_record("case.import", imported, changed));
}

TEST_CASE("case record: its text is written byte for byte as nlohmann's dump of case_record_json") {
  Fixture f;
  const CaseRecord full = a_full_case_record(f);
  REQUIRE(full.rating);
  REQUIRE(!full.waits.empty());
  REQUIRE(!full.materials.empty());
  CHECK(case_record_text(full) == case_record_json(full).dump());

  // Every character JSON escapes, Chinese, and the optional parts present and absent.
  CaseRecord odd = full;
  odd.note = "引号\" 反斜杠\\ \b\f\n\r\t \x01\x1f\x7f end";
  odd.steps.front().note = "结婚证复印件不清晰\n请补正";
  odd.rating->comment = "";
  odd.current_seq = 2;
  odd.paused_days = 3;
  odd.waits.front().working_days.reset();
  odd.waits.front().resumed_at = "";
  odd.materials.front().required = false;
  odd.resident_id = 9'007'199'254'740'993;
  CHECK(case_record_text(odd) == case_record_json(odd).dump());

  CaseRecord bare;
  bare.number = "150204-20120129-0001";
  CHECK(case_record_text(bare) == case_record_json(bare).dump());
  bare.rating = RatingRecord{5, "满意", "2012-02-01T09:00:00", "ZZ0101"};
  CHECK(case_record_text(bare) == case_record_json(bare).dump());
}

namespace {

// A 低保 case under the new model through its stages: investigated, reviewed, posted
// across the National Day holiday, objected to and sent back to review, reviewed
// again, posted again, approved by the bureau and posted by it.
std::string a_staged_case(Fixture& f) {
  std::string number;
  f.write("2012-09-27T09:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    number = apply_case(f.db, c, f.calendar, op, {f.resident("r.low_income"), "C02-01", {"1", "2", "3"}, "", {}, ""}).number;
  });
  f.write("2012-09-27T15:00", "ZZ0102", [&](const Clock& c, const Operator& op) {
    investigate_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-27"), 31000, 950, true, ""});
  });
  f.write("2012-09-28T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    review_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-28"), 7, 6, 0, 1, "纪要1"});
  });
  f.write("2012-10-02T10:00", "ZZ0102",
          [&](const Clock& c, const Operator& op) { object_case(f.db, c, f.calendar, op, number, "有经营收入"); });
  f.write("2012-10-08T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    review_case(f.db, c, f.calendar, op, number, {*parse_date("2012-10-08"), 7, 5, 1, 1, "纪要2"});
  });
  f.write("2012-10-15T10:00", "ZZ0102",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  f.write("2012-10-16T10:00", "MZJ01",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  f.write("2012-10-23T10:00", "MZJ01",
          [&](const Clock& c, const Operator& op) { approve_case(f.db, c, f.calendar, op, number, ""); });
  return number;
}

}  // namespace

TEST_CASE("stages: investigation, review, posting and an objection replay to what the tables hold") {
  Fixture f;
  const std::string number = a_staged_case(f);
  const auto c = get_case(f.db, f.calendar, number);
  CHECK(c.status == CaseStatus::approved);
  // The postings are calendar days outside the promise: 2012-09-27 + 20 working days
  // (across the holiday) + 7 + 7 calendar days.
  CHECK(c.promise_days == 20);
  CHECK(c.posting_days == 14);
  REQUIRE(c.stages.size() == 6);
  CHECK(c.stages[0].income_fen == 31000);
  CHECK(c.stages[1].attempt == 1);
  CHECK(c.stages[2].attempt == 2);  // the review again, after the objection
  CHECK(c.stages[3].result == StageResult::objected);
  CHECK(c.stages[3].ends_on == "2012-10-05");
  CHECK(c.stages[4].held_on == "2012-10-08");
  CHECK(c.stages[4].ends_on == "2012-10-15");
  CHECK(c.stages[5].result == StageResult::pass);
  // The working days the notices hung are not the station's: the first from 09-28 to
  // the objection on 10-02 (the make-up Saturday 09-29 only), the second and the
  // bureau's to their last days.
  CHECK(c.posted_days == f.calendar.working_days_between(*parse_date("2012-09-28"), *parse_date("2012-10-02")) +
                             f.calendar.working_days_between(*parse_date("2012-10-08"), *parse_date("2012-10-14")) +
                             f.calendar.working_days_between(*parse_date("2012-10-16"), *parse_date("2012-10-22")));
  const auto report = replay_history(f.db);
  for (const auto& finding : report.findings) MESSAGE(finding.subject << " " << finding.field << ": " << finding.history << " / " << finding.table);
  CHECK(report.ok());
  // The record with its stages is written byte for byte as nlohmann's dump.
  SQLite::Statement id(f.db, "SELECT id FROM cases WHERE number = ?");
  id.bind(1, number);
  REQUIRE(id.executeStep());
  const CaseRecord record = read_case_record(f.db, id.getColumn(0).getInt64());
  CHECK(case_record_text(record) == case_record_json(record).dump());
  CHECK(case_record_from_json(case_record_json(record)) == record);
}

TEST_CASE("stages: a step row of 13 fields is a decision step, and stage steps are refused as decisions") {
  const auto row = nlohmann::json::parse(R"({"number":"n","item":"C05-01","model":"new","status":"open",
    "steps":[[1,"station","150204001001-FWZ","服务站","worker",2,"active","","2012-01-29T09:00:00","2012-01-31","","",""],
             [2,"station","150204001001-FWZ","公示","worker",7,"pending","","","","","","","posting","社区公示栏"]]})");
  const CaseRecord r = case_record_from_json(row);
  CHECK(r.steps[0].kind == StepKind::decision);
  CHECK(r.steps[0].place.empty());
  CHECK(r.steps[1].kind == StepKind::posting);
  CHECK(r.steps[1].place == "社区公示栏");
  CHECK(case_record_json(r)["steps"][0].size() == 13);
  CHECK(case_record_json(r)["steps"][1].size() == 15);

  Fixture f;
  std::string number;
  f.write("2012-09-27T09:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    number = apply_case(f.db, c, f.calendar, op, {f.resident("r.low_income"), "C02-01", {"1", "2", "3"}, "", {}, ""}).number;
  });
  f.write("2012-09-27T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    CHECK_THROWS_WITH_AS(approve_case(f.db, c, f.calendar, op, number, ""), doctest::Contains("sqgl investigate"),
                         Conflict);
    CHECK_THROWS_AS(reject_case(f.db, c, op, number, "x"), Conflict);
    CHECK_THROWS_AS(review_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-27"), 3, 2, 1, 0, ""}),
                    Conflict);
  });
  // A failed investigation rejects the case with its reason.
  f.write("2012-09-27T11:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    investigate_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-27"), 90000, std::nullopt, false, "收入超标"});
  });
  const auto c = get_case(f.db, f.calendar, number);
  CHECK(c.status == CaseStatus::rejected);
  CHECK(c.steps[0].note == "收入超标");
  CHECK(replay_history(f.db).ok());
}

TEST_CASE("stages: a review's votes add up to its attendees, and more than half for passes it") {
  Fixture f;
  std::string number;
  f.write("2012-09-27T09:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    number = apply_case(f.db, c, f.calendar, op, {f.resident("r.low_income"), "C02-01", {"1", "2", "3"}, "", {}, ""}).number;
  });
  f.write("2012-09-27T15:00", "ZZ0102", [&](const Clock& c, const Operator& op) {
    investigate_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-27"), std::nullopt, std::nullopt, true, ""});
  });
  f.write("2012-09-28T10:00", "ZZ0101", [&](const Clock& c, const Operator& op) {
    CHECK_THROWS_AS(review_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-28"), 7, 3, 3, 0, ""}),
                    InvalidInput);
    // Four of eight is not more than half.
    review_case(f.db, c, f.calendar, op, number, {*parse_date("2012-09-28"), 8, 4, 3, 1, ""});
  });
  CHECK(get_case(f.db, f.calendar, number).status == CaseStatus::rejected);
  CHECK(replay_history(f.db).ok());
}
