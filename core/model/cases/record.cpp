#include "core/model/cases/record.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "core/base/date.h"
#include "core/base/error.h"
#include "core/base/i18n.h"
#include "core/db/database.h"
#include "core/db/row.h"

namespace sqgl::core {

namespace {

using nlohmann::json;

void put_text(json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

std::string get_text(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) throw InvalidInput(tr("a case record's {} is not text", key));
  return it->get<std::string>();
}

int get_int(const json& j, const char* key, int fallback = 0) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_integer()) throw InvalidInput(tr("a case record's {} is not a number", key));
  return it->get<int>();
}

// A word of one of the workflow's vocabularies, read from a record's text.
template <typename E>
E get_word(const std::string& text, const char* key) {
  if (const auto value = parse<E>(text)) return *value;
  throw InvalidInput(
      tr("a case record's {} {} is not a {}", key, errors::quote(text), translate(Words<E>::what.data())));
}

std::optional<int> get_optional_int(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return get_int(j, key);
}

const json& get_array(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return kEmpty;
  if (!it->is_array()) throw InvalidInput(tr("a case record's {} is not a list", key));
  return *it;
}

std::string shown(const std::string& value) {
  return value.empty() ? "none" : value;
}
std::string shown(const std::optional<int>& value) {
  return value ? std::to_string(*value) : "none";
}
std::string shown(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : "none";
}
std::string shown(const std::optional<StageResult>& value) {
  return value ? std::string(text(*value)) : "none";
}

std::optional<std::int64_t> get_optional_int64(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) throw InvalidInput(tr("a case record's {} is not a number", key));
  return it->get<std::int64_t>();
}
template <typename E, typename = std::enable_if_t<kIsWord<E>>>
std::string shown(E value) {
  return std::string(text(value));
}

}  // namespace

StepRecord& CaseRecord::step(int seq) {
  for (auto& s : steps) {
    if (s.seq == seq) return s;
  }
  throw Failure(tr("case {} has no step {}", errors::quote(number), seq));
}

json stage_record_json(const StageRecord& x) {
  json stage{{"step", x.step}, {"attempt", x.attempt}, {"kind", x.kind}, {"on", x.held_on}};
  put_text(stage, "ends_on", x.ends_on);
  if (x.income_fen) stage["income_fen"] = *x.income_fen;
  if (x.area_dm2) stage["area_dm2"] = *x.area_dm2;
  if (x.attendees) stage["attendees"] = *x.attendees;
  if (x.votes_for) stage["for"] = *x.votes_for;
  if (x.votes_against) stage["against"] = *x.votes_against;
  if (x.votes_abstain) stage["abstain"] = *x.votes_abstain;
  put_text(stage, "minutes", x.minutes);
  put_text(stage, "place", x.place);
  if (x.result) stage["result"] = *x.result;
  put_text(stage, "note", x.note);
  put_text(stage, "by", x.by);
  put_text(stage, "at", x.at);
  return stage;
}

StageRecord stage_record_from_json(const json& x) {
  if (!x.is_object()) throw InvalidInput(_("a case record's stage is not an object"));
  StageRecord stage;
  stage.step = get_int(x, "step");
  stage.attempt = get_int(x, "attempt", 1);
  stage.kind = get_word<StepKind>(get_text(x, "kind"), "stage kind");
  stage.held_on = get_text(x, "on");
  stage.ends_on = get_text(x, "ends_on");
  stage.income_fen = get_optional_int64(x, "income_fen");
  stage.area_dm2 = get_optional_int64(x, "area_dm2");
  stage.attendees = get_optional_int(x, "attendees");
  stage.votes_for = get_optional_int(x, "for");
  stage.votes_against = get_optional_int(x, "against");
  stage.votes_abstain = get_optional_int(x, "abstain");
  stage.minutes = get_text(x, "minutes");
  stage.place = get_text(x, "place");
  if (const std::string result = get_text(x, "result"); !result.empty()) {
    stage.result = get_word<StageResult>(result, "stage result");
  }
  stage.note = get_text(x, "note");
  stage.by = get_text(x, "by");
  stage.at = get_text(x, "at");
  return stage;
}

StageRecord* last_stage(CaseRecord& record, int step) {
  StageRecord* last = nullptr;
  for (auto& stage : record.stages) {
    if (stage.step == step && (!last || stage.attempt > last->attempt)) last = &stage;
  }
  return last;
}

StageRecord posting_stage(const CaseRecord& record, const StepRecord& step, const std::string& day) {
  StageRecord stage;
  stage.step = step.seq;
  stage.attempt = 1;
  for (const auto& s : record.stages) {
    if (s.step == step.seq) stage.attempt = std::max(stage.attempt, s.attempt + 1);
  }
  stage.kind = StepKind::posting;
  stage.held_on = day;
  if (const auto first = parse_date(day)) stage.ends_on = format_date(*first + std::chrono::days{step.days});
  stage.place = step.place;
  return stage;
}

json case_record_json(const CaseRecord& r) {
  json j{{"number", r.number},           {"item", r.item},        {"model", r.model},   {"resident_id", r.resident_id},
         {"community", r.community},     {"window", r.window},    {"status", r.status}, {"accepted_at", r.accepted_at},
         {"accepted_by", r.accepted_by}, {"due_date", r.due_date}};
  if (r.current_seq) j["current_step"] = *r.current_seq;
  put_text(j, "household", r.household);
  if (r.paused_days != 0) j["paused_days"] = r.paused_days;
  if (r.posting_days != 0) j["posting_days"] = r.posting_days;
  put_text(j, "returned_at", r.returned_at);
  put_text(j, "decided_at", r.decided_at);
  put_text(j, "note", r.note);
  // Steps as rows (kStepFields), not objects: a case's history carries its steps
  // whole, and a district's ten years are millions of them.
  json steps = json::array();
  for (const auto& s : r.steps) {
    json row = json::array({s.seq, s.level, s.unit, s.name_zh, s.role, s.days, s.status, s.assignee, s.started_at,
                            s.due_date, s.decided_at, s.decided_by, s.note});
    if (s.kind != StepKind::decision || !s.place.empty()) {
      row.push_back(s.kind);
      row.push_back(s.place);
    }
    steps.push_back(std::move(row));
  }
  j["steps"] = std::move(steps);
  if (!r.stages.empty()) {
    json stages = json::array();
    for (const auto& x : r.stages) stages.push_back(stage_record_json(x));
    j["stages"] = std::move(stages);
  }
  if (!r.materials.empty()) {
    json materials = json::array();
    for (const auto& m : r.materials) {
      json material{{"seq", m.seq}, {"name_zh", m.name_zh}, {"required", m.required}};
      put_text(material, "received_at", m.received_at);
      put_text(material, "requested_at", m.requested_at);
      materials.push_back(std::move(material));
    }
    j["materials"] = std::move(materials);
  }
  if (r.rating) {
    json rating{{"score", r.rating->score}, {"at", r.rating->at}, {"recorded_by", r.rating->recorded_by}};
    put_text(rating, "comment", r.rating->comment);
    j["rating"] = std::move(rating);
  }
  if (!r.waits.empty()) {
    json waits = json::array();
    for (const auto& w : r.waits) {
      json wait{{"seq", w.seq}, {"step", w.step}, {"returned_at", w.returned_at}, {"due_before", w.due_before}};
      put_text(wait, "resumed_at", w.resumed_at);
      if (w.working_days) wait["working_days"] = *w.working_days;
      put_text(wait, "step_due_before", w.step_due_before);
      waits.push_back(std::move(wait));
    }
    j["waits"] = std::move(waits);
  }
  return j;
}

