#include "core/model/household.h"

#include <chrono>
#include <cmath>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/db/row.h"

namespace sqgl::core {

namespace {

constexpr const char* kHouseholdSelect =
    "SELECT h.id, h.code, h.address, c.code, c.name_zh, COALESCE(g.code, ''), COALESCE(w.staff_no, ''), h.housing, "
    "  h.living_area, h.assets, "
    "  (WITH RECURSIVE up(id, parent, kind, code) AS ("
    "     SELECT id, parent_id, kind, code FROM units WHERE id = h.community_id "
    "     UNION ALL SELECT u.id, u.parent_id, u.kind, u.code FROM units u JOIN up ON u.id = up.parent) "
    "   SELECT code FROM up WHERE kind = 'district' LIMIT 1) "
    "FROM households h JOIN units c ON c.id = h.community_id "
    "LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN staff w ON w.id = g.worker_id ";

Household read_household(const SQLite::Database& db, SQLite::Statement& q) {
  Row r(q);
  Household h;
  h.id = r.int64();
  h.code = r.text();
  h.address = r.text();
  h.community_code = r.text();
  h.community_name = r.text();
  h.grid = r.text();
  h.grid_worker = r.text();
  if (const auto housing = r.text(); !housing.empty()) h.housing = stored<Housing>(housing);
  h.living_area = r.maybe_real();
  h.assets = split_words(r.text());
  h.district_code = r.text();
  // The living members still in the district: the head first, then by age, the eldest first.
  SQLite::Statement m(db,
                      "SELECT id, citizen_id, name, relation, sex, birth_date, monthly_income, living_together, hukou, "
                      "  pregnant | (disabled << 1) | (low_income << 2) | (party_member << 3) | (unemployed << 4) "
                      "FROM residents WHERE household_id = ? AND died_on IS NULL AND left_on IS NULL "
                      "ORDER BY relation <> ?, birth_date, id");
  m.bind(1, h.id);
  m.bind(2, std::string(kHeadOfHousehold));
  while (m.executeStep()) {
    Row row(m);
    Member member;
    member.id = row.int64();
    member.citizen_id = row.text();
    member.name = row.text();
    member.relation = row.text();
    member.sex = row.text().at(0);
    member.birth_date = row.text();
    member.monthly_income = row.maybe_int();
    member.living_together = row.flag();
    if (const auto hukou = row.text(); !hukou.empty()) member.hukou = stored<Hukou>(hukou);
    member.flags = row.integer();
    h.members.push_back(std::move(member));
  }
  return h;
}

}  // namespace

int Member::age_on(Date day) const {
  const std::chrono::year_month_day b{*parse_date(birth_date)}, d{day};
  int age = static_cast<int>(d.year()) - static_cast<int>(b.year());
  if (std::chrono::month_day{d.month(), d.day()} < std::chrono::month_day{b.month(), b.day()}) --age;
  return age;
}

const Member* Household::head() const {
  for (const auto& m : members) {
    if (m.relation == kHeadOfHousehold) return &m;
  }
  return nullptr;
}

int Household::living_together() const {
  int n = 0;
  for (const auto& m : members) n += m.living_together ? 1 : 0;
  return n;
}

Household get_household(const SQLite::Database& db, std::string_view code) {
  SQLite::Statement q(db, fmt::format("{}WHERE h.code = ?", kHouseholdSelect));
  q.bind(1, std::string(code));
  if (!q.executeStep()) {
    throw NotFound(tr("no household {} (household codes look like 150204001001-0001; 'sqgl resident ID' names a "
                      "resident's)",
                      errors::quote(code)));
  }
  return read_household(db, q);
}

Household household_by_id(const SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, fmt::format("{}WHERE h.id = ?", kHouseholdSelect));
  q.bind(1, id);
  if (!q.executeStep()) throw Failure(tr("no household row {}", id));
  return read_household(db, q);
}

std::vector<HouseholdCase> household_cases(const SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db,
                      "SELECT c.number, c.item, i.name_zh, r.name, c.accepted_at, COALESCE(c.decided_at, ''), c.status "
                      "FROM cases c JOIN items i ON i.code = c.item JOIN residents r ON r.id = c.resident_id "
                      "WHERE c.household_id = ? ORDER BY c.accepted_at DESC, c.number DESC");
  q.bind(1, id);
  std::vector<HouseholdCase> out;
  while (q.executeStep()) {
    Row r(q);
    HouseholdCase c;
    c.number = r.text();
    c.item = r.text();
    c.item_name = r.text();
    c.applicant_name = r.text();
    c.accepted_at = r.text();
    c.decided_at = r.text();
    c.status = stored<CaseStatus>(r.text());
    out.push_back(std::move(c));
  }
  return out;
}

bool MeansTest::passes() const {
  if (!assets.empty() || !missing.empty()) return false;
  for (const auto& check : checks) {
    if (!check.passes()) return false;
  }
  return true;
}

