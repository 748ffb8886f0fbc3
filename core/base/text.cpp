#include "core/base/text.h"

#include <vector>

#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A full-width digit ０…９ (U+FF10…FF19) starts at text[i].
bool wide_digit(std::string_view text, std::size_t i) {
  return i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' &&
         static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99;
}

}  // namespace

std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
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
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::string free_text_problem(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return tr("byte {} is not UTF-8 (0x{:02X})", i + 1, u);
    if ((u < 0x20 && u != '\t' && u != '\n') || u == 0x7f) {
      return tr("byte {} is a control character (0x{:02X})", i + 1, u);
    }
    // C1 controls (U+0080…U+009F) drive terminals as well.
    if (u == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      return tr("byte {} is a control character (U+{:04X})", i + 1, static_cast<unsigned char>(text[i + 1]));
    }
    i += length;
  }
  return "";
}

void check_free_text(std::string_view what, std::string_view text) {
  if (auto problem = free_text_problem(text); !problem.empty()) {
    throw InvalidInput(tr("{}: {}; text must be UTF-8 without control characters", what, problem));
  }
}

std::string mask_personal_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  // The run of digits before the current one: an area code (0472) then a dash
  // makes the next run a landline's number.
  std::size_t previous_end = std::string_view::npos, previous_length = 0;
  char previous_first = 0;
  while (i < text.size()) {
    if (!ascii_digit(text[i]) && !wide_digit(text, i)) {
      out += text[i++];
      continue;
    }
    // A run of digits (ASCII or full-width), with the X an ID may end in.
    std::vector<std::string_view> chars;
    std::size_t j = i;
    while (j < text.size()) {
      if (ascii_digit(text[j])) {
        chars.push_back(text.substr(j, 1));
        ++j;
      } else if (wide_digit(text, j)) {
        chars.push_back(text.substr(j, 3));
        j += 3;
      } else {
        break;
      }
    }
    if (j < text.size() && (text[j] == 'X' || text[j] == 'x') && chars.size() == 17) {
      chars.push_back(text.substr(j, 1));
      ++j;
    }
    const std::size_t n = chars.size();
    auto keep = [&](std::size_t first, std::size_t last) {
      for (std::size_t k = 0; k < n; ++k) out += (k < first || k + last >= n) ? std::string(chars[k]) : "*";
    };
    const bool after_area_code = previous_end != std::string_view::npos && previous_end + 1 == i && text[i - 1] == '-' && previous_first == '0' &&
                                 (previous_length == 3 || previous_length == 4);
    if (n >= 15) {
      keep(6, 4);  // a citizen ID, or most of one
    } else if (n == 11 && chars[0] == "1" && chars[1] >= "3") {
      keep(3, 4);  // a mobile number
    } else if (after_area_code && (n == 7 || n == 8)) {
      keep(0, 4);  // a landline's number
    } else {
      out.append(text.substr(i, j - i));
    }
    previous_end = j;
    previous_length = n;
    previous_first = chars[0][0];
    i = j;
  }
  return out;
}

std::vector<std::string> split_words(std::string_view text, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace sqgl::core
