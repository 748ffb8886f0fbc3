// Importing where people live: the grids of each community, its households,
// and the residents of each household, with the facts household benefits test.
#include <charconv>
#include <cmath>

#include <SQLiteCpp/Statement.h>

#include "core/base/citizen_id.h"
#include "core/import/import.h"
#include "core/import/importer.h"
#include "core/model/district.h"

namespace sqgl::core::imports {

namespace {

char parse_sex(const std::string& column, const std::string& text) {
  if (text == "男" || text == "M" || text == "m" || text == "male") return 'M';
  if (text == "女" || text == "F" || text == "f" || text == "female") return 'F';
  throw FieldError(column, tr("{} is not a sex (男/女 or M/F)", errors::quote(text)));
}

// One of `words` spelled as the registry spells it (`spellings[i]` lists the
// spellings of words[i]); none for an empty field. `expected` is a msgid,
// translated only for the error.
template <typename E>
std::optional<E> parse_word(const std::string& column, const std::string& text,
                            const std::vector<std::vector<std::string>>& spellings, const char* expected) {
  if (text.empty()) return std::nullopt;
  if (auto value = parse<E>(text)) return value;
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    if (std::find(spellings[i].begin(), spellings[i].end(), text) != spellings[i].end()) return static_cast<E>(i);
  }
  throw FieldError(column, tr("{} is not {}", errors::quote(text), translate(expected)));
}

std::optional<Housing> parse_housing(const std::string& text) {
  static const std::vector<std::vector<std::string>> spellings = {
      {"自有", "自有住房", "自购"}, {"租赁", "租房", "租住"}, {"公房", "公租房", "廉租房"}, {"无房", "无"}};
  return parse_word<Housing>("housing", text, spellings,
                             N_("a kind of housing (自有, 租赁, 公房, 无房 or owned, rented, public, none)"));
}

std::optional<Hukou> parse_hukou(const std::string& text) {
  static const std::vector<std::vector<std::string>> spellings = {{"城镇", "非农业", "城市"}, {"农业", "农村"}};
  return parse_word<Hukou>("hukou", text, spellings, N_("a household registration (城镇/农业 or urban/rural)"));
}

// A number as a spreadsheet exports it, at most two decimals; none when empty.
std::optional<double> parse_amount(const std::string& column, const std::string& text, const char* what) {
  if (text.empty()) return std::nullopt;
  double value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  const auto dot = text.find('.');
  if (ec != std::errc{} || end != text.data() + text.size() || !(value >= 0) || value > 1e9 ||
      (dot != std::string::npos && text.size() - dot - 1 > 2) || text.front() == '+') {
    throw FieldError(column, tr("{} is not {}", errors::quote(text), translate(what)));
  }
  return value;
}

// Assets separated by '|', '、', ',' or ';', as words or their Chinese names.
std::string parse_assets(const std::string& text) {
  static const std::vector<std::vector<std::string>> spellings = {
      {"机动车", "车辆", "汽车"}, {"房产", "其他房产"}, {"经营", "个体经营", "企业"}, {"存款", "存款超标"}};
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.size();
    std::size_t skip = 0;
    for (const char* separator : {"|", "、", ",", ";", "，"}) {
      const auto at = text.find(separator, start);
      if (at != std::string::npos && at < end) end = at, skip = std::string_view(separator).size();
    }
    const std::string word = text.substr(start, end - start);
    if (!word.empty()) {
      std::string found;
      for (std::size_t i = 0; i < kAssetWords.size(); ++i) {
        if (word == kAssetWords[i] ||
            std::find(spellings[i].begin(), spellings[i].end(), word) != spellings[i].end()) {
          found = kAssetWords[i];
        }
      }
      if (found.empty()) {
        throw FieldError("assets", tr("{} is not an asset (机动车, 房产, 经营, 存款 or vehicle, property, business, "
                                      "savings)",
                                      errors::quote(word)));
      }
      if (out.find(found) == std::string::npos) out += (out.empty() ? "" : "|") + found;
    }
    if (end == text.size()) break;
    start = end + skip;
  }
  return out;
}

