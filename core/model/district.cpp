#include "core/model/district.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/citizen_id.h"
#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

namespace {

std::int64_t count(const SQLite::Database& db, const char* sql, std::int64_t id) {
  SQLite::Statement q(db, sql);
  q.bind(1, id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace

namespace {

template <typename T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

template <typename E>
void bind_word(SQLite::Statement& q, int index, const std::optional<E>& value) {
  if (value) {
    q.bind(index, std::string(text(*value)));
  } else {
    q.bind(index);
  }
}

// Columns 1–14 of a resident's insert and update.
void bind_resident(SQLite::Statement& q, const ResidentRow& r) {
  SQLite::bind(q, r.name, std::string(1, r.sex), r.birth_date, r.household, r.relation, r.phone);
  for (int bit = 0; bit < 5; ++bit) q.bind(7 + bit, (r.flags >> bit) & 1);
  bind_optional(q, 12, r.monthly_income);
  q.bind(13, r.living_together ? 1 : 0);
  bind_word(q, 14, r.hukou);
}

// Columns 1–7 of a household's insert and update.
void bind_household(SQLite::Statement& q, const HouseholdRow& h) {
  q.bind(1, h.community);
  bind_optional(q, 2, h.grid);
  q.bind(3, h.address);
  bind_word(q, 4, h.housing);
  bind_optional(q, 5, h.living_area);
  q.bind(6, h.assets);
}

}  // namespace

DistrictWriter::DistrictWriter(SQLite::Database& db) : db_(db) {}
DistrictWriter::~DistrictWriter() = default;

// Prepared on first use: an import of residents never needs the units' statements.
SQLite::Statement& DistrictWriter::statement(std::optional<SQLite::Statement>& slot, const char* sql) {
  if (!slot) slot.emplace(db_, sql);
  slot->reset();
  slot->clearBindings();
  return *slot;
}

std::int64_t DistrictWriter::add_unit(const UnitRow& unit) {
  auto& q = statement(add_unit_,
                             "INSERT INTO units (code, kind, name_zh, name_en, parent_id) VALUES (?, ?, ?, ?, ?)");
  SQLite::bind(q, unit.code, unit.kind, unit.name_zh, unit.name_en);
  bind_optional(q, 5, unit.parent);
  q.exec();
  return db_.getLastInsertRowid();
}

void DistrictWriter::update_unit(std::int64_t id, const UnitRow& unit) {
  auto& q = statement(update_unit_, "UPDATE units SET name_zh = ?, name_en = ?, parent_id = ? WHERE id = ?");
  SQLite::bind(q, unit.name_zh, unit.name_en);
  bind_optional(q, 3, unit.parent);
  q.bind(4, id);
  q.exec();
}

void DistrictWriter::set_parent(std::int64_t id, std::int64_t parent) {
  auto& q = statement(set_parent_, "UPDATE units SET parent_id = ? WHERE id = ?");
  SQLite::bind(q, parent, id);
  q.exec();
}

std::int64_t DistrictWriter::add_grid(const GridRow& grid) {
  auto& q =
      statement(add_grid_, "INSERT INTO grids (code, community_id, name, worker_id) VALUES (?, ?, ?, ?)");
  SQLite::bind(q, grid.code, grid.community, grid.name);
  bind_optional(q, 4, grid.worker);
  q.exec();
  return db_.getLastInsertRowid();
}

void DistrictWriter::update_grid(std::int64_t id, const GridRow& grid) {
  auto& q =
      statement(update_grid_, "UPDATE grids SET community_id = ?, name = ?, worker_id = ? WHERE id = ?");
  SQLite::bind(q, grid.community, grid.name);
  bind_optional(q, 3, grid.worker);
  q.bind(4, id);
  q.exec();
}

std::int64_t DistrictWriter::add_household(const HouseholdRow& household) {
  auto& q = statement(add_household_,
                      "INSERT INTO households (community_id, grid_id, address, housing, living_area, assets, code) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  bind_household(q, household);
  q.bind(7, household.code);
  q.exec();
  return db_.getLastInsertRowid();
}

void DistrictWriter::update_household(std::int64_t id, const HouseholdRow& household) {
  auto& q = statement(update_household_,
                      "UPDATE households SET community_id = ?, grid_id = ?, address = ?, housing = ?, living_area = ?, "
                      "assets = ? WHERE id = ?");
  bind_household(q, household);
  q.bind(7, id);
  q.exec();
}

void DistrictWriter::relocate_household(std::int64_t id, std::int64_t community, std::optional<std::int64_t> grid,
                                        const std::string& address) {
  auto& q = statement(relocate_household_,
                      "UPDATE households SET community_id = ?, grid_id = ?, address = ? WHERE id = ?");
  q.bind(1, community);
  bind_optional(q, 2, grid);
  q.bind(3, address);
  q.bind(4, id);
  q.exec();
}

std::optional<std::int64_t> DistrictWriter::add_resident(const ResidentRow& resident) {
  auto& q = statement(add_resident_,
                             "INSERT INTO residents (name, sex, birth_date, household_id, relation, phone, pregnant, "
                             "disabled, low_income, party_member, unemployed, monthly_income, living_together, hukou, "
                             "citizen_id) VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (citizen_id) DO NOTHING");
  bind_resident(q, resident);
  q.bind(15, resident.citizen_id);
  if (q.exec() != 1) return std::nullopt;
  return db_.getLastInsertRowid();
}

void DistrictWriter::update_resident(std::int64_t id, const ResidentRow& resident) {
  auto& q = statement(update_resident_,
                             "UPDATE residents SET name = ?, sex = ?, birth_date = ?, household_id = ?, relation = ?, "
                             "phone = NULLIF(?, ''), pregnant = ?, disabled = ?, low_income = ?, party_member = ?, "
                             "unemployed = ?, monthly_income = ?, living_together = ?, hukou = ? WHERE id = ?");
  bind_resident(q, resident);
  q.bind(15, id);
  q.exec();
}

void DistrictWriter::record_death(std::int64_t id, const std::string& date) {
  auto& q = statement(record_death_, "UPDATE residents SET died_on = ? WHERE id = ?");
  SQLite::bind(q, date, id);
  q.exec();
}

void DistrictWriter::record_departure(std::int64_t id, const std::string& date, const std::string& to) {
  auto& q = statement(record_departure_, "UPDATE residents SET left_on = ?, left_to = ? WHERE id = ?");
  SQLite::bind(q, date, to, id);
  q.exec();
}

void DistrictWriter::restore_resident(std::int64_t id) {
  auto& q =
      statement(restore_resident_, "UPDATE residents SET died_on = NULL, left_on = NULL, left_to = NULL WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

void DistrictWriter::move_resident(std::int64_t id, std::int64_t household, const std::string& relation) {
  auto& q = statement(move_resident_, "UPDATE residents SET household_id = ?, relation = ? WHERE id = ?");
  SQLite::bind(q, household, relation, id);
  q.exec();
}

DistrictSummary summarize_district(const SQLite::Database& db) {
  DistrictSummary out;
  SQLite::Statement district(db, "SELECT id, code, name_zh FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
  if (!district.executeStep()) return out;
  const std::int64_t district_id = district.getColumn(0).getInt64();
  out.code = district.getColumn(1).getString();
  out.name_zh = district.getColumn(2).getString();

  SQLite::Statement streets(
      db, "SELECT id, code, name_zh FROM units WHERE kind = 'street' AND parent_id = ? ORDER BY code");
  streets.bind(1, district_id);
  SQLite::Statement communities(db,
                                "SELECT id, code, name_zh FROM units WHERE kind = 'community' AND parent_id = ? "
                                "ORDER BY code");
  while (streets.executeStep()) {
    StreetSummary street;
    const std::int64_t street_id = streets.getColumn(0).getInt64();
    street.code = streets.getColumn(1).getString();
    street.name_zh = streets.getColumn(2).getString();
    street.reviewers = count(db,
                             "SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id "
                             "WHERE s.unit_id = ? AND s.active AND r.role = 'reviewer'",
                             street_id);
    communities.reset();
    communities.bind(1, street_id);
    while (communities.executeStep()) {
      CommunitySummary c;
      const std::int64_t id = communities.getColumn(0).getInt64();
      c.code = communities.getColumn(1).getString();
      c.name_zh = communities.getColumn(2).getString();
      c.households = count(db, "SELECT count(*) FROM households WHERE community_id = ?", id);
      c.residents = count(db,
                          "SELECT count(*) FROM residents r JOIN households h ON h.id = r.household_id "
                          "WHERE h.community_id = ? AND r.died_on IS NULL AND r.left_on IS NULL",
                          id);
      c.grids = count(db, "SELECT count(*) FROM grids WHERE community_id = ?", id);
      c.station_workers = count(db,
                                "SELECT count(*) FROM staff s JOIN units u ON u.id = s.unit_id "
                                "JOIN staff_roles r ON r.staff_id = s.id "
                                "WHERE u.parent_id = ? AND u.kind = 'station' AND s.active AND r.role = 'worker'",
                                id);
      c.committee_leaders = count(db,
                                  "SELECT count(*) FROM staff s JOIN units u ON u.id = s.unit_id "
                                  "JOIN staff_roles r ON r.staff_id = s.id "
                                  "WHERE u.parent_id = ? AND u.kind = 'committee' AND s.active AND r.role = 'director'",
                                  id);
      out.households += c.households;
      out.residents += c.residents;
      street.communities.push_back(std::move(c));
    }
    out.streets.push_back(std::move(street));
  }

  SQLite::Statement bureaus(db,
                            "SELECT u.code, u.kind, u.name_zh, "
                            "  (SELECT count(*) FROM staff s WHERE s.unit_id = u.id AND s.active) "
                            "FROM units u WHERE u.kind IN ('bureau', 'other') ORDER BY u.kind, u.code");
  while (bureaus.executeStep()) {
    out.bureaus.push_back({bureaus.getColumn(0).getString(), bureaus.getColumn(1).getString(),
                           bureaus.getColumn(2).getString(), bureaus.getColumn(3).getInt64()});
  }
  SQLite::Statement staff(db, "SELECT count(*) FROM staff WHERE active");
  staff.executeStep();
  out.staff = staff.getColumn(0).getInt64();
  return out;
}

void require_unit(const SQLite::Database& db, const std::string& code, const std::string& kind, std::string_view what) {
  SQLite::Statement q(db, "SELECT 1 FROM units WHERE code = ?1 AND (?2 = '' OR kind = ?2)");
  q.bind(1, code);
  q.bind(2, kind);
  if (q.executeStep()) return;
  std::vector<std::string> codes;
  SQLite::Statement all(db, "SELECT code FROM units WHERE ?1 = '' OR kind = ?1 ORDER BY code");
  all.bind(1, kind);
  while (all.executeStep()) codes.push_back(all.getColumn(0).getString());
  throw errors::unknown(what, code, codes);
}




Resident get_resident(const SQLite::Database& db, std::string_view citizen_id) {
  const CitizenId id = parse_citizen_id(citizen_id);
  SQLite::Statement q(db,
                      "SELECT r.citizen_id, r.name, r.sex, r.birth_date, COALESCE(r.phone, ''), h.code, r.relation, "
                      "  h.address, c.code, c.name_zh, COALESCE(g.code, ''), COALESCE(w.staff_no, ''), "
                      "  r.pregnant, r.disabled, r.low_income, r.party_member, r.unemployed, "
                      "  COALESCE(r.died_on, ''), COALESCE(r.left_on, ''), COALESCE(r.left_to, '') "
                      "FROM residents r JOIN households h ON h.id = r.household_id "
                      "JOIN units c ON c.id = h.community_id "
                      "LEFT JOIN grids g ON g.id = h.grid_id LEFT JOIN staff w ON w.id = g.worker_id "
                      "WHERE r.citizen_id = ?");
  q.bind(1, id.number);
  if (!q.executeStep()) {
    throw NotFound(tr("no resident with citizen ID {}", errors::quote(mask_citizen_id(id.number))));
  }
  Resident r;
  r.citizen_id = q.getColumn(0).getString();
  r.name = q.getColumn(1).getString();
  r.sex = q.getColumn(2).getString().at(0);
  r.birth_date = q.getColumn(3).getString();
  r.phone = q.getColumn(4).getString();
  r.household = q.getColumn(5).getString();
  r.relation = q.getColumn(6).getString();
  r.address = q.getColumn(7).getString();
  r.community_code = q.getColumn(8).getString();
  r.community_name = q.getColumn(9).getString();
  r.grid = q.getColumn(10).getString();
  r.grid_worker = q.getColumn(11).getString();
  const char* names[] = {"pregnant", "disabled", "low_income", "party_member", "unemployed"};
  for (int i = 0; i < 5; ++i) {
    if (q.getColumn(12 + i).getInt() != 0) r.flags.emplace_back(names[i]);
  }
  r.died_on = q.getColumn(17).getString();
  r.left_on = q.getColumn(18).getString();
  r.left_to = q.getColumn(19).getString();
  return r;
}

std::string asset_label(std::string_view asset) {
  if (asset == "vehicle") return C_("asset", "vehicle");
  if (asset == "property") return C_("asset", "property");
  if (asset == "business") return C_("asset", "business");
  if (asset == "savings") return C_("asset", "savings");
  return std::string(asset);
}

void FlagList::add(std::int64_t resident_id, FlagBits bits, bool is_new) {
  if (is_new && bits == 0) return;  // a new resident without flags is what replay assumes
  entries_.emplace_back(resident_id, bits);
}

nlohmann::json FlagList::json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [id, bits] : entries_) out.push_back(nlohmann::json::array({id, bits}));
  return out;
}

}  // namespace sqgl::core
