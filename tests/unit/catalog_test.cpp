#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/admin/init.h"
#include "core/base/error.h"
#include "core/model/catalog.h"
#include "helpers.h"

using namespace sqgl::core;
using sqgl::test::reform_clock;

TEST_CASE("catalog: 12 categories and 64 items with the reference codes") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  auto categories = list_catalog(db);
  REQUIRE(categories.size() == 12);
  const std::vector<std::size_t> per_category = {6, 7, 6, 7, 7, 4, 5, 5, 4, 4, 4, 5};
  std::set<std::string> windows;
  for (const auto& w : list_windows(db)) windows.insert(w.code);
  CHECK(windows == std::set<std::string>{"intake", "welfare", "services", "management", "party"});
  std::size_t total = 0;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const auto& category = categories[c];
    CHECK(category.code == fmt::format("C{:02}", c + 1));
    REQUIRE(category.items.size() == per_category[c]);
    for (std::size_t i = 0; i < category.items.size(); ++i) {
      const auto& item = category.items[i];
      CAPTURE(item.code);
      CHECK(item.code == fmt::format("{}-{:02}", category.code, i + 1));
      CHECK(windows.count(item.window) == 1);
      CHECK_FALSE(item.new_chain.empty());
      CHECK_FALSE(item.old_chain.empty());
      CHECK(item.promise_days >= 1);
      CHECK(std::any_of(item.materials.begin(), item.materials.end(), [](const auto& m) { return m.required; }));
      // The promise is the new chain's working days, its postings' calendar days not counted.
      int days = 0;
      for (const auto& s : item.new_chain) days += s.kind == StepKind::posting ? 0 : s.days;
      CHECK(days == item.promise_days);
      CHECK(item.handling == (item.promise_days == 1 ? "immediate" : "promised"));
      ++total;
    }
  }
  CHECK(total == 64);
}

TEST_CASE("catalog: the reform's seed items") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  SUBCASE("一杯奶: station then bureau, 5 days, against at least 20 under the old model") {
    auto item = get_item(db, "C05-01");
    REQUIRE(item.new_chain.size() == 2);
    CHECK(item.new_chain[0].level == StepLevel::station);
    CHECK(item.new_chain[1].unit == "JSJ");
    CHECK(item.sex == 'F');
    CHECK(item.flags == std::vector<std::string>{"pregnant"});
    int old_days = 0;
    for (const auto& s : item.old_chain) old_days += s.days;
    CHECK(old_days >= 20);
    CHECK(item.old_chain.size() == 3);
  }
  SUBCASE("低保 and 廉租房: three review levels became two") {
    for (const char* code : {"C02-01", "C06-01"}) {
      auto item = get_item(db, code);
      CHECK(chain_levels(item.new_chain) == 2);
      CHECK(chain_levels(item.old_chain) == 3);
      // The stages moved from the committee to the station; their postings are
      // calendar days outside the promise.
      CHECK(item.new_chain[0].kind == StepKind::investigation);
      CHECK(item.new_chain[0].level == StepLevel::station);
      CHECK(item.old_chain[0].level == StepLevel::committee);
      CHECK(chain_working_days(item.new_chain) == item.promise_days);
      CHECK(chain_posting_days(item.new_chain) >= 7);
    }
    const auto dibao = get_item(db, "C02-01");
    REQUIRE(dibao.new_chain.size() == 5);
    CHECK(dibao.new_chain[2].kind == StepKind::posting);
    CHECK(dibao.new_chain[2].place == "社区公示栏");
    CHECK(dibao.new_chain[4].place == "区民政局公示栏");
  }
  SUBCASE("第二代残疾证: one trip") {
    auto item = get_item(db, "C08-01");
    CHECK(item.trips_new == 1);
    CHECK(item.trips_old > 1);
  }
}

TEST_CASE("catalog: an unknown item suggests the closest code") {
  auto clock = reform_clock();
  auto db = create_memory_database(clock);
  CHECK_THROWS_WITH_AS(get_item(db, "C05-1"), "unknown item 'C05-1' (did you mean 'C05-01'?)", NotFound);
  CHECK_THROWS_WITH_AS(get_item(db, "milk"), "unknown item 'milk'", NotFound);
  CHECK_THROWS_WITH_AS(list_catalog(db, {"C13", ""}), "unknown category 'C13' (did you mean 'C03'?)", NotFound);
  CHECK_THROWS_WITH_AS(list_catalog(db, {"", "welfar"}), "unknown window 'welfar' (did you mean 'welfare'?)", NotFound);
}

namespace {

// The embedded files with one replaced: what a district's edited schema/ looks like.
class PatchedFiles final : public DataFiles {
 public:
  PatchedFiles(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {}
  std::optional<std::string> read(std::string_view name) const override {
    if (name == name_) return text_;
    return EmbeddedDataFiles{}.read(name);
  }

 private:
  std::string name_, text_;
};

std::string load_error(const std::string& file, const std::string& text) {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON");
  auto clock = reform_clock();
  try {
    WriteTransaction tx(db);
    init_database(db, clock, std::nullopt, PatchedFiles(file, text), true);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("catalog: bad catalog data is refused naming the file and line") {
  auto items = *EmbeddedDataFiles{}.read("schema/catalog/items.csv");
  SUBCASE("a promise the chain does not add up to") {
    std::string edited = items;
    const auto line = edited.find("\nC05-01,");
    const auto field = edited.find(",services,5,", line);
    REQUIRE(field < edited.find('\n', line + 1));
    edited.replace(field, 12, ",services,6,");
    CHECK(
        load_error("schema/catalog/items.csv", edited) ==
        "schema/catalog/steps.csv: the new-model steps of 'C05-01' add up to 5 working days, but the item promises 6");
  }
  SUBCASE("an unknown flag") {
    std::string edited = std::regex_replace(items, std::regex("\\|?pregnant"), "pregant");
    CHECK(load_error("schema/catalog/items.csv", edited).find("names unknown flag 'pregant'") != std::string::npos);
  }
  SUBCASE("an unknown column") {
    CHECK(load_error("schema/catalog/windows.csv", "code,name_zh,name_en,colour\n") ==
          "schema/catalog/windows.csv:1:4: unknown column 'colour'");
  }
  SUBCASE("a step naming a unit that does not exist") {
    auto steps = *EmbeddedDataFiles{}.read("schema/catalog/steps.csv");
    std::string edited = std::regex_replace(steps, std::regex("C05-01,new,2,bureau,JSJ"), "C05-01,new,2,bureau,XXX");
    CHECK(load_error("schema/catalog/steps.csv", edited).find("schema/catalog/steps.csv:") == 0);
  }
}
