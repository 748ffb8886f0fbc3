// A streaming CSV reader for imports: reads any size of file in bounded memory,
// decodes GB18030 (which also reads GBK and GB2312) or checks UTF-8, and names
// the physical line and column of every problem. Invalid bytes are an error,
// never silently replaced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/error.h"

namespace sqgl::core {

/// The encodings an import accepts.
enum class Encoding { utf8, gb18030 };

/// Parses "utf-8" / "utf8" / "gb18030" / "gbk" / "gb2312"; InvalidInput otherwise.
Encoding parse_encoding(std::string_view text);

/// Whether `path` names a spreadsheet workbook by its extension (.xlsx, .xlsm, .xls,
/// any case): what Excel saves unless told to save CSV.
bool workbook_name(std::string_view path);

/// The error for a workbook given where CSV is expected, naming `source` and how to
/// save it as CSV.
InvalidInput not_csv_but_workbook(std::string_view source);

/// Reads CSV records (RFC 4180) from a stream.
class CsvStream {
 public:
  /// How many bytes one read takes, unless the constructor is told otherwise.
  static constexpr std::size_t kChunk = 1 << 16;

  /// `source` names the input in messages (a file name, or "-" for standard input).
  /// `chunk` is how many bytes one read takes: tests make it small so that reads
  /// end inside characters, quoted fields and line breaks at every place.
  CsvStream(std::istream& in, std::string source, Encoding encoding, std::size_t chunk = kChunk);
  ~CsvStream();
  CsvStream(const CsvStream&) = delete;
  CsvStream& operator=(const CsvStream&) = delete;

  /// Reads the next record; false at the end. Blank lines are skipped. Throws
  /// InvalidInput "SOURCE:LINE:COLUMN: …" for bad quoting, invalid bytes, a NUL
  /// byte, or a field longer than the limit; not_csv_but_workbook for input that
  /// starts as an xlsx (a ZIP archive) or an xls (an OLE2 compound file) does.
  bool next(std::vector<std::string>& fields);

  /// The physical line (from 1) where the last record began.
  std::size_t line() const { return record_line_; }
  /// The physical line where field `index` (from 0) of the last record began.
  std::size_t field_line(std::size_t index) const { return index < field_lines_.size() ? field_lines_[index] : line_; }
  /// Bytes of the input consumed so far (for progress).
  std::uint64_t bytes_read() const { return bytes_read_; }
  /// SHA-256 of every byte read, as hex; complete once next() returned false.
  std::string sha256_hex() const;
  /// The name given to the constructor.
  const std::string& source() const { return source_; }

  /// The longest field accepted (bytes of UTF-8).
  static constexpr std::size_t kMaxField = 1 << 20;

 private:
  bool fill();  // decodes more input into buffer_; false at the end of input
  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const;

  std::istream& in_;
  std::string source_;
  Encoding encoding_;
  std::size_t chunk_;
  struct State;
  std::unique_ptr<State> state_;  // iconv handle, hash state, undecoded tail
  std::string buffer_;            // decoded UTF-8 not yet parsed
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::string pending_error_;     // a decoding error to raise once the text before it is parsed
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::vector<std::size_t> field_lines_;
  std::uint64_t bytes_read_ = 0;
  bool first_chunk_ = true;
};

}  // namespace sqgl::core