class GridImporter final : public Importer {
 public:
  GridImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"网格代码", "网格编号"}, true},
            {"community", {"社区", "社区代码"}, true},
            {"name", {"名称", "网格名称"}, true},
            {"worker", {"网格员", "网格员工号"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    std::int64_t community = 0;
    std::optional<std::int64_t> worker;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name"); });
    p.check([&] { community = unit_ref(db_, "community", require(row, "community"), "community"); });
    p.check([&] {
      if (row.get("worker").empty()) return;
      worker = staff_id(db_, row.get("worker"));
      if (!worker) throw FieldError("worker", tr("unknown staff number {}", errors::quote(row.get("worker"))));
    });
    if (!p.list.empty()) return std::nullopt;
    SQLite::Statement q(db_, "SELECT id, community_id, name, worker_id FROM grids WHERE code = ?");
    q.bind(1, code);
    if (!q.executeStep()) {
      claim(writer_.add_grid({code, community, name, worker}), p);
      return Outcome::inserted;
    }
    if (!claim(q.getColumn(0).getInt64(), p)) return std::nullopt;
    // Row ids start at 1, so 0 stands for "none" in these comparisons.
    if (q.getColumn(1).getInt64() == community && q.getColumn(2).getString() == name &&
        q.getColumn(3).getInt64() == worker.value_or(0)) {
      return Outcome::unchanged;
    }
    if (!upsert_) {
      p.add("code", tr("{} exists with other values; --mode upsert updates it", errors::quote(code)));
      return std::nullopt;
    }
    writer_.update_grid(q.getColumn(0).getInt64(), {code, community, name, worker});
    return Outcome::updated;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  DistrictWriter writer_{db_};
};

class HouseholdImporter final : public Importer {
 public:
  HouseholdImporter(SQLite::Database& db, bool upsert)
      : db_(db),
        upsert_(upsert),
        find_(db,
              "SELECT id, community_id, grid_id, address, housing, living_area, assets FROM households "
              "WHERE code = ?"),
        writer_(db),
        grid_(db, "SELECT id, community_id FROM grids WHERE code = ?") {}
  std::vector<Column> columns() const override {
    return {{"code", {"户号", "户编号"}, true},
            {"community", {"社区", "社区代码"}, true},
            {"grid", {"网格", "网格代码"}, false},
            {"address", {"地址", "住址", "家庭住址"}, true},
            {"housing", {"住房性质", "住房情况"}, false},
            {"living_area", {"居住面积", "住房面积"}, false},
            {"assets", {"家庭财产", "财产"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, address;
    std::int64_t community = 0;
    std::optional<std::int64_t> grid;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { address = require(row, "address"); });
    p.check([&] {
      const auto text = require(row, "community");
      if (text != community_text_) {
        community_id_ = unit_ref(db_, "community", text, "community");
        community_text_ = text;
      }
      community = community_id_;
    });
    if (!row.get("grid").empty() && p.list.empty()) {
      grid_.reset();
      grid_.bind(1, row.get("grid"));
      if (!grid_.executeStep()) {
        p.add("grid", tr("unknown grid {}", errors::quote(row.get("grid"))));
      } else if (grid_.getColumn(1).getInt64() != community) {
        p.add("grid", tr("grid {} belongs to another community", errors::quote(row.get("grid"))));
      } else {
        grid = grid_.getColumn(0).getInt64();
      }
    }
    HouseholdRow household{code, community, grid, address, std::nullopt, std::nullopt, ""};
    p.check([&] { household.housing = parse_housing(row.get("housing")); });
    p.check([&] { household.living_area = parse_amount("living_area", row.get("living_area"), N_("an area in m²")); });
    p.check([&] { household.assets = parse_assets(row.get("assets")); });
    if (!p.list.empty()) return std::nullopt;
    find_.reset();
    find_.bind(1, code);
    if (!find_.executeStep()) {
      claim(writer_.add_household(household), p);
      return Outcome::inserted;
    }
    if (!claim(find_.getColumn(0).getInt64(), p)) return std::nullopt;
    // A file without a fact's column leaves what the register knows of it.
    if (!row.has("housing") && !find_.getColumn(4).isNull()) {
      household.housing = stored<Housing>(find_.getColumn(4).getString());
    }
    if (!row.has("living_area") && !find_.getColumn(5).isNull()) {
      household.living_area = find_.getColumn(5).getDouble();
    }
    if (!row.has("assets")) household.assets = find_.getColumn(6).getString();
    const bool same_facts =
        find_.getColumn(4).getString() == (household.housing ? text(*household.housing) : "") &&
        find_.getColumn(5).isNull() == !household.living_area &&
        (!household.living_area || find_.getColumn(5).getDouble() == *household.living_area) &&
        find_.getColumn(6).getString() == household.assets;
    // Row ids start at 1, so 0 (what NULL reads as) stands for "no grid".
    if (find_.getColumn(1).getInt64() == community && find_.getColumn(2).getInt64() == grid.value_or(0) &&
        find_.getColumn(3).getString() == address && same_facts) {
      return Outcome::unchanged;
    }
    if (!upsert_) {
      p.add("code", tr("{} exists with other values; --mode upsert updates it", errors::quote(code)));
      return std::nullopt;
    }
    const std::int64_t id = find_.getColumn(0).getInt64();
    writer_.update_household(id, household);
    return Outcome::updated;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  SQLite::Statement find_;
  DistrictWriter writer_;
  SQLite::Statement grid_;
  std::string community_text_;
  std::int64_t community_id_ = 0;
};

// The hot path: a district moving to sqgl imports hundreds of thousands of residents.
class ResidentImporter final : public Importer {
 public:
  ResidentImporter(SQLite::Database& db, bool upsert, Date today)
      : upsert_(upsert),
        today_(today),
        household_(db, "SELECT id FROM households WHERE code = ?"),
        find_(db,
              "SELECT id, name, sex, birth_date, household_id, relation, COALESCE(phone, ''), pregnant, disabled, "
              "low_income, party_member, unemployed, monthly_income, living_together, hukou FROM residents "
              "WHERE citizen_id = ?"),
        writer_(db) {}
  std::vector<Column> columns() const override {
    return {{"citizen_id", {"身份证号", "公民身份号码", "身份证号码"}, true},
            {"name", {"姓名"}, true},
            {"sex", {"性别"}, true},
            {"birth_date", {"出生日期"}, true},
            {"household", {"户号"}, true},
            {"relation", {"与户主关系", "关系"}, false},
            {"phone", {"联系电话", "电话", "手机号", "手机"}, false},
            {"pregnant", {"孕妇", "怀孕"}, false},
            {"disabled", {"残疾", "残疾人"}, false},
            {"low_income", {"低保", "低收入"}, false},
            {"party_member", {"党员"}, false},
            {"unemployed", {"失业", "失业人员"}, false},
            {"monthly_income", {"月收入", "个人月收入"}, false},
            {"living_together", {"共同生活", "同住"}, false},
            {"hukou", {"户口性质", "户籍性质"}, false}};
  }
  std::string key_column() const override { return "citizen_id"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::optional<CitizenId> id;
    std::string name;
    char sex = 'M';
    std::optional<Date> birth;
    std::int64_t household = 0;
    int flags[5] = {0, 0, 0, 0, 0};
    p.check([&] {
      auto check = check_citizen_id(require(row, "citizen_id"), today_);
      if (!check.id) throw FieldError("citizen_id", check.message);
      id = check.id;
    });
    p.check([&] { name = require(row, "name"); });
    p.check([&] {
      sex = parse_sex("sex", require(row, "sex"));
      if (id && id->sex != sex) {
        throw FieldError("sex", tr("{} disagrees with the citizen ID, which says {}", errors::quote(row.get("sex")),
                                   id->sex == 'M' ? "男 (M)" : "女 (F)"));
      }
    });
    p.check([&] {
      birth = parse_flexible_date("birth_date", require(row, "birth_date"));
      if (id && id->birth_date != *birth) {
        throw FieldError("birth_date", tr("{} disagrees with the citizen ID, which says {}",
                                          errors::quote(row.get("birth_date")), format_date(id->birth_date)));
      }
    });
    p.check([&] {
      const auto code = require(row, "household");
      if (code != household_code_) {
        household_.reset();
        household_.bind(1, code);
        if (!household_.executeStep()) {
          throw FieldError("household", tr("unknown household {} (not in the database, nor earlier in an import)",
                                           errors::quote(code)));
        }
        household_id_ = household_.getColumn(0).getInt64();
        household_code_ = code;
      }
      household = household_id_;
    });
    p.check([&] { check_phone("phone", row.get("phone")); });
    static const char* kFlags[] = {"pregnant", "disabled", "low_income", "party_member", "unemployed"};
    for (int i = 0; i < 5; ++i) p.check([&] { flags[i] = parse_flag(kFlags[i], row.get(kFlags[i])); });
    if (flags[0] && sex == 'M') p.add("pregnant", _("a man cannot be marked pregnant"));
    std::optional<int> income;
    bool together = true;
    std::optional<Hukou> hukou;
    p.check([&] {
      const auto amount = parse_amount("monthly_income", row.get("monthly_income"), N_("an amount in yuan"));
      if (amount) income = static_cast<int>(std::lround(*amount));
    });
    p.check([&] { together = row.get("living_together").empty() || parse_flag("living_together", row.get("living_together")); });
    p.check([&] { hukou = parse_hukou(row.get("hukou")); });
    if (!p.list.empty()) return std::nullopt;

    // Most files already hold the canonical YYYY-MM-DD; format only the others.
    const std::string& given_birth = row.get("birth_date");
    const std::string birth_text = parse_date(given_birth) ? given_birth : format_date(*birth);
    const std::string& relation = row.get("relation");
    const std::string& phone = row.get("phone");
    const std::string sex_text(1, sex);
    // Most rows of an import are new: try the insert first, and look the row up
    // only when its citizen ID is already there.
    FlagBits bits = 0;
    for (int i = 0; i < 5; ++i) bits |= flags[i] << i;
    ResidentRow resident{id->number, name, sex, birth_text, household, relation, phone, bits, income, together, hukou};
    if (const auto added = writer_.add_resident(resident)) {
      claim(*added, p);
      flags_.add(*added, bits, true);
      return Outcome::inserted;
    }
    find_.reset();
    find_.bind(1, id->number);
    if (!find_.executeStep()) throw Failure(_("a resident's row vanished during the import"));
    if (!claim(find_.getColumn(0).getInt64(), p)) return std::nullopt;
    bool same = find_.getColumn(1).getString() == name && find_.getColumn(2).getString() == sex_text &&
                find_.getColumn(3).getString() == birth_text && find_.getColumn(4).getInt64() == household &&
                find_.getColumn(5).getString() == relation && find_.getColumn(6).getString() == phone;
    bool same_flags = true;
    for (int i = 0; i < 5; ++i) same_flags = same_flags && find_.getColumn(7 + i).getInt() == flags[i];
    // A file without a fact's column leaves what the register knows of it.
    if (!row.has("monthly_income") && !find_.getColumn(12).isNull()) resident.monthly_income = find_.getColumn(12).getInt();
    if (!row.has("living_together")) resident.living_together = find_.getColumn(13).getInt() != 0;
    if (!row.has("hukou") && !find_.getColumn(14).isNull()) resident.hukou = stored<Hukou>(find_.getColumn(14).getString());
    const bool same_facts = find_.getColumn(12).isNull() == !resident.monthly_income &&
                            (!resident.monthly_income || find_.getColumn(12).getInt() == *resident.monthly_income) &&
                            (find_.getColumn(13).getInt() != 0) == resident.living_together &&
                            find_.getColumn(14).getString() == (resident.hukou ? text(*resident.hukou) : "");
    same = same && same_flags && same_facts;
    if (same) return Outcome::unchanged;
    if (!upsert_) {
      p.add("citizen_id", _("this resident exists with other values; --mode upsert updates it"));
      return std::nullopt;
    }
    const std::int64_t row_id = find_.getColumn(0).getInt64();
    writer_.update_resident(row_id, resident);
    if (!same_flags) flags_.add(row_id, bits, false);
    return Outcome::updated;
  }

  void describe(nlohmann::json& detail) const override { detail["flags"] = flags_.json(); }

 private:
  bool upsert_;
  FlagList flags_;
  Date today_;
  SQLite::Statement household_, find_;
  DistrictWriter writer_;
  std::string household_code_;
  std::int64_t household_id_ = 0;
};

}  // namespace

std::unique_ptr<Importer> make_residence_importer(SQLite::Database& db, const std::string& kind, bool upsert,
                                                  Date today) {
  if (kind == "grids") return std::make_unique<GridImporter>(db, upsert);
  if (kind == "households") return std::make_unique<HouseholdImporter>(db, upsert);
  if (kind == "residents") return std::make_unique<ResidentImporter>(db, upsert, today);
  throw errors::unknown(N_("import kind"), kind, import_kinds());
}

}  // namespace sqgl::core::imports
