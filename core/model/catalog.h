// The catalog of public-service items: categories, items, their approval chains
// under the new and the old model, materials and eligibility facts. It is data
// (schema/catalog/*.csv, loaded by init), never code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/db/database.h"
#include "core/model/vocabulary.h"

namespace sqgl::core {

/// A service window of the station hall.
struct Window {
  std::string code;  ///< intake, welfare, services, management, party
  std::string name_zh;
  std::string name_en;
};

/// One level of an approval chain.
struct ChainStep {
  int seq = 0;
  StepLevel level = StepLevel::station;
  std::string unit;       ///< unit code for bureau and other steps, else ""
  std::string unit_name;  ///< the unit's Chinese name for bureau and other steps, else ""
  std::string name_zh;    ///< the step as the chain names it: 服务站, 街道计生办, 区民政局 …
  Role role = Role::worker;  ///< the role that decides it
  int days = 0;              ///< working days the step may take; calendar days for a posting
  StepKind kind = StepKind::decision;
  std::string place;  ///< where a posting's notice hangs (社区公示栏), else ""
};

/// The working days a chain promises: its steps' days but its postings', which are
/// calendar days outside the promise (不含公示时间).
int chain_working_days(const std::vector<ChainStep>& chain);

/// The review levels of a chain: the distinct units that take its steps (the
/// applicant's committee, station or street office, each bureau), which the reform
/// brought from three to two; a level's stages are not levels of their own.
int chain_levels(const std::vector<ChainStep>& chain);

/// The calendar days of a chain's postings.
int chain_posting_days(const std::vector<ChainStep>& chain);

/// One step of an item's chain as written.
struct ChainStepRow {
  std::string item;
  Model model = Model::reformed;
  int seq = 0;
  StepLevel level = StepLevel::station;
  std::string unit, name_zh;  ///< unit "" for committee, station and street steps
  Role role = Role::worker;
  int days = 0;
  StepKind kind = StepKind::decision;
  std::string place;
};

/// What is wrong with a step's kind, place, days and number together ("a posting names
/// its place"), or "" when nothing.
std::string chain_step_problem(StepKind kind, const std::string& place, int days, int seq);

/// The one writer of the items' chains and promises, for init and `import steps`.
class ChainWriter {
 public:
  explicit ChainWriter(SQLite::Database& db);
  void add_step(const ChainStepRow& step);
  /// Removes the chain of `item` under `model`, to be written anew.
  void clear_chain(const std::string& item, Model model);
  /// The promise made to the resident: `days` working days (the chain's postings not
  /// counted), immediate when one.
  void set_promise(const std::string& item, int days);

 private:
  SQLite::Database& db_;
  SQLite::Statement add_;
};

/// One required or optional material.
struct Material {
  int seq = 0;
  std::string name_zh;
  bool required = true;
};

/// One item, complete.
struct Item {
  std::string code;
  std::string category;
  std::string category_name_zh;
  std::string category_name_en;
  std::string name_zh;
  std::string name_en;
  std::string window;
  int promise_days = 0;
  std::string handling;   ///< immediate (即办件) or promised (承诺件)
  std::string item_type;  ///< service, benefit, confirmation
  int trips_new = 1;
  int trips_old = 1;
  std::optional<int> min_age;
  std::optional<int> max_age;
  std::optional<char> sex;
  std::vector<std::string> flags;
  std::optional<int> max_per_year;
  bool one_open_case = true;
  bool local_only = true;
  ApplicantKind applicant = ApplicantKind::person;  ///< household: one adult applies for the household
  std::optional<Once> once;                 ///< granted once per pregnancy or in a lifetime
  std::optional<int> entitlement_days;      ///< how long a grant runs from its decision
  std::string renewal_of;                   ///< the item whose grant this one reviews, or ""
  std::vector<StandardKind> means_test;     ///< the standards the household must be under
  std::string era;
  std::string facts;
  std::string source;
  std::vector<ChainStep> new_chain;
  std::vector<ChainStep> old_chain;
  std::vector<Material> materials;

  /// The chain of `model` ("new" or "old").
  const std::vector<ChainStep>& chain(Model model) const {
    return model == Model::former ? old_chain : new_chain;
  }
  /// How often the resident comes to the station under `model`.
  int trips(Model model) const { return model == Model::former ? trips_old : trips_new; }
};

/// A category with its items.
struct Category {
  std::string code;
  std::string name_zh;
  std::string name_en;
  std::vector<Item> items;
};

/// Filters for list_catalog; empty means any.
struct CatalogFilter {
  std::string category;
  std::string window;
};

/// Counts of what load_catalog wrote.
struct CatalogLoad {
  std::string version;
  int windows = 0, categories = 0, units = 0, items = 0, steps = 0, materials = 0;
  /// The counts as a JSON object, for the history.
  std::string detail_json() const;
};

/// The resident flags an item may require.
inline const std::vector<std::string> kResidentFlags = {"pregnant", "disabled", "low_income", "party_member",
                                                        "unemployed"};

/// A resident flag as a person reads it ("low_income" is 低收入 under zh_CN); any other
/// text as it is.
std::string resident_flag_label(const std::string& flag);

/// True while no category has been loaded.
bool catalog_is_empty(const SQLite::Database& db);

/// Loads schema/catalog/*.csv into an empty catalog. Bad data is InvalidInput
/// naming the file and line. Call inside a write transaction.
CatalogLoad load_catalog(SQLite::Database& db, const DataFiles& files);

/// Every category with its items (chains and materials included), filtered.
std::vector<Category> list_catalog(const SQLite::Database& db, const CatalogFilter& filter = {});

/// One item in full; NotFound with a "did you mean" for an unknown code.
Item get_item(const SQLite::Database& db, std::string_view code);

/// The windows, in hall order.
std::vector<Window> list_windows(const SQLite::Database& db);

/// The categories in code order, without their items.
std::vector<Category> list_categories(const SQLite::Database& db);

/// The catalog version recorded at load time.
std::string catalog_version(const SQLite::Database& db);

}  // namespace sqgl::core
