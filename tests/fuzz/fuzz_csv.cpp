// Fuzz target: the CSV reader (core/csv_stream.h) over any bytes, in UTF-8 and
// in GB18030, read in one 64 KiB chunk and again in tiny chunks that cut
// characters, quotes and line breaks at every place; and CsvTable (core/csv.h).
//
// Invariants: only InvalidInput escapes; every field is valid UTF-8 without NUL;
// line numbers grow; the same records and the same error whatever the chunk
// size; what was read re-reads the same once written back as CSV; ASCII reads
// the same in both encodings.
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/base/csv.h"
#include "core/base/csv_stream.h"
#include "core/base/error.h"
#include "core/base/sha256.h"
#include "tests/fuzz/fuzz_check.h"

using sqgl::core::CsvStream;
using sqgl::core::Encoding;
using sqgl::fuzz::valid_utf8;

namespace {

// Everything one reading produced.
struct Reading {
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> lines;
  std::optional<std::string> error;  // the InvalidInput message, if the reading stopped at one
  bool operator==(const Reading&) const = default;
};

Reading read_all(std::string_view bytes, Encoding encoding, std::size_t chunk = CsvStream::kChunk) {
  std::istringstream in{std::string(bytes)};
  CsvStream csv(in, "fuzz.csv", encoding, chunk);
  Reading reading;
  std::vector<std::string> fields;
  try {
    std::size_t last_line = 0;
    while (csv.next(fields)) {
      FUZZ_CHECK(!fields.empty());
      FUZZ_CHECK(csv.line() > last_line);
      last_line = csv.line();
      for (std::size_t i = 0; i < fields.size(); ++i) {
        FUZZ_CHECK(valid_utf8(fields[i]));
        FUZZ_CHECK(fields[i].find('\0') == std::string::npos);
        FUZZ_CHECK(csv.field_line(i) >= csv.line());
        FUZZ_CHECK(i == 0 || csv.field_line(i) >= csv.field_line(i - 1));
      }
      reading.records.push_back(fields);
      reading.lines.push_back(csv.line());
    }
    // At the end every byte was read and hashed.
    FUZZ_CHECK(csv.bytes_read() == bytes.size());
    FUZZ_CHECK(csv.sha256_hex() == sqgl::core::sha256_hex(bytes));
    FUZZ_CHECK(!csv.next(fields) && fields.empty());
  } catch (const sqgl::core::InvalidInput& e) {
    reading.error = e.what();
    // A workbook (a ZIP or OLE2 file: xlsx, xls) is refused by its first bytes, naming
    // the file; every other error is "fuzz.csv:LINE:COLUMN: message". On one line.
    const bool workbook = bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
                          bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0", 4));
    FUZZ_CHECK(reading.error->rfind(workbook ? "'fuzz.csv' is an Excel workbook" : "fuzz.csv:", 0) == 0);
    FUZZ_CHECK(reading.error->find('\n') == std::string::npos);
  }
  return reading;
}

// RFC 4180 with every field quoted: the one way to write any record back.
std::string write_back(const std::vector<std::vector<std::string>>& records, const char* line_break) {
  std::string out;
  for (const auto& record : records) {
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      for (char c : record[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += line_break;
  }
  return out;
}

bool all_ascii(std::string_view bytes) {
  for (char c : bytes)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = sqgl::fuzz::as_text(data, size);
  // The small chunk size comes from the input, so the fuzzer can steer it.
  const std::size_t small = size == 0 ? 1 : 1 + data[size - 1] % 7;

  for (auto encoding : {Encoding::utf8, Encoding::gb18030}) {
    const Reading whole = read_all(bytes, encoding);
    FUZZ_CHECK(read_all(bytes, encoding, small) == whole);
    if (!whole.error) {
      // Written back (the records are UTF-8 now, whatever the input was) and read again.
      for (const char* line_break : {"\n", "\r\n"}) {
        const Reading again = read_all(write_back(whole.records, line_break), Encoding::utf8);
        FUZZ_CHECK(!again.error);
        FUZZ_CHECK(again.records == whole.records);
      }
    }
  }
  if (all_ascii(bytes)) FUZZ_CHECK(read_all(bytes, Encoding::gb18030) == read_all(bytes, Encoding::utf8));

  // CsvTable: the header must name "name"; "id" and "date" may be there too.
  try {
    sqgl::core::CsvTable table(bytes, "fuzz.csv", {"name"}, {"id", "date"});
    FUZZ_CHECK(table.column_number("name") >= 1);
    const Reading reading = read_all(bytes, Encoding::utf8);
    FUZZ_CHECK(!reading.error && reading.records.size() == table.size() + 1);
    for (std::size_t row = 0; row < table.size(); ++row) {
      FUZZ_CHECK(table.get(row, "name") == reading.records[row + 1][table.column_number("name") - 1]);
      FUZZ_CHECK(table.line(row) == reading.lines[row + 1]);
    }
  } catch (const sqgl::core::InvalidInput&) {
  }
  return 0;
}