CaseRecord case_record_from_json(const json& j) {
  if (!j.is_object()) throw InvalidInput(_("a case record is not an object"));
  CaseRecord r;
  r.number = get_text(j, "number");
  r.item = get_text(j, "item");
  r.model = get_word<Model>(get_text(j, "model"), "model");
  if (const auto it = j.find("resident_id"); it != j.end() && it->is_number_integer())
    r.resident_id = it->get<std::int64_t>();
  r.household = get_text(j, "household");
  r.community = get_text(j, "community");
  r.window = get_text(j, "window");
  r.status = get_word<CaseStatus>(get_text(j, "status"), "status");
  r.current_seq = get_optional_int(j, "current_step");
  r.accepted_at = get_text(j, "accepted_at");
  r.accepted_by = get_text(j, "accepted_by");
  r.due_date = get_text(j, "due_date");
  r.paused_days = get_int(j, "paused_days");
  r.posting_days = get_int(j, "posting_days");
  r.returned_at = get_text(j, "returned_at");
  r.decided_at = get_text(j, "decided_at");
  r.note = get_text(j, "note");
  for (const auto& s : get_array(j, "steps")) {
    // 13 fields: a decision step (as every step was before steps had kinds).
    if (!s.is_array() || (s.size() != 13 && s.size() != 15) || !s[0].is_number_integer() ||
        !s[5].is_number_integer()) {
      throw InvalidInput(_("a case record's step is not a row of 13 or 15 fields"));
    }
    auto text = [&](std::size_t i) {
      if (!s[i].is_string()) throw InvalidInput(_("a case record's step field is not text"));
      return s[i].get<std::string>();
    };
    r.steps.push_back({s[0].get<int>(), get_word<StepLevel>(text(1), "step level"), text(2), text(3),
                       get_word<Role>(text(4), "step role"), s[5].get<int>(),
                       get_word<StepStatus>(text(6), "step status"), text(7), text(8), text(9), text(10), text(11),
                       text(12), StepKind::decision, ""});
    if (s.size() == 15) {
      r.steps.back().kind = get_word<StepKind>(text(13), "step kind");
      r.steps.back().place = text(14);
    }
  }
  for (const auto& x : get_array(j, "stages")) r.stages.push_back(stage_record_from_json(x));
  for (const auto& m : get_array(j, "materials")) {
    const auto required = m.find("required");
    r.materials.push_back({get_int(m, "seq"), get_text(m, "name_zh"),
                           required == m.end() || !required->is_boolean() || required->get<bool>(),
                           get_text(m, "received_at"), get_text(m, "requested_at")});
  }
  if (const auto it = j.find("rating"); it != j.end() && it->is_object()) {
    r.rating = RatingRecord{get_int(*it, "score"), get_text(*it, "comment"), get_text(*it, "at"),
                            get_text(*it, "recorded_by")};
  }
  for (const auto& w : get_array(j, "waits")) {
    r.waits.push_back({get_int(w, "seq"), get_int(w, "step"), get_text(w, "returned_at"), get_text(w, "resumed_at"),
                       get_optional_int(w, "working_days"), get_text(w, "due_before"), get_text(w, "step_due_before")});
  }
  return r;
}

std::vector<Difference> compare_case(const CaseRecord& h, const CaseRecord& t) {
  std::vector<Difference> out;
  auto field = [&](std::string name, const auto& a, const auto& b) {
    if (a != b) out.push_back({std::move(name), shown(a), shown(b)});
  };
  field("item", h.item, t.item);
  field("model", h.model, t.model);
  field("resident", std::to_string(h.resident_id), std::to_string(t.resident_id));
  field("household", h.household, t.household);
  field("community", h.community, t.community);
  field("window", h.window, t.window);
  field("status", h.status, t.status);
  field("current step", shown(h.current_seq), shown(t.current_seq));
  field("accepted_at", h.accepted_at, t.accepted_at);
  field("accepted_by", h.accepted_by, t.accepted_by);
  field("due_date", h.due_date, t.due_date);
  field("paused_days", std::to_string(h.paused_days), std::to_string(t.paused_days));
  field("posting_days", std::to_string(h.posting_days), std::to_string(t.posting_days));
  field("returned_at", h.returned_at, t.returned_at);
  field("decided_at", h.decided_at, t.decided_at);
  field("note", h.note, t.note);

  // Parts matched by their number; one present on one side only is named whole.
  auto by_seq = [&](const auto& left, const auto& right, const std::string& what, const auto& compare) {
    using Part = typename std::decay_t<decltype(left)>::value_type;
    std::map<int, std::pair<const Part*, const Part*>> parts;
    for (const auto& x : left) parts[x.seq].first = &x;
    for (const auto& x : right) parts[x.seq].second = &x;
    for (const auto& [seq, pair] : parts) {
      const std::string name = fmt::format("{} {}", what, seq);
      if (!pair.first) {
        out.push_back({name, "none", "present"});
      } else if (!pair.second) {
        out.push_back({name, "present", "none"});
      } else {
        compare(name, *pair.first, *pair.second);
      }
    }
  };
  by_seq(h.steps, t.steps, "step", [&](const std::string& n, const StepRecord& a, const StepRecord& b) {
    field(n + " level", a.level, b.level);
    field(n + " unit", a.unit, b.unit);
    field(n + " name", a.name_zh, b.name_zh);
    field(n + " role", a.role, b.role);
    field(n + " days", std::to_string(a.days), std::to_string(b.days));
    field(n + " status", a.status, b.status);
    field(n + " assignee", a.assignee, b.assignee);
    field(n + " started_at", a.started_at, b.started_at);
    field(n + " due_date", a.due_date, b.due_date);
    field(n + " decided_at", a.decided_at, b.decided_at);
    field(n + " decided_by", a.decided_by, b.decided_by);
    field(n + " note", a.note, b.note);
    field(n + " kind", a.kind, b.kind);
    field(n + " place", a.place, b.place);
  });
  // Stages matched by step and attempt.
  std::map<std::pair<int, int>, std::pair<const StageRecord*, const StageRecord*>> stages;
  for (const auto& x : h.stages) stages[{x.step, x.attempt}].first = &x;
  for (const auto& x : t.stages) stages[{x.step, x.attempt}].second = &x;
  for (const auto& [key, pair] : stages) {
    const std::string n = fmt::format("stage {}.{}", key.first, key.second);
    if (!pair.first || !pair.second) {
      out.push_back({n, pair.first ? "present" : "none", pair.second ? "present" : "none"});
      continue;
    }
    const StageRecord &a = *pair.first, &b = *pair.second;
    field(n + " kind", a.kind, b.kind);
    field(n + " on", a.held_on, b.held_on);
    field(n + " ends_on", a.ends_on, b.ends_on);
    field(n + " income_fen", shown(a.income_fen), shown(b.income_fen));
    field(n + " area_dm2", shown(a.area_dm2), shown(b.area_dm2));
    field(n + " attendees", shown(a.attendees), shown(b.attendees));
    field(n + " for", shown(a.votes_for), shown(b.votes_for));
    field(n + " against", shown(a.votes_against), shown(b.votes_against));
    field(n + " abstain", shown(a.votes_abstain), shown(b.votes_abstain));
    field(n + " minutes", a.minutes, b.minutes);
    field(n + " place", a.place, b.place);
    field(n + " result", shown(a.result), shown(b.result));
    field(n + " note", a.note, b.note);
    field(n + " by", a.by, b.by);
    field(n + " at", a.at, b.at);
  }
  by_seq(h.materials, t.materials, "material",
         [&](const std::string& n, const MaterialRecord& a, const MaterialRecord& b) {
           field(n + " name", a.name_zh, b.name_zh);
           field(n + " required", a.required ? "yes" : "no", b.required ? "yes" : "no");
           field(n + " received_at", a.received_at, b.received_at);
           field(n + " requested_at", a.requested_at, b.requested_at);
         });
  by_seq(h.waits, t.waits, "wait", [&](const std::string& n, const WaitRecord& a, const WaitRecord& b) {
    field(n + " step", std::to_string(a.step), std::to_string(b.step));
    field(n + " returned_at", a.returned_at, b.returned_at);
    field(n + " resumed_at", a.resumed_at, b.resumed_at);
    field(n + " working_days", shown(a.working_days), shown(b.working_days));
    field(n + " due_before", a.due_before, b.due_before);
    field(n + " step_due_before", a.step_due_before, b.step_due_before);
  });
  if (h.rating && t.rating) {
    field("rating score", std::to_string(h.rating->score), std::to_string(t.rating->score));
    field("rating comment", h.rating->comment, t.rating->comment);
    field("rating at", h.rating->at, t.rating->at);
    field("rating recorded_by", h.rating->recorded_by, t.rating->recorded_by);
  } else if (h.rating || t.rating) {
    out.push_back({"rating", h.rating ? std::to_string(h.rating->score) : "none",
                   t.rating ? std::to_string(t.rating->score) : "none"});
  }
  return out;
}

