// Fuzz target: the citizen-ID check (core/citizen_id.h) over any text, with and
// without a "today".
//
// Invariants: an accepted ID is 17 digits and the right MOD 11-2 character, says
// the region, birth date and sex its digits say, and checks again the same; a
// refused one says why; parse_citizen_id throws exactly when the check fails;
// the right check character makes an otherwise good number valid; the 18-digit
// form suggested for a 15-digit one has a right check character; a mask keeps
// the length and shows no more than 6 + 4 characters.
#include <chrono>
#include <string>
#include <vector>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "tests/fuzz/fuzz_check.h"

using namespace sqgl::core;

namespace {

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Checks one text against every invariant; returns the outcome.
IdCheck check(std::string_view text, std::optional<Date> today) {
  const IdCheck result = check_citizen_id(text, today);
  bool threw = false;
  try {
    parse_citizen_id(text, today);
  } catch (const InvalidInput& e) {
    threw = true;
    FUZZ_CHECK(std::string(e.what()).find(result.message) != std::string::npos);
  }
  FUZZ_CHECK(threw == !result.id.has_value());
  FUZZ_CHECK(result.message.find('\n') == std::string::npos);
  if (!result.id) {
    FUZZ_CHECK(result.problem != IdProblem::none);
    FUZZ_CHECK(!result.message.empty());
    return result;
  }
  FUZZ_CHECK(result.problem == IdProblem::none && result.message.empty());
  const CitizenId& id = *result.id;
  FUZZ_CHECK(id.number.size() == 18 && text.size() == 18);
  FUZZ_CHECK(digits(std::string_view(id.number).substr(0, 17)));
  FUZZ_CHECK(id.number[17] == citizen_id_check_char(id.number));
  // The canonical form differs from the text in an upper-case X at most.
  FUZZ_CHECK(id.number.substr(0, 17) == text.substr(0, 17));
  FUZZ_CHECK(id.number[17] == text[17] || (text[17] == 'x' && id.number[17] == 'X'));
  FUZZ_CHECK(id.region == id.number.substr(0, 6));
  const std::string birth = format_date(id.birth_date);
  FUZZ_CHECK(birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2) == id.number.substr(6, 8));
  FUZZ_CHECK(id.sex == ((id.number[16] - '0') % 2 == 1 ? 'M' : 'F'));
  if (today) FUZZ_CHECK(id.birth_date <= *today);
  // Checking the canonical form again gives the same holder.
  const IdCheck again = check_citizen_id(id.number, today);
  FUZZ_CHECK(again.id && again.id->number == id.number && again.id->birth_date == id.birth_date &&
             again.id->sex == id.sex && again.id->region == id.region);
  const std::string masked = mask_citizen_id(id.number);
  FUZZ_CHECK(masked.substr(0, 6) == id.region && masked.substr(14) == id.number.substr(14) &&
             masked.substr(6, 8) == "********");
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = sqgl::fuzz::as_text(data, size);
  using namespace std::chrono;
  const Date today = sys_days{year{2012} / January / 29};

  const IdCheck plain = check(text, std::nullopt);
  const IdCheck dated = check(text, today);
  // A "today" refuses only births after it.
  if (plain.id) {
    FUZZ_CHECK(dated.id.has_value() == (plain.id->birth_date <= today));
    if (!dated.id) FUZZ_CHECK(dated.problem == IdProblem::bad_date);
  } else {
    FUZZ_CHECK(!dated.id);
  }

  // Only the check character wrong: the right one makes it valid.
  if (plain.problem == IdProblem::bad_check) {
    std::string fixed(text);
    fixed[17] = citizen_id_check_char(fixed);
    FUZZ_CHECK(check(fixed, std::nullopt).id.has_value());
  }

  // A 15-digit ID: the suggested 18-digit form (masked, as every ID in a message)
  // keeps its region and serial, and the form it stands for is a valid number.
  if (plain.problem == IdProblem::fifteen_digit) {
    const auto open = plain.message.find("'");
    FUZZ_CHECK(open != std::string::npos && plain.message.size() >= open + 20);
    const std::string suggested = plain.message.substr(open + 1, 18);
    std::string expected = std::string(text.substr(0, 6)) + "19" + std::string(text.substr(6));
    expected += citizen_id_check_char(expected);
    FUZZ_CHECK(suggested == mask_citizen_id(expected));
    FUZZ_CHECK(suggested.substr(0, 6) == text.substr(0, 6) && suggested.substr(14, 3) == text.substr(12, 3));
    const IdProblem problem = check(expected, std::nullopt).problem;
    FUZZ_CHECK(problem != IdProblem::bad_check && problem != IdProblem::bad_length &&
               problem != IdProblem::bad_character);
  }

  // The mask never shows more than the first 6 and last 4 characters, counted as
  // UTF-8 characters (a byte that is not a character's first joins the one before),
  // and keeps one '*' for every character it hides.
  const std::string masked = mask_citizen_id(text);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const std::size_t n = starts.size();
  if (n <= 10) {
    FUZZ_CHECK(masked == std::string(n, '*'));
  } else {
    const std::string shown_head(text.substr(0, starts[6]));
    const std::string shown_tail(text.substr(starts[n - 4]));
    FUZZ_CHECK(masked.size() == shown_head.size() + (n - 10) + shown_tail.size());
    FUZZ_CHECK(masked.compare(0, shown_head.size(), shown_head) == 0);
    FUZZ_CHECK(masked.compare(masked.size() - shown_tail.size(), shown_tail.size(), shown_tail) == 0);
    for (std::size_t i = shown_head.size(); i < shown_head.size() + (n - 10); ++i) FUZZ_CHECK(masked[i] == '*');
  }
  return 0;
}
