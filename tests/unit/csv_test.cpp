#include <doctest/doctest.h>

#include "core/base/csv.h"
#include "core/base/error.h"

using namespace sqgl::core;

namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, std::vector<std::size_t>* lines = nullptr) {
  CsvReader reader(text, "t.csv");
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(reader.line());
  }
  return out;
}

}  // namespace

TEST_CASE("csv: quoted commas, quotes and line breaks, with physical line numbers") {
  std::vector<std::size_t> lines;
  auto rows = read_all("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n", &lines);
  REQUIRE(rows.size() == 4);
  CHECK(rows[1] == std::vector<std::string>{"x, y", "say \"hi\""});
  CHECK(rows[2] == std::vector<std::string>{"two\nlines", "z"});
  CHECK(lines == std::vector<std::size_t>{1, 2, 3, 5});
}

TEST_CASE("csv: CRLF, a byte-order mark, empty fields and no final newline") {
  auto rows = read_all(
      "\xEF\xBB\xBF"
      "code,name\r\nC01,\r\n,社会保障");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][0] == "code");
  CHECK(rows[1] == std::vector<std::string>{"C01", ""});
  CHECK(rows[2] == std::vector<std::string>{"", "社会保障"});
}

TEST_CASE("csv: malformed quoting names line and column") {
  CHECK_THROWS_WITH_AS(read_all("a,b\nx,\"open\n\n"), "t.csv:2:2: unterminated quoted field", InvalidInput);
  CHECK_THROWS_WITH_AS(read_all("a,b\nx,ab\"c\n"),
                       "t.csv:2:2: a quote inside an unquoted field (quote the whole field)", InvalidInput);
  CHECK_THROWS_WITH_AS(read_all("a\n\"x\"y\n"), "t.csv:2:1: text after the closing quote of a field", InvalidInput);
}

TEST_CASE("csv table: required, optional and unknown columns, and ragged rows") {
  CsvTable t("name,code\nB,2\n", "t.csv", {"code", "name"}, {"note"});
  CHECK(t.size() == 1);
  CHECK(t.get(0, "code") == "2");
  CHECK(t.get(0, "note") == "");
  CHECK(t.column_number("code") == 2);
  CHECK_THROWS_WITH_AS(CsvTable("code\n1\n", "t.csv", {"code", "name"}), "t.csv:1: missing column 'name'",
                       InvalidInput);
  CHECK_THROWS_WITH_AS(CsvTable("code,name\n1\n", "t.csv", {"code", "name"}), "t.csv:2: 1 fields, but the header has 2",
                       InvalidInput);
  CHECK_THROWS_WITH_AS(CsvTable("", "t.csv", {"code"}), "t.csv: the file is empty (expected a header row)",
                       InvalidInput);
}
