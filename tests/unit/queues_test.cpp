#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "core/admin/demo.h"
#include "core/admin/init.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::reform_clock;

namespace {

std::vector<std::string> plan_lines(const CaseFilter& filter) {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  std::istringstream plan(case_list_plan(db, filter, clock.today()));
  std::vector<std::string> lines;
  for (std::string line; std::getline(plan, line);) lines.push_back(line);
  return lines;
}

// The loop that reads the cases or their steps: the first line naming c or s.
std::string driving(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    if (line.starts_with("SEARCH c ") || line.starts_with("SCAN c") || line.starts_with("SEARCH s ") ||
        line.starts_with("SCAN s")) {
      return line;
    }
  }
  return "";
}

bool scans_history(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin(), lines.end(),
                     [](const std::string& l) { return l.starts_with("SCAN c") || l.starts_with("SCAN s"); });
}

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
      {"--community", community, "SEARCH c USING INDEX cases_community (community_id=?)"},
      {"--street", street, "SEARCH c USING INDEX cases_community (community_id=?)"},
      {"--item", item, "SEARCH c USING INDEX cases_item (item=?)"},
      {"--status", status, "SEARCH c USING INDEX cases_status_due (status=?)"},
      {"--overdue", overdue, "SEARCH c USING INDEX cases_status_due (status=? AND due_date<?)"},
      {"--due-within", due, "SEARCH c USING INDEX cases_status_due (status=? AND due_date<?)"},
      {"--unassigned", unassigned, "SEARCH c USING INDEX cases_status_due (status=?)"},
  };
  for (const auto& q : queues) {
    CAPTURE(q.what);
    const auto lines = plan_lines(q.filter);
    CHECK(driving(lines) == q.starts);
    CHECK_FALSE(scans_history(lines));
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