// ---- replaying a case's events ----------------------------------------------------

namespace {

std::string text_of(const json& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || it->is_null()) return "";
  if (!it->is_string()) throw InvalidInput(tr("its {} is not text", key));
  return it->get<std::string>();
}

int int_of(const json& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || !it->is_number_integer()) throw InvalidInput(tr("it has no {}", key));
  return it->get<int>();
}

std::vector<int> ints_of(const json& d, const char* key) {
  std::vector<int> out;
  const auto it = d.find(key);
  if (it == d.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (!v.is_number_integer()) throw InvalidInput(tr("its {} are not numbers", key));
    out.push_back(v.get<int>());
  }
  return out;
}

// The "after" of a {"before": …, "after": …} pair.
std::string after_of(const json& d, const char* key) {
  const auto it = d.find(key);
  if (it == d.end() || !it->is_object()) throw InvalidInput(tr("it has no {}", key));
  return text_of(*it, "after");
}

MaterialRecord& material(CaseRecord& r, int seq) {
  for (auto& m : r.materials) {
    if (m.seq == seq) return m;
  }
  throw InvalidInput(tr("the case has no material {}", seq));
}

WaitRecord* open_wait(CaseRecord& r) {
  for (auto& w : r.waits) {
    if (w.resumed_at.empty()) return &w;
  }
  return nullptr;
}

void require_state(const CaseRecord& r, CaseStatus status) {
  if (r.status != status) throw InvalidInput(tr("the case is {}, not {}", label(r.status), label(status)));
}

void require_current(const CaseRecord& r, int step) {
  if (!r.current_seq || *r.current_seq != step) {
    throw InvalidInput(tr("step {} is not the case's current step", step));
  }
}

void decide(StepRecord& s, StepStatus status, const std::string& at, const std::string& by, const std::string& note) {
  s.status = status;
  s.decided_at = at;
  s.decided_by = by;
  s.note = note;
}

void close(CaseRecord& r, CaseStatus status, const std::string& at) {
  r.status = status;
  r.current_seq.reset();
  r.decided_at = at;
}

// The case moves on from its current step as the event says: to "next_step", due on
// "next_due" (a posting that starts opens its stage), or approved at the last step.
void move_on(CaseRecord& r, const std::string& at, const json& d) {
  if (d.contains("next_step")) {
    const int next = int_of(d, "next_step");
    StepRecord& n = r.step(next);
    n.status = StepStatus::active;
    n.started_at = at;
    n.due_date = text_of(d, "next_due");
    r.current_seq = next;
    if (n.kind == StepKind::posting) r.stages.push_back(posting_stage(r, n, at.substr(0, 10)));
  } else {
    close(r, CaseStatus::approved, at);
  }
}

// The running posting of step `seq`; InvalidInput when none runs.
StageRecord& running_posting(CaseRecord& r, int seq) {
  StageRecord* stage = last_stage(r, seq);
  if (!stage || stage->kind != StepKind::posting || stage->result) {
    throw InvalidInput(tr("step {} has no posting running", seq));
  }
  return *stage;
}

}  // namespace

namespace {

// case_record_json(r).dump() written directly, without building the JSON document
// (which costs more than the rest of check's replay of a case): the same keys in
// the same (sorted) order, and text escaped as nlohmann's dump() escapes it. A
// unit test holds the two to the same bytes.
class RecordText {
 public:
  explicit RecordText(std::string& out) : out_(out) {}

