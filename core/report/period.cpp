#include "core/report/period.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/report/kinds.h"

namespace sqgl::core::reports {

std::string_view column_text(sqlite3_stmt* row, int i) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
  return text == nullptr ? std::string_view()
                         : std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, i)));
}

PeriodCases::PeriodCases(const SQLite::Database& db) : db_(db) {
  SQLite::Statement u(db, "SELECT id, code, name_zh, COALESCE(parent_id, 0) FROM units");
  while (u.executeStep()) {
    units_[u.getColumn(0).getInt64()] = {u.getColumn(1).getString(), u.getColumn(2).getString(),
                                         u.getColumn(3).getInt64()};
  }
  SQLite::Statement i(db, "SELECT code, name_zh, category FROM items");
  while (i.executeStep()) {
    items_[i.getColumn(0).getString()] = {i.getColumn(1).getString(), i.getColumn(2).getString()};
  }
  SQLite::Statement st(db, "SELECT id, staff_no FROM staff");
  while (st.executeStep()) staff_[st.getColumn(0).getInt64()] = st.getColumn(1).getString();
}

void PeriodCases::for_each(const ReportOptions& o, Date from, Date to,
                           const std::function<void(const PeriodCase&)>& visit) {
  // For a month the date indexes find the few cases; for years of history a plain
  // scan is faster than merging two index lookups ("+" keeps SQLite off them).
  // Over years, too, the ratings are read in one pass beside the cases (both come
  // in case order) rather than looked up case by case: column 11 is then the id.
  const bool long_period = (to - from).count() > 400;
  std::string sql =
      "SELECT c.number, c.item, c.window, c.community_id, c.model, c.status, c.accepted_by, c.accepted_at, "
      "  c.decided_at, c.due_date, c.paused_days, ";
  sql += long_period ? "c.id FROM cases c "
                     : "e.score FROM cases c LEFT JOIN evaluations e ON e.case_id = c.id AND e.at <= ?3 ";
  sql += fmt::format(
      "WHERE {0}c.accepted_at <= ?3 AND (({0}c.accepted_at >= ?1 AND {0}c.accepted_at <= ?2) "
      "  OR ({0}c.decided_at >= ?1 AND {0}c.decided_at <= ?2 AND {0}c.decided_at <= ?3)) "
      "  AND (?4 = '' OR c.item = ?4) AND (?5 = '' OR c.window = ?5) "
      "ORDER BY c.id",
      long_period ? "+" : "");
  RowScan q(db_, sql);
  const std::string as_of_end = end_of(o.as_of);
  q.bind(format_date(from), end_of(to), as_of_end, o.item, o.window);
  static const Unit kNone;
  static const std::pair<std::string, std::string> kNoItem;
  sqlite3_stmt* row = q.row();
  std::optional<RowScan> ratings;
  bool rating = false;  // ratings is on a row
  if (long_period) {
    ratings.emplace(db_, "SELECT case_id, score FROM evaluations WHERE at <= ?1 ORDER BY case_id");
    ratings->bind(as_of_end);
    rating = ratings->next();
  }
  PeriodCase c;
  while (q.next()) {
    const Unit& community = find_or(units_, sqlite3_column_int64(row, 3), kNone);
    const Unit& street = find_or(units_, community.parent, kNone);
    if (!o.community.empty() && community.code != o.community) continue;
    if (!o.street.empty() && street.code != o.street) continue;
    const auto item = items_.find(column_text(row, 1));
    const auto& [item_name, category] = item == items_.end() ? kNoItem : item->second;
    if (!o.category.empty() && category != o.category) continue;
    c.number = column_text(row, 0);
    c.item = item == items_.end() ? intern(column_text(row, 1)) : std::string_view(item->first);
    c.item_name = item_name;
    c.category = category;
    c.window = intern(column_text(row, 2));
    c.community = community.code;
    c.community_name = community.name;
    c.street = street.code;
    c.street_name = street.name;
    c.model = stored<Model>(column_text(row, 4));
    c.accepted_by = find_or(staff_, sqlite3_column_int64(row, 6), kNone.code);
    c.accepted = *parse_date(column_text(row, 7).substr(0, 10));
    const std::string_view decided = column_text(row, 8);
    // A decision after the as-of day had not happened yet.
    if (!decided.empty() && decided <= as_of_end) {
      c.decided = *parse_date(decided.substr(0, 10));
      c.status = stored<CaseStatus>(column_text(row, 5));
    } else {
      c.decided.reset();
      c.status = CaseStatus::open;
    }
    c.due = *parse_date(column_text(row, 9));
    c.paused_days = sqlite3_column_int(row, 10);
    c.score.reset();
    if (!long_period) {
      if (sqlite3_column_type(row, 11) != SQLITE_NULL) c.score = sqlite3_column_int(row, 11);
    } else {
      const std::int64_t id = sqlite3_column_int64(row, 11);
      while (rating && sqlite3_column_int64(ratings->row(), 0) < id) rating = ratings->next();
      if (rating && sqlite3_column_int64(ratings->row(), 0) == id) c.score = sqlite3_column_int(ratings->row(), 1);
    }
    visit(c);
  }
}

// One copy of each window text, for views that outlive the row.
// There are a handful of each: a look along the list beats a tree or a hash.
std::string_view PeriodCases::intern(std::string_view text) {
  for (const auto& known : interned_) {
    if (known == text) return known;
  }
  return interned_.emplace_back(text);
}

int working_days_to_decision(const WorkCalendar& calendar, const PeriodCase& c) {
  return std::max(0, calendar.working_days_between(c.accepted, *c.decided) - c.paused_days);
}

bool in_period(Date d, Date from, Date to) {
  return d >= from && d <= to;
}

}  // namespace sqgl::core::reports
