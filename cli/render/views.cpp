#include "cli/render/views.h"

#include <fmt/format.h>

#include "cli/render/output.h"
#include "core/base/citizen_id.h"
#include "core/base/i18n.h"

namespace sqgl::cli {

nlohmann::json step_json(const core::ChainStep& step) {
  return {{"step", step.seq},
          {"level", step.level},
          {"name", step.name_zh},
          {"role", step.role},
          {"kind", step.kind},
          // A posting's days are calendar days; the others' are working days.
          {"promise_days", step.kind == core::StepKind::posting ? 0 : step.days},
          {"posting_days", step.kind == core::StepKind::posting ? step.days : 0},
          {"place", or_null(step.place)},
          {"unit", or_null(step.unit)},
          {"unit_name", or_null(step.unit_name)}};
}

std::string step_days(const core::ChainStep& step) {
  if (step.kind == core::StepKind::posting) return core::tr("{} calendar days", step.days);
  return core::tr("{} wd", step.days);
}

nlohmann::json chain_json(const core::Item& item, core::Model model) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : item.chain(model)) steps.push_back(step_json(s));
  return {{"model", model},
          {"level_count", core::chain_levels(item.chain(model))},
          {"promise_days", core::chain_working_days(item.chain(model))},
          {"posting_days", core::chain_posting_days(item.chain(model))},
          {"trip_count", item.trips(model)},
          {"steps", steps}};
}

