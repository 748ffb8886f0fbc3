#include "cli/output.h"

#include <algorithm>

#include <utf8proc.h>

namespace sqgl::cli {

int display_width(std::string_view text) {
  int width = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // invalid byte: count it as one column and move on
      ++width;
      ++p;
      --left;
      continue;
    }
    width += std::max(0, utf8proc_charwidth(cp));
    p += n;
    left -= n;
  }
  return width;
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  out.append(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
  return out;
}

void Table::print(std::ostream& out, std::string_view indent) const {
  std::vector<int> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
  }
  for (const auto& row : rows_) {
    std::string line(indent);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool right = i < right_.size() && right_[i];
      const int gap = widths[i] - display_width(row[i]);
      if (i > 0) line += "  ";
      if (right) line.append(static_cast<std::size_t>(gap), ' ');
      line += row[i];
      if (!right) line.append(static_cast<std::size_t>(gap), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

void print_json(std::ostream& out, const nlohmann::json& document) {
  out << document.dump(2) << '\n';
}

std::string thousands(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

}  // namespace sqgl::cli
