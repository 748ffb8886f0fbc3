// Citizen ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/date.h"

namespace sqgl::core {

/// What a valid 18-character citizen ID says about its holder.
struct CitizenId {
  std::string number;  ///< canonical form: 17 digits and a digit or upper-case X
  std::string region;  ///< the 6-digit address code
  Date birth_date;
  char sex;  ///< 'M' or 'F'
};

/// Why a text is not a valid citizen ID.
enum class IdProblem {
  none,
  empty,
  excel_number,   ///< a spreadsheet turned it into a number such as 1.50204E+17
  fifteen_digit,  ///< a first-generation 15-digit number
  bad_length,
  bad_character,
  bad_region,
  bad_date,   ///< not a real date, or in the future
  bad_check,  ///< the check character does not match
};

/// The outcome of checking one text.
struct IdCheck {
  IdProblem problem = IdProblem::none;
  std::string message;  ///< empty when valid; otherwise why, with a hint where one helps
  std::optional<CitizenId> id;
};

/// The MOD 11-2 check character for the first 17 digits (which must be digits).
char citizen_id_check_char(std::string_view first17);

/// Checks a citizen ID: length, characters, region, a real birth date not after
/// `today` (when given) and the check character. Lower-case x is accepted as X.
IdCheck check_citizen_id(std::string_view text, std::optional<Date> today = std::nullopt);

/// check_citizen_id, throwing InvalidInput with the message on failure.
CitizenId parse_citizen_id(std::string_view text, std::optional<Date> today = std::nullopt);

/// `150204********1230`: the first 6 and last 4 characters, for output without --show-pii.
std::string mask_citizen_id(std::string_view number);

}  // namespace sqgl::core
