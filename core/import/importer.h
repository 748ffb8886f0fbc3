// What every kind of import shares: the row, the problems, the duplicate
// claims, the Importer base class, the field checks several kinds use, and the
// factory of each family of kinds. Internal to core/import.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/model/staff.h"

namespace sqgl::core::imports {

/// A column of an import file: its canonical name and the headers a spreadsheet
/// exported in Chinese would use for it.
struct Column {
  std::string name;
  std::vector<std::string> aliases;
  bool required = false;
};

/// What writing one row did.
enum class Outcome { inserted, updated, unchanged };

/// One data row with its header mapping.
class Row {
 public:
  Row(const std::vector<std::string>& fields, const std::vector<std::pair<std::string, std::size_t>>& index)
      : fields_(fields), index_(index) {}
  /// The value of `column` (fields come trimmed), "" when the file has no such column.
  const std::string& get(std::string_view column) const {
    // A dozen columns at most: a linear scan beats a tree here.
    for (const auto& [name, position] : index_) {
      if (name == column) return position < fields_.size() ? fields_[position] : empty_;
    }
    return empty_;
  }
  /// True when the file has `column`.
  bool has(std::string_view column) const {
    return std::any_of(index_.begin(), index_.end(), [&](const auto& entry) { return entry.first == column; });
  }

 private:
  const std::vector<std::string>& fields_;
  const std::vector<std::pair<std::string, std::size_t>>& index_;
  const std::string empty_;
};

/// Collects the problems of one row; a row with any is not written.
class Problems {
 public:
  void add(std::string column, std::string message) { list.emplace_back(std::move(column), std::move(message)); }
  /// Runs `f`, adding the FieldError it throws, if any.
  template <typename F>
  void check(F&& f) {
    try {
      f();
    } catch (const FieldError& e) {
      add(e.column(), e.what());
    }
  }
  std::vector<std::pair<std::string, std::string>> list;
};

/// The rows an import has written or matched so far, by rowid: a row matched by
/// two lines of one file is a duplicate inside the file. This costs 4 bytes per
/// row of the table (not of the file), far less than an index of the keys.
class RowClaims {
 public:
  static constexpr std::size_t kMaxTracked = std::size_t{1} << 28;
  /// Records that `line` matched `rowid`; returns the line that matched it first, if any.
  std::optional<std::size_t> claim(std::int64_t rowid, std::size_t line) {
    const auto index = static_cast<std::size_t>(rowid);
    // Rowids are dense in sqgl's tables; one far out (set by hand) is not tracked
    // rather than allowed to demand gigabytes.
    if (rowid < 0 || index > kMaxTracked) return std::nullopt;
    if (index >= lines_.size()) lines_.resize(std::max(index + 1, lines_.size() * 2), 0);
    if (lines_[index] != 0) return lines_[index];
    lines_[index] = static_cast<std::uint32_t>(line);
    return std::nullopt;
  }

 private:
  std::vector<std::uint32_t> lines_;
};

/// One kind of import: its columns, and how a row of it is checked and written.
class Importer {
 public:
  virtual ~Importer() = default;
  /// The physical line of the row about to be written, for duplicate messages.
  void set_line(std::size_t line) { line_ = line; }
  /// The line set last.
  std::size_t line() const { return line_; }
  /// The columns of this kind's files.
  virtual std::vector<Column> columns() const = 0;
  /// The natural key of a row (for duplicates inside the file) and its column.
  virtual std::string key_column() const = 0;
  /// Validates and writes one row; adds problems instead of writing when it is bad.
  virtual std::optional<Outcome> write(const Row& row, Problems& problems) = 0;
  /// Checks what only the whole file can show, once every row is read (and
  /// `rejected` of them refused); InvalidInput refuses the import.
  virtual void finish(std::int64_t rejected) { (void)rejected; }
  /// Adds to the import's event what `sqgl check` replays from it (flags, a year's days).
  virtual void describe(nlohmann::json& detail) const { (void)detail; }

 protected:
  /// Call with the rowid a row inserted or matched, before changing a matched
  /// row: false (and the problem added) when an earlier line matched it.
  bool claim(std::int64_t rowid, Problems& p) {
    if (auto first = claims_.claim(rowid, line_)) {
      p.add(key_column(), tr("duplicate of line {}", *first));
      return false;
    }
    return true;
  }