  void text(std::string_view s) {
    out_ += '"';
    for (const char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            out_ += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }
  template <typename E, typename = std::enable_if_t<kIsWord<E>>>
  void text(E word) {
    text(core::text(word));
  }
  void number(std::int64_t n) { fmt::format_to(std::back_inserter(out_), "{}", n); }
  void boolean(bool b) { out_ += b ? "true" : "false"; }

  // Objects: key() before each member, in sorted order.
  void open() { out_ += '{', first_ = true; }
  void close() { out_ += '}', first_ = false; }
  void key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += k;
    out_ += "\":";
  }
  // Arrays.
  void open_list() { out_ += '[', first_ = true; }
  void close_list() { out_ += ']', first_ = false; }
  void item() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  template <typename V>
  void value(const V& v) {
    if constexpr (std::is_same_v<V, bool>) {
      boolean(v);
    } else if constexpr (std::is_integral_v<V>) {
      number(v);
    } else {
      text(v);
    }
  }
  template <typename V>
  void member(std::string_view k, const V& v) {
    key(k);
    value(v);
  }
  template <typename... V>
  void row(const V&... values) {  // an array of values
    open_list();
    ((item(), value(values)), ...);
    close_list();
  }
  // The list `k` of `parts`, each written by `write`; an empty one is left out
  // unless `always`.
  template <typename T, typename F>
  void list(std::string_view k, const std::vector<T>& parts, F write, bool always = false) {
    if (parts.empty() && !always) return;
    key(k);
    open_list();
    for (const T& part : parts) {
      item();
      write(part);
    }
    close_list();
  }
  void text_if(std::string_view k, std::string_view value) {  // put_text: empty text is left out
    if (value.empty()) return;
    key(k);
    text(value);
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void write_record(RecordText& w, const CaseRecord& r) {
  w.open();
  w.member("accepted_at", r.accepted_at);
  w.member("accepted_by", r.accepted_by);
  w.member("community", r.community);
  if (r.current_seq) w.member("current_step", *r.current_seq);
  w.text_if("decided_at", r.decided_at);
  w.member("due_date", r.due_date);
  w.text_if("household", r.household);
  w.member("item", r.item);
  w.list("materials", r.materials, [&](const MaterialRecord& m) {
    w.open();
    w.member("name_zh", m.name_zh);
    w.text_if("received_at", m.received_at);
    w.text_if("requested_at", m.requested_at);
    w.member("required", m.required);
    w.member("seq", m.seq);
    w.close();
  });
  w.member("model", r.model);
  w.text_if("note", r.note);
  w.member("number", r.number);
  if (r.paused_days != 0) w.member("paused_days", r.paused_days);
  if (r.posting_days != 0) w.member("posting_days", r.posting_days);
  if (r.rating) {
    w.key("rating");
    w.open();
    w.member("at", r.rating->at);
    w.text_if("comment", r.rating->comment);
    w.member("recorded_by", r.rating->recorded_by);
    w.member("score", r.rating->score);
    w.close();
  }
  w.member("resident_id", r.resident_id);
  w.text_if("returned_at", r.returned_at);
  w.list("stages", r.stages, [&](const StageRecord& x) {
    w.open();
    if (x.votes_abstain) w.member("abstain", *x.votes_abstain);
    if (x.votes_against) w.member("against", *x.votes_against);
    if (x.area_dm2) w.member("area_dm2", *x.area_dm2);
    w.text_if("at", x.at);
    w.member("attempt", x.attempt);
    if (x.attendees) w.member("attendees", *x.attendees);
    w.text_if("by", x.by);
    w.text_if("ends_on", x.ends_on);
    if (x.votes_for) w.member("for", *x.votes_for);
    if (x.income_fen) w.member("income_fen", *x.income_fen);
    w.member("kind", x.kind);
    w.text_if("minutes", x.minutes);
    w.text_if("note", x.note);
    w.member("on", x.held_on);
    w.text_if("place", x.place);
    if (x.result) w.member("result", *x.result);
    w.member("step", x.step);
    w.close();
  });
  w.member("status", r.status);
  w.list(  // rows of kStepFields
      "steps", r.steps,
      [&](const StepRecord& s) {
        if (s.kind != StepKind::decision || !s.place.empty()) {
          w.row(s.seq, s.level, s.unit, s.name_zh, s.role, s.days, s.status, s.assignee, s.started_at, s.due_date,
                s.decided_at, s.decided_by, s.note, s.kind, s.place);
        } else {
          w.row(s.seq, s.level, s.unit, s.name_zh, s.role, s.days, s.status, s.assignee, s.started_at, s.due_date,
                s.decided_at, s.decided_by, s.note);
        }
      },
      /*always=*/true);
  w.list("waits", r.waits, [&](const WaitRecord& x) {
    w.open();
    w.member("due_before", x.due_before);
    w.text_if("resumed_at", x.resumed_at);
    w.member("returned_at", x.returned_at);
    w.member("seq", x.seq);
    w.member("step", x.step);
    w.text_if("step_due_before", x.step_due_before);
    if (x.working_days) w.member("working_days", *x.working_days);
    w.close();
  });
  w.member("window", r.window);
  w.close();
}

}  // namespace

std::string case_record_text(const CaseRecord& record) {
  std::string out;
  out.reserve(1024);
  RecordText w(out);
  write_record(w, record);
  return out;
}

bool carries_record(std::string_view kind, std::string_view detail, const CaseRecord& record) {
  const bool whole = kind == "case.generate" || kind == "case.adopt";
  if (!whole && kind != "case.import") return false;
  // {"record":…}, or {"file":…,"line":…,"record":…} for an import: keys in order.
  const std::string tail = fmt::format(R"({}"record":{}}})", whole ? "{" : ",", case_record_text(record));
  if (whole) return detail == tail;
  return detail.starts_with(R"({"file":)") && detail.ends_with(tail);
}

bool is_case_genesis(std::string_view kind) {
  return std::find(std::begin(kCaseGenesisKinds), std::end(kCaseGenesisKinds), kind) != std::end(kCaseGenesisKinds);
}

void apply_case_event(std::optional<CaseRecord>& record, const std::string& kind, const std::string& at,
                      const std::string& op, const json& d) {
  if (is_case_genesis(kind)) {
    const auto it = d.find("record");
    if (it == d.end()) throw InvalidInput(_("it carries no record of the case"));
    record = case_record_from_json(*it);
    return;
  }
  if (!record) throw InvalidInput(_("it comes before the event that created the case"));
  CaseRecord& r = *record;
  if (kind == "case.approve") {
    require_state(r, CaseStatus::open);
    const int seq = int_of(d, "step");
    require_current(r, seq);
    StepRecord& s = r.step(seq);
    decide(s, StepStatus::approved, at, op, text_of(d, "note"));
    if (s.kind == StepKind::posting) {
      // Closing a posting: it ran its days without objection.
      StageRecord& stage = running_posting(r, seq);
      stage.result = StageResult::pass;
      stage.by = op;
      stage.at = at;
      r.posting_days += int_of(d, "posting_days");
    }
    move_on(r, at, d);
  } else if (kind == "case.investigate" || kind == "case.review") {
    require_state(r, CaseStatus::open);
    const int seq = int_of(d, "step");
    require_current(r, seq);
    const auto it = d.find("stage");
    if (it == d.end()) throw InvalidInput(_("it carries no stage"));
    StageRecord stage = stage_record_from_json(*it);
    const bool passed = stage.result == StageResult::pass;
    const std::string note = stage.note;
    r.stages.push_back(std::move(stage));
    decide(r.step(seq), passed ? StepStatus::approved : StepStatus::rejected, at, op, note);
    if (passed) {
      move_on(r, at, d);
    } else {
      close(r, CaseStatus::rejected, at);
    }
  } else if (kind == "case.object") {
    require_state(r, CaseStatus::open);
    const int seq = int_of(d, "step");
    require_current(r, seq);
    StageRecord& stage = running_posting(r, seq);
    stage.result = StageResult::objected;
    stage.note = text_of(d, "reason");
    stage.by = op;
    stage.at = at;
    r.posting_days += int_of(d, "posting_days");
    // Back to the step that judges again; those after it wait their turn anew.
    const int back = int_of(d, "back_to");
    for (auto& s : r.steps) {
      if (s.seq < back) continue;
      s.status = s.seq == back ? StepStatus::active : StepStatus::pending;
      s.started_at = s.seq == back ? at : "";
      s.due_date = s.seq == back ? text_of(d, "back_due") : "";
      s.decided_at.clear();
      s.decided_by.clear();
      s.note.clear();
    }
    r.current_seq = back;
  } else if (kind == "case.reject") {
    require_state(r, CaseStatus::open);
    const int seq = int_of(d, "step");
    require_current(r, seq);
    decide(r.step(seq), StepStatus::rejected, at, op, text_of(d, "reason"));
    close(r, CaseStatus::rejected, at);
  } else if (kind == "case.return") {
    require_state(r, CaseStatus::open);
    const int seq = int_of(d, "step");
    require_current(r, seq);
    for (int m : ints_of(d, "materials")) {
      material(r, m).requested_at = at;
      material(r, m).received_at.clear();
    }
    StepRecord& s = r.step(seq);
    s.status = StepStatus::returned;
    s.note = text_of(d, "note");
    r.status = CaseStatus::returned;
    r.returned_at = at;
    r.waits.push_back({static_cast<int>(r.waits.size()) + 1, seq, at, "", std::nullopt, r.due_date, s.due_date});
  } else if (kind == "case.supplement") {
    require_state(r, CaseStatus::returned);
    for (int m : ints_of(d, "materials")) material(r, m).received_at = at;
    const int paused = int_of(d, "paused_days");
    StepRecord& s = r.step(r.current_seq.value_or(0));
    s.status = StepStatus::active;
    s.due_date = after_of(d, "step_due");
    r.status = CaseStatus::open;
    r.returned_at.clear();
    r.due_date = after_of(d, "due_date");
    r.paused_days += paused;
    if (WaitRecord* w = open_wait(r)) {
      w->resumed_at = at;
      w->working_days = paused;
    }
  } else if (kind == "case.withdraw") {
    if (r.status != CaseStatus::open && r.status != CaseStatus::returned)
      throw InvalidInput(tr("the case is {}", label(r.status)));
    decide(r.step(r.current_seq.value_or(0)), StepStatus::withdrawn, at, op, text_of(d, "reason"));
    if (WaitRecord* w = open_wait(r)) w->resumed_at = at;
    close(r, CaseStatus::withdrawn, at);
  } else if (kind == "case.notice") {
    // A change in the register to review: the case_notices row, replayed on its own.
  } else if (kind == "case.route") {
    r.step(int_of(d, "step")).assignee = after_of(d, "assignee");
  } else if (kind == "case.evaluate") {
    const std::string when = text_of(d, "at"), by = text_of(d, "recorded_by");
    r.rating = RatingRecord{int_of(d, "score"), text_of(d, "comment"), when.empty() ? at : when, by.empty() ? op : by};
  } else {
    throw InvalidInput(tr("sqgl does not know how to replay {}", errors::quote(kind)));
  }
}

// ---- the writer ----------------------------------------------------------------

namespace {

void bind_optional(SQLite::Statement& q, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}
void bind_optional(SQLite::Statement& q, int index, const std::optional<int>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}

// Inserts one stage of case row `case_id`, its recorder by row id (none while a posting runs).
void insert_stage(SQLite::Database& db, std::int64_t case_id, const StageRecord& x,
                  std::optional<std::int64_t> recorded_by) {
  SQLite::Statement q(db,
                      "INSERT INTO case_stages (case_id, step, attempt, kind, held_on, ends_on, income_fen, area_dm2, "
                      "attendees, votes_for, votes_against, votes_abstain, minutes, place, result, note, recorded_by, "
                      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::bind(q, case_id, x.step, x.attempt, std::string(text(x.kind)), x.held_on);
  bind_text_or_null(q, 6, x.ends_on);
  bind_optional(q, 7, x.income_fen);
  bind_optional(q, 8, x.area_dm2);
  bind_optional(q, 9, x.attendees);
  bind_optional(q, 10, x.votes_for);
  bind_optional(q, 11, x.votes_against);
  bind_optional(q, 12, x.votes_abstain);
  q.bind(13, x.minutes);
  q.bind(14, x.place);
  if (x.result) {
    q.bind(15, std::string(text(*x.result)));
  } else {
    q.bind(15);
  }
  q.bind(16, x.note);
  bind_optional(q, 17, recorded_by);
  bind_text_or_null(q, 18, x.at);
  q.exec();
}

}  // namespace

class CaseWriter::Impl {
 private:
  // Row ids of units and staff by code, looked up once per writer.
  class Ids {
   public:
    explicit Ids(const SQLite::Database& db)
        : unit_(db, "SELECT id FROM units WHERE code = ?"), staff_(db, "SELECT id FROM staff WHERE staff_no = ?") {}
    std::int64_t unit(const std::string& code) { return find(units_, unit_, code, N_("unit")); }
    std::int64_t staff(const std::string& staff_no) { return find(staff_ids_, staff_, staff_no, N_("staff number")); }

