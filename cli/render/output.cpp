#include "cli/render/output.h"

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

namespace {

void widen(std::vector<int>& widths, const std::vector<std::string>& row) {
  if (widths.size() < row.size()) widths.resize(row.size(), 0);
  for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
}

void print_line(std::ostream& out, const std::vector<std::string>& row, const std::vector<int>& widths,
                const std::vector<bool>& right_aligned, std::string_view indent) {
  std::string line(indent);
  for (std::size_t i = 0; i < row.size(); ++i) {
    const bool right = i < right_aligned.size() && right_aligned[i];
    const int gap = (i < widths.size() ? widths[i] : 0) - display_width(row[i]);
    if (i > 0) line += "  ";
    if (right && gap > 0) line.append(static_cast<std::size_t>(gap), ' ');
    line += row[i];
    if (!right && gap > 0) line.append(static_cast<std::size_t>(gap), ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
}

}  // namespace

void Table::print(std::ostream& out, std::string_view indent) const {
  std::vector<int> widths;
  for (const auto& row : rows_) widen(widths, row);
  for (const auto& row : rows_) print_line(out, row, widths, right_, indent);
}

void StreamedTable::measure(const std::vector<std::string>& row) {
  widen(widths_, row);
}

void StreamedTable::print(std::ostream& out, const std::vector<std::string>& row) const {
  print_line(out, row, widths_, right_, "");
}

nlohmann::json or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

void print_json(std::ostream& out, const nlohmann::json& document) {
  // Text a database holds may predate sqgl's checks: a byte that is not UTF-8 is
  // shown as U+FFFD rather than ending the command.
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void EscapingBuffer::put(unsigned char c) {
  auto escape = [&](unsigned char b) {
    static constexpr char kHex[] = "0123456789abcdef";
    const char text[4] = {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
    target_->sputn(text, 4);
  };
  if (after_c2_) {
    after_c2_ = false;
    if (c >= 0x80 && c <= 0x9f) {  // U+0080…U+009F: C1 controls (CSI among them)
      escape(0xc2);
      escape(c);
      return;
    }
    target_->sputc(static_cast<char>(0xc2));
  }
  if (c == 0xc2) {
    after_c2_ = true;
  } else if (!plain(c)) {
    escape(c);
  } else {
    target_->sputc(static_cast<char>(c));
  }
}

EscapingBuffer::int_type EscapingBuffer::overflow(int_type c) {
  if (!traits_type::eq_int_type(c, traits_type::eof())) put(static_cast<unsigned char>(c));
  return traits_type::not_eof(c);
}

std::streamsize EscapingBuffer::xsputn(const char* s, std::streamsize n) {
  std::streamsize i = 0;
  while (i < n) {
    // Runs of plain text go on whole; only the bytes that may start a control are looked at.
    std::streamsize j = i;
    if (!after_c2_) {
      while (j < n) {
        const auto c = static_cast<unsigned char>(s[j]);
        if (!plain(c) || c == 0xc2) break;
        ++j;
      }
      if (j > i) target_->sputn(s + i, j - i);
    }
    if (j < n) put(static_cast<unsigned char>(s[j++]));
    i = j;
  }
  return n;
}

int EscapingBuffer::sync() {
  if (after_c2_) {
    target_->sputc(static_cast<char>(0xc2));
    after_c2_ = false;
  }
  return target_->pubsync();
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
