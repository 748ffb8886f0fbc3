#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/model/vocabulary.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::reform_clock;

namespace {

template <typename E>
std::set<std::string> words() {
  std::set<std::string> out;
  for (auto w : Words<E>::text) out.insert(std::string(w));
  return out;
}

// The words a table's CHECK (column IN (...)) allows, read from the schema as the
// database holds it.
std::set<std::string> allowed(const SQLite::Database& db, const std::string& table, const std::string& column) {
  SQLite::Statement q(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, table);
  REQUIRE(q.executeStep());
  const std::string sql = q.getColumn(0).getString();
  std::smatch m;
  REQUIRE(std::regex_search(sql, m, std::regex("\\b" + column + "\\s+TEXT[^,]*?IN \\(([^)]*)\\)")));
  std::set<std::string> out;
  const std::string list = m[1];
  const std::regex word("'([a-z_]+)'");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), word); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("vocabulary: every word reads back as the value it was written from") {
  for (auto status :
       {CaseStatus::open, CaseStatus::returned, CaseStatus::approved, CaseStatus::rejected, CaseStatus::withdrawn}) {
    CHECK(parse<CaseStatus>(text(status)) == status);
  }
  for (std::size_t i = 0; i < Words<Role>::text.size(); ++i) {
    CHECK(parse<Role>(Words<Role>::text[i]) == static_cast<Role>(i));
  }
  CHECK(text(Model::reformed) == "new");
  CHECK(text(Model::former) == "old");
  CHECK(text(StepLevel::street) == "street");
}

TEST_CASE("vocabulary: an unknown word is none, and a stored one is a failure naming it") {
  CHECK_FALSE(parse<CaseStatus>("closed"));
  CHECK_FALSE(parse<Model>("New"));
  CHECK_FALSE(parse<Role>(""));
  CHECK_THROWS_AS(stored<StepStatus>("done"), Failure);
  CHECK_THROWS_WITH(stored<Role>("mayor"), doctest::Contains("'mayor'"));
}

TEST_CASE("vocabulary: JSON and fmt carry the word, never the number") {
  CHECK(nlohmann::json(StepStatus::returned) == "returned");
  CHECK(nlohmann::json("old").get<Model>() == Model::former);
  CHECK(fmt::format("{}|{:>8}", Role::head, StepLevel::bureau) == "head|  bureau");
  CHECK_THROWS_AS(nlohmann::json("lost").get<CaseStatus>(), Failure);
}

TEST_CASE("vocabulary: the words are exactly those the schema allows") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  CHECK(allowed(db, "cases", "status") == words<CaseStatus>());
  CHECK(allowed(db, "cases", "model") == words<Model>());
  CHECK(allowed(db, "case_steps", "status") == words<StepStatus>());
  CHECK(allowed(db, "item_steps", "model") == words<Model>());
  CHECK(allowed(db, "item_steps", "level") == words<StepLevel>());
  CHECK(allowed(db, "items", "applicant") == words<ApplicantKind>());
  CHECK(allowed(db, "items", "once") == words<Once>());
  CHECK(allowed(db, "households", "housing") == words<Housing>());
  CHECK(allowed(db, "residents", "hukou") == words<Hukou>());
  CHECK(allowed(db, "standards", "kind") == words<StandardKind>());
  CHECK(allowed(db, "item_steps", "kind") == words<StepKind>());
  CHECK(allowed(db, "case_steps", "kind") == words<StepKind>());
  CHECK(allowed(db, "case_stages", "result") == words<StageResult>());
  // A stage is any kind of step but a decision.
  auto stages = words<StepKind>();
  stages.erase("decision");
  CHECK(allowed(db, "case_stages", "kind") == stages);
  std::set<std::string> roles;
  SQLite::Statement q(db, "SELECT code FROM roles");
  while (q.executeStep()) roles.insert(q.getColumn(0).getString());
  CHECK(roles == words<Role>());
}
