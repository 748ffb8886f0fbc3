// The thresholds household benefits are tested against — the 低保 standard, the
// low-income line, the housing-difficulty area — per year and per district. They
// are data: shipped as schema/catalog/standards.csv (stand-ins marked assumed where
// the real figure is not known), edited by the district with `sqgl import standards`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/db/database.h"
#include "core/model/vocabulary.h"

namespace sqgl::core {

/// One threshold, in force from `year` until a later year's.
struct Standard {
  StandardKind kind = StandardKind::dibao;
  std::string district;  ///< a district unit's code; "" for every district
  int year = 0;
  double value = 0;  ///< yuan per person a month, or m² per person
  bool assumed = false;  ///< a stand-in until the real figure is known
  std::string source;
  bool operator==(const Standard&) const = default;
};

/// Whether a standard of `kind` measures income per member (低保, low-income line),
/// not living area per person.
bool is_income(StandardKind kind);

/// The year a standard is in force from, marked when it is an assumed stand-in:
/// "2012" or "2012, assumed".
std::string year_text(const Standard& standard);

/// The unit a standard of `kind` is measured in, as a person reads it: 元/人/月, m²/人.
std::string standard_unit(StandardKind kind);

/// The standard of `kind` in force in `year` for `district`: its own of the latest
/// year not after `year`, else the one for every district; none when neither is set.
std::optional<Standard> standard_in_force(const SQLite::Database& db, StandardKind kind, const std::string& district,
                                          int year);

/// Every standard, by kind, district and year.
std::vector<Standard> list_standards(const SQLite::Database& db);

/// The one writer of the standards table: adds a standard or replaces the one of
/// the same kind, district and year.
void put_standard(SQLite::Database& db, const Standard& standard);

/// A standard as the history carries it.
nlohmann::json standard_json(const Standard& standard);

/// Loads the rows of schema/catalog/standards.csv whose kind, district and year the
/// database does not have yet; returns them. Bad data is InvalidInput naming the
/// file and line.
std::vector<Standard> load_shipped_standards(SQLite::Database& db, const DataFiles& files);

}  // namespace sqgl::core
