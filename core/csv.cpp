#include "core/csv.h"

#include <fmt/format.h>
#include <algorithm>

#include "core/error.h"

namespace sqgl::core {

CsvReader::CsvReader(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  for (;;) {
    field.clear();
    const std::size_t column = fields.size() + 1;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t open_line = line_;
      ++pos_;
      for (;;) {
        if (pos_ >= text_.size()) {
          throw InvalidInput(fmt::format("{}:{}:{}: unterminated quoted field", source_, open_line, column));
        }
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            break;
          }
        } else {
          if (c == '\n') ++line_;
          field += c;
        }
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        throw InvalidInput(fmt::format("{}:{}:{}: text after the closing quote of a field", source_, line_, column));
      }
    } else {
      std::size_t end = text_.find_first_of(",\r\n\"", pos_);
      if (end == std::string_view::npos) end = text_.size();
      if (end < text_.size() && text_[end] == '"') {
        throw InvalidInput(
            fmt::format("{}:{}:{}: a quote inside an unquoted field (quote the whole field)", source_, line_, column));
      }
      field.assign(text_.substr(pos_, end - pos_));
      pos_ = end;
    }
    fields.push_back(field);
    if (pos_ >= text_.size()) return true;
    char c = text_[pos_];
    if (c == ',') {
      ++pos_;
      continue;
    }
    // End of record: CRLF, LF, or a lone CR.
    ++pos_;
    if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    return true;
  }
}

CsvTable::CsvTable(std::string_view text, std::string source, const std::vector<std::string>& required,
                   const std::vector<std::string>& optional)
    : source_(std::move(source)) {
  CsvReader reader(text, source_);
  if (!reader.next(header_)) throw InvalidInput(fmt::format("{}: the file is empty (expected a header row)", source_));
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto& name = header_[i];
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      throw InvalidInput(
          fmt::format("{}:{}:{}: unknown column {}", source_, reader.line(), i + 1, errors::quote(name)));
    }
    if (std::count(header_.begin(), header_.end(), name) > 1) {
      throw InvalidInput(
          fmt::format("{}:{}:{}: column {} appears twice", source_, reader.line(), i + 1, errors::quote(name)));
    }
  }
  for (const auto& name : required) {
    if (std::find(header_.begin(), header_.end(), name) == header_.end()) {
      throw InvalidInput(fmt::format("{}:{}: missing column {}", source_, reader.line(), errors::quote(name)));
    }
  }
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    if (fields.size() != header_.size()) {
      throw InvalidInput(fmt::format("{}:{}: {} fields, but the header has {}", source_, reader.line(), fields.size(),
                                     header_.size()));
    }
    rows_.push_back(fields);
    lines_.push_back(reader.line());
  }
}

const std::string& CsvTable::get(std::size_t row, std::string_view column) const {
  auto it = std::find(header_.begin(), header_.end(), column);
  if (it == header_.end()) return empty_;
  return rows_[row][static_cast<std::size_t>(it - header_.begin())];
}

std::size_t CsvTable::column_number(std::string_view column) const {
  auto it = std::find(header_.begin(), header_.end(), column);
  return it == header_.end() ? 0 : static_cast<std::size_t>(it - header_.begin()) + 1;
}

}  // namespace sqgl::core