MeansTest means_test(const SQLite::Database& db, const Household& household, const std::vector<StandardKind>& kinds,
                     Date day) {
  MeansTest test;
  test.members = household.living_together();
  test.assets = household.assets;
  const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
  for (const StandardKind kind : kinds) {
    const auto standard = standard_in_force(db, kind, household.district_code, year);
    if (!standard) {
      test.missing.push_back(kind);
      continue;
    }
    MeansCheck check{*standard, std::nullopt, {}};
    if (is_income(kind)) {
      double total = 0;
      for (const auto& m : household.members) {
        if (!m.living_together) continue;
        if (m.monthly_income) {
          total += *m.monthly_income;
        } else {
          check.unknown.push_back(m.name);
        }
      }
      if (check.unknown.empty() && test.members > 0) check.measured = total / test.members;
    } else if (household.living_area && test.members > 0) {
      check.measured = *household.living_area / test.members;
    } else {
      check.unknown.push_back(_("the living area"));
    }
    test.checks.push_back(std::move(check));
  }
  return test;
}

MeansTest found_means_test(const SQLite::Database& db, const Household& household,
                           const std::vector<StandardKind>& kinds, Date day, std::optional<double> income,
                           std::optional<double> area) {
  MeansTest test;
  test.members = household.living_together();
  const int year = static_cast<int>(std::chrono::year_month_day{day}.year());
  for (const StandardKind kind : kinds) {
    const auto found = is_income(kind) ? income : area;
    if (!found) continue;
    const auto standard = standard_in_force(db, kind, household.district_code, year);
    if (!standard) {
      test.missing.push_back(kind);
      continue;
    }
    test.checks.push_back({*standard, *found, {}});
  }
  return test;
}

std::string amount_text(double value) {
  std::string text = fmt::format("{:.2f}", std::round(value * 100) / 100);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

std::string describe_check(const MeansCheck& check) {
  const Standard& s = check.standard;
  if (!check.measured) {
    std::string names;
    for (const auto& name : check.unknown) names += (names.empty() ? "" : ", ") + name;
    return is_income(s.kind) ? tr("the monthly income of {} is not on record", names)
                             : tr("{} is not on record", names);
  }
  const double m = *check.measured;
  const std::string measured = is_income(s.kind) ? tr("income {} {}", amount_text(m), standard_unit(s.kind))
                                                 : tr("living area {} {}", amount_text(m), standard_unit(s.kind));
  if (m < s.value) {
    return tr("{}, {} under the {} of {} ({})", measured, amount_text(s.value - m), label(s.kind),
              amount_text(s.value), year_text(s));
  }
  if (m > s.value) {
    return tr("{}, {} above the {} of {} ({})", measured, amount_text(m - s.value), label(s.kind),
              amount_text(s.value), year_text(s));
  }
  return tr("{}, not under the {} of {} ({})", measured, label(s.kind), amount_text(s.value), year_text(s));
}

std::vector<std::string> means_test_failures(const MeansTest& test) {
  std::vector<std::string> out;
  for (const auto kind : test.missing) {
    out.push_back(tr("no {} is set up for this year; the district sets it with 'sqgl import standards'", label(kind)));
  }
  for (const auto& check : test.checks) {
    if (!check.passes()) out.push_back(describe_check(check));
  }
  if (!test.assets.empty()) {
    std::string owns;
    for (const auto& asset : test.assets) owns += (owns.empty() ? "" : ", ") + asset_label(asset);
    out.push_back(tr("it owns: {}", owns));
  }
  return out;
}

nlohmann::json means_test_json(const MeansTest& test) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : test.checks) {
    nlohmann::json j{{"standard", c.standard.kind},
                     {"year", c.standard.year},
                     {"district", c.standard.district.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.standard.district)},
                     {"threshold", c.standard.value},
                     {"assumed", c.standard.assumed},
                     {"measured", nullptr},
                     {"shortfall", nullptr},
                     {"passes", c.passes()}};
    if (c.measured) {
      j["measured"] = std::round(*c.measured * 100) / 100;
      j["shortfall"] = std::round((c.standard.value - *c.measured) * 100) / 100;
    }
    checks.push_back(std::move(j));
  }
  nlohmann::json missing = nlohmann::json::array();
  for (const auto kind : test.missing) missing.push_back(kind);
  return {{"member_count", test.members}, {"checks", std::move(checks)}, {"assets", test.assets},
          {"missing_standards", std::move(missing)}, {"passes", test.passes()}};
}

std::vector<std::string> describe_means_test(const nlohmann::json& test) {
  std::vector<std::string> out;
  if (!test.is_object() || !test.contains("checks") || !test["checks"].is_array()) return out;
  for (const auto& c : test["checks"]) {
    const auto kind = parse<StandardKind>(c.value("standard", ""));
    if (!kind) continue;
    MeansCheck check;
    check.standard.kind = *kind;
    check.standard.year = c.value("year", 0);
    check.standard.value = c.value("threshold", 0.0);
    check.standard.assumed = c.value("assumed", false);
    if (c.contains("measured") && c["measured"].is_number()) check.measured = c["measured"].get<double>();
    out.push_back(describe_check(check));
  }
  return out;
}

}  // namespace sqgl::core
