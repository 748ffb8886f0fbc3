// Reform: the new model against the old, on the cases decided in the period.
#include "core/report/kinds.h"

#include <algorithm>
#include <array>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/model/catalog.h"
#include "core/report/day_counts.h"
#include "core/report/period.h"

namespace sqgl::core::reports {

void reform(const SQLite::Database& db, const WorkCalendar& calendar, const ReportOptions& o, Report& r, Date from,
            Date to) {
  r.title = N_("Reform: the new model against the old, on real cases");
  struct Side {
    std::int64_t cases = 0;
    DayCounts days;
  };
  using Sides = std::array<Side, 2>;  // by model
  struct Part {
    ByKey<Sides> by_item;
    Sides total;
  };
  PeriodCases cases(db, from, to, &calendar);
  std::vector<Part> parts(cases.parts());
  auto side_in = [](const Sides& sides, Model model) -> const Side& { return sides[static_cast<std::size_t>(model)]; };
  cases.for_each(o, {.model = true}, [&](std::size_t part, const PeriodCase& c) {
    if (!c.decided || !in_period(*c.decided, from, to) || c.status == CaseStatus::withdrawn) return;
    const int wd = working_days_to_decision(calendar, c);
    const auto model = static_cast<std::size_t>(c.model);
    Part& p = parts[part];
    for (auto* side : {&p.by_item[c.item][model], &p.total[model]}) {
      ++side->cases;
      side->days.add(wd);
    }
  });
  auto add = [](Sides& into, const Sides& more) {
    for (std::size_t m = 0; m < into.size(); ++m) {
      into[m].cases += more[m].cases;
      into[m].days.add(more[m].days);
    }
  };
  Part& all = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) {
    all.by_item.merge(parts[i].by_item, add);
    add(all.total, parts[i].total);
  }
  const ByKey<Sides>& by_item = all.by_item;
  const Sides& total = all.total;
  ReportTable t{"by_item",
                N_("By item"),
                {{"item", C_("report column", "item"), ReportUnit::text},
                 {"name", "", ReportUnit::text},
                 {"old_level_count", C_("report column", "levels old"), ReportUnit::count},
                 {"new_level_count", C_("report column", "levels new"), ReportUnit::count},
                 {"old_promised_wd", C_("report column", "promised old"), ReportUnit::working_days},
                 {"new_promised_wd", C_("report column", "promised new"), ReportUnit::working_days},
                 {"old_trip_count", C_("report column", "trips old"), ReportUnit::count},
                 {"new_trip_count", C_("report column", "trips new"), ReportUnit::count},
                 {"old_case_count", C_("report column", "cases old"), ReportUnit::count},
                 {"new_case_count", C_("report column", "cases new"), ReportUnit::count},
                 {"old_median_wd", C_("report column", "median wd old"), ReportUnit::working_days},
                 {"new_median_wd", C_("report column", "median wd new"), ReportUnit::working_days}},
                {}};
  // The items whose chains have stages inside their levels (入户调查, 民主评议, 公示): how
  // many, and the calendar days of their postings, outside the promise.
  ReportTable staged{"stages",
                     N_("Stages inside the levels"),
                     {{"item", C_("report column", "item"), ReportUnit::text},
                      {"name", "", ReportUnit::text},
                      {"old_stage_count", C_("report column", "stages old"), ReportUnit::count},
                      {"new_stage_count", C_("report column", "stages new"), ReportUnit::count},
                      {"old_posting_days", C_("report column", "posting days old"), ReportUnit::count},
                      {"new_posting_days", C_("report column", "posting days new"), ReportUnit::count}},
                     {}};
  for (const auto& category : list_catalog(db, {o.category, o.window})) {
    for (const auto& item : category.items) {
      if (!o.item.empty() && item.code != o.item) continue;
      // Levels are the distinct units a chain passes (the reform's three to two);
      // stages, the investigations, reviews and postings inside them; the promise,
      // working days; the postings, calendar days outside it.
      auto levels = [](const std::vector<ChainStep>& chain) {
        return number(static_cast<std::int64_t>(chain_levels(chain)));
      };
      auto stages = [](const std::vector<ChainStep>& chain) {
        return number(static_cast<std::int64_t>(std::count_if(
            chain.begin(), chain.end(), [](const ChainStep& s) { return s.kind != StepKind::decision; })));
      };
      auto working = [](const std::vector<ChainStep>& chain) {
        return number(static_cast<std::int64_t>(chain_working_days(chain)));
      };
      auto posting = [](const std::vector<ChainStep>& chain) {
        return number(static_cast<std::int64_t>(chain_posting_days(chain)));
      };
      static const Sides kNoSides;
      const Sides* found = by_item.find(item.code);
      const Sides& sides = found ? *found : kNoSides;
      auto median = [](const Side& s) { return s.days.empty() ? ReportValue{} : number(s.days.quantile(0.5)); };
      t.rows.push_back({text(item.code), text(item.name_zh), levels(item.old_chain), levels(item.new_chain),
                        working(item.old_chain), working(item.new_chain), number(item.trips_old), number(item.trips_new),
                        number(side_in(sides, Model::former).cases), number(side_in(sides, Model::reformed).cases),
                        median(side_in(sides, Model::former)), median(side_in(sides, Model::reformed))});
      if (chain_posting_days(item.old_chain) + chain_posting_days(item.new_chain) > 0 ||
          std::any_of(item.new_chain.begin(), item.new_chain.end(),
                      [](const ChainStep& s) { return s.kind != StepKind::decision; })) {
        staged.rows.push_back({text(item.code), text(item.name_zh), stages(item.old_chain), stages(item.new_chain),
                               posting(item.old_chain), posting(item.new_chain)});
      }
    }
  }
  ReportTable sum{"total",
                  N_("Total"),
                  {{"model", C_("report column", "model"), ReportUnit::text},
                   {"case_count", C_("report column", "cases"), ReportUnit::count},
                   {"median_wd", C_("report column", "median wd"), ReportUnit::working_days},
                   {"p90_wd", C_("report column", "p90 wd"), ReportUnit::working_days}},
                  {}};
  for (const Model model : {Model::former, Model::reformed}) {
    const auto& side = side_in(total, model);
    sum.rows.push_back({word(std::string(core::text(model)), core::label(model)), number(side.cases),
                        side.days.empty() ? ReportValue{} : number(side.days.quantile(0.5)),
                        side.days.empty() ? ReportValue{} : number(side.days.quantile(0.9))});
  }
  // The old model's working days to decision against the new model's: the reform's
  // whole point, in two bars. Item by item, the promised days of both chains (a
  // month has cases of one model only, but for the months of the switch), with the
  // real cases' medians where there are any.
  sum.figure = "median_wd";
  sum.context = {"case_count"};
  t.figure = "old_promised_wd";
  t.beside = "new_promised_wd";
  t.context = {"old_median_wd", "new_median_wd"};
  r.tables.push_back(std::move(sum));
  r.tables.push_back(std::move(t));
  if (!staged.rows.empty()) r.tables.push_back(std::move(staged));
  const std::int64_t old_cases = side_in(total, Model::former).cases, new_cases = side_in(total, Model::reformed).cases;
  note(r, tr("{} decided under the old model, {} under the new", old_cases, new_cases));
}

}  // namespace sqgl::core::reports
