// Importing the cases of earlier years, and residents' ratings of decided cases.
#include <algorithm>
#include <map>

#include <SQLiteCpp/Statement.h>

#include "core/base/citizen_id.h"
#include "core/db/settings.h"
#include "core/import/importer.h"
#include "core/model/calendar.h"
#include "core/model/cases/cases.h"
#include "core/model/cases/record.h"
#include "core/model/catalog.h"
#include "core/model/history.h"

namespace sqgl::core::imports {

namespace {

// A local date-time or date from a spreadsheet: 2012-01-29 09:00, 2012/1/29, 20120129.
DateTime parse_flexible_datetime(const std::string& column, const std::string& text) {
  if (auto dt = parse_spreadsheet_datetime(text)) return *dt;
  // Name the date part when that is what is wrong.
  parse_flexible_date(column, text.substr(0, text.find_first_of(" T")));
  throw FieldError(column, tr("{} is not a date and time (YYYY-MM-DD HH:MM)", errors::quote(text)));
}

// A time a case happened at: a date-time from a spreadsheet, in the years sqgl keeps.
DateTime parse_business_time(const std::string& column, const std::string& text) {
  const DateTime at = parse_flexible_datetime(column, text);
  try {
    check_business_year(at.date, column);
  } catch (const InvalidInput& e) {
    throw FieldError(column, e.what());
  }
  return at;
}

std::optional<std::int64_t> case_id(const SQLite::Database& db, const std::string& number) {
  SQLite::Statement q(db, "SELECT id FROM cases WHERE number = ?");
  q.bind(1, number);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

// Residents' ratings collected elsewhere (paper forms, a kiosk).
class EvaluationImporter final : public Importer {
 public:
  EvaluationImporter(SQLite::Database& db, bool upsert, const Operator& op, const Clock& clock, std::string source)
      : db_(db), upsert_(upsert), op_(op), clock_(clock), source_(std::move(source)) {}
  std::vector<Column> columns() const override {
    return {{"case", {"办件编号", "案件编号"}, true},
            {"score", {"评分", "评价"}, true},
            {"comment", {"评价内容", "意见"}, false},
            {"at", {"评价时间"}, false},
            {"recorded_by", {"记录人", "工号"}, false}};
  }
  std::string key_column() const override { return "case"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::optional<std::int64_t> id;
    std::string number, decided_at;
    int score = 0;
    std::string recorder = op_.staff_no;
    std::string at = format_datetime(clock_.now());
    p.check([&] {
      number = require(row, "case");
      id = case_id(db_, number);
      if (!id) throw FieldError("case", tr("no case {}", errors::quote(number)));
      SQLite::Statement q(db_, "SELECT status, COALESCE(decided_at, '') FROM cases WHERE id = ?");
      q.bind(1, *id);
      q.executeStep();
      const auto status = stored<CaseStatus>(q.getColumn(0).getText());
      decided_at = q.getColumn(1).getString();
      if (status != CaseStatus::approved && status != CaseStatus::rejected) {
        throw FieldError("case",
                         tr("case {} is {}; only decided cases are rated", errors::quote(number), label(status)));
      }
    });
    p.check([&] {
      static const std::vector<std::string> labels = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
      const auto text = require(row, "score");
      auto label = std::find(labels.begin(), labels.end(), text);
      if (label != labels.end()) {
        score = static_cast<int>(label - labels.begin()) + 1;
      } else if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
        score = text[0] - '0';
      } else {
        throw FieldError("score", tr("{} is not a score from 1 to 5 (or 非常满意 … 非常不满意)", errors::quote(text)));
      }
    });
    p.check([&] {
      if (!row.get("at").empty()) {
        const DateTime when = parse_business_time("at", row.get("at"));
        if (when > clock_.now()) throw FieldError("at", _("is in the future"));
        at = format_datetime(when);
      }
      // A rating follows the decision it rates.
      if (!decided_at.empty() && at < decided_at) {
        throw FieldError("at", tr("{} is before the case was decided ({})", at, decided_at));
      }
    });
    p.check([&] {
      if (row.get("recorded_by").empty()) return;
      if (!staff_id(db_, row.get("recorded_by"))) {
        throw FieldError("recorded_by", tr("unknown staff number {}", errors::quote(row.get("recorded_by"))));
      }
      recorder = row.get("recorded_by");
    });
    if (!p.list.empty()) return std::nullopt;
    if (!claim(*id, p)) return std::nullopt;
    const std::string comment = row.get("comment");
    SQLite::Statement q(db_, "SELECT score, comment FROM evaluations WHERE case_id = ?");
    q.bind(1, *id);
    Outcome outcome = Outcome::inserted;
    if (q.executeStep()) {
      if (q.getColumn(0).getInt() == score && q.getColumn(1).getString() == comment) return Outcome::unchanged;
      if (!upsert_) {
        p.add("case", _("this case was rated with other values; --mode upsert updates it"));
        return std::nullopt;
      }
      outcome = Outcome::updated;
    }
    CaseUpdate(db_, *id).rate(score, comment, at, recorder);
    // The rating as the case's history carries it, with where it came from.
    append_event(db_, clock_,
                 {"case.evaluate", number,
                  nlohmann::json{{"score", score},
                                 {"comment", comment},
                                 {"at", at},
                                 {"recorded_by", recorder},
                                 {"file", source_},
                                 {"line", line()}}
                      .dump(),
                  op_.staff_no});
    return outcome;
  }

 private:
  SQLite::Database& db_;
  bool upsert_;
  const Operator& op_;
  const Clock& clock_;
  std::string source_;
};

// Decided cases of earlier years, migrated from paper or another system, so that
// reports can compare before and after. Their steps carry the decision; the
// dates of the steps in between are not known and stay empty.
class CaseImporter final : public Importer {
 public:
  CaseImporter(SQLite::Database& db, const Operator& op, const Clock& clock, std::string source)
      : db_(db), op_(op), clock_(clock), source_(std::move(source)), calendar_(WorkCalendar::load(db)), writer_(db) {
    default_model_ = default_model(db);
    SQLite::Statement district(db, "SELECT code FROM units WHERE kind = 'district' ORDER BY id LIMIT 1");
    if (district.executeStep()) district_ = district.getColumn(0).getString();
  }
  std::vector<Column> columns() const override {
    return {{"number", {"办件编号", "案件编号"}, true},
            {"item", {"事项编码", "事项"}, true},
            {"resident", {"身份证号", "申请人身份证号"}, true},
            {"status", {"状态", "办理结果"}, true},
            {"accepted_at", {"受理时间"}, true},
            {"decided_at", {"办结时间"}, true},
            {"model", {"模式"}, false},
            {"accepted_by", {"受理人", "受理人工号"}, false},
            {"reason", {"原因", "不予批准原因"}, false},
            {"note", {"备注"}, false}};
  }
  std::string key_column() const override { return "number"; }
  std::optional<Outcome> write(const Row& row, Problems& p) override {
    std::string number, community_code, accepted_by = op_.staff_no;
    CaseStatus status = CaseStatus::approved;
    Model model = default_model_;
    std::optional<Item> item;
    std::int64_t resident = 0, community = 0;
    std::optional<DateTime> accepted, decided;
    p.check([&] { number = require(row, "number"); });
    p.check([&] {
      const auto code = require(row, "item");
      try {
        item = get_item(db_, code);
      } catch (const NotFound& e) {
        throw FieldError("item", e.what());
      }
    });
    p.check([&] {
      auto check = check_citizen_id(require(row, "resident"), clock_.today());
      if (!check.id) throw FieldError("resident", check.message);
      SQLite::Statement q(db_,
                          "SELECT r.id, h.community_id, u.code FROM residents r JOIN households h "
                          "ON h.id = r.household_id JOIN units u ON u.id = h.community_id WHERE r.citizen_id = ?");
      q.bind(1, check.id->number);
      if (!q.executeStep()) throw FieldError("resident", _("no resident with this citizen ID"));
      resident = q.getColumn(0).getInt64();
      community = q.getColumn(1).getInt64();
      community_code = q.getColumn(2).getString();
    });
    p.check([&] {
      static const std::map<std::string, CaseStatus> statuses = {
          {"approved", CaseStatus::approved},   {"办结", CaseStatus::approved},
          {"批准", CaseStatus::approved},       {"准予", CaseStatus::approved},
          {"rejected", CaseStatus::rejected},   {"不予批准", CaseStatus::rejected},
          {"驳回", CaseStatus::rejected},       {"withdrawn", CaseStatus::withdrawn},
          {"撤回", CaseStatus::withdrawn}};
      const auto text = require(row, "status");
      auto it = statuses.find(text);
      if (it == statuses.end()) {
        throw FieldError("status", tr("{} is not a decided status (approved/办结, rejected/不予批准, "
                                      "withdrawn/撤回); open cases are entered with 'sqgl apply'",
                                      errors::quote(text)));
      }
      status = it->second;
    });
    p.check([&] { accepted = parse_business_time("accepted_at", require(row, "accepted_at")); });
    p.check([&] {
      decided = parse_business_time("decided_at", require(row, "decided_at"));
      if (accepted && *decided < *accepted) throw FieldError("decided_at", _("is before the case was accepted"));
      if (*decided > clock_.now()) throw FieldError("decided_at", _("is in the future"));
    });
    // <district>-<YYYYMMDD>-<NNNN>: the district's code, the day it was accepted, a
    // number of that day. Anything else would break the numbering of later cases.
    p.check([&] {
      if (number.empty() || !accepted) return;
      const std::string day = format_date(accepted->date);
      const std::string expected = fmt::format("{}-{}{}{}-", district_, day.substr(0, 4), day.substr(5, 2),
                                               day.substr(8, 2));
      const std::string tail = number.size() == expected.size() + 4 ? number.substr(expected.size()) : "";
      if (!number.starts_with(expected) || tail.find_first_not_of("0123456789") != std::string::npos ||
          tail.empty() || tail == "0000") {
        throw FieldError("number", tr("{} is not a case number of the day it was accepted: expected {}NNNN "
                                      "(0001 to 9999)",
                                      errors::quote(number), expected));
      }
    });
    p.check([&] {
      const auto text = row.get("model");
      if (text.empty()) return;
      if (text == "new" || text == "新") {
        model = Model::reformed;
      } else if (text == "old" || text == "旧") {
        model = Model::former;
      } else {
        throw FieldError("model", tr("{} is not 'new' or 'old'", errors::quote(text)));
      }
    });
    p.check([&] {
      if (row.get("accepted_by").empty()) return;
      if (!staff_id(db_, row.get("accepted_by"))) {
        throw FieldError("accepted_by", tr("unknown staff number {}", errors::quote(row.get("accepted_by"))));
      }
      accepted_by = row.get("accepted_by");
    });
    if (!p.list.empty()) return std::nullopt;

    if (auto existing = case_id(db_, number)) {
      if (!claim(*existing, p)) return std::nullopt;
      SQLite::Statement q(db_, "SELECT item, resident_id, status, accepted_at, decided_at FROM cases WHERE id = ?");
      q.bind(1, *existing);
      q.executeStep();
      if (q.getColumn(0).getString() == item->code && q.getColumn(1).getInt64() == resident &&
          q.getColumn(2).getString() == text(status) && q.getColumn(3).getString() == format_datetime(*accepted) &&
          q.getColumn(4).getString() == format_datetime(*decided)) {
        return Outcome::unchanged;
      }
      p.add("number", _("a case with this number exists with other values; imported cases are not changed"));
      return std::nullopt;
    }
    const auto& chain = item->chain(model);
    std::vector<StepUnit> units;
    try {
      for (const auto& step : chain) units.push_back(resolve_step_unit(db_, step, community));
    } catch (const Conflict& e) {
      p.add("resident", e.what());
      return std::nullopt;
    }
    // The case as it was decided elsewhere: its steps carry the decision; the dates
    // of the steps in between are not known and stay empty.
    CaseRecord record;
    record.number = number;
    record.item = item->code;
    record.model = model;
    record.resident_id = resident;
    record.community = community_code;
    record.window = item->window;
    record.status = status;
    record.accepted_at = format_datetime(*accepted);
    record.accepted_by = accepted_by;
    record.due_date = format_date(chain_due(calendar_, accepted->date, chain));
    record.decided_at = format_datetime(*decided);
    record.note = row.get("note");
    // Rejected: the last step that judges (a posting judges nothing) said no.
    std::size_t judging = chain.size() - 1;
    while (judging > 0 && chain[judging].kind == StepKind::posting) --judging;
    for (std::size_t i = 0; i < chain.size(); ++i) {
      const bool first = i == 0, last = i == judging;
      // Approved: every step approved. Rejected: the last judging step said no, those
      // after it never ran. Withdrawn: at the first.
      StepStatus step_status = StepStatus::approved;
      if (status == CaseStatus::rejected && last) step_status = StepStatus::rejected;
      if (status == CaseStatus::rejected && i > judging) step_status = StepStatus::pending;
      if (status == CaseStatus::withdrawn) step_status = first ? StepStatus::withdrawn : StepStatus::pending;
      const bool decides = status == CaseStatus::withdrawn  ? first
                           : status == CaseStatus::rejected ? last
                                                            : i + 1 == chain.size();
      record.steps.push_back({chain[i].seq, chain[i].level, units[i].code, chain[i].name_zh, chain[i].role,
                              chain[i].days, step_status, "", first ? record.accepted_at : "", "",
                              decides ? record.decided_at : "", "", decides ? row.get("reason") : "",
                              chain[i].kind, chain[i].place});
    }
    const std::int64_t id = writer_.insert(record);
    claim(id, p);
    // Each imported case is an event of its own, which `sqgl check` replays it from.
    append_event(db_, clock_,
                 {"case.import", number,
                  nlohmann::json{{"record", case_record_json(record)}, {"file", source_}, {"line", line()}}.dump(),
                  op_.staff_no});
    return Outcome::inserted;
  }

 private:
  SQLite::Database& db_;
  const Operator& op_;
  const Clock& clock_;
  std::string source_;
  WorkCalendar calendar_;
  CaseWriter writer_;
  Model default_model_ = Model::reformed;
  std::string district_;
};

}  // namespace

std::unique_ptr<Importer> make_case_importer(SQLite::Database& db, const Operator& op, const Clock& clock,
                                             const std::string& source) {
  return std::make_unique<CaseImporter>(db, op, clock, source);
}

std::unique_ptr<Importer> make_evaluation_importer(SQLite::Database& db, bool upsert, const Operator& op,
                                                   const Clock& clock, const std::string& source) {
  return std::make_unique<EvaluationImporter>(db, upsert, op, clock, source);
}

}  // namespace sqgl::core::imports
