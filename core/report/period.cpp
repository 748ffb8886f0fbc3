#include "core/report/period.h"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "core/base/cores.h"
#include "core/report/kinds.h"
#include "core/report/side_by_side.h"

namespace sqgl::core::reports {

std::string_view column_text(sqlite3_stmt* row, int i) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
  return text == nullptr ? std::string_view()
                         : std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(row, i)));
}

bool spans_years(Date from, Date to) { return (to - from).count() > 400; }

std::vector<CaseIds> period_runs(const SQLite::Database& db, Date from, Date to) {
  return spans_years(from, to) ? case_id_runs(db, static_cast<std::int64_t>(4 * cores()))
                               : std::vector<CaseIds>{CaseIds{}};
}

void prepare_for_history(const SQLite::Database& db, const WorkCalendar& calendar, Date as_of) {
  SQLite::Statement first(db, "SELECT substr(min(accepted_at), 1, 10) FROM cases");
  const auto day = first.executeStep() ? parse_date(first.getColumn(0).getText()) : std::nullopt;
  if (day) calendar.prepare(year_of(*day), year_of(as_of));
}

PeriodCases::PeriodCases(const SQLite::Database& db, Date from, Date to, const WorkCalendar* calendar)
    : db_(db),
      calendar_(calendar),
      from_(from),
      to_(to),
      long_period_(spans_years(from, to)),
      runs_(period_runs(db, from, to)) {
  SQLite::Statement u(db, "SELECT id, code, name_zh, COALESCE(parent_id, 0) FROM units");
  while (u.executeStep()) {
    units_.set(u.getColumn(0).getInt64(), {unit_codes_.add(u.getColumn(1).getText()), u.getColumn(2).getString(),
                                           u.getColumn(3).getInt64()});
  }
  SQLite::Statement i(db, "SELECT code, name_zh, category FROM items");
  while (i.executeStep()) {
    const Key item = items_.add(i.getColumn(0).getText());
    if (item.id >= item_info_.size()) item_info_.resize(item.id + 1);
    item_info_[item.id] = {i.getColumn(1).getString(), categories_.add(i.getColumn(2).getText())};
  }
  SQLite::Statement w(db, "SELECT code FROM windows");
  while (w.executeStep()) windows_.add(w.getColumn(0).getText());
  SQLite::Statement st(db, "SELECT id, staff_no FROM staff");
  while (st.executeStep()) staff_by_id_.set(st.getColumn(0).getInt64(), staff_.add(st.getColumn(1).getText()));
  // For a case whose community, item or clerk the tables do not hold.
  no_unit_.code = unit_codes_.add("");
  no_item_.category = categories_.add("");
  no_clerk_ = staff_.add("");
}

const PeriodCases::Unit& PeriodCases::unit(std::int64_t id) const {
  const Unit* u = units_.find(id);
  return u == nullptr ? no_unit_ : *u;
}

namespace {

// The columns of the pass, by position.
enum Column : int {
  kItem,
  kWindow,
  kCommunity,
  kStatus,
  kAccepted,
  kDecided,
  kDue,
  kPaused,  // with the working days spent in postings
  kId,
  kModel,
  kClerk,
  kNumber,
  kScore
};
static_assert(kNumber == PeriodCase::kNumberColumn);

}  // namespace

