#include "core/model/catalog.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/csv.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/base/text.h"
#include "core/db/row.h"
#include "core/db/settings.h"
#include "core/model/district.h"

namespace sqgl::core {

namespace {

constexpr const char* kDir = "schema/catalog/";

CsvTable read_table(const DataFiles& files, const std::string& name, const std::vector<std::string>& required,
                    const std::vector<std::string>& optional = {}) {
  const std::string path = kDir + name;
  auto text = files.read(path);
  if (!text) throw NotFound(tr("catalog file {} is missing", errors::quote(files.where(path))));
  return CsvTable(*text, files.where(path), required, optional);
}

// A bad cell's value, quoted for its message.
std::string cell(const CsvTable& t, std::size_t row, std::string_view column) {
  return errors::quote(t.get(row, column));
}

// "where: what" for a bad cell: schema/catalog/items.csv:12:6: 'x' is not a whole number. `message`
// names the value (cell()) and what is wrong with it.
[[noreturn]] void bad_cell(const CsvTable& t, std::size_t row, std::string_view column, std::string_view message) {
  throw InvalidInput(fmt::format("{}:{}:{}: {}", t.source(), t.line(row), t.column_number(column), message));
}

std::optional<int> optional_int(const CsvTable& t, std::size_t row, std::string_view column) {
  const std::string& text = t.get(row, column);
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) {
    bad_cell(t, row, column, tr("{} is not a whole number", cell(t, row, column)));
  }
  return value;
}

// A word of one of the workflow's vocabularies: "new", "station", "worker" …
template <typename E>
E word_cell(const CsvTable& t, std::size_t row, std::string_view column) {
  if (const auto value = parse<E>(t.get(row, column))) return *value;
  bad_cell(t, row, column,
           tr("{} is not a {}", cell(t, row, column), translate(std::string(Words<E>::what).c_str())));
}

int required_int(const CsvTable& t, std::size_t row, std::string_view column) {
  auto value = optional_int(t, row, column);
  if (!value) bad_cell(t, row, column, tr("{} is empty; a whole number is required", cell(t, row, column)));
  return *value;
}

// Runs one prepared insert for a CSV row, turning a constraint failure into a
// message that names the file and line.
void exec_row(SQLite::Statement& insert, const CsvTable& t, std::size_t row) {
  try {
    insert.exec();
    insert.reset();
  } catch (const SQLite::Exception& e) {
    throw InvalidInput(fmt::format("{}:{}: {}", t.source(), t.line(row), e.what()));
  }
}

// Writes one CSV row, turning a constraint failure into a message that names the
// file and line.
template <typename Write>
void at_row(const CsvTable& t, std::size_t row, Write write) {
  try {
    write();
  } catch (const SQLite::Exception& e) {
    throw InvalidInput(fmt::format("{}:{}: {}", t.source(), t.line(row), e.what()));
  }
}

void bind_int_or_null(SQLite::Statement& s, int index, std::optional<int> value) {
  if (value) {
    s.bind(index, *value);
  } else {
    s.bind(index);
  }
}

// Both chains of an item, in one statement.
void read_chains(const SQLite::Database& db, Item& item) {
  SQLite::Statement q(
      db,
      "SELECT s.model, s.seq, s.level, COALESCE(s.unit, ''), COALESCE(u.name_zh, ''), s.name_zh, "
      "  s.role, s.days, s.kind, s.place "
      "FROM item_steps s LEFT JOIN units u ON u.code = s.unit WHERE s.item = ? ORDER BY s.model, s.seq");
  q.bind(1, item.code);
  while (q.executeStep()) {
    Row row(q);
    auto& chain = stored<Model>(row.text()) == Model::former ? item.old_chain : item.new_chain;
    ChainStep& step = chain.emplace_back();
    step.seq = row.integer();
    step.level = stored<StepLevel>(row.text());
    step.unit = row.text();
    step.unit_name = row.text();
    step.name_zh = row.text();
    step.role = stored<Role>(row.text());
    step.days = row.integer();
    step.kind = stored<StepKind>(row.text());
    step.place = row.text();
  }
}

std::vector<Material> read_materials(const SQLite::Database& db, std::string_view item) {
  SQLite::Statement q(db, "SELECT seq, name_zh, required FROM item_materials WHERE item = ? ORDER BY seq");
  q.bind(1, std::string(item));
  std::vector<Material> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getInt(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0});
  }
  return out;
}

