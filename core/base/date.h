// Calendar dates and the clock. Dates are civil (local) dates; sqgl never needs
// time zones beyond "the station's local day".
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/i18n.h"

namespace sqgl::core {

/// A civil date, comparable and countable in days.
using Date = std::chrono::sys_days;

/// Parses a strict `YYYY-MM-DD`; std::nullopt when the text or the date is not real.
std::optional<Date> parse_date(std::string_view text);

/// Like parse_date, but throws InvalidInput naming `what` and the value.
Date parse_date_or_throw(std::string_view text, std::string_view what = N_("date"));

/// `YYYY-MM-DD`.
std::string format_date(Date date);

/// The calendar year of a date.
int year_of(Date date);

/// ISO weekday: 1 = Monday … 7 = Sunday.
unsigned iso_weekday(Date date);

/// A local date and time of day, to the second.
struct DateTime {
  Date date;
  std::chrono::seconds time_of_day{0};
  auto operator<=>(const DateTime&) const = default;
};

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or the same with a space for `T`.
std::optional<DateTime> parse_datetime(std::string_view text);

/// `YYYY-MM-DDTHH:MM:SS`.
std::string format_datetime(const DateTime& value);

/// A date as spreadsheets export it: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` (months
/// and days of one or two digits) or `YYYYMMDD`; std::nullopt when not a real date.
std::optional<Date> parse_spreadsheet_date(std::string_view text);

/// A date and time as spreadsheets export it: a parse_datetime form, or a
/// parse_spreadsheet_date followed by a space or `T` and `HH:MM[:SS]`.
std::optional<DateTime> parse_spreadsheet_datetime(std::string_view text);

/// The years sqgl accepts for the times of cases, events and reports: a clock or
/// a date outside them is a typo or a fake (9999-12-31 would count working days
/// into the year 10000).
inline constexpr int kFirstYear = 2000;
inline constexpr int kLastYear = 2099;

/// InvalidInput naming `what` unless `at` falls in kFirstYear … kLastYear.
void check_business_year(Date at, std::string_view what);

/// Where "now" comes from: the system clock, or `$SQGL_NOW` in tests and back-fills.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current local date and time: the business time events and cases carry.
  virtual DateTime now() const = 0;
  /// The machine's own clock, which every event records beside now().
  virtual DateTime recorded() const { return now(); }
  /// True when now() is pinned ($SQGL_NOW) rather than the machine's clock: the
  /// events it dates are marked back-filled.
  virtual bool pinned() const { return false; }
  /// The current local date.
  Date today() const { return now().date; }
};

/// The machine's local time.
class SystemClock final : public Clock {
 public:
  DateTime now() const override;
};

/// The local date and time of `t`, to the second.
DateTime local_datetime(std::time_t t);

/// A fixed time standing for the machine's clock: its one reading for a whole
/// command (a command happens at one moment), or a test's.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(DateTime at) : at_(at) {}
  DateTime now() const override { return at_; }

 private:
  DateTime at_;
};

/// A pinned business time ($SQGL_NOW) over the machine's clock, which events still record.
class PinnedClock final : public Clock {
 public:
  PinnedClock(DateTime at, const Clock& machine) : at_(at), machine_(machine) {}
  DateTime now() const override { return at_; }
  DateTime recorded() const override { return machine_.now(); }
  bool pinned() const override { return true; }

 private:
  DateTime at_;
  const Clock& machine_;
};

}  // namespace sqgl::core
