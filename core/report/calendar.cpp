// Calendar: whether this year's and next year's official calendars are in.
#include "core/report/kinds.h"

#include <chrono>
#include <map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/model/calendar.h"

namespace sqgl::core::reports {

void calendar_years(const SQLite::Database& db, const ReportOptions& o, Report& r) {
  r.title = N_("Calendar: official working-day calendars for this year and the next");
  const int year = year_of(o.as_of);
  std::map<int, CalendarYear> loaded;
  for (const auto& y : list_calendar_years(db)) loaded[y.year] = y;
  ReportTable t{"years",
                N_("Years"),
                {{"year", C_("report column", "year"), ReportUnit::year},
                 {"loaded", C_("report column", "loaded"), ReportUnit::text},
                 {"notice", C_("report column", "notice"), ReportUnit::text},
                 {"holiday_count", C_("report column", "holidays"), ReportUnit::count},
                 {"adjusted_day_count", C_("report column", "adjusted working days"), ReportUnit::count}},
                {}};
  for (int y : {year, year + 1}) {
    auto it = loaded.find(y);
    if (it == loaded.end()) {
      t.rows.push_back({number(y), word("no", C_("calendar loaded", "no")), {}, {}, {}});
    } else {
      t.rows.push_back({number(y), word("yes", C_("calendar loaded", "yes")), text(it->second.source),
                        number(it->second.off_days), number(it->second.work_days)});
    }
  }
  if (!loaded.count(year)) {
    ++r.findings;
    note(r, tr("no calendar for {}: due dates count Monday to Friday only", year));
  }
  // The State Council publishes next year's calendar in November.
  const bool december = static_cast<unsigned>(std::chrono::year_month_day{o.as_of}.month()) == 12;
  if (december && !loaded.count(year + 1)) {
    ++r.findings;
    note(r, tr("no calendar for {} yet: import the State Council notice", year + 1));
  }
  if (r.findings == 0) note(r, _("calendars in place"));
  r.tables.push_back(std::move(t));
}

}  // namespace sqgl::core::reports
