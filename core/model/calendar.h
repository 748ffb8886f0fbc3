// Working days: Monday–Friday, minus public holidays, plus adjusted working
// weekends (调休). The State Council calendar changes every year, so it is data.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/db/database.h"

namespace sqgl::core {

/// What the calendar says of one date beyond the weekday rule.
struct DayMark {
  std::string kind;  ///< "off" (a holiday) or "work" (an adjusted working day)
  std::string name;  ///< 春节, 国庆节调休, …
};

/// A loaded year: its notice.
struct CalendarYear {
  int year = 0;
  std::string source;
  int off_days = 0;
  int work_days = 0;  ///< adjusted working weekend days
};

/// The working-day calendar as loaded from the database.
class WorkCalendar {
 public:
  /// Reads which years have a calendar; the marked days of a year are read from
  /// `db` when a date in that year is first asked about (a command counting a few
  /// days reads one or two years, not all). `db` must outlive the calendar.
  static WorkCalendar load(const SQLite::Database& db);

  /// Adds one mark (for tests and for loading); it stands over the database's.
  void set(Date date, DayMark mark) { marks_[date] = std::move(mark); }
  /// Declares `year` as covered by an official calendar.
  void add_year(int year) { years_.insert(year); }

  /// True when `date` is a working day. For a year without a calendar this is the
  /// Monday–Friday rule, and the year is remembered for years_without_calendar().
  bool is_working_day(Date date) const;

  /// The date `n` working days after `start`, not counting `start` itself
  /// (the day of acceptance). With n = 0: `start` if it is a working day, else
  /// the next working day.
  Date add_working_days(Date start, int n) const;

  /// The number of working days after `from` up to and including `to` (0 when to <= from).
  int working_days_between(Date from, Date to) const;

  /// Reads the marks of the years `first` to `last` and counts their working days
  /// now, rather than on first use. Afterwards working_days_between may be called
  /// from several threads at once (the whole-history reports read their cases side
  /// by side): within those years it only reads, and a year outside them is counted
  /// under a lock, on the calendar's own connection. Call it before the threads start.
  void prepare(int first, int last) const;

  /// The mark of a date, if the calendar has one.
  const DayMark* mark(Date date) const;

  /// True when an official calendar for `year` is loaded.
  bool has_year(int year) const { return years_.count(year) != 0; }

  /// Years consulted so far that have no calendar (each deserves a warning).
  const std::set<int>& years_without_calendar() const { return fallback_years_; }

 private:
  // Working days among the first i days of a year, i = 0 … 366: built on first use,
  // so that counting across a long span costs a few lookups, not a walk.
  const std::array<std::uint16_t, 367>& year_counts(int year) const;
  // year_counts for working_days_between: the prepared years without a lock.
  const std::array<std::uint16_t, 367>& counts_of(int year) const;

  // Reads the marks of the dates in `year` from db_, once.
  void read_year(int year) const;

  const SQLite::Database* db_ = nullptr;
  mutable std::set<int> read_years_;
  mutable std::map<Date, DayMark> marks_;
  std::set<int> years_;
  mutable std::set<int> fallback_years_;
  mutable std::map<int, std::array<std::uint16_t, 367>> counts_;
  // The counts of the prepared years, from prepared_first_ on.
  mutable std::vector<std::array<std::uint16_t, 367>> prepared_;
  mutable int prepared_first_ = 0;
  // Held while a year outside the prepared ones is read and counted; shared by
  // copies, which share nothing else that it guards.
  std::shared_ptr<std::mutex> counting_ = std::make_shared<std::mutex>();
};

/// A calendar year as its event carries it: the notice and every marked day.
nlohmann::json calendar_year_json(const SQLite::Database& db, int year);

/// The loaded years with their notices and counts.
std::vector<CalendarYear> list_calendar_years(const SQLite::Database& db);

/// Loads one year's calendar from CSV text (columns date, kind, name) into the
/// database, replacing what that year had. `source` names the text in errors;
/// `notice` is the State Council notice it comes from. Call in a write transaction.
void load_calendar_year(SQLite::Database& db, int year, std::string_view csv_text, const std::string& source,
                        const std::string& notice);

/// Starts (re)loading `year`: removes its days and records its notice.
void begin_calendar_year(SQLite::Database& db, int year, const std::string& notice);

/// Adds one day to `year`'s calendar; FieldError naming the bad field otherwise.
void add_calendar_day(SQLite::Database& db, int year, const std::string& date_text, const std::string& kind,
                      const std::string& name);

/// Loads each shipped calendar (schema/calendar/YYYY.csv) whose year is not yet
/// in the database; returns the years loaded.
std::vector<int> load_shipped_calendars(SQLite::Database& db, const DataFiles& files);

}  // namespace sqgl::core
