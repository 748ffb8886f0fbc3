// sqgl calendar: a month with its holidays and adjusted working days, and the
// due date N working days after a date.
#include <charconv>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/render/output.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/calendar.h"

namespace sqgl::cli {

namespace {

struct CalendarOptions {
  std::string month;             // YYYY-MM
  std::vector<std::string> due;  // DATE N
  bool years = false;
};

// Marked only: translated where they are shown.
constexpr const char* kMonthNames[] = {N_("January"), N_("February"), N_("March"),     N_("April"),
                                       N_("May"),     N_("June"),     N_("July"),      N_("August"),
                                       N_("September"), N_("October"), N_("November"), N_("December")};
constexpr const char* kWeekdays[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")};

void warn_fallback(Context& ctx, const core::WorkCalendar& calendar) {
  for (int year : calendar.years_without_calendar()) {
    ctx.warn(core::tr("no working-day calendar for {} is loaded; counting Monday to Friday only until the "
                      "State Council notice for {} is imported",
                      year, year));
  }
}

int parse_count(const std::string& text) {
  int n = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || n < 0 || n > 3650) {
    throw core::errors::invalid(N_("number of working days"), text, _("expected a whole number from 0 to 3650"));
  }
  return n;
}

void run_due(Context& ctx, const CalendarOptions& opt) {
  const core::Date from = core::parse_date_or_throw(opt.due[0]);
  const int n = parse_count(opt.due[1]);
  auto calendar = core::WorkCalendar::load(ctx.read_db());
  const core::Date due = calendar.add_working_days(from, n);
  if (ctx.json()) {
    print_json(ctx.out, {{"from", core::format_date(from)},
                         {"working_days", n},
                         {"due_date", core::format_date(due)},
                         {"calendar_years_missing", calendar.years_without_calendar()}});
  } else {
    ctx.out << core::format_date(due) << '\n';
  }
  warn_fallback(ctx, calendar);
}

void run_years(Context& ctx) {
  auto years = core::list_calendar_years(ctx.read_db());
  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& y : years) {
      list.push_back(
          {{"year", y.year}, {"source", or_null(y.source)}, {"off_days", y.off_days}, {"work_days", y.work_days}});
    }
    print_json(ctx.out, {{"years", list}});
    return;
  }
  Table table({true, true, true, false});
  table.add({_("year"), _("holidays"), C_("calendar column", "adjusted"), _("notice")});
  for (const auto& y : years) {
    table.add({std::to_string(y.year), std::to_string(y.off_days), std::to_string(y.work_days), y.source});
  }
  table.print(ctx.out);
}

