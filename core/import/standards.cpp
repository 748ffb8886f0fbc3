// Importing the thresholds household benefits are tested against: the district's
// 低保 standard, low-income line and housing-difficulty area for a year.
#include <charconv>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include "core/import/importer.h"
#include "core/model/standards.h"

namespace sqgl::core::imports {

namespace {

class StandardImporter final : public Importer {
 public:
  StandardImporter(SQLite::Database& db, bool upsert)
      : db_(db),
        upsert_(upsert),
        find_(db, "SELECT value, assumed, source FROM standards WHERE kind = ? AND district = ? AND year = ?") {}
  std::vector<Column> columns() const override {
    return {{"kind", {"标准", "类别"}, true},
            {"district", {"区县", "区县代码"}, false},
            {"year", {"年度", "年份"}, true},
            {"value", {"标准值", "金额", "面积"}, true},
            {"assumed", {"假定", "暂定"}, false},
            {"source", {"依据", "来源"}, false}};
  }
  std::string key_column() const override { return "kind"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    Standard s;
    p.check([&] {
      const std::string& kind = require(row, "kind");
      if (kind == "低保标准" || kind == "低保") {
        s.kind = StandardKind::dibao;
      } else if (kind == "低收入线" || kind == "低收入标准") {
        s.kind = StandardKind::low_income;
      } else if (kind == "住房困难面积" || kind == "人均住房面积") {
        s.kind = StandardKind::housing_area;
      } else if (const auto word = parse<StandardKind>(kind)) {
        s.kind = *word;
      } else {
        throw FieldError("kind", tr("{} is not a standard (低保标准, 低收入线, 住房困难面积 or dibao, low_income, "
                                    "housing_area)",
                                    errors::quote(kind)));
      }
    });
    s.district = row.get("district");
    p.check([&] {
      if (!s.district.empty()) unit_ref(db_, "district", s.district, "district");
    });
    p.check([&] {
      const std::string& year = require(row, "year");
      const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), s.year);
      if (ec != std::errc{} || end != year.data() + year.size() || s.year < 1949 || s.year > 2200) {
        throw FieldError("year", tr("{} is not a year", errors::quote(year)));
      }
    });
    p.check([&] {
      const std::string& value = require(row, "value");
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), s.value);
      if (ec != std::errc{} || end != value.data() + value.size() || !(s.value > 0) || s.value > 1e7) {
        throw FieldError("value", tr("{} is not a positive number", errors::quote(value)));
      }
    });
    p.check([&] { s.assumed = parse_flag("assumed", row.get("assumed")) != 0; });
    s.source = row.get("source");
    if (!p.list.empty()) return std::nullopt;
    find_.reset();
    SQLite::bind(find_, std::string(text(s.kind)), s.district, s.year);
    Outcome outcome = Outcome::inserted;
    if (find_.executeStep()) {
      if (find_.getColumn(0).getDouble() == s.value && (find_.getColumn(1).getInt() != 0) == s.assumed &&
          find_.getColumn(2).getString() == s.source) {
        return Outcome::unchanged;
      }
      if (!upsert_) {
        p.add("year", tr("the {} of {} exists with another value; --mode upsert replaces it", label(s.kind), s.year));
        return std::nullopt;
      }
      outcome = Outcome::updated;
    }
    put_standard(db_, s);
    written_.push_back(standard_json(s));
    return outcome;
  }

  // The history carries each standard written, whole.
  void describe(nlohmann::json& detail) const override { detail["standards"] = written_; }

 private:
  SQLite::Database& db_;
  bool upsert_;
  SQLite::Statement find_;
  nlohmann::json written_ = nlohmann::json::array();
};

}  // namespace

std::unique_ptr<Importer> make_standard_importer(SQLite::Database& db, bool upsert) {
  return std::make_unique<StandardImporter>(db, upsert);
}

}  // namespace sqgl::core::imports
