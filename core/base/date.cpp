#include "core/base/date.h"

#include <algorithm>
#include <charconv>
#include <ctime>

#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto y = digits(text, 0, 4);
  auto m = digits(text, 5, 2);
  auto d = digits(text, 8, 2);
  if (!y || !m || !d || *y < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

Date parse_date_or_throw(std::string_view text, std::string_view what) {
  if (auto date = parse_date(text)) return *date;
  throw errors::invalid(what, text, _("expected a real date as YYYY-MM-DD"));
}

std::string format_date(Date date) {
  std::chrono::year_month_day ymd{date};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

int year_of(Date date) {
  return static_cast<int>(std::chrono::year_month_day{date}.year());
}

unsigned iso_weekday(Date date) {
  return std::chrono::weekday{date}.iso_encoding();
}

std::optional<DateTime> parse_datetime(std::string_view text) {
  auto date = parse_date(text.substr(0, std::min<std::size_t>(10, text.size())));
  if (!date) return std::nullopt;
  if (text.size() == 10) return DateTime{*date, std::chrono::seconds{0}};
  if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  auto hh = digits(text, 11, 2);
  auto mm = digits(text, 14, 2);
  if (!hh || !mm || text[13] != ':' || *hh > 23 || *mm > 59) return std::nullopt;
  int ss = 0;
  if (text.size() == 19) {
    auto s = digits(text, 17, 2);
    if (!s || text[16] != ':' || *s > 59) return std::nullopt;
    ss = *s;
  }
  return DateTime{*date, std::chrono::seconds{*hh * 3600 + *mm * 60 + ss}};
}

std::string format_datetime(const DateTime& value) {
  auto s = value.time_of_day.count();
  return fmt::format("{}T{:02}:{:02}:{:02}", format_date(value.date), s / 3600, s / 60 % 60, s % 60);
}

std::optional<Date> parse_spreadsheet_date(std::string_view text) {
  if (auto d = parse_date(text)) return d;
  std::string_view y, m, d;
  if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
    y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
  } else {
    const char sep = text.find('/') != std::string_view::npos ? '/' : '.';
    const auto a = text.find(sep);
    const auto b = a == std::string_view::npos ? a : text.find(sep, a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    y = text.substr(0, a), m = text.substr(a + 1, b - a - 1), d = text.substr(b + 1);
  }
  // 1985/3/12: a one-digit month or day is padded.
  // (Not "0" + std::string(part): GCC 12 at -O3 warns falsely on it, -Wrestrict.)
  auto two = [](std::string_view part) { return std::string(2 - std::min<std::size_t>(part.size(), 2), '0') + std::string(part); };
  return parse_date(fmt::format("{}-{}-{}", y, two(m), two(d)));
}

std::optional<DateTime> parse_spreadsheet_datetime(std::string_view text) {
  if (auto dt = parse_datetime(text)) return dt;
  const auto space = text.find_first_of(" T");
  const auto date = parse_spreadsheet_date(text.substr(0, space));
  if (!date) return std::nullopt;
  if (space == std::string_view::npos) return DateTime{*date, std::chrono::seconds{0}};
  return parse_datetime(format_date(*date) + "T" + std::string(text.substr(space + 1)));
}

void check_business_year(Date at, std::string_view what) {
  const int year = year_of(at);
  if (year < kFirstYear || year > kLastYear) {
    throw errors::invalid(what, format_date(at),
                          tr("sqgl keeps cases from {} to {}; a date outside is a typo", kFirstYear, kLastYear));
  }
}

DateTime SystemClock::now() const {
  // Not time(): glibc reads the kernel's coarse clock for it, a tick behind the
  // precise one, and an event would be recorded before its command began.
  return local_datetime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()));
}

DateTime local_datetime(std::time_t t) {
  std::tm local{};
  localtime_r(&t, &local);
  std::chrono::year_month_day ymd{std::chrono::year{local.tm_year + 1900},
                                  std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                                  std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
  return DateTime{Date{ymd}, std::chrono::seconds{local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec}};
}

}  // namespace sqgl::core