   private:
    std::int64_t find(std::unordered_map<std::string, std::int64_t>& cache, SQLite::Statement& q,
                      const std::string& key, const char* what) {
      if (const auto it = cache.find(key); it != cache.end()) return it->second;
      q.reset();
      q.bind(1, key);
      if (!q.executeStep()) throw InvalidInput(tr("unknown {} {}", translate(what), errors::quote(key)));
      return cache[key] = q.getColumn(0).getInt64();
    }
    SQLite::Statement unit_, staff_;
    std::unordered_map<std::string, std::int64_t> units_, staff_ids_;
  };

 public:
  explicit Impl(SQLite::Database& db)
      : db_(db),
        ids_(db),
        case_(db,
              "INSERT INTO cases (number, item, model, resident_id, community_id, window, status, current_seq, "
              "accepted_at, accepted_by, due_date, paused_days, returned_at, decided_at, note, posting_days, "
              "household_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              "CASE WHEN ?17 = '' THEN NULL ELSE (SELECT id FROM households WHERE code = ?17) END)"),
        step_(db,
              "INSERT INTO case_steps (case_id, seq, level, unit_id, name_zh, role, days, status, assignee_id, "
              "started_at, due_date, decided_at, decided_by, note, kind, place) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        material_(db,
                  "INSERT INTO case_materials (case_id, seq, name_zh, required, received_at, requested_at) "
                  "VALUES (?, ?, ?, ?, ?, ?)"),
        rating_(db, "INSERT INTO evaluations (case_id, score, comment, at, recorded_by) VALUES (?, ?, ?, ?, ?)"),
        wait_(db,
              "INSERT INTO case_waits (case_id, seq, step, returned_at, resumed_at, working_days, due_before, "
              "step_due_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") {}