// An item with its category's names; callers add WHERE on "i." and ORDER BY.
constexpr const char* kItemSelect =
    "SELECT i.code, i.category, i.name_zh, i.name_en, i.window, i.promise_days, i.handling, i.item_type, "
    "  i.trips_new, i.trips_old, i.min_age, i.max_age, i.sex, i.flags, i.max_per_year, i.one_open_case, "
    "  i.local_only, i.era, i.facts, i.source, c.name_zh, c.name_en, i.applicant, i.once, i.entitlement_days, "
    "  COALESCE(i.renewal_of, ''), i.means_test "
    "FROM items i JOIN categories c ON c.code = i.category ";
// The insert names only the stored columns.
constexpr const char* kItemInsertColumnsBefore9 =
    "code, category, name_zh, name_en, window, promise_days, handling, item_type, trips_new, trips_old, "
    "min_age, max_age, sex, flags, max_per_year, one_open_case, local_only, era, facts, source";
constexpr const char* kItemInsertColumns =
    "code, category, name_zh, name_en, window, promise_days, handling, item_type, trips_new, trips_old, "
    "min_age, max_age, sex, flags, max_per_year, one_open_case, local_only, era, facts, source, applicant, once, "
    "entitlement_days, renewal_of, means_test";

Item read_item_row(const SQLite::Database& db, SQLite::Statement& q) {
  Item item;
  item.code = q.getColumn(0).getString();
  item.category = q.getColumn(1).getString();
  item.name_zh = q.getColumn(2).getString();
  item.name_en = q.getColumn(3).getString();
  item.window = q.getColumn(4).getString();
  item.promise_days = q.getColumn(5).getInt();
  item.handling = q.getColumn(6).getString();
  item.item_type = q.getColumn(7).getString();
  item.trips_new = q.getColumn(8).getInt();
  item.trips_old = q.getColumn(9).getInt();
  if (!q.getColumn(10).isNull()) item.min_age = q.getColumn(10).getInt();
  if (!q.getColumn(11).isNull()) item.max_age = q.getColumn(11).getInt();
  if (!q.getColumn(12).isNull()) item.sex = q.getColumn(12).getString().at(0);
  item.flags = split_words(q.getColumn(13).getString());
  if (!q.getColumn(14).isNull()) item.max_per_year = q.getColumn(14).getInt();
  item.one_open_case = q.getColumn(15).getInt() != 0;
  item.local_only = q.getColumn(16).getInt() != 0;
  item.era = q.getColumn(17).getString();
  item.facts = q.getColumn(18).getString();
  item.source = q.getColumn(19).getString();
  item.category_name_zh = q.getColumn(20).getString();
  item.category_name_en = q.getColumn(21).getString();
  item.applicant = stored<ApplicantKind>(q.getColumn(22).getString());
  if (!q.getColumn(23).isNull()) item.once = stored<Once>(q.getColumn(23).getString());
  if (!q.getColumn(24).isNull()) item.entitlement_days = q.getColumn(24).getInt();
  item.renewal_of = q.getColumn(25).getString();
  for (const auto& word : split_words(q.getColumn(26).getString())) item.means_test.push_back(stored<StandardKind>(word));
  read_chains(db, item);
  item.materials = read_materials(db, item.code);
  return item;
}

}  // namespace

std::string CatalogLoad::detail_json() const {
  return nlohmann::json{{"version", version}, {"windows", windows}, {"categories", categories}, {"units", units},
                        {"items", items},     {"steps", steps},     {"materials", materials}}
      .dump();
}

