#include <doctest/doctest.h>

#include <iconv.h>

#include <sstream>

#include "core/base/csv_stream.h"
#include "core/base/error.h"

using namespace sqgl::core;

namespace {

std::vector<std::vector<std::string>> read_all(const std::string& bytes, Encoding encoding = Encoding::utf8) {
  std::istringstream in(bytes);
  CsvStream csv(in, "t.csv", encoding);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  while (csv.next(fields)) rows.push_back(fields);
  return rows;
}

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string in = utf8, out(utf8.size() * 2 + 16, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  REQUIRE(iconv(cd, &ip, &il, &op, &ol) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

// Many rows of Chinese text: well past one 64 KiB chunk, so chunk boundaries
// fall inside multi-byte characters and inside quoted fields.
std::string big_text() {
  std::string text = "name,note\n";
  for (int i = 0; i < 6000; ++i) text += "王" + std::to_string(i) + ",\"阳光社区,\n幸福路" + std::to_string(i) + "\"\n";
  return text;
}

}  // namespace

TEST_CASE("csv stream: records across many chunks, in UTF-8 and in GB18030") {
  const std::string text = big_text();
  REQUIRE(text.size() > 3 * 65536);
  for (auto encoding : {Encoding::utf8, Encoding::gb18030}) {
    const auto rows = read_all(encoding == Encoding::utf8 ? text : to_gb18030(text), encoding);
    REQUIRE(rows.size() == 6001);
    CHECK(rows[5000][0] == "王4999");
    CHECK(rows[5000][1] == "阳光社区,\n幸福路4999");
  }
}

TEST_CASE("csv stream: physical line numbers count line breaks inside quotes") {
  std::istringstream in(big_text());
  CsvStream csv(in, "t.csv", Encoding::utf8);
  std::vector<std::string> fields;
  csv.next(fields);
  CHECK(csv.line() == 1);
  csv.next(fields);
  CHECK(csv.line() == 2);
  csv.next(fields);
  CHECK(csv.line() == 4);
  while (csv.next(fields)) {
  }
  CHECK(csv.line() == 2 + 2 * 5999);
  CHECK(csv.bytes_read() == big_text().size());
}

TEST_CASE("csv stream: a rare character outside GBK survives GB18030") {
  const auto rows = read_all(to_gb18030("姓名\n刘䶮\n"), Encoding::gb18030);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][0] == "刘䶮");
}

TEST_CASE("csv stream: invalid bytes are named by line and column, never replaced") {
  CHECK_THROWS_WITH_AS(read_all("a,b\nx,y\xff\n"), doctest::Contains("t.csv:2:2: invalid UTF-8 byte 0xFF"),
                       InvalidInput);
  CHECK_THROWS_WITH_AS(read_all(to_gb18030("a,b\n刘,王\n")), doctest::Contains("t.csv:2:1: invalid UTF-8 byte"),
                       InvalidInput);
  CHECK_THROWS_WITH_AS(read_all("a\n\xe7\x8e", Encoding::utf8), doctest::Contains("t.csv:2:1:"), InvalidInput);
  CHECK_THROWS_WITH_AS(read_all("a,b\n1,\x81\x30\n", Encoding::gb18030), doctest::Contains("t.csv:2:2:"),
                       InvalidInput);
  CHECK_THROWS_WITH_AS(read_all(std::string("a,b\n1,x\0y\n", 10)), "t.csv:2:2: a NUL byte in the data", InvalidInput);
}

TEST_CASE("csv stream: a byte-order mark, CRLF and the SHA-256 of the raw bytes") {
  const std::string bytes = "\xEF\xBB\xBF" "a,b\r\n1,2\r\n";
  std::istringstream in(bytes);
  CsvStream csv(in, "t.csv", Encoding::utf8);
  std::vector<std::string> fields;
  REQUIRE(csv.next(fields));
  CHECK(fields == std::vector<std::string>{"a", "b"});
  REQUIRE(csv.next(fields));
  CHECK(fields == std::vector<std::string>{"1", "2"});
  CHECK_FALSE(csv.next(fields));
  CHECK(csv.sha256_hex().size() == 64);
}

