// The cases of a period, read in one pass for the period reports (performance,
// evaluation, reform): a whole history is a million cases, read in place.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
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
#include "core/model/cases/record.h"
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

/// A text the period reports group cases by, and a number that stands for it:
/// within one PeriodCases the same text of one kind (item, category, window, unit,
/// staff member) always has the same number, and each kind numbers from 0.
struct Key {
  std::string_view text;
  std::uint32_t id = 0;
};

/// Values by row id: a slot for each id below about a million (rows are numbered
/// from 1 as they are added), a map for any id beyond.
template <typename T>
class ById {
 public:
  void set(std::int64_t id, T value) {
    if (id < 0 || id >= kSlots) {
      far_[id] = std::move(value);
      return;
    }
    const auto at = static_cast<std::size_t>(id);
    if (at >= slots_.size()) slots_.resize(at + 1);
    slots_[at] = std::move(value);
  }
  /// The value of `id`, or null.
  const T* find(std::int64_t id) const {
    if (id >= 0 && static_cast<std::uint64_t>(id) < slots_.size()) {
      const auto& slot = slots_[static_cast<std::size_t>(id)];
      return slot ? &*slot : nullptr;
    }
    const auto it = far_.find(id);
    return it == far_.end() ? nullptr : &it->second;
  }

 private:
  static constexpr std::int64_t kSlots = 1 << 20;
  std::vector<std::optional<T>> slots_;
  std::unordered_map<std::int64_t, T> far_;
};

/// Whether a period is read as a whole history: over 400 days every case is read
/// in runs of ids side by side, as the date indexes would visit most of them.
bool spans_years(Date from, Date to);

/// The runs of case ids a pass over the period reads: a few for each core over
/// years (so that one slow run does not leave a core idle), else one.
std::vector<CaseIds> period_runs(const SQLite::Database& db, Date from, Date to);

/// Prepares `calendar` (WorkCalendar::prepare) for every year a case of a whole
/// history can be counted in: from the first case's acceptance to the as-of day.
void prepare_for_history(const SQLite::Database& db, const WorkCalendar& calendar, Date as_of);

/// A case of the period, with what the period reports need. The keys and names
/// point into the PeriodCases that produced it and live as long as it, so reports
/// may keep them; the case number lasts for the visit only.
struct PeriodCase {
  Key item, category, window, community, street, accepted_by;
  std::string_view item_name, community_name, street_name;
  Model model = Model::reformed;
  CaseStatus status = CaseStatus::open;
  Date accepted;
  std::optional<Date> decided;
  Date due;  ///< with PeriodCases::Also::due
  int paused_days = 0;  ///< working days it waited for the resident's materials or hung in a posting
  std::optional<int> score;
  /// The case number (with PeriodCases::Also::number), read from the row only
  /// when asked for.
  std::string_view number() const { return column_text(row, kNumberColumn); }
  sqlite3_stmt* row = nullptr;
  static constexpr int kNumberColumn = 11;
};

/// Cases accepted or decided within the period, as they stood at the end of as-of.
/// A whole history reads every case: names are looked up in tables read once, not
/// joined for each case, no text is copied per case, and the cases are read in
/// runs of ids side by side on the machine's cores (read_side_by_side), each run
/// adding up into a part of its own that the report merges at the end.
class PeriodCases {
 public:
  /// Call inside a read transaction on `db`. `calendar` is the one the visits
  /// count working days with, if they do: it is prepared for every year a case of
  /// the pass can fall in, so that the cores only read it.
  PeriodCases(const SQLite::Database& db, Date from, Date to, const WorkCalendar* calendar = nullptr);

  /// How many parts the pass adds up into: one for a month, a few for each core
  /// over years.
  std::size_t parts() const { return runs_.size(); }

  /// What a report reads of each case beyond its item, place, dates and status:
  /// each column a pass leaves out is a few hundred milliseconds over a city's history.
  struct Also {
    bool model = false;   ///< PeriodCase::model; else every case is the new model's
    bool clerk = false;   ///< PeriodCase::accepted_by; else the empty key
    bool number = false;  ///< PeriodCase::number()
    bool rating = false;  ///< PeriodCase::score; else none
    bool due = false;     ///< PeriodCase::due; else the acceptance day
  };

  /// Calls `visit(part, c)` for each case accepted or decided in the constructor's
  /// period that the filters of `o` let through. Visits to the same part never
  /// overlap.
  void for_each(const ReportOptions& o, const Also& also,
                const std::function<void(std::size_t part, const PeriodCase&)>& visit);

 private:
  struct Unit {
    Key code;
    std::string name;
    std::int64_t parent = 0;
  };
  struct Item {
    std::string name;
    Key category;
  };
  // The unit of a row id: the empty one when the tables hold none.
  const Unit& unit(std::int64_t id) const;
  // Every text of one kind, each with its number: read from the tables before the
  // pass, so that the cores look them up without a lock. A text the tables do not
  // hold (an edit broke a window or an item) is numbered after them, under one.
  class Texts {
   public:
    Key add(std::string_view text);         ///< before the pass
    Key operator()(std::string_view text);  ///< during it

   private:
    std::deque<std::string> texts_;  // a deque never moves what it holds
    std::unordered_map<std::string_view, std::uint32_t> known_, more_;
    std::mutex more_lock_;
  };

  const SQLite::Database& db_;
  const WorkCalendar* calendar_;
  Date from_, to_;
  bool long_period_;
  std::vector<CaseIds> runs_;
  ById<Unit> units_;
  Texts unit_codes_, items_, categories_, windows_, staff_;
  std::vector<Item> item_info_;  // by item number
  ById<Key> staff_by_id_;
  Unit no_unit_;
  Item no_item_;
  Key no_clerk_;
};

/// Totals by key, one slot for each key number, listed in key order.
template <typename T>
class ByKey {
 public:
  T& operator[](const Key& key) {
    if (key.id >= totals_.size()) {
      totals_.resize(key.id + 1);
      keys_.resize(key.id + 1);
    }
    if (!keys_[key.id]) keys_[key.id] = key.text;
    return totals_[key.id];
  }

  /// The totals of the key with this text, or null.
  const T* find(std::string_view text) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] && *keys_[i] == text) return &totals_[i];
    }
    return nullptr;
  }

  /// Adds each total of `part` into this one's with `add(into, from)`.
  template <typename Add>
  void merge(const ByKey& part, Add add) {
    for (std::size_t i = 0; i < part.keys_.size(); ++i) {
      if (part.keys_[i]) add((*this)[Key{*part.keys_[i], static_cast<std::uint32_t>(i)}], part.totals_[i]);
    }
  }

  std::vector<std::pair<std::string_view, const T*>> in_key_order() const {
    std::vector<std::pair<std::string_view, const T*>> out;
    for (std::size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i]) out.emplace_back(*keys_[i], &totals_[i]);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }

 private:
  std::vector<T> totals_;
  std::vector<std::optional<std::string_view>> keys_;
};

/// The station's working days from acceptance to decision: the days the case
/// waited for the resident's materials are the resident's, and those its postings hung
/// are the public's: neither is the station's.
int working_days_to_decision(const WorkCalendar& calendar, const PeriodCase& c);

/// Whether `d` is within `from` to `to`, both included.
bool in_period(Date d, Date from, Date to);

}  // namespace sqgl::core::reports