void run_month(Context& ctx, const CalendarOptions& opt) {
  std::string month = opt.month.empty() ? core::format_date(ctx.clock.today()).substr(0, 7) : opt.month;
  auto first = core::parse_date(month + "-01");
  if (month.size() != 7 || !first) throw core::errors::invalid(N_("month"), month, _("expected YYYY-MM"));
  const std::chrono::year_month_day ymd{*first};
  const int year = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const auto last_day = static_cast<unsigned>((ymd.year() / ymd.month() / std::chrono::last).day());

  auto& db = ctx.read_db();
  auto calendar = core::WorkCalendar::load(db);
  std::string source;
  for (const auto& y : core::list_calendar_years(db)) {
    if (y.year == year) source = y.source;
  }

  struct Day {
    core::Date date;
    bool working;
    const core::DayMark* mark;
  };
  std::vector<Day> days;
  int working = 0;
  for (unsigned d = 0; d < last_day; ++d) {
    core::Date date = *first + std::chrono::days{d};
    bool w = calendar.is_working_day(date);
    working += w ? 1 : 0;
    days.push_back({date, w, calendar.mark(date)});
  }

  if (ctx.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& day : days) {
      list.push_back({{"date", core::format_date(day.date)},
                      {"weekday", core::iso_weekday(day.date)},
                      {"working", day.working},
                      {"kind", day.mark ? nlohmann::json(day.mark->kind) : nlohmann::json(nullptr)},
                      {"name", day.mark ? or_null(day.mark->name) : nlohmann::json(nullptr)}});
    }
    print_json(ctx.out, {{"month", month},
                         {"calendar_loaded", calendar.has_year(year)},
                         {"source", or_null(source)},
                         {"working_days", working},
                         {"days", list}});
    warn_fallback(ctx, calendar);
    return;
  }

  auto& out = ctx.out;
  out << core::tr("{} {} ({}年{}月)", core::translate(kMonthNames[m - 1]), year, year, m);
  out << (source.empty() ? "\n" : fmt::format(" · {}\n", source));
  // Seven columns of four: the days below are "{:3}" and a marker.
  out << _(" Mon Tue Wed Thu Fri Sat Sun") << '\n';
  std::string line(static_cast<std::size_t>(core::iso_weekday(*first) - 1) * 4, ' ');
  for (const auto& day : days) {
    const unsigned dom = static_cast<unsigned>(std::chrono::year_month_day{day.date}.day());
    char marker = ' ';
    if (day.mark) marker = day.mark->kind == "off" ? '*' : '+';
    line += fmt::format("{:3}{}", dom, marker);
    if (core::iso_weekday(day.date) == 7) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
      line.clear();
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (!line.empty()) out << line << '\n';

  // Name each run of holidays once: "01-22…01-28 春节".
  std::vector<std::string> holidays, adjusted;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const auto* mark = days[i].mark;
    if (!mark) continue;
    if (mark->kind == "work") {
      adjusted.push_back(fmt::format("{} ({}) {}", core::format_date(days[i].date).substr(5),
                                     core::translate(kWeekdays[core::iso_weekday(days[i].date) - 1]), mark->name));
      continue;
    }
    std::size_t j = i;
    while (j + 1 < days.size() && days[j + 1].mark && days[j + 1].mark->kind == "off" &&
           days[j + 1].mark->name == mark->name) {
      ++j;
    }
    std::string range = core::format_date(days[i].date).substr(5);
    if (j > i) range += "…" + core::format_date(days[j].date).substr(5);
    holidays.push_back(range + " " + mark->name);
    i = j;
  }
  auto join = [](const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
    return s.empty() ? std::string(C_("calendar", "none")) : s;
  };
  out << core::tr("* holidays (放假): {}", join(holidays)) << '\n';
  out << core::tr("+ adjusted working days (调休上班): {}", join(adjusted)) << '\n';
  out << core::tr("working days: {} of {}", working, last_day) << '\n';
  warn_fallback(ctx, calendar);
}

void run_calendar(Context& ctx, const CalendarOptions& opt) {
  if (!opt.due.empty()) {
    if (!opt.month.empty()) throw core::InvalidInput(_("give either a month or --due, not both"));
    run_due(ctx, opt);
  } else if (opt.years) {
    run_years(ctx);
  } else {
    run_month(ctx, opt);
  }
}

}  // namespace

RunFn setup_calendar(CLI::App& app) {
  auto opt = std::make_shared<CalendarOptions>();
  auto* sub =
      app.add_subcommand("calendar", _("Show a month's working days, or the date N working days after a date"));
  sub->add_option("month", opt->month, _("The month to show, YYYY-MM (default: this month)"))->check(non_empty());
  sub->add_option("--due", opt->due, _("Print the date N working days after DATE (DATE itself not counted)"))
      ->expected(2)
      ->type_name("DATE N");
  sub->add_flag("--years", opt->years, _("List the years whose official calendar is loaded"));
  sub->footer(
      _("Working days are Monday to Friday, minus public holidays, plus adjusted working weekends (调休).\n"
        "Examples:\n  sqgl calendar 2012-01\n  sqgl calendar --due 2012-01-29 5     # prints 2012-02-03"));
  return [opt](Context& ctx) { run_calendar(ctx, *opt); };
}

}  // namespace sqgl::cli
