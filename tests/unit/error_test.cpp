// Error messages: one line of valid UTF-8 whatever the user typed.
#include <doctest/doctest.h>

#include <string>

#include "core/base/error.h"

using namespace sqgl::core;

TEST_CASE("quote: plain values, quotes and Chinese text are kept as typed") {
  CHECK(errors::quote("C05-01") == "'C05-01'");
  CHECK(errors::quote("'; DROP TABLE cases; --") == "''; DROP TABLE cases; --'");
  CHECK(errors::quote("阳光社区") == "'阳光社区'");
  CHECK(errors::quote("") == "''");
}

TEST_CASE("quote: control characters are shown as \\xNN, so an error stays one line") {
  CHECK(errors::quote("abc\ndef") == "'abc\\x0adef'");
  CHECK(errors::quote(std::string("a\0b", 3)) == "'a\\x00b'");
}

TEST_CASE("regression: bytes that are not UTF-8 in a value went to stderr raw") {
  CHECK(errors::quote("\xff\xfe") == "'\\xff\\xfe'");
  CHECK(errors::quote("李\xe5") == "'李\\xe5'");                // a truncated sequence
  CHECK(errors::quote("\xc0\xaf") == "'\\xc0\\xaf'");           // an overlong '/'
  CHECK(errors::quote("\xed\xa0\x80") == "'\\xed\\xa0\\x80'");  // a UTF-16 surrogate
  CHECK(errors::quote("\xf0\x9f\x98\x80") == "'\xf0\x9f\x98\x80'");
}

TEST_CASE("regression: a 100 KB argument was echoed whole in its error message") {
  const std::string big(100000, 'C');
  const std::string quoted = errors::quote(big);
  CHECK(quoted == "'" + std::string(64, 'C') + "…' (100000 bytes)");
  // A long value is cut at a character boundary, never inside a character.
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "青";
  CHECK(errors::quote(chinese) == "'" + chinese.substr(0, 63) + "…' (300 bytes)");
  CHECK(errors::quote(std::string(256, 'x')) == "'" + std::string(256, 'x') + "'");
}
