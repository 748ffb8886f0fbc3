// The cases of a period, read in one pass for the period reports (performance,
// evaluation, reform): a whole history is a million cases, read in place.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "core/base/date.h"
#include "core/model/calendar.h"
#include "core/model/vocabulary.h"
#include "core/report/report.h"

namespace sqgl::core::reports {

/// A query stepped through SQLite's C API, for the passes over a whole history:
/// millions of rows, where each SQLiteCpp column would copy a shared pointer.
class RowScan {
 public:
  RowScan(const SQLite::Database& db, const std::string& sql) {
    const int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &row_, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  }
  ~RowScan() { sqlite3_finalize(row_); }
  RowScan(const RowScan&) = delete;
  RowScan& operator=(const RowScan&) = delete;

  template <typename... Texts>
  void bind(const Texts&... values) {
    int i = 0;
    (sqlite3_bind_text(row_, ++i, values.data(), static_cast<int>(values.size()), SQLITE_TRANSIENT), ...);
  }
  bool next() {
    const int rc = sqlite3_step(row_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(sqlite3_db_handle(row_), rc);
  }
  sqlite3_stmt* row() const { return row_; }

 private:
  sqlite3_stmt* row_ = nullptr;
};

/// The text of column `i` of the current row, valid until the next step.
std::string_view column_text(sqlite3_stmt* row, int i);

/// A case of the period, with what the period reports need. Every view but
/// `number` points into the PeriodCases that produced it and lives as long as it,
/// so reports may keep them as keys; `number` lasts for the visit only.
struct PeriodCase {
  std::string_view number, item, item_name, category, window, community, community_name, street, street_name,
      accepted_by;
  Model model = Model::reformed;
  CaseStatus status = CaseStatus::open;
  Date accepted;
  std::optional<Date> decided;
  Date due;
  int paused_days = 0;  ///< working days it waited for the resident's materials
  std::optional<int> score;
};

/// Cases accepted or decided within the period, as they stood at the end of as-of.
/// A whole history reads every case: names are looked up in tables read once, not
/// joined for each case, and no text is copied per case.
class PeriodCases {
 public:
  explicit PeriodCases(const SQLite::Database& db);

  /// Calls `visit` for each case accepted or decided from `from` to `to` that the
  /// filters of `o` let through.
  void for_each(const ReportOptions& o, Date from, Date to, const std::function<void(const PeriodCase&)>& visit);

 private:
  struct Unit {
    std::string code, name;
    std::int64_t parent = 0;
  };

  template <typename Map>
  static const typename Map::mapped_type& find_or(const Map& map, std::int64_t key,
                                                  const typename Map::mapped_type& none) {
    const auto it = map.find(key);
    return it == map.end() ? none : it->second;
  }

  // One copy of each window text, for views that outlive the row.
  std::string_view intern(std::string_view text);

  const SQLite::Database& db_;
  std::unordered_map<std::int64_t, Unit> units_;
  std::map<std::string, std::pair<std::string, std::string>, std::less<>> items_;  // code → name, category
  std::unordered_map<std::int64_t, std::string> staff_;
  std::deque<std::string> interned_;  // a deque never moves what it holds
};

/// Totals by a key that outlives them (a PeriodCase view), listed in key order.
template <typename T>
using ByKey = std::unordered_map<std::string_view, T>;

template <typename T>
std::vector<std::pair<std::string_view, const T*>> in_key_order(const ByKey<T>& totals) {
  std::vector<std::pair<std::string_view, const T*>> out;
  out.reserve(totals.size());
  for (const auto& [key, total] : totals) out.emplace_back(key, &total);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

/// The station's working days from acceptance to decision: the days the case
/// waited for the resident's materials are the resident's, not the station's.
int working_days_to_decision(const WorkCalendar& calendar, const PeriodCase& c);

/// Whether `d` is within `from` to `to`, both included.
bool in_period(Date d, Date from, Date to);

}  // namespace sqgl::core::reports
