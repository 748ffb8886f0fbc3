#include "core/error.h"

#include <fmt/format.h>
#include <algorithm>

namespace sqgl::core {

namespace errors {

namespace {

// The length of the well-formed UTF-8 sequence starting at value[i], or 0 when the
// bytes there are not one (RFC 3629: no overlong forms, no surrogates, ≤ U+10FFFF).
std::size_t utf8_length(std::string_view value, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(value[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > value.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

std::string quote(std::string_view value) {
  // A value pasted by mistake can be a whole file: past kLong bytes, show its start
  // and its size, so that the message stays one readable line.
  constexpr std::size_t kLong = 256, kShown = 64;
  const std::size_t end = value.size() > kLong ? kShown : value.size();
  std::string out = "'";
  std::size_t i = 0;
  while (i < end) {
    const auto u = static_cast<unsigned char>(value[i]);
    const std::size_t length = u < 0x80 ? 1 : utf8_length(value, i);
    if (u < 0x20 || u == 0x7f || length == 0) {
      // Control characters and bytes that are not UTF-8 are shown as \xNN: the
      // message stays one line of valid text whatever the user typed.
      out += fmt::format("\\x{:02x}", u);
      ++i;
    } else if (i + length > end) {
      break;
    } else {
      out.append(value.substr(i, length));
      i += length;
    }
  }
  if (end < value.size()) return fmt::format("{}…' ({} bytes)", out, value.size());
  return out + "'";
}

NotFound unknown(std::string_view what, std::string_view value, const std::vector<std::string>& candidates) {
  std::string message = fmt::format("unknown {} {}", what, quote(value));
  if (auto guess = closest_match(value, candidates); !guess.empty()) {
    message += fmt::format(" (did you mean {}?)", quote(guess));
  }
  return NotFound(message);
}

InvalidInput invalid(std::string_view what, std::string_view value, std::string_view why) {
  return InvalidInput(fmt::format("invalid {} {}: {}", what, quote(value), why));
}

}  // namespace errors

namespace {

// Levenshtein distance, case-insensitive on ASCII: what a mistyped code usually needs.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view value, const std::vector<std::string>& candidates) {
  // Like ninja's SpellcheckString: only suggest when the typo is small.
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, value.size() / 3 + 1));
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    std::size_t d = edit_distance(value, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace sqgl::core