nlohmann::json item_json(const core::Item& item) {
  nlohmann::json materials = nlohmann::json::array();
  for (const auto& m : item.materials) {
    materials.push_back({{"material", m.seq}, {"name", m.name_zh}, {"required", m.required}});
  }
  auto opt = [](const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {
      {"code", item.code},
      {"category", item.category},
      {"category_name", or_null(item.category_name_zh)},
      {"name", item.name_zh},
      {"name_en", or_null(item.name_en)},
      {"window", item.window},
      {"promise_days", item.promise_days},
      {"handling", item.handling},
      {"item_type", item.item_type},
      {"eligibility",
       {{"min_age", opt(item.min_age)},
        {"max_age", opt(item.max_age)},
        {"sex", item.sex ? nlohmann::json(std::string(1, *item.sex)) : nlohmann::json(nullptr)},
        {"flags", item.flags},
        {"max_per_year", opt(item.max_per_year)},
        {"one_open_case", item.one_open_case},
        {"local_only", item.local_only}}},
      {"chains",
       nlohmann::json::array({chain_json(item, core::Model::reformed), chain_json(item, core::Model::former)})},
      {"materials", materials},
      {"era", or_null(item.era)},
      {"facts", or_null(item.facts)},
      {"source", or_null(item.source)},
  };
}

std::string window_label(const std::vector<core::Window>& windows, const std::string& code) {
  for (const auto& w : windows) {
    if (w.code == code) return w.name_zh;
  }
  return code;
}

std::string eligibility_text(const core::Item& item) {
  std::vector<std::string> parts;
  if (item.sex) parts.emplace_back(*item.sex == 'F' ? _("women only") : _("men only"));
  if (item.min_age && item.max_age) {
    parts.push_back(core::tr("aged {}–{}", *item.min_age, *item.max_age));
  } else if (item.min_age) {
    parts.push_back(core::tr("aged {} or over", *item.min_age));
  } else if (item.max_age) {
    parts.push_back(core::tr("aged {} or under", *item.max_age));
  }
  for (const auto& flag : item.flags) parts.push_back(core::resident_flag_label(flag));
  if (item.max_per_year) parts.push_back(core::tr("at most {} a year", *item.max_per_year));
  if (item.one_open_case) parts.emplace_back(_("one open case per resident"));
  parts.emplace_back(item.local_only ? _("registered residents of the community")
                                     : _("anyone living in the community"));
  // TRANSLATORS: between the conditions of an item's eligibility.
  const std::string separator = C_("list separator", "; ");
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

std::string handling_label(const std::string& handling) {
  return handling == "immediate" ? _("即办件 on the spot") : _("承诺件 promised");
}

const char* model_name(core::Model model) {
  switch (model) {
    case core::Model::reformed: return _("new model");
    case core::Model::former: return _("old model");
  }
  return "";
}

std::string score_label(int score) {
  static const char* labels[] = {"非常不满意", "不满意", "基本满意", "满意", "非常满意"};
  return score >= 1 && score <= 5 ? labels[score - 1] : "?";
}

namespace {

std::string join_numbers(const nlohmann::json& list) {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += ',';
    out += v.dump();
  }
  return out;
}

}  // namespace

nlohmann::json case_json(const core::Case& c, core::Date today) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : c.steps) {
    steps.push_back(
        {{"step", s.seq},
         {"level", s.level},
         {"unit", s.unit_code},
         {"unit_name", s.unit_name},
         {"name", s.name_zh},
         {"role", s.role},
         {"kind", s.kind},
         {"promise_days", s.kind == core::StepKind::posting ? 0 : s.days},
         {"posting_days", s.kind == core::StepKind::posting ? s.days : 0},
         {"place", or_null(s.place)},
         {"status", s.status},
         {"assignee", or_null(s.assignee)},
         {"started_at", or_null(s.started_at)},
         {"due_date", or_null(s.due_date)},
         {"decided_at", or_null(s.decided_at)},
         {"decided_by", or_null(s.decided_by)},
         {"note", or_null(s.note)},
         {"taken_days", s.working_days_taken ? nlohmann::json(*s.working_days_taken) : nlohmann::json(nullptr)}});
  }
  nlohmann::json materials = nlohmann::json::array();
  for (const auto& m : c.materials) {
    materials.push_back({{"material", m.seq},
                         {"name", m.name_zh},
                         {"required", m.required},
                         {"received_at", or_null(m.received_at)},
                         {"requested_at", or_null(m.requested_at)}});
  }
  nlohmann::json notices = nlohmann::json::array();
  for (const auto& n : c.notices) {
    notices.push_back({{"at", n.at},
                       {"kind", n.kind},
                       {"resident", core::mask_citizen_id(n.citizen_id)},
                       {"resident_name", n.resident_name},
                       {"on_date", n.on},
                       {"destination", or_null(n.detail)}});
  }
  nlohmann::json stages = nlohmann::json::array();
  auto number_or_null = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  auto hundredths = [](const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(static_cast<double>(*v) / 100.0) : nlohmann::json(nullptr);
  };
  for (const auto& x : c.stages) {
    stages.push_back({{"step", x.step},
                      {"attempt", x.attempt},
                      {"kind", x.kind},
                      {"held_date", x.held_on},
                      {"end_date", or_null(x.ends_on)},
                      {"place", or_null(x.place)},
                      {"income_yuan", hundredths(x.income_fen)},
                      {"area_m2", hundredths(x.area_dm2)},
                      {"means_test", c.findings_test(x.step, x.attempt)},
                      {"attendee_count", number_or_null(x.attendees)},
                      {"for_count", number_or_null(x.votes_for)},
                      {"against_count", number_or_null(x.votes_against)},
                      {"abstain_count", number_or_null(x.votes_abstain)},
                      {"minutes", or_null(x.minutes)},
                      {"result", x.result ? nlohmann::json(*x.result) : nlohmann::json(nullptr)},
                      {"note", or_null(x.note)},
                      {"recorded_by", or_null(x.by)},
                      {"recorded_at", or_null(x.at)}});
  }
  nlohmann::json history = nlohmann::json::array();
  for (const auto& e : c.history) {
    history.push_back({{"id", e.id},
                       {"at", e.at},
                       {"recorded_at", or_null(e.recorded_at)},
                       {"backfilled", e.clock == "pinned"},
                       {"operator", or_null(e.operator_)},
                       {"kind", e.kind},
                       {"detail", nlohmann::json::parse(e.detail)}});
  }
  return {
      {"number", c.number},
      {"item", c.item},
      {"item_name", c.item_name},
      {"model", c.model},
      {"status", c.status},
      {"resident", core::mask_citizen_id(c.citizen_id)},
      {"resident_name", c.resident_name},
      {"household", or_null(c.household)},
      {"means_test", c.means_test},
      {"community", c.community_code},
      {"community_name", c.community_name},
      {"window", c.window},
      {"accepted_at", c.accepted_at},
      {"accepted_by", c.accepted_by},
      {"promise_days", c.promise_days},
      {"paused_days", c.paused_days},
      {"posting_days", c.posting_days},
      {"posting_wd", c.posted_days},
      {"due_date", c.due_date},
      {"overdue", c.overdue(today)},
      {"returned_at", or_null(c.returned_at)},
      {"decided_at", or_null(c.decided_at)},
      {"step", c.current_seq ? nlohmann::json(*c.current_seq) : nlohmann::json(nullptr)},
      {"note", or_null(c.note)},
      {"steps", steps},
      {"materials", materials},
      {"stages", stages},
      {"evaluation",
       c.score ? nlohmann::json{{"score", *c.score}, {"label", score_label(*c.score)}, {"comment", or_null(c.comment)}}
               : nlohmann::json(nullptr)},
      {"notices", notices},
      {"history", history}};
}