  std::int64_t insert(const CaseRecord& r) {
    case_.reset();
    SQLite::bind(case_, r.number, r.item, std::string(text(r.model)), r.resident_id, ids_.unit(r.community), r.window,
                 std::string(text(r.status)));
    if (r.current_seq) {
      case_.bind(8, *r.current_seq);
    } else {
      case_.bind(8);
    }
    case_.bind(9, r.accepted_at);
    case_.bind(10, ids_.staff(r.accepted_by));
    case_.bind(11, r.due_date);
    case_.bind(12, r.paused_days);
    bind_text_or_null(case_, 13, r.returned_at);
    bind_text_or_null(case_, 14, r.decided_at);
    case_.bind(15, r.note);
    case_.bind(16, r.posting_days);
    case_.bind(17, r.household);
    case_.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    for (const auto& s : r.steps) {
      step_.reset();
      SQLite::bind(step_, id, s.seq, std::string(text(s.level)), ids_.unit(s.unit), s.name_zh,
                   std::string(text(s.role)), s.days, std::string(text(s.status)));
      if (s.assignee.empty()) {
        step_.bind(9);
      } else {
        step_.bind(9, ids_.staff(s.assignee));
      }
      bind_text_or_null(step_, 10, s.started_at);
      bind_text_or_null(step_, 11, s.due_date);
      bind_text_or_null(step_, 12, s.decided_at);
      if (s.decided_by.empty()) {
        step_.bind(13);
      } else {
        step_.bind(13, ids_.staff(s.decided_by));
      }
      step_.bind(14, s.note);
      step_.bind(15, std::string(text(s.kind)));
      step_.bind(16, s.place);
      step_.exec();
    }
    for (const auto& x : r.stages) {
      insert_stage(db_, id, x, x.by.empty() ? std::nullopt : std::optional<std::int64_t>(ids_.staff(x.by)));
    }
    for (const auto& m : r.materials) {
      material_.reset();
      SQLite::bind(material_, id, m.seq, m.name_zh, m.required ? 1 : 0);
      bind_text_or_null(material_, 5, m.received_at);
      bind_text_or_null(material_, 6, m.requested_at);
      material_.exec();
    }
    if (r.rating) {
      rating_.reset();
      SQLite::bind(rating_, id, r.rating->score, r.rating->comment, r.rating->at, ids_.staff(r.rating->recorded_by));
      rating_.exec();
    }
    for (const auto& w : r.waits) {
      wait_.reset();
      SQLite::bind(wait_, id, w.seq, w.step, w.returned_at);
      bind_text_or_null(wait_, 5, w.resumed_at);
      if (w.working_days) {
        wait_.bind(6, *w.working_days);
      } else {
        wait_.bind(6);
      }
      wait_.bind(7, w.due_before);
      bind_text_or_null(wait_, 8, w.step_due_before);
      wait_.exec();
    }
    return id;
  }

 private:
  SQLite::Database& db_;
  Ids ids_;
  SQLite::Statement case_, step_, material_, rating_, wait_;
};

CaseWriter::CaseWriter(SQLite::Database& db) : impl_(std::make_unique<Impl>(db)) {}
CaseWriter::~CaseWriter() = default;

std::int64_t CaseWriter::insert(const CaseRecord& record) {
  try {
    return impl_->insert(record);
  } catch (const SQLite::Exception& e) {
    if ((e.getExtendedErrorCode() & 0xff) == SQLITE_CONSTRAINT) {
      throw Conflict(tr("case {} cannot be written: {}", errors::quote(record.number), e.what()));
    }
    throw;
  }
}

// ---- the readers ---------------------------------------------------------------

namespace {

// Codes of units and staff numbers by row id: small tables, read once.
struct Names {
  explicit Names(const SQLite::Database& db) {
    SQLite::Statement u(db, "SELECT id, code FROM units");
    while (u.executeStep()) units[u.getColumn(0).getInt64()] = u.getColumn(1).getString();
    SQLite::Statement s(db, "SELECT id, staff_no FROM staff");
    while (s.executeStep()) staff[s.getColumn(0).getInt64()] = s.getColumn(1).getString();
  }
  std::string unit(std::optional<std::int64_t> id) const { return id ? find(units, *id) : ""; }
  std::string person(std::optional<std::int64_t> id) const { return id ? find(staff, *id) : ""; }
  static std::string find(const std::unordered_map<std::int64_t, std::string>& map, std::int64_t id) {
    const auto it = map.find(id);
    return it == map.end() ? fmt::format("#{}", id) : it->second;
  }
  std::unordered_map<std::int64_t, std::string> units, staff;
};

// Each reader below starts at the column after case_id (or the case's id).
constexpr const char* kCaseColumns =
    "SELECT id, number, item, model, resident_id, community_id, window, status, current_seq, accepted_at, "
    "accepted_by, due_date, paused_days, returned_at, decided_at, note, posting_days, "
    "(SELECT code FROM households WHERE id = household_id) FROM cases";
constexpr const char* kStepColumns =
    "SELECT case_id, seq, level, unit_id, name_zh, role, days, status, assignee_id, started_at, due_date, "
    "decided_at, decided_by, note, kind, place FROM case_steps";
constexpr const char* kMaterialColumns =
    "SELECT case_id, seq, name_zh, required, received_at, requested_at FROM case_materials";
constexpr const char* kStageColumns =
    "SELECT case_id, step, attempt, kind, held_on, ends_on, income_fen, area_dm2, attendees, votes_for, "
    "votes_against, votes_abstain, minutes, place, result, note, recorded_by, recorded_at FROM case_stages";
constexpr const char* kRatingColumns = "SELECT case_id, score, comment, at, recorded_by FROM evaluations";
constexpr const char* kWaitColumns =
    "SELECT case_id, seq, step, returned_at, resumed_at, working_days, due_before, step_due_before FROM case_waits";

CaseRecord case_row(const SQLite::Statement& q, const Names& names) {
  Row row(q);
  row.skip();
  CaseRecord r;
  r.number = row.text();
  r.item = row.text();
  r.model = stored<Model>(row.text());
  r.resident_id = row.int64();
  r.community = names.unit(row.maybe_int64());
  r.window = row.text();
  r.status = stored<CaseStatus>(row.text());
  r.current_seq = row.maybe_int();
  r.accepted_at = row.text();
  r.accepted_by = names.person(row.maybe_int64());
  r.due_date = row.text();
  r.paused_days = row.integer();
  r.returned_at = row.text();
  r.decided_at = row.text();
  r.note = row.text();
  r.posting_days = row.integer();
  r.household = row.text();
  return r;
}

StepRecord step_row(const SQLite::Statement& q, const Names& names) {
  Row row(q);
  row.skip();
  StepRecord s;
  s.seq = row.integer();
  s.level = stored<StepLevel>(row.text());
  s.unit = names.unit(row.maybe_int64());
  s.name_zh = row.text();
  s.role = stored<Role>(row.text());
  s.days = row.integer();
  s.status = stored<StepStatus>(row.text());
  s.assignee = names.person(row.maybe_int64());
  s.started_at = row.text();
  s.due_date = row.text();
  s.decided_at = row.text();
  s.decided_by = names.person(row.maybe_int64());
  s.note = row.text();
  s.kind = stored<StepKind>(row.text());
  s.place = row.text();
  return s;
}

StageRecord stage_row(const SQLite::Statement& q, const Names& names) {
  Row row(q);
  row.skip();
  StageRecord x;
  x.step = row.integer();
  x.attempt = row.integer();
  x.kind = stored<StepKind>(row.text());
  x.held_on = row.text();
  x.ends_on = row.text();
  x.income_fen = row.maybe_int64();
  x.area_dm2 = row.maybe_int64();
  x.attendees = row.maybe_int();
  x.votes_for = row.maybe_int();
  x.votes_against = row.maybe_int();
  x.votes_abstain = row.maybe_int();
  x.minutes = row.text();
  x.place = row.text();
  if (const std::string result = row.text(); !result.empty()) x.result = stored<StageResult>(result);
  x.note = row.text();
  x.by = names.person(row.maybe_int64());
  x.at = row.text();
  return x;
}

MaterialRecord material_row(const SQLite::Statement& q) {
  Row row(q);
  row.skip();
  MaterialRecord m;
  m.seq = row.integer();
  m.name_zh = row.text();
  m.required = row.flag();
  m.received_at = row.text();
  m.requested_at = row.text();
  return m;
}

RatingRecord rating_row(const SQLite::Statement& q, const Names& names) {
  Row row(q);
  row.skip();
  RatingRecord r;
  r.score = row.integer();
  r.comment = row.text();
  r.at = row.text();
  r.recorded_by = names.person(row.maybe_int64());
  return r;
}

WaitRecord wait_row(const SQLite::Statement& q) {
  Row row(q);
  row.skip();
  WaitRecord w;
  w.seq = row.integer();
  w.step = row.integer();
  w.returned_at = row.text();
  w.resumed_at = row.text();
  w.working_days = row.maybe_int();
  w.due_before = row.text();
  w.step_due_before = row.text();
  return w;
}

// A table read in case order alongside the cases: its rows for one case at a time.
class Cursor {
 public:
  Cursor(const SQLite::Database& db, const std::string& sql, CaseIds ids) : q_(db, sql) {
    SQLite::bind(q_, ids.first, ids.last);
    more_ = q_.executeStep();
  }
  template <typename F>
  void rows_of(std::int64_t case_id, const F& take) {
    while (more_ && q_.getColumn(0).getInt64() < case_id) more_ = q_.executeStep();  // rows of no case
    while (more_ && q_.getColumn(0).getInt64() == case_id) {
      take(q_);
      more_ = q_.executeStep();
    }
  }