void PeriodCases::for_each(const ReportOptions& o, const Also& also,
                           const std::function<void(std::size_t part, const PeriodCase&)>& visit) {
  // A case belongs to the period when it was accepted in it, or decided in it by
  // the end of the as-of day (the test in the loop below). For a month the date
  // indexes find the few such cases; over years every case is read in runs of
  // ids, in order, and the ratings read in one pass beside them rather than looked
  // up case by case. What a report does not ask for is not read (NULL in its place).
  auto also_read = [](bool wanted, const char* column) { return std::string(", ") + (wanted ? column : "NULL"); };
  std::string sql =
      "SELECT c.item, c.window, c.community_id, c.status, c.accepted_at, c.decided_at" +
      also_read(also.due, "c.due_date") + ", c.paused_days + c.posting_days, c.id" +
      also_read(also.model, "c.model") + also_read(also.clerk, "c.accepted_by") + also_read(also.number, "c.number") +
      also_read(also.rating && !long_period_, "e.score") + " FROM cases c ";
  if (long_period_) {
    sql += "WHERE c.id BETWEEN ?6 AND ?7 ";
  } else {
    if (also.rating) sql += "LEFT JOIN evaluations e ON e.case_id = c.id AND e.at <= ?3 ";
    sql +=
        "WHERE c.accepted_at <= ?3 AND ((c.accepted_at >= ?1 AND c.accepted_at <= ?2) "
        "  OR (c.decided_at >= ?1 AND c.decided_at <= ?2 AND c.decided_at <= ?3)) ";
  }
  // Only the filters given: "?4 = '' OR …" would be asked of every case.
  if (!o.item.empty()) sql += "AND c.item = ?4 ";
  if (!o.window.empty()) sql += "AND c.window = ?5 ";
  sql += "ORDER BY c.id";
  const std::string first_day = format_date(from_), last_moment = end_of(to_), as_of_end = end_of(o.as_of);

  if (calendar_ != nullptr && runs_.size() > 1) prepare_for_history(db_, *calendar_, o.as_of);
  read_side_by_side(db_, runs_.size(), [&](std::size_t run, const SQLite::Database& reader) {
    RowScan q(reader, sql);
    q.bind(first_day, last_moment, as_of_end, o.item, o.window);
    sqlite3_stmt* row = q.row();
    std::optional<RowScan> ratings;
    bool rating = false;  // ratings is on a row
    if (long_period_) {
      sqlite3_bind_int64(row, 6, runs_[run].first);
      sqlite3_bind_int64(row, 7, runs_[run].last);
    }
    if (long_period_ && also.rating) {
      ratings.emplace(reader,
                      "SELECT case_id, score FROM evaluations WHERE at <= ?1 AND case_id BETWEEN ?2 AND ?3 "
                      "ORDER BY case_id");
      ratings->bind(as_of_end);
      sqlite3_bind_int64(ratings->row(), 2, runs_[run].first);
      sqlite3_bind_int64(ratings->row(), 3, runs_[run].last);
      rating = ratings->next();
    }
    PeriodCase c;
    c.row = row;
    c.accepted_by = no_clerk_;
    while (q.next()) {
      const std::string_view accepted = column_text(row, kAccepted), decided = column_text(row, kDecided);
      if (accepted > as_of_end) continue;
      const bool accepted_in = accepted >= first_day && accepted <= last_moment;
      if (!accepted_in && !(decided >= first_day && decided <= last_moment && decided <= as_of_end)) continue;
      const Unit& community = unit(sqlite3_column_int64(row, kCommunity));
      const Unit& street = unit(community.parent);
      if (!o.community.empty() && community.code.text != o.community) continue;
      if (!o.street.empty() && street.code.text != o.street) continue;
      c.item = items_(column_text(row, kItem));
      const Item& item = c.item.id < item_info_.size() ? item_info_[c.item.id] : no_item_;
      if (!o.category.empty() && item.category.text != o.category) continue;
      c.item_name = item.name;
      c.category = item.category;
      c.window = windows_(column_text(row, kWindow));
      c.community = community.code;
      c.community_name = community.name;
      c.street = street.code;
      c.street_name = street.name;
      if (also.model) c.model = stored<Model>(column_text(row, kModel));
      if (also.clerk) {
        const Key* clerk = staff_by_id_.find(sqlite3_column_int64(row, kClerk));
        c.accepted_by = clerk == nullptr ? no_clerk_ : *clerk;
      }
      c.accepted = *parse_date(accepted.substr(0, 10));
      // A decision after the as-of day had not happened yet.
      if (!decided.empty() && decided <= as_of_end) {
        c.decided = *parse_date(decided.substr(0, 10));
        c.status = stored<CaseStatus>(column_text(row, kStatus));
      } else {
        c.decided.reset();
        c.status = CaseStatus::open;
      }
      c.due = also.due ? *parse_date(column_text(row, kDue)) : c.accepted;
      c.paused_days = sqlite3_column_int(row, kPaused);
      c.score.reset();
      if (!long_period_) {
        if (sqlite3_column_type(row, kScore) != SQLITE_NULL) c.score = sqlite3_column_int(row, kScore);
      } else if (also.rating) {
        const std::int64_t id = sqlite3_column_int64(row, kId);
        while (rating && sqlite3_column_int64(ratings->row(), 0) < id) rating = ratings->next();
        if (rating && sqlite3_column_int64(ratings->row(), 0) == id) c.score = sqlite3_column_int(ratings->row(), 1);
      }
      visit(run, c);
    }
  });
}

Key PeriodCases::Texts::add(std::string_view text) {
  if (const auto at = known_.find(text); at != known_.end()) return {at->first, at->second};
  const std::string_view kept = texts_.emplace_back(text);
  const auto id = static_cast<std::uint32_t>(known_.size());
  known_.emplace(kept, id);
  return {kept, id};
}

Key PeriodCases::Texts::operator()(std::string_view text) {
  if (const auto at = known_.find(text); at != known_.end()) return {at->first, at->second};
  const std::lock_guard<std::mutex> lock(more_lock_);
  if (const auto at = more_.find(text); at != more_.end()) return {at->first, at->second};
  const std::string_view kept = texts_.emplace_back(text);
  const auto id = static_cast<std::uint32_t>(known_.size() + more_.size());
  more_.emplace(kept, id);
  return {kept, id};
}

int working_days_to_decision(const WorkCalendar& calendar, const PeriodCase& c) {
  return std::max(0, calendar.working_days_between(c.accepted, *c.decided) - c.paused_days);
}

bool in_period(Date d, Date from, Date to) {
  return d >= from && d <= to;
}

}  // namespace sqgl::core::reports
