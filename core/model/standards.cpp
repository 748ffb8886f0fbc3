#include "core/model/standards.h"

#include <charconv>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>

#include "core/base/csv.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/row.h"

namespace sqgl::core {

namespace {

constexpr const char* kColumns = "SELECT kind, district, year, value, assumed, source FROM standards";

Standard standard_row(const SQLite::Statement& q) {
  Row r(q);
  Standard s;
  s.kind = stored<StandardKind>(r.text());
  s.district = r.text();
  s.year = r.integer();
  s.value = r.real();
  s.assumed = r.flag();
  s.source = r.text();
  return s;
}

}  // namespace

bool is_income(StandardKind kind) {
  return kind != StandardKind::housing_area;
}

std::string year_text(const Standard& standard) {
  return standard.assumed ? tr("{}, assumed", standard.year) : std::to_string(standard.year);
}

std::string standard_unit(StandardKind kind) {
  return kind == StandardKind::housing_area ? _("m² per person") : _("yuan per person a month");
}

std::optional<Standard> standard_in_force(const SQLite::Database& db, StandardKind kind, const std::string& district,
                                          int year) {
  // The district's own row comes first, then the latest year.
  SQLite::Statement q(db, fmt::format("{} WHERE kind = ?1 AND district IN (?2, '') AND year <= ?3 "
                                      "ORDER BY district = ?2 DESC, year DESC LIMIT 1",
                                      kColumns));
  SQLite::bind(q, std::string(text(kind)), district, year);
  if (!q.executeStep()) return std::nullopt;
  return standard_row(q);
}

std::vector<Standard> list_standards(const SQLite::Database& db) {
  SQLite::Statement q(db, fmt::format("{} ORDER BY kind, district, year", kColumns));
  std::vector<Standard> out;
  while (q.executeStep()) out.push_back(standard_row(q));
  return out;
}

void put_standard(SQLite::Database& db, const Standard& s) {
  SQLite::Statement q(db,
                      "INSERT INTO standards (kind, district, year, value, assumed, source) VALUES (?, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (kind, district, year) DO UPDATE SET value = excluded.value, "
                      "assumed = excluded.assumed, source = excluded.source");
  SQLite::bind(q, std::string(text(s.kind)), s.district, s.year, s.value, s.assumed ? 1 : 0, s.source);
  q.exec();
}

nlohmann::json standard_json(const Standard& s) {
  return {{"kind", s.kind},       {"district", s.district}, {"year", s.year},
          {"value", s.value},     {"assumed", s.assumed},   {"source", s.source}};
}

std::vector<Standard> load_shipped_standards(SQLite::Database& db, const DataFiles& files) {
  const std::string name = "schema/catalog/standards.csv";
  std::vector<Standard> loaded;
  const auto text = files.read(name);
  if (!text) return loaded;
  CsvTable table(*text, files.where(name), {"kind", "district", "year", "value"}, {"assumed", "source"});
  SQLite::Statement have(db, "SELECT 1 FROM standards WHERE kind = ? AND district = ? AND year = ?");
  for (std::size_t r = 0; r < table.size(); ++r) {
    auto bad = [&](std::string_view column, const std::string& message) {
      throw InvalidInput(fmt::format("{}:{}:{}: {}", table.source(), table.line(r), table.column_number(column),
                                     message));
    };
    Standard s;
    const auto kind = parse<StandardKind>(table.get(r, "kind"));
    if (!kind) bad("kind", tr("{} is not a standard", errors::quote(table.get(r, "kind"))));
    s.kind = *kind;
    s.district = table.get(r, "district");
    const std::string& year = table.get(r, "year");
    if (std::from_chars(year.data(), year.data() + year.size(), s.year).ptr != year.data() + year.size()) {
      bad("year", tr("{} is not a year", errors::quote(year)));
    }
    const std::string& value = table.get(r, "value");
    if (std::from_chars(value.data(), value.data() + value.size(), s.value).ptr != value.data() + value.size() ||
        !(s.value > 0)) {
      bad("value", tr("{} is not a positive number", errors::quote(value)));
    }
    s.assumed = table.get(r, "assumed") == "1";
    s.source = table.get(r, "source");
    have.reset();
    SQLite::bind(have, std::string(core::text(s.kind)), s.district, s.year);
    if (have.executeStep()) continue;
    put_standard(db, s);
    loaded.push_back(std::move(s));
  }
  return loaded;
}

}  // namespace sqgl::core
