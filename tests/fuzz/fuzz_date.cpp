// Fuzz target: the date parsers (core/date.h) over any text: the strict
// parse_date and parse_datetime, and the spreadsheet forms that imports read.
//
// Invariants: a strict parse formats back to the very text (with `T` for a
// space); whatever parses formats to a text that parses to the same value; a
// strict parse and the spreadsheet parse agree where both accept; the
// spreadsheet parse reads the same date in all its spellings; the weekday and
// year agree with the date.
#include <chrono>
#include <string>

#include <fmt/format.h>

#include "core/base/date.h"
#include "core/base/error.h"
#include "tests/fuzz/fuzz_check.h"

using namespace sqgl::core;

namespace {

void check_date(Date date) {
  const std::string text = format_date(date);
  FUZZ_CHECK(text.size() == 10);
  FUZZ_CHECK(parse_date(text) == date);
  FUZZ_CHECK(parse_date_or_throw(text) == date);
  FUZZ_CHECK(parse_spreadsheet_date(text) == date);
  const std::chrono::year_month_day ymd{date};
  FUZZ_CHECK(year_of(date) == static_cast<int>(ymd.year()));
  FUZZ_CHECK(year_of(date) >= 1 && year_of(date) <= 9999);
  const unsigned weekday = iso_weekday(date);
  FUZZ_CHECK(weekday >= 1 && weekday <= 7);
  FUZZ_CHECK(iso_weekday(date + std::chrono::days{7}) == weekday);
  FUZZ_CHECK(iso_weekday(date + std::chrono::days{1}) == weekday % 7 + 1);
  // The other spellings a spreadsheet may use for the same day.
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  FUZZ_CHECK(parse_spreadsheet_date(fmt::format("{:04}/{}/{}", y, m, d)) == date);
  FUZZ_CHECK(parse_spreadsheet_date(fmt::format("{:04}.{:02}.{}", y, m, d)) == date);
  FUZZ_CHECK(parse_spreadsheet_date(fmt::format("{:04}{:02}{:02}", y, m, d)) == date);
}

void check_datetime(const DateTime& value) {
  FUZZ_CHECK(value.time_of_day >= std::chrono::seconds{0} && value.time_of_day < std::chrono::days{1});
  check_date(value.date);
  const std::string text = format_datetime(value);
  FUZZ_CHECK(text.size() == 19);
  FUZZ_CHECK(parse_datetime(text) == value);
  FUZZ_CHECK(parse_spreadsheet_datetime(text) == value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = sqgl::fuzz::as_text(data, size);

  const auto date = parse_date(text);
  if (date) {
    FUZZ_CHECK(format_date(*date) == text);
    check_date(*date);
  }
  bool threw = false;
  try {
    parse_date_or_throw(text, "date");
  } catch (const InvalidInput& e) {
    threw = true;
    FUZZ_CHECK(std::string(e.what()).find('\n') == std::string::npos);
  }
  FUZZ_CHECK(threw == !date);

  const auto datetime = parse_datetime(text);
  if (datetime) {
    check_datetime(*datetime);
    std::string canonical(text);
    if (canonical.size() > 10) canonical[10] = 'T';
    if (canonical.size() == 10) canonical += "T00:00:00";
    if (canonical.size() == 16) canonical += ":00";
    FUZZ_CHECK(format_datetime(*datetime) == canonical);
    FUZZ_CHECK(parse_date(text.substr(0, 10)) == datetime->date);
  }
  FUZZ_CHECK(date.has_value() == (datetime && text.size() == 10));

  const auto loose = parse_spreadsheet_date(text);
  if (loose) check_date(*loose);
  if (date) FUZZ_CHECK(loose == date);
  const auto loose_time = parse_spreadsheet_datetime(text);
  if (loose_time) check_datetime(*loose_time);
  if (datetime) FUZZ_CHECK(loose_time == datetime);
  if (loose) FUZZ_CHECK(loose_time && loose_time->date == *loose && loose_time->time_of_day.count() == 0);
  return 0;
}
