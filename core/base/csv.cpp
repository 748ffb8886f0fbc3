#include "core/base/csv.h"

#include <fmt/format.h>
#include <algorithm>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

CsvReader::CsvReader(std::string_view text, std::string source)
    : in_(std::string(text)), stream_(in_, std::move(source), Encoding::utf8) {}

CsvTable::CsvTable(std::string_view text, std::string source, const std::vector<std::string>& required,
                   const std::vector<std::string>& optional)
    : source_(std::move(source)) {
  CsvReader reader(text, source_);
  if (!reader.next(header_)) throw InvalidInput(tr("{}: the file is empty (expected a header row)", source_));
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto& name = header_[i];
    bool known = std::find(required.begin(), required.end(), name) != required.end() ||
                 std::find(optional.begin(), optional.end(), name) != optional.end();
    if (!known) {
      throw InvalidInput(tr("{}:{}:{}: unknown column {}", source_, reader.line(), i + 1, errors::quote(name)));
    }
    if (std::count(header_.begin(), header_.end(), name) > 1) {
      throw InvalidInput(tr("{}:{}:{}: column {} appears twice", source_, reader.line(), i + 1, errors::quote(name)));
    }
  }
  for (const auto& name : required) {
    if (std::find(header_.begin(), header_.end(), name) == header_.end()) {
      throw InvalidInput(tr("{}:{}: missing column {}", source_, reader.line(), errors::quote(name)));
    }
  }
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    if (fields.size() != header_.size()) {
      throw InvalidInput(
          tr("{}:{}: {} fields, but the header has {}", source_, reader.line(), fields.size(), header_.size()));
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
