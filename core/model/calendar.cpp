#include "core/model/calendar.h"

#include <charconv>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/base/csv.h"
#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

WorkCalendar WorkCalendar::load(const SQLite::Database& db) {
  WorkCalendar calendar;
  calendar.db_ = &db;
  SQLite::Statement years(db, "SELECT year FROM calendar_years");
  while (years.executeStep()) calendar.add_year(years.getColumn(0).getInt());
  return calendar;
}

void WorkCalendar::read_year(int year) const {
  if (db_ == nullptr || !read_years_.insert(year).second) return;
  // By the date, not the notice year: a notice may mark a day of the next year.
  SQLite::Statement days(*db_, "SELECT date, kind, name FROM calendar_days WHERE date >= ? AND date < ?");
  days.bind(1, fmt::format("{:04}-01-01", year));
  days.bind(2, fmt::format("{:04}-01-01", year + 1));
  while (days.executeStep()) {
    if (auto date = parse_date(days.getColumn(0).getText())) {
      marks_.emplace(*date, DayMark{days.getColumn(1).getText(), days.getColumn(2).getText()});
    }
  }
}

bool WorkCalendar::is_working_day(Date date) const {
  const int year = year_of(date);
  read_year(year);
  if (auto it = marks_.find(date); it != marks_.end()) return it->second.kind == "work";
  if (!has_year(year)) fallback_years_.insert(year);
  return iso_weekday(date) <= 5;
}

Date WorkCalendar::add_working_days(Date start, int n) const {
  Date day = start;
  if (n <= 0) {
    while (!is_working_day(day)) day += std::chrono::days{1};
    return day;
  }
  while (n > 0) {
    day += std::chrono::days{1};
    if (is_working_day(day)) --n;
  }
  return day;
}

const std::array<std::uint16_t, 367>& WorkCalendar::year_counts(int year) const {
  auto it = counts_.find(year);
  if (it != counts_.end()) return it->second;
  std::array<std::uint16_t, 367> counts{};
  const Date first{std::chrono::year{year} / 1 / 1};
  const Date next{std::chrono::year{year + 1} / 1 / 1};
  std::size_t i = 0;
  for (Date day = first; day < next; day += std::chrono::days{1}, ++i) {
    counts[i + 1] = static_cast<std::uint16_t>(counts[i] + (is_working_day(day) ? 1 : 0));
  }
  for (++i; i < counts.size(); ++i) counts[i] = counts[i - 1];  // 365-day years
  return counts_.emplace(year, counts).first->second;
}

void WorkCalendar::prepare(int first, int last) const {
  prepared_.clear();
  prepared_first_ = first;
  for (int year = first; year <= last; ++year) prepared_.push_back(year_counts(year));
}

const std::array<std::uint16_t, 367>& WorkCalendar::counts_of(int year) const {
  if (year >= prepared_first_ && year - prepared_first_ < static_cast<int>(prepared_.size())) {
    return prepared_[static_cast<std::size_t>(year - prepared_first_)];
  }
  const std::lock_guard lock(*counting_);
  return year_counts(year);
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  if (to <= from) return 0;
  // Working days from the start of `day`'s year through `day` itself.
  auto through = [&](Date day) {
    const int y = year_of(day);
    const auto index = static_cast<std::size_t>((day - Date{std::chrono::year{y} / 1 / 1}).count()) + 1;
    return static_cast<int>(counts_of(y)[index]);
  };
  // Count from the day after `from`; when that is 1 January, `from`'s own year
  // plays no part (and is not consulted, nor warned about).
  int from_year = year_of(from);
  int before = 0;
  if (year_of(from + std::chrono::days{1}) != from_year) {
    ++from_year;
  } else {
    before = through(from);
  }
  int count = through(to) - before;
  for (int y = from_year; y < year_of(to); ++y) count += counts_of(y)[366];
  return count;
}

const DayMark* WorkCalendar::mark(Date date) const {
  read_year(year_of(date));
  auto it = marks_.find(date);
  return it == marks_.end() ? nullptr : &it->second;
}

std::vector<CalendarYear> list_calendar_years(const SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT y.year, y.source, "
                      "  (SELECT count(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'off'), "
                      "  (SELECT count(*) FROM calendar_days d WHERE d.year = y.year AND d.kind = 'work') "
                      "FROM calendar_years y ORDER BY y.year");
  std::vector<CalendarYear> out;
  while (q.executeStep()) {
    out.push_back(
        {q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getInt(), q.getColumn(3).getInt()});
  }
  return out;
}