 private:
  RowClaims claims_;
  std::size_t line_ = 0;
};

// ---- field checks: each throws FieldError naming its column --------------------

/// The value of `column`; FieldError "is empty" when it is.
inline std::string require(const Row& row, const std::string& column) {
  std::string v = row.get(column);
  if (v.empty()) throw FieldError(column, _("is empty"));
  return v;
}

/// 1 or 0 from 是/否, Y/N, yes/no, true/false, √, 1/0; empty is 0.
inline int parse_flag(const std::string& column, const std::string& text) {
  // The common spellings first: this runs five times for every resident.
  if (text.empty() || text == "0") return 0;
  if (text == "1") return 1;
  static const std::vector<std::string> yes = {"是", "Y", "y", "yes", "true", "√"};
  static const std::vector<std::string> no = {"否", "N", "n", "no", "false"};
  if (std::find(yes.begin(), yes.end(), text) != yes.end()) return 1;
  if (std::find(no.begin(), no.end(), text) != no.end()) return 0;
  throw FieldError(column, tr("{} is not yes or no (是/否, 1/0)", errors::quote(text)));
}

/// A date as spreadsheets export it: 1985-03-12, 1985/3/12, 1985.3.12 or 19850312.
Date parse_flexible_date(const std::string& column, const std::string& text);

/// A unit's kind ("community", "street", …) as a person reads it, translated.
std::string unit_kind_label(const std::string& kind);

/// A value as problems show it, with citizen IDs and phone numbers masked.
std::string masked(const std::string& column, const std::string& value);

/// Accepts "", an 11-digit mobile number (1[3-9]…) or a landline with its area code (0472-1234567).
void check_phone(const std::string& column, const std::string& text);

/// A unit as the units table holds it.
struct ExistingUnit {
  std::int64_t id = 0;
  std::string kind;
  std::string name_zh;
  std::string name_en;
  std::optional<std::int64_t> parent;
};

/// The unit with this code, if any.
std::optional<ExistingUnit> find_unit(const SQLite::Database& db, const std::string& code);

/// The id of a unit of `kind` named by code (or, failing that, by its unique
/// Chinese name); FieldError on `column` otherwise.
std::int64_t unit_ref(const SQLite::Database& db, const std::string& column, const std::string& text,
                      const std::string& kind);

/// The row id of the staff member with this staff number, if any.
std::optional<std::int64_t> staff_id(const SQLite::Database& db, const std::string& staff_no);

// ---- the families of kinds ------------------------------------------------------

/// district, streets, communities or bureaus (units.cpp).
std::unique_ptr<Importer> make_unit_importer(SQLite::Database& db, const std::string& kind, bool upsert);

/// staff (staff.cpp); each row written records its staff event.
std::unique_ptr<Importer> make_staff_importer(SQLite::Database& db, bool upsert, const Clock& clock,
                                              const Operator& op);

/// grids, households or residents: where people live (residents.cpp).
std::unique_ptr<Importer> make_residence_importer(SQLite::Database& db, const std::string& kind, bool upsert,
                                                  Date today);

/// calendar: the file replaces the days of `year` (calendar.cpp).
std::unique_ptr<Importer> make_calendar_importer(SQLite::Database& db, int year, const std::string& notice);

/// `standards`: the thresholds household benefits are tested against.
std::unique_ptr<Importer> make_standard_importer(SQLite::Database& db, bool upsert);

/// cases: decided cases of earlier years (cases.cpp).
std::unique_ptr<Importer> make_case_importer(SQLite::Database& db, const Operator& op, const Clock& clock,
                                             const std::string& source);

/// evaluations: residents' ratings of decided cases (cases.cpp).
std::unique_ptr<Importer> make_evaluation_importer(SQLite::Database& db, bool upsert, const Operator& op,
                                                   const Clock& clock, const std::string& source);

/// deaths, births, moves or departures: the registry's changes, each recorded as the
/// window records it, by the importing admin (register.cpp).
std::unique_ptr<Importer> make_register_importer(SQLite::Database& db, const std::string& kind, const Clock& clock,
                                                 const Operator& op);

/// catalog: chain steps that replace an item's chains (steps.cpp).
std::unique_ptr<Importer> make_steps_importer(SQLite::Database& db, bool upsert);

}  // namespace sqgl::core::imports
