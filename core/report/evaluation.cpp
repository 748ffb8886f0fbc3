// Evaluation: the residents' ratings (好差评) of the cases decided in the period.
#include "core/report/kinds.h"

#include <array>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <string_view>
#include <tuple>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/report/period.h"

namespace sqgl::core::reports {

void evaluation(const SQLite::Database& db, const ReportOptions& o, Report& r, Date from, Date to) {
  r.title = N_("Evaluation: residents' ratings (好差评) of the cases decided in the period");
  using KeyOf = Key (*)(const PeriodCase&);
  const std::tuple<const char*, const char*, const char*, KeyOf> groupings[] = {
      {"by_window", N_("By window"), C_("report column", "window"), [](const PeriodCase& c) { return c.window; }},
      {"by_staff", N_("By accepting clerk"), C_("report column", "accepted by"),
       [](const PeriodCase& c) { return c.accepted_by; }},
      {"by_item", N_("By item"), C_("report column", "item"), [](const PeriodCase& c) { return c.item; }},
  };
  // People know a clerk by name; the staff number beside it is what they type.
  std::map<std::string, std::string, std::less<>> staff_names;
  SQLite::Statement staff(db, "SELECT staff_no, name FROM staff");
  while (staff.executeStep()) staff_names.emplace(staff.getColumn(0).getString(), staff.getColumn(1).getString());
  auto staff_name = [&](std::string_view staff_no) {
    const auto it = staff_names.find(staff_no);
    return it == staff_names.end() ? std::string() : it->second;
  };
  // Counted in one pass over the cases: 1..5, unrated, decided. Each part keeps
  // its low ratings in case order, and the parts follow one another in it.
  using Counts = std::array<std::int64_t, 7>;
  struct Part {
    std::vector<ByKey<Counts>> counts;
    std::vector<std::vector<ReportValue>> low;
    std::int64_t decided = 0;
  };
  PeriodCases cases(db, from, to);
  std::vector<Part> parts(cases.parts(), Part{std::vector<ByKey<Counts>>(std::size(groupings)), {}, 0});
  cases.for_each(o, {.clerk = true, .number = true, .rating = true}, [&](std::size_t part, const PeriodCase& c) {
    if (!c.decided || !in_period(*c.decided, from, to) ||
        (c.status != CaseStatus::approved && c.status != CaseStatus::rejected))
      return;
    Part& p = parts[part];
    ++p.decided;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      auto& n = p.counts[g][std::get<3>(groupings[g])(c)];
      ++n[6];
      ++n[c.score ? static_cast<std::size_t>(*c.score - 1) : 5];
    }
    if (c.score && *c.score <= 2)
      p.low.push_back({text(std::string(c.number())), text(std::string(c.item.text)),
                       text(std::string(c.accepted_by.text)), text(staff_name(c.accepted_by.text)), number(*c.score)});
  });
  ReportTable low{
      "low",
      N_("Low ratings (1–2)"),
      {{"case", C_("report column", "case"), ReportUnit::text},
       {"item", C_("report column", "item"), ReportUnit::text},
       {"clerk", C_("report column", "accepted by"), ReportUnit::text},
       {"clerk_name", C_("report column, person", "name"), ReportUnit::text},
       {"score", C_("report column", "score"), ReportUnit::count}},
      {}};
  Part& all = parts.front();
  all.low.swap(low.rows);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    all.decided += parts[i].decided;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      all.counts[g].merge(parts[i].counts[g], [](Counts& into, const Counts& more) {
        for (std::size_t k = 0; k < into.size(); ++k) into[k] += more[k];
      });
    }
    for (auto& row : parts[i].low) low.rows.push_back(std::move(row));
  }
  // Each group is named beside its code: the window's name, the clerk's, the item's.
  const CatalogNames catalog(db);
  auto name_of = [&](std::size_t grouping, std::string_view code) -> std::string {
    if (grouping == 0) return catalog.window(code);
    if (grouping == 1) return staff_name(code);
    return catalog.item(code);
  };
  const auto& counts = all.counts;
  const std::int64_t decided = all.decided;
  for (std::size_t g = 0; g < std::size(groupings); ++g) {
    const auto& [name, title, key_title, key] = groupings[g];
    ReportTable t{name,
                  title,
                  {{"code", key_title, ReportUnit::text},
                   {"name", "", ReportUnit::text},
                   {"decided", C_("report column", "decided"), ReportUnit::count},
                   {"s5", "非常满意", ReportUnit::count},
                   {"s4", "满意", ReportUnit::count},
                   {"s3", "基本满意", ReportUnit::count},
                   {"s2", "不满意", ReportUnit::count},
                   {"s1", "非常不满意", ReportUnit::count},
                   {"unrated", C_("report column", "not rated"), ReportUnit::count},
                   // Of the cases the residents rated.
                   {"satisfied_pct",
                    C_("report column", "satisfied %"),
                    ReportUnit::percent,
                    {"s5", "s4", "s3", "s2", "s1"}}},
                  {}};
    // A clerk's name is a person's (姓名), not a window's or an item's (名称).
    if (g == 1) t.columns[1].title = C_("report column, person", "name");
    // The share of satisfied residents, of the cases they rated.
    t.figure = "satisfied_pct";
    t.context = {"decided"};
    for (const auto& [k, totals] : counts[g].in_key_order()) {
      const auto& n = *totals;
      const std::int64_t rated = n[6] - n[5];
      ReportValue share;
      if (rated > 0) share = std::round(1000.0 * static_cast<double>(n[3] + n[4]) / static_cast<double>(rated)) / 10.0;
      t.rows.push_back({text(std::string(k)), text(name_of(g, k)), number(n[6]), number(n[4]), number(n[3]),
                        number(n[2]), number(n[1]), number(n[0]), number(n[5]), share});
    }
    r.tables.push_back(std::move(t));
  }
  const std::size_t lows = low.rows.size();
  const auto count = static_cast<unsigned long>(decided);
  // Two counts, each with its plural: one message for each form of the second.
  note(r, lows == 1 ? tr_n("{} decided case, {} low rating", "{} decided cases, {} low rating", count, decided, lows)
                    : tr_n("{} decided case, {} low ratings", "{} decided cases, {} low ratings", count, decided, lows));
  r.tables.push_back(std::move(low));
}

}  // namespace sqgl::core::reports