void begin_calendar_year(SQLite::Database& db, int year, const std::string& notice) {
  SQLite::Statement clear_days(db, "DELETE FROM calendar_days WHERE year = ?");
  clear_days.bind(1, year);
  clear_days.exec();
  SQLite::Statement upsert_year(db, "INSERT OR REPLACE INTO calendar_years (year, source) VALUES (?, ?)");
  upsert_year.bind(1, year);
  upsert_year.bind(2, notice);
  upsert_year.exec();
}

void add_calendar_day(SQLite::Database& db, int year, const std::string& date_text, const std::string& kind,
                      const std::string& name) {
  auto date = parse_date(date_text);
  if (!date) throw FieldError("date", tr("{} is not a real date (YYYY-MM-DD)", errors::quote(date_text)));
  if (kind != "off" && kind != "work") {
    throw FieldError("kind", tr("{} is neither 'off' nor 'work'", errors::quote(kind)));
  }
  // A notice covers its own year. It may also make a weekend just across the
  // year's edge a working day (2012's notice makes 2011-12-31 one), but it never
  // changes another year's holidays.
  if (year_of(*date) != year) {
    const Date first{std::chrono::year{year} / 1 / 1}, last{std::chrono::year{year} / 12 / 31};
    const bool near_edge = (*date >= first - std::chrono::days{7} && *date < first) ||
                           (*date > last && *date <= last + std::chrono::days{7});
    if (kind != "work" || !near_edge) {
      throw FieldError("date", tr("{} is not in {}: a calendar holds its own year, and only adjusted "
                                  "working days within 7 days of its edge",
                                  errors::quote(date_text), year));
    }
  }
  if (kind == "work" && iso_weekday(*date) <= 5) {
    throw FieldError("date", tr("{} is a weekday; only a Saturday or Sunday can be an adjusted working day",
                                errors::quote(date_text)));
  }
  SQLite::Statement add(db, "INSERT OR IGNORE INTO calendar_days (date, kind, name, year) VALUES (?, ?, ?, ?)");
  add.bind(1, format_date(*date));
  add.bind(2, kind);
  add.bind(3, name);
  add.bind(4, year);
  if (add.exec() == 0) {
    throw FieldError("date",
                     tr("{} is listed twice or clashes with another year's calendar", errors::quote(date_text)));
  }
}

void load_calendar_year(SQLite::Database& db, int year, std::string_view csv_text, const std::string& source,
                        const std::string& notice) {
  CsvTable table(csv_text, source, {"date", "kind", "name"});
  begin_calendar_year(db, year, notice);
  for (std::size_t r = 0; r < table.size(); ++r) {
    try {
      add_calendar_day(db, year, table.get(r, "date"), table.get(r, "kind"), table.get(r, "name"));
    } catch (const FieldError& e) {
      throw InvalidInput(fmt::format("{}:{}:{}: {}", source, table.line(r), table.column_number(e.column()), e.what()));
    }
  }
}

std::vector<int> load_shipped_calendars(SQLite::Database& db, const DataFiles& files) {
  std::vector<int> loaded;
  const std::string index_name = "schema/calendar/notices.csv";
  auto index = files.read(index_name);
  if (!index) return loaded;
  CsvTable notices(*index, files.where(index_name), {"year", "notice"});
  SQLite::Statement have(db, "SELECT 1 FROM calendar_years WHERE year = ?");
  for (std::size_t r = 0; r < notices.size(); ++r) {
    const auto& text = notices.get(r, "year");
    int year = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc{} || end != text.data() + text.size()) {
      throw InvalidInput(tr("{}:{}:1: {} is not a year", notices.source(), notices.line(r), errors::quote(text)));
    }
    have.reset();
    have.bind(1, year);
    if (have.executeStep()) continue;
    const std::string name = fmt::format("schema/calendar/{}.csv", year);
    auto csv = files.read(name);
    if (!csv) throw NotFound(tr("calendar file {} is missing", errors::quote(files.where(name))));
    load_calendar_year(db, year, *csv, files.where(name), notices.get(r, "notice"));
    loaded.push_back(year);
  }
  return loaded;
}

nlohmann::json calendar_year_json(const SQLite::Database& db, int year) {
  SQLite::Statement notice(db, "SELECT source FROM calendar_years WHERE year = ?");
  notice.bind(1, year);
  nlohmann::json out{{"year", year}, {"notice", notice.executeStep() ? nlohmann::json(notice.getColumn(0).getString()) : nlohmann::json(nullptr)}};
  nlohmann::json days = nlohmann::json::array();
  SQLite::Statement q(db, "SELECT date, kind, name FROM calendar_days WHERE year = ? ORDER BY date");
  q.bind(1, year);
  while (q.executeStep()) {
    days.push_back(nlohmann::json::array({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}));
  }
  out["days"] = std::move(days);
  return out;
}

}  // namespace sqgl::core
