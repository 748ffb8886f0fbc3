#include <doctest/doctest.h>

#include "core/base/citizen_id.h"
#include "core/base/error.h"

using namespace sqgl::core;

TEST_CASE("citizen ID: the reference's synthetic samples are valid") {
  struct Sample {
    const char* id;
    char sex;
    const char* birth;
  };
  const Sample samples[] = {
      {"150204198503121230", 'M', "1985-03-12"}, {"150204199007172463", 'F', "1990-07-17"},
      {"150204195211050318", 'M', "1952-11-05"}, {"150203198002295025", 'F', "1980-02-29"},
      {"150202200110090880", 'F', "2001-10-09"}, {"150207196706044175", 'M', "1967-06-04"},
      {"15022119930120360X", 'F', "1993-01-20"}, {"150204201208150017", 'M', "2012-08-15"},
      {"11010519491231002X", 'F', "1949-12-31"},
  };
  for (const auto& s : samples) {
    CAPTURE(s.id);
    auto check = check_citizen_id(s.id);
    REQUIRE(check.problem == IdProblem::none);
    CHECK(check.id->sex == s.sex);
    CHECK(format_date(check.id->birth_date) == s.birth);
    CHECK(check.id->region == std::string(s.id).substr(0, 6));
  }
}

TEST_CASE("citizen ID: a lower-case x is read as X") {
  auto check = check_citizen_id("15022119930120360x");
  REQUIRE(check.id);
  CHECK(check.id->number == "15022119930120360X");
}

TEST_CASE("citizen ID: a wrong check character is refused and the right one named") {
  auto check = check_citizen_id("150204198503121231");
  CHECK(check.problem == IdProblem::bad_check);
  CHECK(check.message == "check character is '1', expected '0'");
}

TEST_CASE("citizen ID: 1978-02-29 does not exist even with a correct check digit") {
  auto check = check_citizen_id("150204197802295025");
  CHECK(check.problem == IdProblem::bad_date);
  CHECK(check.message == "birth date 1978-02-29 is not a real date");
}

TEST_CASE("citizen ID: a birth date after today is refused") {
  auto today = parse_date("2012-01-29");
  CHECK(check_citizen_id("150204201208150017", today).problem == IdProblem::bad_date);
  CHECK(check_citizen_id("150204201208150017").problem == IdProblem::none);
}

TEST_CASE("citizen ID: a 15-digit first-generation ID is refused with its 18-digit form, masked") {
  auto check = check_citizen_id("150204850312123");
  CHECK(check.problem == IdProblem::fifteen_digit);
  CHECK(check.message == "is a first-generation 15-digit ID; use the 18-digit form (probably '150204********1230')");
}

TEST_CASE("regression: the 15-digit ID hint printed the full 18-digit citizen ID") {
  // The hint went to stderr and into --errors reject files unmasked: a real person's ID.
  auto check = check_citizen_id("150204850312123");
  CHECK(check.message.find("150204198503121230") == std::string::npos);
}

TEST_CASE("citizen ID: numbers mangled by a spreadsheet are recognised") {
  for (const char* text : {"1.50204E+17", "1.50204198503121E17", "1.5E+17", "150204E17"}) {
    CAPTURE(text);
    auto check = check_citizen_id(text);
    CHECK(check.problem == IdProblem::excel_number);
    CHECK(check.message.find("format the column as text") != std::string::npos);
  }
}

TEST_CASE("citizen ID: length, characters and region") {
  CHECK(check_citizen_id("").problem == IdProblem::empty);
  CHECK(check_citizen_id("15020419850312123").problem == IdProblem::bad_length);
  CHECK(check_citizen_id("1502041985031212300").problem == IdProblem::bad_length);
  CHECK(check_citizen_id("15020419850312123A").problem == IdProblem::bad_character);
  CHECK(check_citizen_id("1502041985O3121230").problem == IdProblem::bad_character);
  CHECK(check_citizen_id("990204198503121230").problem == IdProblem::bad_region);
  CHECK(check_citizen_id("150000198503121230").problem == IdProblem::bad_region);
}

TEST_CASE("citizen ID: parse_citizen_id throws InvalidInput quoting the value, masked") {
  try {
    parse_citizen_id("150204198503121231");
    FAIL("expected InvalidInput");
  } catch (const InvalidInput& e) {
    CHECK(std::string(e.what()) == "invalid citizen ID '150204********1231': check character is '1', expected '0'");
    CHECK(e.code() == ExitCode::usage);
  }
}

TEST_CASE("regression: an invalid citizen ID one digit off was echoed in full") {
  // `apply --resident` and `resident` with a mistyped ID printed all 18 characters:
  // most of a real person's ID. Text that does not look like an ID is quoted as typed.
  auto message = [](const char* text) {
    try {
      parse_citizen_id(text);
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(message("150204198502301234").find("150204198502301234") == std::string::npos);
  CHECK(message("1502041985031212AB").find("150204********12AB") != std::string::npos);
  CHECK(message("'; DROP TABLE cases; --").find("''; DROP TABLE cases; --'") != std::string::npos);
}

TEST_CASE("citizen ID: masking keeps the first 6 and last 4 characters") {
  CHECK(mask_citizen_id("150204198503121230") == "150204********1230");
}

TEST_CASE("regression: a full-width ID was \"54 characters\" and masked through its characters' bytes") {
  const std::string wide = "１５０２０４１９８５０３１２１２３０";
  auto check = check_citizen_id(wide);
  CHECK(check.problem == IdProblem::bad_character);
  CHECK(check.message.find("full-width") != std::string::npos);
  CHECK(mask_citizen_id(wide) == "１５０２０４********１２３０");
  try {
    parse_citizen_id(wide);
    FAIL("expected InvalidInput");
  } catch (const InvalidInput& e) {
    CHECK(std::string(e.what()).find("'１５０２０４********１２３０'") != std::string::npos);
  }
}
