#include "core/base/citizen_id.h"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <vector>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kCheckChars = "10X98765432";

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Province-level prefixes of GB/T 2260 (plus 71/81/82 for Taiwan, Hong Kong, Macao).
bool valid_province(std::string_view two) {
  int p = (two[0] - '0') * 10 + (two[1] - '0');
  switch (p / 10) {
    case 1:
      return p >= 11 && p <= 15;
    case 2:
      return p >= 21 && p <= 23;
    case 3:
      return p >= 31 && p <= 37;
    case 4:
      return p >= 41 && p <= 46;
    case 5:
      return p >= 50 && p <= 54;
    case 6:
      return p >= 61 && p <= 65;
    case 7:
      return p == 71;
    case 8:
      return p == 81 || p == 82;
    default:
      return false;
  }
}

// "1.50204E+17", "1.50204198503121E17": what Excel shows for a long number.
bool looks_like_excel_number(std::string_view s) {
  std::size_t i = 0;
  auto digit_run = [&] {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (!digit_run()) return false;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digit_run()) return false;
  }
  if (i >= s.size() || (s[i] != 'E' && s[i] != 'e')) return false;
  ++i;
  if (i < s.size() && s[i] == '+') ++i;
  return digit_run() && i == s.size();
}

IdCheck fail(IdProblem problem, std::string message) {
  return IdCheck{problem, std::move(message), std::nullopt};
}

}  // namespace

char citizen_id_check_char(std::string_view first17) {
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckChars[static_cast<std::size_t>(sum % 11)];
}

IdCheck check_citizen_id(std::string_view text, std::optional<Date> today) {
  if (text.empty()) return fail(IdProblem::empty, _("citizen ID is empty"));
  if (looks_like_excel_number(text)) {
    return fail(IdProblem::excel_number,
                _("looks like a spreadsheet number, not an 18-character ID; format the column as text and export "
                  "again"));
  }
  if (text.size() == 15 && all_digits(text)) {
    std::string upgraded = std::string(text.substr(0, 6)) + "19" + std::string(text.substr(6));
    upgraded += citizen_id_check_char(upgraded);
    return fail(IdProblem::fifteen_digit,
                tr("is a first-generation 15-digit ID; use the 18-digit form (probably '{}')",
                   mask_citizen_id(upgraded)));
  }
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    // Chinese input methods type full-width digits (１５０２…): say so instead of
    // counting their bytes as characters.
    return fail(IdProblem::bad_character,
                _("must be 17 digits followed by a digit or X, in ASCII (not full-width ０-９)"));
  }
  if (text.size() != 18) return fail(IdProblem::bad_length, tr("has {} characters, expected 18", text.size()));
  std::string number(text);
  if (number[17] == 'x') number[17] = 'X';
  if (!all_digits(std::string_view(number).substr(0, 17)) ||
      !((number[17] >= '0' && number[17] <= '9') || number[17] == 'X')) {
    return fail(IdProblem::bad_character, _("must be 17 digits followed by a digit or X"));
  }
  if (!valid_province(number) || number.substr(2, 4) == "0000") {
    return fail(IdProblem::bad_region, tr("region code '{}' is not a real address code", number.substr(0, 6)));
  }
  // Digits 7–14 are the birth date, YYYYMMDD.
  auto digit = [&](std::size_t i) { return number[i] - '0'; };
  const int y = digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9);
  const unsigned m = static_cast<unsigned>(digit(10) * 10 + digit(11));
  const unsigned d = static_cast<unsigned>(digit(12) * 10 + digit(13));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok() || y < 1870) {
    return fail(IdProblem::bad_date, tr("birth date {}-{}-{} is not a real date", number.substr(6, 4),
                                        number.substr(10, 2), number.substr(12, 2)));
  }
  const Date birth_date{ymd};
  if (today && birth_date > *today) {
    return fail(IdProblem::bad_date, tr("birth date {} is in the future", format_date(birth_date)));
  }
  char expected = citizen_id_check_char(number);
  if (number[17] != expected) {
    return fail(IdProblem::bad_check, tr("check character is '{}', expected '{}'", number[17], expected));
  }
  char sex = ((number[16] - '0') % 2 == 1) ? 'M' : 'F';
  std::string region = number.substr(0, 6);
  return IdCheck{IdProblem::none, "", CitizenId{std::move(number), std::move(region), birth_date, sex}};
}

CitizenId parse_citizen_id(std::string_view text, std::optional<Date> today) {
  auto check = check_citizen_id(text, today);
  if (!check.id) {
    // A number one digit off is still most of someone's ID: shown masked, like every ID
    // sqgl prints, once it holds as many digits as a 15-digit one.
    std::size_t digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] >= '0' && text[i] <= '9') ++digits;
      if (text.substr(i, 2) == "\xEF\xBC" && i + 2 < text.size()) {  // full-width ０…９ (U+FF10…FF19)
        const auto third = static_cast<unsigned char>(text[i + 2]);
        if (third >= 0x90 && third <= 0x99) ++digits;
      }
    }
    throw errors::invalid(N_("citizen ID"), digits >= 15 ? mask_citizen_id(text) : std::string(text), check.message);
  }
  return *check.id;
}

std::string mask_citizen_id(std::string_view number) {
  // By character, not byte: a full-width '１' typed into an ID stays one character.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < number.size(); ++i) {
    if ((static_cast<unsigned char>(number[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const std::size_t n = starts.size();
  if (n <= 10) return std::string(n, '*');
  return std::string(number.substr(0, starts[6])) + std::string(n - 10, '*') +
         std::string(number.substr(starts[n - 4]));
}

}  // namespace sqgl::core
