// A CSV reader per RFC 4180: quoted fields may hold commas, quotes and line
// breaks; CRLF or LF; a UTF-8 byte-order mark is skipped. Errors name the
// source, the physical line and the column (the field's number, from 1).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sqgl::core {

/// Reads records one at a time from text held in memory.
class CsvReader {
 public:
  /// `source` names the text in error messages (a file name, or schema/… for embedded data).
  CsvReader(std::string_view text, std::string source);

  /// Reads the next record into `fields`; false at the end of the text.
  /// A blank line is skipped. Throws InvalidInput for an unterminated quote
  /// or a quote in the middle of an unquoted field.
  bool next(std::vector<std::string>& fields);

  /// The physical line (from 1) where the last record read began.
  std::size_t line() const { return record_line_; }
  /// The name given to the constructor.
  const std::string& source() const { return source_; }

 private:
  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
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