 private:
  SQLite::Statement q_;
  bool more_ = false;
};

}  // namespace

void CaseUpdate::start_step(int seq, const std::string& at, const std::string& due) {
  SQLite::Statement q(db_,
                      "UPDATE case_steps SET status = 'active', started_at = ?, due_date = ? "
                      "WHERE case_id = ? AND seq = ?");
  SQLite::bind(q, at, due, case_id_, seq);
  q.exec();
}

void CaseUpdate::decide_step(int seq, StepStatus status, const std::string& at, std::int64_t by,
                             const std::string& note) {
  SQLite::Statement q(db_,
                      "UPDATE case_steps SET status = ?, decided_at = ?, decided_by = ?, note = ? "
                      "WHERE case_id = ? AND seq = ?");
  SQLite::bind(q, std::string(text(status)), at, by, note, case_id_, seq);
  q.exec();
}

void CaseUpdate::move_to(int seq) {
  SQLite::Statement q(db_, "UPDATE cases SET current_seq = ? WHERE id = ?");
  SQLite::bind(q, seq, case_id_);
  q.exec();
}

void CaseUpdate::close(CaseStatus status, const std::string& at) {
  SQLite::Statement q(db_, "UPDATE cases SET status = ?, current_seq = NULL, decided_at = ? WHERE id = ?");
  SQLite::bind(q, std::string(text(status)), at, case_id_);
  q.exec();
}

void CaseUpdate::request_materials(const std::vector<int>& seqs, const std::string& at) {
  SQLite::Statement q(db_,
                      "UPDATE case_materials SET requested_at = ?, received_at = NULL WHERE case_id = ? AND seq = ?");
  for (int seq : seqs) {
    q.reset();
    SQLite::bind(q, at, case_id_, seq);
    q.exec();
  }
}

void CaseUpdate::receive_materials(const std::vector<int>& seqs, const std::string& at) {
  SQLite::Statement q(db_, "UPDATE case_materials SET received_at = ? WHERE case_id = ? AND seq = ?");
  for (int seq : seqs) {
    q.reset();
    SQLite::bind(q, at, case_id_, seq);
    q.exec();
  }
}

void CaseUpdate::pause(int seq, const std::string& note, const std::string& at, const std::string& due_before,
                       const std::string& step_due_before) {
  SQLite::Statement step(db_, "UPDATE case_steps SET status = 'returned', note = ? WHERE case_id = ? AND seq = ?");
  SQLite::bind(step, note, case_id_, seq);
  step.exec();
  SQLite::Statement c(db_, "UPDATE cases SET status = 'returned', returned_at = ? WHERE id = ?");
  SQLite::bind(c, at, case_id_);
  c.exec();
  // The wait begins: reports as of a day within it see the case waiting, not late.
  SQLite::Statement wait(db_,
                         "INSERT INTO case_waits (case_id, seq, step, returned_at, due_before, step_due_before) "
                         "VALUES (?1, (SELECT COALESCE(max(seq), 0) + 1 FROM case_waits WHERE case_id = ?1), ?2, ?3, "
                         "?4, ?5)");
  SQLite::bind(wait, case_id_, seq, at, due_before, step_due_before);
  wait.exec();
}

void CaseUpdate::resume(int seq, const std::string& step_due, const std::string& due, int paused) {
  SQLite::Statement step(db_, "UPDATE case_steps SET status = 'active', due_date = ? WHERE case_id = ? AND seq = ?");
  SQLite::bind(step, step_due, case_id_, seq);
  step.exec();
  SQLite::Statement c(db_,
                      "UPDATE cases SET status = 'open', returned_at = NULL, due_date = ?, "
                      "paused_days = paused_days + ? WHERE id = ?");
  SQLite::bind(c, due, paused, case_id_);
  c.exec();
}

void CaseUpdate::end_wait(const std::string& at, std::optional<int> working_days) {
  SQLite::Statement q(db_,
                      "UPDATE case_waits SET resumed_at = ?, working_days = ? "
                      "WHERE case_id = ? AND resumed_at IS NULL");
  q.bind(1, at);
  if (working_days) {
    q.bind(2, *working_days);
  } else {
    q.bind(2);
  }
  q.bind(3, case_id_);
  q.exec();
}

void CaseUpdate::assign(int seq, std::int64_t staff_id) {
  SQLite::Statement q(db_, "UPDATE case_steps SET assignee_id = ? WHERE case_id = ? AND seq = ?");
  SQLite::bind(q, staff_id, case_id_, seq);
  q.exec();
}

void CaseUpdate::add_stage(const StageRecord& stage) {
  std::optional<std::int64_t> by;
  if (!stage.by.empty()) {
    SQLite::Statement q(db_, "SELECT id FROM staff WHERE staff_no = ?");
    q.bind(1, stage.by);
    if (!q.executeStep()) throw InvalidInput(tr("unknown {} {}", translate(N_("staff number")), errors::quote(stage.by)));
    by = q.getColumn(0).getInt64();
  }
  insert_stage(db_, case_id_, stage, by);
}

void CaseUpdate::end_posting(int step, int attempt, StageResult result, const std::string& note, std::int64_t by,
                             const std::string& at) {
  SQLite::Statement q(db_,
                      "UPDATE case_stages SET result = ?, note = ?, recorded_by = ?, recorded_at = ? "
                      "WHERE case_id = ? AND step = ? AND attempt = ?");
  SQLite::bind(q, std::string(text(result)), note, by, at, case_id_, step, attempt);
  q.exec();
}

void CaseUpdate::add_posting_days(int days) {
  SQLite::Statement q(db_, "UPDATE cases SET posting_days = posting_days + ? WHERE id = ?");
  SQLite::bind(q, days, case_id_);
  q.exec();
}

void CaseUpdate::reopen(int seq, const std::string& at, const std::string& due) {
  SQLite::Statement q(db_,
                      "UPDATE case_steps SET status = 'active', started_at = ?, due_date = ?, decided_at = NULL, "
                      "decided_by = NULL, note = '' WHERE case_id = ? AND seq = ?");
  SQLite::bind(q, at, due, case_id_, seq);
  q.exec();
}

void CaseUpdate::reset_step(int seq) {
  SQLite::Statement q(db_,
                      "UPDATE case_steps SET status = 'pending', started_at = NULL, due_date = NULL, "
                      "decided_at = NULL, decided_by = NULL, note = '' WHERE case_id = ? AND seq = ?");
  SQLite::bind(q, case_id_, seq);
  q.exec();
}

void CaseUpdate::rate(int score, const std::string& comment, const std::string& at, const std::string& recorded_by) {
  SQLite::Statement q(db_,
                      "INSERT INTO evaluations (case_id, score, comment, at, recorded_by) "
                      "VALUES (?, ?, ?, ?, (SELECT id FROM staff WHERE staff_no = ?)) "
                      "ON CONFLICT (case_id) DO UPDATE SET score = excluded.score, comment = excluded.comment, "
                      "at = excluded.at, recorded_by = excluded.recorded_by");
  SQLite::bind(q, case_id_, score, comment, at, recorded_by);
  q.exec();
}

CaseRecord read_case_record(const SQLite::Database& db, std::int64_t case_id) {
  const Names names(db);
  SQLite::Statement c(db, std::string(kCaseColumns) + " WHERE id = ?");
  c.bind(1, case_id);
  if (!c.executeStep()) throw NotFound(tr("no case row {}", case_id));
  CaseRecord r = case_row(c, names);
  SQLite::Statement steps(db, std::string(kStepColumns) + " WHERE case_id = ? ORDER BY seq");
  steps.bind(1, case_id);
  while (steps.executeStep()) r.steps.push_back(step_row(steps, names));
  SQLite::Statement materials(db, std::string(kMaterialColumns) + " WHERE case_id = ? ORDER BY seq");
  materials.bind(1, case_id);
  while (materials.executeStep()) r.materials.push_back(material_row(materials));
  SQLite::Statement rating(db, std::string(kRatingColumns) + " WHERE case_id = ?");
  rating.bind(1, case_id);
  if (rating.executeStep()) r.rating = rating_row(rating, names);
  SQLite::Statement waits(db, std::string(kWaitColumns) + " WHERE case_id = ? ORDER BY seq");
  waits.bind(1, case_id);
  while (waits.executeStep()) r.waits.push_back(wait_row(waits));
  SQLite::Statement stages(db, std::string(kStageColumns) + " WHERE case_id = ? ORDER BY step, attempt");
  stages.bind(1, case_id);
  while (stages.executeStep()) r.stages.push_back(stage_row(stages, names));
  return r;
}

std::vector<CaseIds> case_id_runs(const SQLite::Database& db, std::int64_t parts) {
  SQLite::Statement q(db, kCaseIdBounds);
  q.executeStep();
  const std::int64_t first = q.getColumn(0).getInt64(), last = q.getColumn(1).getInt64();
  const std::int64_t step = std::max<std::int64_t>(1, (last - first + parts) / parts);
  std::vector<CaseIds> runs;
  for (std::int64_t from = first; runs.empty() || from <= last; from += step) runs.push_back({from, from + step - 1});
  runs.back().last = std::numeric_limits<std::int64_t>::max();
  return runs;
}

void for_each_case_record(const SQLite::Database& db,
                          const std::function<void(std::int64_t case_id, const CaseRecord&)>& visit, CaseIds ids) {
  const Names names(db);
  SQLite::Statement cases(db, std::string(kCaseColumns) + " WHERE id BETWEEN ?1 AND ?2 ORDER BY id");
  SQLite::bind(cases, ids.first, ids.last);
  const std::string of_cases = " WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id";
  Cursor steps(db, std::string(kStepColumns) + of_cases + ", seq", ids);
  Cursor materials(db, std::string(kMaterialColumns) + of_cases + ", seq", ids);
  Cursor ratings(db, std::string(kRatingColumns) + of_cases, ids);
  Cursor waits(db, std::string(kWaitColumns) + of_cases + ", seq", ids);
  Cursor stages(db, std::string(kStageColumns) + of_cases + ", step, attempt", ids);
  while (cases.executeStep()) {
    const std::int64_t id = cases.getColumn(0).getInt64();
    CaseRecord r = case_row(cases, names);
    steps.rows_of(id, [&](const SQLite::Statement& q) { r.steps.push_back(step_row(q, names)); });
    materials.rows_of(id, [&](const SQLite::Statement& q) { r.materials.push_back(material_row(q)); });
    ratings.rows_of(id, [&](const SQLite::Statement& q) { r.rating = rating_row(q, names); });
    waits.rows_of(id, [&](const SQLite::Statement& q) { r.waits.push_back(wait_row(q)); });
    stages.rows_of(id, [&](const SQLite::Statement& q) { r.stages.push_back(stage_row(q, names)); });
    visit(id, r);
  }
}

}  // namespace sqgl::core
