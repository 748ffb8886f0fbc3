#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::reform_clock;

namespace {

std::vector<std::string> plan_lines(const CaseFilter& filter, CaseOrder order = CaseOrder::due) {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  std::istringstream plan(case_list_plan(db, filter, clock.today(), order));
  std::vector<std::string> lines;
  for (std::string line; std::getline(plan, line);) lines.push_back(line);
  return lines;
}

// Whether `line` reads table `alias` ("c" or "s"), not another whose alias starts alike (cu, su).
bool reads(const std::string& line, std::string_view how, std::string_view alias) {
  const std::string head = std::string(how) + " " + std::string(alias);
  return line == head || line.starts_with(head + " ");
}

// The loop that reads the cases or their steps: the first line naming c or s.
std::string driving(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    if (reads(line, "SEARCH", "c") || reads(line, "SCAN", "c") || reads(line, "SEARCH", "s") ||
        reads(line, "SCAN", "s")) {
      return line;
    }
  }
  return "";
}

bool scans_history(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const std::string& l) { return reads(l, "SCAN", "c") || reads(l, "SCAN", "s"); });
}

bool sorts(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("USE TEMP B-TREE"); });
}

constexpr CaseOrder kOrders[] = {CaseOrder::due, CaseOrder::accepted, CaseOrder::number, CaseOrder::item,
                                 CaseOrder::community};

}  // namespace

TEST_CASE("queues: each filter starts from its index, never from ten years of cases") {
  struct Queue {
    const char* what;
    CaseFilter filter;
    const char* starts;
  };
  CaseFilter mine, unit, community, street, item, status, overdue, due, unassigned;
  mine.assignee = "ZZ0101";
  unit.unit = "JSJ";
  community.community = "150204001001";
  street.street = "150204001";
  item.item = "C01-01";
  status.status = "returned";
  overdue.overdue = true;
  due.due_within = 3;
  unassigned.unassigned = true;
  const Queue queues[] = {
      {"--mine", mine, "SEARCH s USING INDEX case_steps_assignee (assignee_id=? AND status=?)"},
      {"--unit", unit, "SEARCH s USING INDEX case_steps_open (status=? AND unit_id=?)"},
      {"--community", community, "SEARCH c USING INDEX cases_community (community_id=?"},
      {"--street", street, "SEARCH c USING INDEX cases_community (community_id=?"},
      {"--item", item, "SEARCH c USING INDEX cases_item (item=?"},
      {"--status", status, "SEARCH c USING INDEX cases_status_due (status=?)"},
      {"--overdue", overdue, "SEARCH c USING INDEX cases_status_due (status=? AND due_date<?)"},
      {"--due-within", due, "SEARCH c USING INDEX cases_status_due (status=? AND due_date<?)"},
      {"--unassigned", unassigned, "SEARCH c USING INDEX cases_status_due (status=?)"},
  };
  // In every order, and as the daily list asks for them (open and returned cases
  // only, unless --status or --all): the order sorts the queue read, never the history.
  for (const auto& q : queues) {
    for (const bool undecided : {false, true}) {
      for (const CaseOrder order : kOrders) {
        CAPTURE(q.what);
        CAPTURE(undecided);
        CAPTURE(static_cast<int>(order));
        auto filter = q.filter;
        filter.undecided = undecided && filter.status.empty();
        const auto lines = plan_lines(filter, order);
        // The open cases of a community or an item are searched by their status too.
        CHECK(driving(lines).starts_with(q.starts));
        CHECK_FALSE(scans_history(lines));
      }
    }
  }
}

TEST_CASE("queues: the daily list reads the open cases by status, in any order") {
  CaseFilter open;
  open.undecided = true;
  for (const CaseOrder order : kOrders) {
    CAPTURE(static_cast<int>(order));
    const auto lines = plan_lines(open, order);
    CHECK(driving(lines) == "SEARCH c USING INDEX cases_status_due (status=?)");
    CHECK_FALSE(scans_history(lines));
  }
}

TEST_CASE("queues: every case in any order streams from an index, sorted at most where keys tie") {
  const auto due = plan_lines({}, CaseOrder::due);
  CHECK(driving(due) == "SCAN c USING INDEX cases_due");
  CHECK_FALSE(sorts(due));
  const auto number = plan_lines({}, CaseOrder::number);
  CHECK(driving(number) == "SCAN c USING INDEX sqlite_autoindex_cases_1");
  CHECK_FALSE(sorts(number));
  // Cases accepted in the same second are few: only they are sorted by number.
  const auto accepted = plan_lines({}, CaseOrder::accepted);
  CHECK(driving(accepted) == "SCAN c USING INDEX cases_accepted");
  // By item or community: one item's or community's cases are sorted at a time.
  const auto item = plan_lines({}, CaseOrder::item);
  CHECK(driving(item) == "SCAN c USING INDEX cases_item");
  const auto community = plan_lines({}, CaseOrder::community);
  CHECK(community.front() == "SCAN cu USING INDEX sqlite_autoindex_units_1");
  CHECK(driving(community) == "SEARCH c USING INDEX cases_community (community_id=?)");
  for (const auto& lines : {accepted, item, community}) {
    for (const auto& line : lines) {
      if (line.starts_with("USE TEMP B-TREE")) CHECK(line == "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY");
    }
  }
}

TEST_CASE("queues: filters combined still start from an index") {
  CaseFilter f;
  f.community = "150204001001";
  f.overdue = true;
  CHECK_FALSE(scans_history(plan_lines(f)));
  f = {};
  f.unit = "JSJ";
  f.unassigned = true;
  CHECK_FALSE(scans_history(plan_lines(f)));
  f = {};
  f.assignee = "ZZ0101";
  f.item = "C01-01";
  f.status = "open";
  CHECK_FALSE(scans_history(plan_lines(f)));
  f = {};
  f.street = "150204001";
  f.due_within = 5;
  CHECK_FALSE(scans_history(plan_lines(f)));
}

