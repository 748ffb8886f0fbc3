// Text that comes from people and goes back to them: free text is checked before
// it is stored, and anything shaped like personal data is masked before it is
// echoed, whatever field it came in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sqgl::core {

/// The length of the well-formed UTF-8 sequence starting at text[i] (RFC 3629: no
/// overlong forms, no surrogates, at most U+10FFFF), or 0 when the bytes there are
/// not one.
std::size_t utf8_length(std::string_view text, std::size_t i);

/// InvalidInput naming `what` unless `text` is UTF-8 without control characters
/// (tab and line feed are allowed in notes): what a note, reason, comment or
/// imported value must be before it is stored and later printed.
void check_free_text(std::string_view what, std::string_view text);

/// The non-empty parts of `text` between `separator`s: "a||b|" is {"a", "b"}. The
/// catalog and the register keep short lists of words so ("pregnant|low_income").
std::vector<std::string> split_words(std::string_view text, char separator = '|');

/// As check_free_text, but returns the reason instead of throwing ("" when fine).
std::string free_text_problem(std::string_view text);

/// `text` with every run shaped like a citizen ID (15 or more digits, an X at the
/// end allowed) shown as its first 6 and last 4 characters, every mobile number
/// (11 digits from 13…) as its first 3 and last 4, and the number of a landline
/// (0472-1234567) as its last 4: what sqgl echoes of any value.
std::string mask_personal_data(std::string_view text);

}  // namespace sqgl::core
