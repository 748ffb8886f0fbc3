// CSV held in memory (RFC 4180, parsed by CsvStream), and tables of it with a
// header row. Errors name the source, the physical line and the column (the
// field's number, from 1).
#pragma once

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/csv_stream.h"

namespace sqgl::core {

/// Reads records one at a time from text held in memory: CsvStream's parser over
/// the text, for small data such as the catalog.
class CsvReader {
 public:
  /// `source` names the text in error messages (a file name, or schema/… for embedded data).
  CsvReader(std::string_view text, std::string source);

  /// Reads the next record into `fields`; false at the end of the text.
  /// A blank line is skipped. Throws InvalidInput for bad quoting or bytes.
  bool next(std::vector<std::string>& fields) { return stream_.next(fields); }

  /// The physical line (from 1) where the last record read began.
  std::size_t line() const { return stream_.line(); }
  /// The name given to the constructor.
  const std::string& source() const { return stream_.source(); }

 private:
  std::istringstream in_;
  CsvStream stream_;
};

/// A CSV file with a header row, read into memory: small data such as the catalog.
class CsvTable {
 public:
  /// Reads all of `text`; `required` columns must be in the header, and any
  /// column not in `required` or `optional` is an error.
  CsvTable(std::string_view text, std::string source, const std::vector<std::string>& required,
           const std::vector<std::string>& optional = {});

  /// Number of data rows.
  std::size_t size() const { return rows_.size(); }
  /// The value of `column` in data row `row` ("" for an absent optional column).
  const std::string& get(std::size_t row, std::string_view column) const;
  /// The physical line where data row `row` began.
  std::size_t line(std::size_t row) const { return lines_[row]; }
  /// The column number (from 1) of `column`, for messages.
  std::size_t column_number(std::string_view column) const;
  /// The name given to the constructor.
  const std::string& source() const { return source_; }

 private:
  std::string source_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::size_t> lines_;
  std::string empty_;
};

}  // namespace sqgl::core