ChainWriter::ChainWriter(SQLite::Database& db)
    : db_(db),
      add_(db,
           "INSERT INTO item_steps (item, model, seq, level, unit, name_zh, role, days, kind, place) "
           "VALUES (?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?)") {}

void ChainWriter::add_step(const ChainStepRow& step) {
  add_.reset();
  SQLite::bind(add_, step.item, std::string(text(step.model)), step.seq, std::string(text(step.level)), step.unit,
               step.name_zh, std::string(text(step.role)), step.days, std::string(text(step.kind)), step.place);
  add_.exec();
}

int chain_working_days(const std::vector<ChainStep>& chain) {
  int days = 0;
  for (const auto& s : chain) {
    if (s.kind != StepKind::posting) days += s.days;
  }
  return days;
}

int chain_levels(const std::vector<ChainStep>& chain) {
  std::vector<std::pair<StepLevel, std::string>> levels;
  for (const auto& s : chain) {
    const std::pair<StepLevel, std::string> level{s.level, s.unit};
    if (std::find(levels.begin(), levels.end(), level) == levels.end()) levels.push_back(level);
  }
  return static_cast<int>(levels.size());
}

int chain_posting_days(const std::vector<ChainStep>& chain) {
  int days = 0;
  for (const auto& s : chain) {
    if (s.kind == StepKind::posting) days += s.days;
  }
  return days;
}

std::string chain_step_problem(StepKind kind, const std::string& place, int days, int seq) {
  if (kind == StepKind::posting && place.empty()) return _("a posting names its place (社区公示栏)");
  if (kind != StepKind::posting && !place.empty()) return _("only a posting has a place");
  if (kind == StepKind::posting && days < 1) return _("a posting lasts at least one calendar day");
  if (kind == StepKind::posting && seq == 1) return _("a chain does not begin with a posting: it posts what a step found");
  return "";
}

void ChainWriter::clear_chain(const std::string& item, Model model) {
  SQLite::Statement clear(db_, "DELETE FROM item_steps WHERE item = ? AND model = ?");
  SQLite::bind(clear, item, std::string(text(model)));
  clear.exec();
}

void ChainWriter::set_promise(const std::string& item, int days) {
  SQLite::Statement q(db_, "UPDATE items SET promise_days = ?, handling = ? WHERE code = ?");
  SQLite::bind(q, days, days == 1 ? "immediate" : "promised", item);
  q.exec();
}

std::string resident_flag_label(const std::string& flag) {
  if (flag == "pregnant") return C_("resident flag", "pregnant");
  if (flag == "disabled") return C_("resident flag", "disabled");
  if (flag == "low_income") return C_("resident flag", "low_income");
  if (flag == "party_member") return C_("resident flag", "party_member");
  if (flag == "unemployed") return C_("resident flag", "unemployed");
  return flag;
}