// Found by the fuzzer (tests/fuzz/regressions/csv/crash-31c66277…): a first read
// of fewer than three bytes cut the byte-order mark, which then became part of
// the first field (UTF-8) or was decoded as a GB18030 character.
TEST_CASE("csv stream: a byte-order mark cut by a short read is still skipped") {
  for (auto encoding : {Encoding::utf8, Encoding::gb18030}) {
    for (std::size_t chunk = 1; chunk <= 4; ++chunk) {
      CAPTURE(chunk);
      std::istringstream in("\xEF\xBB\xBF" "name,id\n");
      CsvStream csv(in, "t.csv", encoding, chunk);
      std::vector<std::string> fields;
      REQUIRE(csv.next(fields));
      CHECK(fields == std::vector<std::string>{"name", "id"});
    }
    // Only a whole mark is one: two of its bytes are data (and not valid UTF-8).
    std::istringstream in("\xEF\xBB");
    CsvStream csv(in, "t.csv", Encoding::utf8, 1);
    std::vector<std::string> fields;
    CHECK_THROWS_AS(csv.next(fields), InvalidInput);
  }
}

TEST_CASE("csv stream: the same records and errors whatever the size of a read") {
  const std::string text = "姓名,备注\r\n王芳,\"阳光社区,\n\"\"幸福\"\"路\"\n\n𠀀,€\n";
  const auto expected = read_all(text);
  REQUIRE(expected.size() == 3);
  CHECK(expected[1][1] == "阳光社区,\n\"幸福\"路");
  for (auto encoding : {Encoding::utf8, Encoding::gb18030}) {
    const std::string bytes = encoding == Encoding::utf8 ? "\xEF\xBB\xBF" + text : to_gb18030(text);
    for (std::size_t chunk = 1; chunk <= 9; ++chunk) {
      CAPTURE(chunk);
      std::istringstream in(bytes);
      CsvStream csv(in, "t.csv", encoding, chunk);
      std::vector<std::vector<std::string>> rows;
      std::vector<std::string> fields;
      while (csv.next(fields)) rows.push_back(fields);
      CHECK(rows == expected);
      CHECK(csv.bytes_read() == bytes.size());
    }
  }
  // An invalid byte is named at the same place, however the reads fall.
  for (std::size_t chunk = 1; chunk <= 5; ++chunk) {
    std::istringstream in("a,b\n1,\"x\ny\xFFz\"\n");
    CsvStream csv(in, "t.csv", Encoding::utf8, chunk);
    std::vector<std::string> fields;
    REQUIRE(csv.next(fields));
    CHECK_THROWS_WITH_AS(csv.next(fields), doctest::Contains("t.csv:3:2: invalid UTF-8 byte 0xFF"), InvalidInput);
  }
}

TEST_CASE("csv stream: encodings by name") {
  CHECK(parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(parse_encoding("gbk") == Encoding::gb18030);
  CHECK_THROWS_AS(parse_encoding("latin1"), InvalidInput);
}

TEST_CASE("regression: a quoted field over 1 MiB was named at the line where it overflowed") {
  // 'AB\n' repeated: the field starts on line 2 and overflows some 350,000 lines later.
  std::string text = "a,b\nx,\"";
  for (int i = 0; i < 400000; ++i) text += "AB\n";
  text += "\"\n";
  CHECK_THROWS_WITH_AS(read_all(text), "t.csv:2:2: a field longer than 1 MiB", InvalidInput);
  CHECK_THROWS_WITH_AS(read_all("a,b\nx," + std::string(2 << 20, 'A') + "\n"), "t.csv:2:2: a field longer than 1 MiB",
                       InvalidInput);
}

// A workbook saved from Excel was named only as "a NUL byte in the data" on line 1:
// the import now says it is a workbook and how to save it as CSV.
TEST_CASE("csv stream: an xlsx or xls workbook is named as one, at any read size") {
  const std::string xlsx = std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "[Content_Types].xml";
  const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10);
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, CsvStream::kChunk}) {
    for (const auto& bytes : {xlsx, xls}) {
      CAPTURE(chunk);
      std::istringstream in(bytes);
      CsvStream csv(in, "residents.xlsx", Encoding::gb18030, chunk);
      std::vector<std::string> fields;
      CHECK_THROWS_WITH_AS(csv.next(fields),
                           "'residents.xlsx' is an Excel workbook, not CSV: in Excel save it as \"CSV UTF-8\", or "
                           "save it as CSV and import that with --encoding gb18030",
                           InvalidInput);
    }
  }
  // Text that merely starts with the letters is CSV, and so is a file shorter than a signature.
  CHECK(read_all("PK,x\n1,2\n") == std::vector<std::vector<std::string>>{{"PK", "x"}, {"1", "2"}});
  CHECK(read_all("a\n") == std::vector<std::vector<std::string>>{{"a"}});
  CHECK(workbook_name("residents.xlsx"));
  CHECK(workbook_name("/srv/in/居民.XLS"));
  CHECK(workbook_name("a.xlsm"));
  CHECK_FALSE(workbook_name("residents.csv"));
  CHECK_FALSE(workbook_name("xlsx"));
  CHECK_FALSE(workbook_name("exports.xls/residents"));
}
