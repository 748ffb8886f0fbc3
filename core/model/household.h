// A household as household benefits see it: its members and their relation to
// the head, who lives together, their income, the household's housing and assets;
// and the means test that compares them with the standards in force.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/model/district.h"
#include "core/model/standards.h"
#include "core/model/vocabulary.h"

namespace sqgl::core {

/// The relation of the head of household to themself (与户主关系).
inline constexpr std::string_view kHeadOfHousehold = "户主";

/// One member of a household.
struct Member {
  std::int64_t id = 0;  ///< the residents row
  std::string citizen_id, name, relation;
  char sex = 'M';
  std::string birth_date;
  std::optional<int> monthly_income;  ///< yuan; none when not on record
  bool living_together = true;
  std::optional<Hukou> hukou;
  FlagBits flags = 0;
  /// Age in whole years on `day`.
  int age_on(Date day) const;
};

/// A household with its living members still in the district, head first, then by birth date.
struct Household {
  std::int64_t id = 0;
  std::string code, address, community_code, community_name, district_code, grid, grid_worker;
  std::optional<Housing> housing;
  std::optional<double> living_area;
  std::vector<std::string> assets;  ///< kAssetWords
  std::vector<Member> members;
  /// The head of household, when the register names one.
  const Member* head() const;
  /// How many members live together: whose income and space count.
  int living_together() const;
};

/// The household with code `code`; NotFound (with a "did you mean") when there is none.
Household get_household(const SQLite::Database& db, std::string_view code);

/// The household of households row `id`.
Household household_by_id(const SQLite::Database& db, std::int64_t id);

/// One case that belongs to a household.
struct HouseholdCase {
  std::string number, item, item_name, applicant_name, accepted_at, decided_at;
  CaseStatus status = CaseStatus::open;
};

/// The cases that belong to household row `id` (its household benefits), the latest first.
std::vector<HouseholdCase> household_cases(const SQLite::Database& db, std::int64_t id);

/// One standard compared with one household.
struct MeansCheck {
  Standard standard;
  std::optional<double> measured;    ///< income or area per member living together; none when unknown
  std::vector<std::string> unknown;  ///< what the register lacks: members' names, or the living area
  /// True when the household is under the standard.
  bool passes() const { return measured && *measured < standard.value; }
};

/// A household against the standards an item tests.
struct MeansTest {
  int members = 0;                  ///< members living together
  std::vector<MeansCheck> checks;   ///< one per standard, in the item's order
  std::vector<std::string> assets;  ///< what the household owns (any rules it out)
  std::vector<StandardKind> missing;  ///< standards the item tests that are not set up for the year
  bool passes() const;
};

/// Tests `household` on `day` against the standards `kinds`, for the year of `day`.
MeansTest means_test(const SQLite::Database& db, const Household& household, const std::vector<StandardKind>& kinds,
                     Date day);

/// What a home investigation found, tested on `day` against those of `kinds` it
/// measured: `income` (yuan a month per member) against the income standards, `area`
/// (m² per person) against the housing standard. The register is not read; a
/// standard not set up for the year is missing, as in means_test.
MeansTest found_means_test(const SQLite::Database& db, const Household& household,
                           const std::vector<StandardKind>& kinds, Date day, std::optional<double> income,
                           std::optional<double> area);
/// What is wrong with a test that does not pass, in words, every reason at once;
/// empty when it passes.
std::vector<std::string> means_test_failures(const MeansTest& test);

/// "320 yuan per person a month, 130 under the 低保 standard of 450 (2012, assumed)".
std::string describe_check(const MeansCheck& check);

/// The test as the history and --json carry it: [{"standard":…,"year":…,"value":…,
/// "assumed":…,"measured":…,"shortfall":…}, …].
nlohmann::json means_test_json(const MeansTest& test);

/// What means_test_json carried, in words: describe_check of each standard.
std::vector<std::string> describe_means_test(const nlohmann::json& test);

/// An amount as people write it: at most two decimals, no trailing zeros.
std::string amount_text(double value);

}  // namespace sqgl::core
