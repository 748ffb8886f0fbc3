// Performance: received, decided, on time and working days to decision, six ways.
#include "core/report/kinds.h"

#include <cmath>
#include <iterator>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/report/day_counts.h"
#include "core/report/period.h"

namespace sqgl::core::reports {

namespace {

struct Tally {
  std::string_view label;
  std::int64_t received = 0, decided = 0, approved = 0, rejected = 0, on_time = 0;
  DayCounts days;

  void add(const Tally& more) {
    if (label.empty()) label = more.label;
    received += more.received;
    decided += more.decided;
    approved += more.approved;
    rejected += more.rejected;
    on_time += more.on_time;
    days.add(more.days);
  }
};

}  // namespace

void performance(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
                 Date to) {
  r.title = N_("Performance: received, decided, on time, working days to decision");
  using KeyOf = Key (*)(const PeriodCase&);
  using LabelOf = std::string_view (*)(const PeriodCase&);
  // Windows and categories are named from the catalog once the cases are added up.
  enum class Named { by_case, window, category };
  struct Grouping {
    const char* name;
    const char* title;
    const char* key_title;
    KeyOf key;
    LabelOf label;
    Named named = Named::by_case;
  };
  // Made at each call, after the locale is read: the headings are translated here,
  // the titles (English in --json) where they are shown.
  const Grouping groupings[] = {
      {"total", N_("Total"), "", [](const PeriodCase&) { return Key{"total", 0}; },
       [](const PeriodCase&) { return std::string_view(); }},
      {"by_item", N_("By item"), C_("report column", "item"), [](const PeriodCase& c) { return c.item; },
       [](const PeriodCase& c) { return c.item_name; }},
      {"by_category", N_("By category"), C_("report column", "category"),
       [](const PeriodCase& c) { return c.category; }, [](const PeriodCase&) { return std::string_view(); },
       Named::category},
      {"by_window", N_("By window"), C_("report column", "window"), [](const PeriodCase& c) { return c.window; },
       [](const PeriodCase&) { return std::string_view(); }, Named::window},
      {"by_community", N_("By community"), C_("report column", "community"),
       [](const PeriodCase& c) { return c.community; }, [](const PeriodCase& c) { return c.community_name; }},
      {"by_street", N_("By street office"), C_("report column", "street office"),
       [](const PeriodCase& c) { return c.street; }, [](const PeriodCase& c) { return c.street_name; }},
  };
  // One pass over the cases, each added up six ways: a whole history is millions
  // of cases, read in parts side by side and added together at the end.
  struct Part {
    std::vector<ByKey<Tally>> tallies;
    std::int64_t count = 0;
  };
  PeriodCases cases(db, from, to, &calendar);
  std::vector<Part> parts(cases.parts(), Part{std::vector<ByKey<Tally>>(std::size(groupings)), 0});
  cases.for_each(o, {.due = true}, [&](std::size_t part, const PeriodCase& c) {
    Part& p = parts[part];
    ++p.count;
    const bool received = in_period(c.accepted, from, to);
    const bool decided = c.decided && in_period(*c.decided, from, to) && c.status != CaseStatus::withdrawn;
    const int days = decided ? working_days_to_decision(calendar, c) : 0;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      Tally& t = p.tallies[g][groupings[g].key(c)];
      if (t.label.empty()) t.label = groupings[g].label(c);
      t.received += received;
      if (decided) {
        ++t.decided;
        t.approved += c.status == CaseStatus::approved;
        t.rejected += c.status == CaseStatus::rejected;
        t.on_time += *c.decided <= c.due;
        t.days.add(days);
      }
    }
  });
  Part& all = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    all.count += parts[i].count;
    for (std::size_t g = 0; g < std::size(groupings); ++g) {
      all.tallies[g].merge(parts[i].tallies[g], [](Tally& into, const Tally& more) { into.add(more); });
    }
  }
  const auto& tallies = all.tallies;
  const std::int64_t count = all.count;
  const CatalogNames names(db);
  for (std::size_t gi = 0; gi < std::size(groupings); ++gi) {
    const auto& g = groupings[gi];
    ReportTable t{g.name,
                  g.title,
                  {{"code", g.key_title, ReportUnit::text},
                   {"name", "", ReportUnit::text},
                   {"received", C_("report column", "received"), ReportUnit::count},
                   {"decided", C_("report column", "decided"), ReportUnit::count},
                   {"approved", C_("report column", "approved"), ReportUnit::count},
                   {"rejected", C_("report column", "rejected"), ReportUnit::count},
                   {"on_time_pct", C_("report column", "on time %"), ReportUnit::percent, {"decided"}},
                   {"median_wd", C_("report column", "median wd"), ReportUnit::working_days},
                   {"p90_wd", C_("report column", "p90 wd"), ReportUnit::working_days}},
                  {}};
    // The total's one row is named by a word of the report ("total"); its one bar
    // would say nothing the figures do not. The others chart their on-time rates,
    // with the decided cases each is of.
    const bool total = std::string_view(g.name) == "total";
    if (!total) {
      t.figure = "on_time_pct";
      t.context = {"decided"};
    }
    for (const auto& [key, tally] : tallies[gi].in_key_order()) {
      ReportValue rate;
      if (tally->decided > 0) {
        rate = std::round(1000.0 * static_cast<double>(tally->on_time) / static_cast<double>(tally->decided)) / 10.0;
      }
      const std::string label = g.named == Named::window     ? names.window(key)
                                : g.named == Named::category ? names.category(key)
                                                             : std::string(tally->label);
      t.rows.push_back({total ? word(std::string(key), C_("report row", "total")) : text(std::string(key)), text(label),
                        number(tally->received), number(tally->decided), number(tally->approved),
                        number(tally->rejected), rate,
                        tally->days.empty() ? ReportValue{} : number(tally->days.quantile(0.5)),
                        tally->days.empty() ? ReportValue{} : number(tally->days.quantile(0.9))});
    }
    if (total && t.rows.empty()) {
      t.rows.push_back(
          {word("total", C_("report row", "total")), {}, number(0), number(0), number(0), number(0), {}, {}, {}});
    }
    r.tables.push_back(std::move(t));
  }
  note(r, tr_n("{} case accepted or decided in the period", "{} cases accepted or decided in the period",
                static_cast<unsigned long>(count), count));
}

}  // namespace sqgl::core::reports
