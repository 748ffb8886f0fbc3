// Calendar dates and the clock. Dates are civil (local) dates; sqgl never needs
// time zones beyond "the station's local day".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sqgl::core {

/// A civil date, comparable and countable in days.
using Date = std::chrono::sys_days;

/// Parses a strict `YYYY-MM-DD`; std::nullopt when the text or the date is not real.
std::optional<Date> parse_date(std::string_view text);

/// Like parse_date, but throws InvalidInput naming `what` and the value.
Date parse_date_or_throw(std::string_view text, std::string_view what = "date");

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

/// Where "now" comes from: the system clock, or `$SQGL_NOW` in tests and back-fills.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current local date and time.
  virtual DateTime now() const = 0;
  /// The current local date.
  Date today() const { return now().date; }
};

/// The machine's local time.
class SystemClock final : public Clock {
 public:
  DateTime now() const override;
};

/// A pinned time.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(DateTime at) : at_(at) {}
  DateTime now() const override { return at_; }

 private:
  DateTime at_;
};

}  // namespace sqgl::core