nlohmann::json verification_json(const core::AuditResult& result) {
  return {{"ok", result.ok()},
          {"event_count", result.events},
          {"backfilled_count", result.backfilled},
          {"head", result.ok() ? nlohmann::json(result.head.hash) : nlohmann::json(nullptr)},
          {"bad_event", result.bad_event ? nlohmann::json(*result.bad_event) : nlohmann::json(nullptr)},
          {"problem", or_null(result.describe())}};
}

std::string backfill_mark(std::string_view clock, std::string_view recorded_at) {
  if (clock != "pinned") return "";
  return core::tr("back-filled, recorded {}", recorded_at);
}

namespace {

// "new model" for the stored "new" of an event's record; "X model" for a word sqgl
// does not know (a record written by something else).
std::string stored_model_name(const std::string& stored) {
  if (const auto model = core::parse<core::Model>(stored)) return model_name(*model);
  return core::tr("{} model", stored);
}

// A case status an event's record holds, as a person reads it.
std::string status_label(const std::string& stored) {
  if (const auto status = core::parse<core::CaseStatus>(stored)) return core::label(*status);
  return stored;
}

// An event's line with the note the decider wrote, when there is one.
std::string with_note(std::string line, const std::string& note) {
  if (note.empty()) return line;
  return core::tr("{}; note: {}", line, note);
}

}  // namespace

std::string notice_text(const core::CaseNotice& n) {
  if (n.kind == "death") return core::tr("household changed: {} died on {} — review", n.resident_name, n.on);
  if (n.kind == "left_district") {
    return core::tr("household changed: {} left the district on {} (to {}) — review", n.resident_name, n.on,
                    n.detail);
  }
  if (n.kind == "moved") {
    return core::tr("household changed: {} moved to community {} on {}; the case stays here — review",
                    n.resident_name, n.detail, n.on);
  }
  return n.kind;
}

