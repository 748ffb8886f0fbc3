// The community model: district → street offices → communities (each with its
// station, residents' committee and party committee) → grids → households →
// residents; district bureaus; staff with their units and roles.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/model/vocabulary.h"

namespace sqgl::core {

/// One community with its counts.
struct CommunitySummary {
  std::string code;
  std::string name_zh;
  std::int64_t households = 0;
  std::int64_t residents = 0;
  std::int64_t grids = 0;
  std::int64_t station_workers = 0;    ///< active staff of the station holding the worker role
  std::int64_t committee_leaders = 0;  ///< active staff of the residents' committee holding the director role
};

/// One street office with its communities.
struct StreetSummary {
  std::string code;
  std::string name_zh;
  std::int64_t reviewers = 0;
  std::vector<CommunitySummary> communities;
};

/// A district bureau or other named unit, with how many active staff it has.
struct BureauSummary {
  std::string code;
  std::string kind;
  std::string name_zh;
  std::int64_t staff = 0;
};

/// The whole district.
struct DistrictSummary {
  std::string code;  ///< empty when no district is set up yet
  std::string name_zh;
  std::vector<StreetSummary> streets;
  std::vector<BureauSummary> bureaus;
  std::int64_t households = 0;
  std::int64_t residents = 0;
  std::int64_t staff = 0;
};

/// The flags a resident carries as bits, in kResidentFlags order (pregnant = 1,
/// disabled = 2, low_income = 4, party_member = 8, unemployed = 16).
using FlagBits = int;

/// Residents whose flags a batch set, as its event carries them: [[row id, bits], …].
class FlagList {
 public:
  /// Notes a resident written with `bits` (a new resident with none is left out).
  void add(std::int64_t resident_id, FlagBits bits, bool is_new);
  nlohmann::json json() const;

 private:
  std::vector<std::pair<std::int64_t, FlagBits>> entries_;
};

/// A unit as written: a district, street office, community, one of a community's
/// bodies (station, committee, party) or a bureau.
struct UnitRow {
  std::string code, kind, name_zh, name_en;
  std::optional<std::int64_t> parent;  ///< the parent unit's row id
};

/// A grid of households in a community, with its worker.
struct GridRow {
  std::string code;
  std::int64_t community = 0;
  std::string name;
  std::optional<std::int64_t> worker;  ///< staff row id
};

/// A household of a community, in a grid or not yet, with what household benefits
/// test (none: not on record).
struct HouseholdRow {
  std::string code;
  std::int64_t community = 0;
  std::optional<std::int64_t> grid;
  std::string address;
  std::optional<Housing> housing;
  std::optional<double> living_area;  ///< m² the household lives in
  std::string assets;                 ///< '|'-separated kAssetWords
};

/// What a household may own that household benefits look at: a motor vehicle,
/// property beyond its home, a business, savings above the limit.
inline constexpr std::array<std::string_view, 4> kAssetWords = {"vehicle", "property", "business", "savings"};

/// An asset word as a person reads it ("vehicle" is 机动车 under zh_CN); any other text as it is.
std::string asset_label(std::string_view asset);

/// A resident as written.
struct ResidentRow {
  std::string citizen_id, name;
  char sex = 'M';
  std::string birth_date;  ///< YYYY-MM-DD
  std::int64_t household = 0;
  std::string relation, phone;  ///< "" when none
  FlagBits flags = 0;
  std::optional<int> monthly_income;  ///< yuan a month; none when not on record
  bool living_together = true;        ///< lives with the household (its income counts)
  std::optional<Hukou> hukou;
};

/// The one writer of units, grids, households and residents, for the catalog's
/// bureaus, imports and the demo; each statement is prepared once per writer.
class DistrictWriter {
 public:
  explicit DistrictWriter(SQLite::Database& db);
  ~DistrictWriter();
  DistrictWriter(const DistrictWriter&) = delete;
  DistrictWriter& operator=(const DistrictWriter&) = delete;

  std::int64_t add_unit(const UnitRow& unit);
  /// Names and parent; a unit's code and kind never change.
  void update_unit(std::int64_t id, const UnitRow& unit);
  void set_parent(std::int64_t id, std::int64_t parent);
  std::int64_t add_grid(const GridRow& grid);
  void update_grid(std::int64_t id, const GridRow& grid);
  std::int64_t add_household(const HouseholdRow& household);
  void update_household(std::int64_t id, const HouseholdRow& household);
  /// The household moves: its community, grid and address; what it owns and earns stays.
  void relocate_household(std::int64_t id, std::int64_t community, std::optional<std::int64_t> grid,
                          const std::string& address);
  /// The new row id, or nothing when a resident with this citizen ID exists.
  std::optional<std::int64_t> add_resident(const ResidentRow& resident);
  void update_resident(std::int64_t id, const ResidentRow& resident);
  /// The register's changes to a resident: a death, a departure from the district,
  /// a move to another household (with the relation to its head), and the undoing
  /// of a death or departure recorded in error.
  void record_death(std::int64_t id, const std::string& date);
  void record_departure(std::int64_t id, const std::string& date, const std::string& to);
  void restore_resident(std::int64_t id);
  void move_resident(std::int64_t id, std::int64_t household, const std::string& relation);

 private:
  SQLite::Statement& statement(std::optional<SQLite::Statement>& slot, const char* sql);
  SQLite::Database& db_;
  std::optional<SQLite::Statement> add_unit_, update_unit_, set_parent_, add_grid_, update_grid_, add_household_,
      update_household_, relocate_household_, add_resident_, update_resident_, record_death_, record_departure_,
      restore_resident_, move_resident_;
};

/// Reads the district tree with its counts.
DistrictSummary summarize_district(const SQLite::Database& db);

/// Throws NotFound ("unknown community '150204009001' (did you mean …?)") unless a unit with
/// `code` exists, of `kind` when one is given; `what` names it in the message (an English noun
/// marked with N_(), translated there). A filter that names nothing is a typo to report, not an
/// empty result.
void require_unit(const SQLite::Database& db, const std::string& code, const std::string& kind, std::string_view what);

/// A resident as shown by `sqgl resident`.
struct Resident {
  std::string citizen_id;
  std::string name;
  char sex = 'M';
  std::string birth_date;
  std::string phone;
  std::string household;
  std::string relation;
  std::string address;
  std::string community_code;
  std::string community_name;
  std::string grid;
  std::string grid_worker;  ///< staff number of the grid's worker, or ""
  std::vector<std::string> flags;
  std::string died_on;  ///< date of death, or ""
  std::string left_on;  ///< date the resident left the district, or ""
  std::string left_to;  ///< where to, or ""
};

/// One resident by citizen ID; NotFound when unknown, InvalidInput when the ID itself is not valid.
Resident get_resident(const SQLite::Database& db, std::string_view citizen_id);

}  // namespace sqgl::core
