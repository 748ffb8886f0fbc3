// Rendering helpers: tables aligned by display width (a Chinese character takes
// two columns), and JSON documents.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sqgl::cli {

/// Terminal columns `text` occupies (UTF-8; wide CJK characters count 2).
int display_width(std::string_view text);

/// `text` followed by spaces up to `width` display columns.
std::string pad_right(std::string_view text, int width);

/// A plain text table: columns padded to their widest cell, two spaces apart.
class Table {
 public:
  /// `right_aligned[i]` right-aligns column i (numbers).
  explicit Table(std::vector<bool> right_aligned = {}) : right_(std::move(right_aligned)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  /// Writes every row, each prefixed by `indent`, without trailing spaces.
  void print(std::ostream& out, std::string_view indent = "") const;

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

/// A table too long to hold, printed in two passes over its rows: measure() each
/// row, then print() each again in the same order. Lines as Table prints them;
/// memory does not grow with the rows.
class StreamedTable {
 public:
  explicit StreamedTable(std::vector<bool> right_aligned = {}) : right_(std::move(right_aligned)) {}
  void measure(const std::vector<std::string>& row);
  void print(std::ostream& out, const std::vector<std::string>& row) const;

 private:
  std::vector<bool> right_;
  std::vector<int> widths_;
};

/// One JSON document on its own, pretty-printed, ending in a newline.
void print_json(std::ostream& out, const nlohmann::json& document);

/// JSON null for an empty text (no step, no assignee …), else the text.
nlohmann::json or_null(const std::string& text);

/// A stream buffer that passes text on to `target` with every control character
/// but tab and line feed (C0, DEL and C1) shown as `\xNN`: whatever a database
/// holds (an imported value, a note written before sqgl refused such text), it
/// cannot drive the terminal it is printed on. With `carriage_returns`, CR passes
/// too (CSV's CR LF line ends).
class EscapingBuffer : public std::streambuf {
 public:
  explicit EscapingBuffer(std::streambuf* target, bool carriage_returns = false)
      : target_(target), carriage_returns_(carriage_returns) {}

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  void put(unsigned char c);
  bool plain(unsigned char c) const {
    return (c >= 0x20 || c == '\t' || c == '\n' || (c == '\r' && carriage_returns_)) && c != 0x7f;
  }
  std::streambuf* target_;
  bool carriage_returns_;
  bool after_c2_ = false;  // the first byte of a two-byte UTF-8 sequence that may be a C1 control
};

/// 12345 → "12,345".
std::string thousands(long long value);

}  // namespace sqgl::cli