bool catalog_is_empty(const SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT NOT EXISTS (SELECT 1 FROM categories)");
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

namespace {

// The catalog's files, each loaded by its own function; the counts and what the
// whole-catalog rules need are gathered as they go.
struct Loaded {
  CatalogLoad counts;
  std::map<std::string, int> promise;                       // item → promised working days
  std::map<std::pair<std::string, Model>, int> chain_days;  // (item, model) → its steps' working days
  std::map<std::string, int> required_materials;            // item → how many are required
  std::string steps_source, materials_source;
};

void load_windows(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto windows = read_table(files, "windows.csv", {"code", "name_zh", "name_en"});
  SQLite::Statement add_window(db, "INSERT INTO windows (code, seq, name_zh, name_en) VALUES (?, ?, ?, ?)");
  for (std::size_t r = 0; r < windows.size(); ++r) {
    add_window.bind(1, windows.get(r, "code"));
    add_window.bind(2, static_cast<int>(r + 1));
    add_window.bind(3, windows.get(r, "name_zh"));
    add_window.bind(4, windows.get(r, "name_en"));
    exec_row(add_window, windows, r);
  }
  load.counts.windows = static_cast<int>(windows.size());
}

void load_categories(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto categories = read_table(files, "categories.csv", {"code", "name_zh", "name_en"});
  SQLite::Statement add_category(db, "INSERT INTO categories (code, name_zh, name_en) VALUES (?, ?, ?)");
  for (std::size_t r = 0; r < categories.size(); ++r) {
    add_category.bind(1, categories.get(r, "code"));
    add_category.bind(2, categories.get(r, "name_zh"));
    add_category.bind(3, categories.get(r, "name_en"));
    exec_row(add_category, categories, r);
  }
  load.counts.categories = static_cast<int>(categories.size());
}

// The bureaus and other units that decide steps (the district's own units come
// with `sqgl import units`).
void load_units(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto units = read_table(files, "units.csv", {"code", "kind", "name_zh", "name_en"});
  DistrictWriter district(db);
  for (std::size_t r = 0; r < units.size(); ++r) {
    const auto& kind = units.get(r, "kind");
    if (kind != "bureau" && kind != "other") {
      bad_cell(units, r, "kind", tr("{} is not 'bureau' or 'other'", cell(units, r, "kind")));
    }
    at_row(units, r, [&] {
      district.add_unit({units.get(r, "code"), kind, units.get(r, "name_zh"), units.get(r, "name_en"), std::nullopt});
    });
  }
  load.counts.units = static_cast<int>(units.size());
}

void load_items(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto items = read_table(
      files, "items.csv",
      {"code", "category", "name_zh", "name_en", "window", "promise_days", "handling", "item_type", "trips_new",
       "trips_old", "min_age", "max_age", "sex", "flags", "max_per_year", "one_open_case", "local_only"},
      {"era", "facts", "source", "applicant", "once", "entitlement_days", "renewal_of", "means_test"});
  // A catalog written for a schema before 9 (an edited copy for `init --schema-dir`)
  // has no household rules: its items are a person's, without further limits.
  const bool household_rules = items.column_number("applicant") != 0;
  SQLite::Statement add_item(
      db, household_rules ? fmt::format("INSERT INTO items ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?)",
                                        kItemInsertColumns)
                          : fmt::format("INSERT INTO items ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?)",
                                        kItemInsertColumnsBefore9));
  for (std::size_t r = 0; r < items.size(); ++r) {
    for (const auto& flag : split_words(items.get(r, "flags"))) {
      if (std::find(kResidentFlags.begin(), kResidentFlags.end(), flag) == kResidentFlags.end()) {
        bad_cell(items, r, "flags",
                 tr("{} names unknown flag '{}' (known: pregnant, disabled, low_income, party_member, unemployed)",
                    cell(items, r, "flags"), flag));
      }
    }
    int index = 1;
    for (const char* column : {"code", "category", "name_zh", "name_en", "window"}) {
      add_item.bind(index++, items.get(r, column));
    }
    load.promise[items.get(r, "code")] = required_int(items, r, "promise_days");
    add_item.bind(index++, load.promise[items.get(r, "code")]);
    add_item.bind(index++, items.get(r, "handling"));
    add_item.bind(index++, items.get(r, "item_type"));
    add_item.bind(index++, required_int(items, r, "trips_new"));
    add_item.bind(index++, required_int(items, r, "trips_old"));
    bind_int_or_null(add_item, index++, optional_int(items, r, "min_age"));
    bind_int_or_null(add_item, index++, optional_int(items, r, "max_age"));
    bind_text_or_null(add_item, index++, items.get(r, "sex"));
    add_item.bind(index++, items.get(r, "flags"));
    bind_int_or_null(add_item, index++, optional_int(items, r, "max_per_year"));
    add_item.bind(index++, required_int(items, r, "one_open_case"));
    add_item.bind(index++, required_int(items, r, "local_only"));
    add_item.bind(index++, items.get(r, "era"));
    add_item.bind(index++, items.get(r, "facts"));
    add_item.bind(index++, items.get(r, "source"));
    if (!household_rules) {
      exec_row(add_item, items, r);
      continue;
    }
    const std::string& applicant = items.get(r, "applicant");
    add_item.bind(index++, applicant.empty() ? "person" : std::string(text(word_cell<ApplicantKind>(items, r, "applicant"))));
    const std::string& once = items.get(r, "once");
    if (!once.empty()) word_cell<Once>(items, r, "once");
    bind_text_or_null(add_item, index++, once);
    const auto entitlement = optional_int(items, r, "entitlement_days");
    if (once == "pregnancy" && !entitlement) {
      bad_cell(items, r, "entitlement_days",
               _("an item granted once per pregnancy needs the days its entitlement runs"));
    }
    bind_int_or_null(add_item, index++, entitlement);
    add_item.bind(index++, items.get(r, "renewal_of"));
    for (const auto& word : split_words(items.get(r, "means_test"))) {
      if (!parse<StandardKind>(word)) {
        bad_cell(items, r, "means_test",
                 tr("{} names unknown standard '{}' (known: dibao, low_income, housing_area)",
                    cell(items, r, "means_test"), word));
      }
    }
    add_item.bind(index++, items.get(r, "means_test"));
    exec_row(add_item, items, r);
  }
  load.counts.items = static_cast<int>(items.size());
}

void load_steps(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto steps = read_table(files, "steps.csv", {"item", "model", "seq", "level", "unit", "name_zh", "role", "days"},
                          {"kind", "place"});
  ChainWriter chains(db);
  for (std::size_t r = 0; r < steps.size(); ++r) {
    const ChainStepRow step{steps.get(r, "item"),
                            word_cell<Model>(steps, r, "model"),
                            required_int(steps, r, "seq"),
                            word_cell<StepLevel>(steps, r, "level"),
                            steps.get(r, "unit"),
                            steps.get(r, "name_zh"),
                            word_cell<Role>(steps, r, "role"),
                            required_int(steps, r, "days"),
                            steps.get(r, "kind").empty() ? StepKind::decision : word_cell<StepKind>(steps, r, "kind"),
                            steps.get(r, "place")};
    if (const auto problem = chain_step_problem(step.kind, step.place, step.days, step.seq); !problem.empty()) {
      const bool days_wrong = step.kind == StepKind::posting && !step.place.empty();
      bad_cell(steps, r, days_wrong ? "days" : "place", problem);
    }
    at_row(steps, r, [&] { chains.add_step(step); });
    // The promise is in working days: a posting's calendar days are outside it.
    auto& days = load.chain_days[{step.item, step.model}];
    if (step.kind != StepKind::posting) days += step.days;
  }
  load.counts.steps = static_cast<int>(steps.size());
  load.steps_source = steps.source();
}

void load_materials(SQLite::Database& db, const DataFiles& files, Loaded& load) {
  auto materials = read_table(files, "materials.csv", {"item", "seq", "name_zh", "required"});
  SQLite::Statement add_material(db, "INSERT INTO item_materials (item, seq, name_zh, required) VALUES (?, ?, ?, ?)");
  for (std::size_t r = 0; r < materials.size(); ++r) {
    add_material.bind(1, materials.get(r, "item"));
    add_material.bind(2, required_int(materials, r, "seq"));
    add_material.bind(3, materials.get(r, "name_zh"));
    int required = required_int(materials, r, "required");
    add_material.bind(4, required);
    exec_row(add_material, materials, r);
    load.required_materials[materials.get(r, "item")] += required;
  }
  load.counts.materials = static_cast<int>(materials.size());
  load.materials_source = materials.source();
}

// Whole-catalog rules: every item can be applied for under either model, the new
// chain's steps add up to the promise made to the resident, and every item asks
// for at least one material.
void check_whole_catalog(Loaded& load) {
  for (const auto& [code, days] : load.promise) {
    if (!load.chain_days.count({code, Model::reformed}) || !load.chain_days.count({code, Model::former})) {
      throw InvalidInput(
          tr("{}: item {} needs a new-model and an old-model chain", load.steps_source, errors::quote(code)));
    }
    if (load.chain_days[{code, Model::reformed}] != days) {
      throw InvalidInput(tr("{}: the new-model steps of {} add up to {} working days, but the item promises {}",
                            load.steps_source, errors::quote(code), load.chain_days[{code, Model::reformed}], days));
    }
    if (load.required_materials[code] == 0) {
      throw InvalidInput(tr("{}: item {} has no required material", load.materials_source, errors::quote(code)));
    }
  }
}

}  // namespace

CatalogLoad load_catalog(SQLite::Database& db, const DataFiles& files) {
  Loaded load;
  auto version = files.read(std::string(kDir) + "VERSION");
  load.counts.version = version ? std::string(version->substr(0, version->find_first_of("\r\n"))) : "unversioned";
  load_windows(db, files, load);
  load_categories(db, files, load);
  load_units(db, files, load);
  load_items(db, files, load);
  load_steps(db, files, load);
  load_materials(db, files, load);
  check_whole_catalog(load);
  put_setting(db, "catalog_version", load.counts.version);
  return load.counts;
}

std::vector<Category> list_catalog(const SQLite::Database& db, const CatalogFilter& filter) {
  if (!filter.window.empty()) {
    std::vector<std::string> codes;
    for (const auto& w : list_windows(db)) codes.push_back(w.code);
    if (std::find(codes.begin(), codes.end(), filter.window) == codes.end()) {
      throw errors::unknown(N_("window"), filter.window, codes);
    }
  }
  std::vector<Category> out;
  SQLite::Statement cats(db,
                         "SELECT code, name_zh, name_en FROM categories WHERE (?1 = '' OR code = ?1) ORDER BY code");
  cats.bind(1, filter.category);
  while (cats.executeStep()) {
    out.push_back({cats.getColumn(0).getString(), cats.getColumn(1).getString(), cats.getColumn(2).getString(), {}});
  }
  if (out.empty() && !filter.category.empty()) {
    std::vector<std::string> codes;
    SQLite::Statement all(db, "SELECT code FROM categories ORDER BY code");
    while (all.executeStep()) codes.push_back(all.getColumn(0).getString());
    throw errors::unknown(N_("category"), filter.category, codes);
  }
  SQLite::Statement q(db,
                      std::string(kItemSelect) + "WHERE i.category = ? AND (?2 = '' OR i.window = ?2) ORDER BY i.code");
  for (auto& category : out) {
    q.reset();
    q.bind(1, category.code);
    q.bind(2, filter.window);
    while (q.executeStep()) category.items.push_back(read_item_row(db, q));
  }
  // Filtering by window leaves out the categories with no item at that window.
  if (!filter.window.empty()) std::erase_if(out, [](const Category& c) { return c.items.empty(); });
  return out;
}

Item get_item(const SQLite::Database& db, std::string_view code) {
  SQLite::Statement q(db, std::string(kItemSelect) + "WHERE i.code = ?");
  q.bind(1, std::string(code));
  if (q.executeStep()) return read_item_row(db, q);
  std::vector<std::string> codes;
  SQLite::Statement all(db, "SELECT code FROM items ORDER BY code");
  while (all.executeStep()) codes.push_back(all.getColumn(0).getString());
  throw errors::unknown(N_("item"), code, codes);
}

std::vector<Window> list_windows(const SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT code, name_zh, name_en FROM windows ORDER BY seq");
  std::vector<Window> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  }
  return out;
}

std::vector<Category> list_categories(const SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT code, name_zh, name_en FROM categories ORDER BY code");
  std::vector<Category> out;
  while (q.executeStep()) {
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), {}});
  }
  return out;
}

std::string catalog_version(const SQLite::Database& db) {
  return get_setting(db, "catalog_version").value_or("");
}

}  // namespace sqgl::core
