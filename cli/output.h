// Rendering helpers: tables aligned by display width (a Chinese character takes
// two columns), and JSON documents.
#pragma once

#include <ostream>
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

/// One JSON document on its own, pretty-printed, ending in a newline.
void print_json(std::ostream& out, const nlohmann::json& document);

/// 12345 → "12,345".
std::string thousands(long long value);

}  // namespace sqgl::cli
