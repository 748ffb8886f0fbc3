// Importing units: the district, its street offices and communities (each
// community with its station, residents' committee and party committee), and
// the bureaus that decide steps of some items.
#include <tuple>

#include <SQLiteCpp/Statement.h>

#include "core/import/import.h"
#include "core/import/importer.h"
#include "core/model/district.h"

namespace sqgl::core::imports {

namespace {

// The unit kinds share how a row is matched by code and written.
class UnitImporter : public Importer {
 protected:
  std::optional<Outcome> upsert_unit(SQLite::Database& db, Problems& p, const std::string& code,
                                     const std::string& kind, const std::string& name_zh, const std::string& name_en,
                                     std::optional<std::int64_t> parent, bool upsert);
};

std::optional<Outcome> UnitImporter::upsert_unit(SQLite::Database& db, Problems& p, const std::string& code,
                                                 const std::string& kind, const std::string& name_zh,
                                                 const std::string& name_en, std::optional<std::int64_t> parent,
                                                 bool upsert) {
  auto existing = find_unit(db, code);
  DistrictWriter writer(db);
  const UnitRow unit{code, kind, name_zh, name_en, parent};
  if (!existing) {
    claim(writer.add_unit(unit), p);
    return Outcome::inserted;
  }
  if (!claim(existing->id, p)) return std::nullopt;
  if (existing->kind != kind) {
    throw FieldError("code", tr("{} is already a {}, not a {}", errors::quote(code), unit_kind_label(existing->kind),
                                unit_kind_label(kind)));
  }
  if (existing->name_zh == name_zh && existing->name_en == name_en && existing->parent == parent) {
    return Outcome::unchanged;
  }
  if (!upsert)
    throw FieldError("code", tr("{} exists with other values; --mode upsert updates it", errors::quote(code)));
  writer.update_unit(existing->id, unit);
  return Outcome::updated;
}

class DistrictImporter final : public UnitImporter {
 public:
  DistrictImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"区划代码", "代码"}, true}, {"name_zh", {"名称", "区"}, true}, {"name_en", {"英文名称"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    if (!p.list.empty()) return std::nullopt;
    return upsert_unit(db_, p, code, "district", name, row.get("name_en"), std::nullopt, upsert_);
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
};

// Street offices and communities: a unit under a parent unit.
class ChildUnitImporter final : public UnitImporter {
 public:
  ChildUnitImporter(SQLite::Database& db, bool upsert, std::string kind, std::string parent_kind,
                    std::vector<std::string> code_aliases, std::vector<std::string> name_aliases,
                    std::vector<std::string> parent_aliases)
      : db_(db),
        upsert_(upsert),
        kind_(std::move(kind)),
        parent_kind_(std::move(parent_kind)),
        code_aliases_(std::move(code_aliases)),
        name_aliases_(std::move(name_aliases)),
        parent_aliases_(std::move(parent_aliases)) {}
  std::vector<Column> columns() const override {
    return {{"code", code_aliases_, true},
            {"name_zh", name_aliases_, true},
            {"name_en", {"英文名称"}, false},
            {parent_kind_, parent_aliases_, true}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name;
    std::int64_t parent = 0;
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    p.check([&] { parent = unit_ref(db_, parent_kind_, require(row, parent_kind_), parent_kind_); });
    if (!p.list.empty()) return std::nullopt;
    auto outcome = upsert_unit(db_, p, code, kind_, name, row.get("name_en"), parent, upsert_);
    if (outcome && kind_ == "community") add_bodies(code, name);
    return outcome;
  }

 private:
  // Each community has its station, residents' committee and party committee.
  void add_bodies(const std::string& code, const std::string& name) {
    const auto community = find_unit(db_, code);
    for (const auto& [suffix, kind, zh] :
         {std::tuple{"-FWZ", "station", "管理服务站"}, std::tuple{"-JWH", "committee", "居民委员会"},
          std::tuple{"-DW", "party", "党委"}}) {
      if (find_unit(db_, code + suffix)) continue;
      DistrictWriter(db_).add_unit({code + suffix, kind, name + zh, "", community->id});
    }
  }

  SQLite::Database& db_;
  bool upsert_;
  std::string kind_, parent_kind_;
  std::vector<std::string> code_aliases_, name_aliases_, parent_aliases_;
};

class BureauImporter final : public UnitImporter {
 public:
  BureauImporter(SQLite::Database& db, bool upsert) : db_(db), upsert_(upsert) {}
  std::vector<Column> columns() const override {
    return {{"code", {"代码", "单位代码"}, true},
            {"kind", {"类型"}, false},
            {"name_zh", {"名称", "单位名称"}, true},
            {"name_en", {"英文名称"}, false}};
  }
  std::string key_column() const override { return "code"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string code, name, kind = row.get("kind").empty() ? "bureau" : row.get("kind");
    p.check([&] { code = require(row, "code"); });
    p.check([&] { name = require(row, "name_zh"); });
    if (kind != "bureau" && kind != "other")
      p.add("kind", tr("{} is not 'bureau' or 'other'", errors::quote(kind)));
    if (!p.list.empty()) return std::nullopt;
    std::optional<std::int64_t> district;
    SQLite::Statement d(db_, "SELECT id FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
    if (d.executeStep()) district = d.getColumn(0).getInt64();
    return upsert_unit(db_, p, code, kind, name, row.get("name_en"), district, upsert_);
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
};

}  // namespace

std::unique_ptr<Importer> make_unit_importer(SQLite::Database& db, const std::string& kind, bool upsert) {
  if (kind == "district") return std::make_unique<DistrictImporter>(db, upsert);
  if (kind == "streets") {
    return std::make_unique<ChildUnitImporter>(
        db, upsert, "street", "district", std::vector<std::string>{"街道代码", "代码"},
        std::vector<std::string>{"街道", "街道名称", "名称"}, std::vector<std::string>{"区", "区划代码"});
  }
  if (kind == "communities") {
    return std::make_unique<ChildUnitImporter>(
        db, upsert, "community", "street", std::vector<std::string>{"社区代码", "代码"},
        std::vector<std::string>{"社区", "社区名称", "名称"}, std::vector<std::string>{"街道", "街道代码"});
  }
  if (kind == "bureaus") return std::make_unique<BureauImporter>(db, upsert);
  throw errors::unknown(N_("import kind"), kind, import_kinds());
}

}  // namespace sqgl::core::imports
