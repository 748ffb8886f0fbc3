#include "core/base/error.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/i18n.h"
#include "core/base/text.h"

namespace sqgl::core {

namespace errors {


std::string quote(std::string_view raw) {
  // Whatever field a value came in, a citizen ID or phone number in it is masked.
  return quote_verbatim(mask_personal_data(raw));
}

std::string quote_verbatim(std::string_view value) {
  // A value pasted by mistake can be a whole file: past kLong bytes, show its start
  // and its size, so that the message stays one readable line.
  constexpr std::size_t kLong = 256, kShown = 64;
  const std::size_t end = value.size() > kLong ? kShown : value.size();
  std::string out = "'";
  std::size_t i = 0;
  while (i < end) {
    const auto u = static_cast<unsigned char>(value[i]);
    const std::size_t length = utf8_length(value, i);
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
  std::string message = tr("unknown {} {}", translate(std::string(what).c_str()), quote(value));
  if (auto guess = closest_match(value, candidates); !guess.empty()) {
    message += tr(" (did you mean {}?)", quote(guess));
  }
  return NotFound(message);
}

InvalidInput invalid(std::string_view what, std::string_view value, std::string_view why) {
  return InvalidInput(tr("invalid {} {}: {}", translate(std::string(what).c_str()), quote(value), why));
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