TEST_CASE("queues: the whole list, and only it, reads every case") {
  CHECK(scans_history(plan_lines({})));
}

TEST_CASE("queues: each filter lists what the unfiltered list holds of it") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  {
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
  }
  const auto calendar = WorkCalendar::load(db);
  const Date today = clock.today();
  const auto all = list_cases(db, calendar, {}, today);
  REQUIRE(all.size() > 50);
  auto expect = [&](const CaseFilter& f, auto keep) {
    std::vector<std::string> want, got;
    for (const auto& c : all) {
      if (keep(c)) want.push_back(c.number);
    }
    for (const auto& c : list_cases(db, calendar, f, today)) got.push_back(c.number);
    CHECK(got == want);
    return want.size();
  };
  CaseFilter f;
  f.status = "approved";
  CHECK(expect(f, [](const CaseSummary& c) { return c.status == CaseStatus::approved; }) > 0);
  f = {};
  f.item = all.front().item;
  CHECK(expect(f, [&](const CaseSummary& c) { return c.item == all.front().item; }) > 0);
  f = {};
  f.community = all.back().community_code;
  CHECK(expect(f, [&](const CaseSummary& c) { return c.community_code == all.back().community_code; }) > 0);
  f = {};
  f.overdue = true;
  expect(f, [](const CaseSummary& c) { return c.overdue; });
  f = {};
  f.unassigned = true;
  expect(f, [](const CaseSummary& c) { return c.status == CaseStatus::open && c.assignee.empty(); });
}

TEST_CASE("queues: each order sorts the list by its key, then due date and case number") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  {
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
  }
  const auto calendar = WorkCalendar::load(db);
  const Date today = clock.today();
  using Key = std::tuple<std::string, std::string, std::string>;
  const std::pair<CaseOrder, Key (*)(const CaseSummary&)> orders[] = {
      {CaseOrder::due, [](const CaseSummary& c) { return Key{c.due_date, c.number, ""}; }},
      {CaseOrder::accepted, [](const CaseSummary& c) { return Key{c.accepted_at, c.number, ""}; }},
      {CaseOrder::number, [](const CaseSummary& c) { return Key{c.number, "", ""}; }},
      {CaseOrder::item, [](const CaseSummary& c) { return Key{c.item, c.due_date, c.number}; }},
      {CaseOrder::community, [](const CaseSummary& c) { return Key{c.community_code, c.due_date, c.number}; }},
  };
  const auto every = list_cases(db, calendar, {}, today, CaseOrder::number);
  REQUIRE(every.size() > 50);
  for (const auto& [order, key] : orders) {
    CAPTURE(static_cast<int>(order));
    const auto listed = list_cases(db, calendar, {}, today, order);
    CHECK(listed.size() == every.size());
    CHECK(std::is_sorted(listed.begin(), listed.end(),
                         [&](const CaseSummary& a, const CaseSummary& b) { return key(a) < key(b); }));
  }
  // The demo's cases were accepted in number order and are due in another: the
  // default order is not the history's.
  const auto by_due = list_cases(db, calendar, {}, today);
  std::vector<std::string> due_numbers, numbers;
  for (const auto& c : by_due) due_numbers.push_back(c.number);
  for (const auto& c : every) numbers.push_back(c.number);
  CHECK(due_numbers != numbers);
}

TEST_CASE("queues: the daily list holds the open and the returned cases, and a limit the first of them") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  {
    WriteTransaction tx(db);
    generate_demo(db, clock, std::nullopt, {2012, 0.05, 1});
    tx.commit();
  }
  const auto calendar = WorkCalendar::load(db);
  const Date today = clock.today();
  // Some cases still open, one of them waiting for materials.
  {
    WriteTransaction tx(db);
    db.exec("UPDATE cases SET status = 'open' WHERE id % 9 = 0");
    db.exec("UPDATE cases SET status = 'returned' WHERE id = (SELECT min(id) FROM cases WHERE status = 'open')");
    tx.commit();
  }
  CaseFilter open;
  open.undecided = true;
  std::vector<std::string> want, got;
  for (const auto& c : list_cases(db, calendar, {}, today)) {
    if (c.status == CaseStatus::open || c.status == CaseStatus::returned) want.push_back(c.number);
  }
  const auto listed = list_cases(db, calendar, open, today);
  for (const auto& c : listed) got.push_back(c.number);
  REQUIRE(want.size() > 5);
  CHECK(got == want);
  CHECK(std::any_of(listed.begin(), listed.end(), [](const CaseSummary& c) { return c.status == CaseStatus::returned; }));
  CHECK(count_cases(db, calendar, open, today) == static_cast<std::int64_t>(want.size()));
  CHECK(count_cases(db, calendar, {}, today) > count_cases(db, calendar, open, today));

  std::vector<std::string> first;
  const auto visited = for_each_case(
      db, calendar, open, today, [&](const CaseSummary& c) { first.push_back(c.number); }, CaseOrder::due, 5);
  CHECK(visited == 5);
  CHECK(first == std::vector<std::string>(want.begin(), want.begin() + 5));
}

TEST_CASE("queues: a case's register notices are counted from their index, not by reading them all") {
  for (const auto order : kOrders) {
    const auto lines = plan_lines({}, order);
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
      return l == "SEARCH n USING COVERING INDEX case_notices_case (case_id=?)";
    }));
    CHECK(std::none_of(lines.begin(), lines.end(), [](const std::string& l) { return reads(l, "SCAN", "n"); }));
  }
}