std::string describe_event(const core::CaseEvent& event) {
  const auto d = nlohmann::json::parse(event.detail, nullptr, false);
  if (d.is_discarded()) return event.kind;
  auto str = [&](const char* key) { return d.contains(key) && d[key].is_string() ? d[key].get<std::string>() : ""; };
  const auto record = d.contains("record") && d["record"].is_object() ? d["record"] : nlohmann::json::object();
  auto field = [&](const char* key) {
    return record.contains(key) && record[key].is_string() ? record[key].get<std::string>() : std::string();
  };
  if (event.kind == "case.apply") {
    // TRANSLATORS: the first {} is "new model" or "old model".
    return core::tr("accepted under the {}; due {}", stored_model_name(field("model")), field("due_date"));
  }
  if (event.kind == "case.import") {
    // TRANSLATORS: "imported, approved (new model), from cases.csv line 12".
    return core::tr("imported, {} ({}), from {} line {}", status_label(field("status")),
                    stored_model_name(field("model")), str("file"), d.value("line", 0));
  }
  if (event.kind == "case.generate") return core::tr("generated by the demo, {}", status_label(field("status")));
  if (event.kind == "case.adopt") {
    return core::tr("adopted as it stood, {}, when the database was upgraded", status_label(field("status")));
  }
  if (event.kind == "case.approve") {
    if (d.contains("next_step")) {
      return with_note(core::tr("approved step {} ({}); moved to step {}", d.value("step", 0), str("unit"),
                                d["next_step"].get<int>()),
                       str("note"));
    }
    return with_note(core::tr("approved step {} ({}); case approved", d.value("step", 0), str("unit")), str("note"));
  }
  if (event.kind == "case.reject") return core::tr("rejected at step {}: {}", d.value("step", 0), str("reason"));
  if (event.kind == "case.investigate" || event.kind == "case.review") {
    const auto stage = d.contains("stage") && d["stage"].is_object() ? d["stage"] : nlohmann::json::object();
    const bool passed = stage.value("result", "") == "pass";
    const int step = d.value("step", 0);
    std::string line;
    if (event.kind == "case.investigate") {
      line = passed ? core::tr("home investigation of step {} passed (visited {})", step, stage.value("on", ""))
                    : core::tr("home investigation of step {} failed (visited {})", step, stage.value("on", ""));
    } else {
      const int yes = stage.value("for", 0), no = stage.value("against", 0), abstain = stage.value("abstain", 0),
                attendees = stage.value("attendees", 0);
      // TRANSLATORS: "democratic review of step 2 passed: 6 for, 0 against, 1 abstaining of 7".
      line = passed ? core::tr("democratic review of step {} passed: {} for, {} against, {} abstaining of {}", step,
                               yes, no, abstain, attendees)
                    : core::tr("democratic review of step {} failed: {} for, {} against, {} abstaining of {}", step,
                               yes, no, abstain, attendees);
    }
    if (d.contains("next_step")) line += core::tr("; moved to step {}", d["next_step"].get<int>());
    return with_note(line, stage.value("note", ""));
  }
  if (event.kind == "case.object") {
    return core::tr("objection during the posting of step {}: {}; back to step {}", d.value("step", 0), str("reason"),
                    d.value("back_to", 0));
  }
  if (event.kind == "case.return") {
    return with_note(
        core::tr("returned at step {} for materials {}", d.value("step", 0), join_numbers(d["materials"])),
        str("note"));
  }
  if (event.kind == "case.supplement") {
    return core::tr("materials {} received after {} working days; due {} → {}", join_numbers(d["materials"]),
                    d.value("paused_days", 0), d["due_date"].value("before", ""), d["due_date"].value("after", ""));
  }
  if (event.kind == "case.withdraw") {
    if (str("cause") == "death") return core::tr("withdrawn by the register: the applicant died on {}", str("on"));
    return core::tr("withdrawn at the resident's request: {}", str("reason"));
  }
  if (event.kind == "case.notice") {
    const std::string kind = str("kind");
    if (kind == "death") return core::tr("household changed: a member died on {} — review", str("on"));
    if (kind == "left_district") {
      return core::tr("household changed: left the district on {} (to {}) — review", str("on"), str("detail"));
    }
    if (kind == "moved") {
      return core::tr("household changed: moved to community {} on {}; the case stays here — review", str("detail"),
                      str("on"));
    }
  }
  if (event.kind == "case.route") {
    if (d.value("auto", false)) {
      return core::tr("step {} assigned to {} (auto)", d.value("step", 0), d["assignee"].value("after", ""));
    }
    return core::tr("step {} assigned to {}", d.value("step", 0), d["assignee"].value("after", ""));
  }
  if (event.kind == "case.evaluate") {
    const int score = d.value("score", 0);
    std::string s = str("comment").empty() ? core::tr("rated {} ({})", score, score_label(score))
                                           : core::tr("rated {} ({}): {}", score, score_label(score), str("comment"));
    if (!str("file").empty()) s += core::tr(" (imported from {}, rated {})", str("file"), str("at"));
    return s;
  }
  return event.kind;
}

}  // namespace sqgl::cli
