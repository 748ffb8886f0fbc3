// The workflow's closed vocabularies — a case's and a step's status, the approval
// model, a step's level and the staff roles — as enums, and the one place that maps
// each to and from the text the tables, the history and --json carry.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "core/base/i18n.h"

namespace sqgl::core {

/// Where a case stands.
enum class CaseStatus { open, returned, approved, rejected, withdrawn };

/// Where a step of a case stands.
enum class StepStatus { pending, active, returned, approved, rejected, withdrawn };

/// The approval model: the reform's two levels ("new") or the three before it ("old").
enum class Model { reformed, former };

/// Who decides a step: the community's residents' committee or station, its street
/// office, a district bureau, or another named unit.
enum class StepLevel { committee, station, street, bureau, other };

/// What a staff member may do (the roles table holds the same codes).
enum class Role { worker, head, director, secretary, reviewer, approver, admin };

/// What a step of a chain is: a level's decision (审批), or one of the stages that
/// come before a decision inside a level: the home investigation (入户调查), the
/// democratic review (民主评议) and the public posting (公示), whose days are calendar
/// days outside the working-day promise.
enum class StepKind { decision, investigation, review, posting };

/// How a stage ended: an investigation or review passed or failed; a posting passed
/// (no objection) or was objected to.
enum class StageResult { pass, fail, objected };

/// Who applies for an item: a person for themself, or an adult member for the
/// whole household (低保, 廉租房 …).
enum class ApplicantKind { person, household };

/// How often an item is granted beyond its open-case and yearly limits: once per
/// pregnancy (一杯奶), or once in a lifetime.
enum class Once { pregnancy, lifetime };

/// How a household is housed: its own home, a rented one, public housing, or none.
enum class Housing { owned, rented, public_housing, none };

/// A resident's household registration: urban or rural (户口性质).
enum class Hukou { urban, rural };

/// A threshold a household benefit tests: the 低保 standard and the low-income line
/// (yuan per person a month), the housing-difficulty area (m² per person).
enum class StandardKind { dibao, low_income, housing_area };

/// Each vocabulary's words, in the enum's order.
template <typename E>
struct Words;

template <>
struct Words<CaseStatus> {
  static constexpr std::string_view what = N_("case status");
  static constexpr std::array<std::string_view, 5> text = {"open", "returned", "approved", "rejected", "withdrawn"};
};
template <>
struct Words<StepStatus> {
  static constexpr std::string_view what = N_("step status");
  static constexpr std::array<std::string_view, 6> text = {"pending",  "active",   "returned",
                                                           "approved", "rejected", "withdrawn"};
};
template <>
struct Words<Model> {
  static constexpr std::string_view what = N_("model");
  static constexpr std::array<std::string_view, 2> text = {"new", "old"};
};
template <>
struct Words<StepLevel> {
  static constexpr std::string_view what = N_("step level");
  static constexpr std::array<std::string_view, 5> text = {"committee", "station", "street", "bureau", "other"};
};
template <>
struct Words<Role> {
  static constexpr std::string_view what = N_("role");
  static constexpr std::array<std::string_view, 7> text = {"worker",   "head",     "director", "secretary",
                                                           "reviewer", "approver", "admin"};
};

template <>
struct Words<StepKind> {
  static constexpr std::string_view what = N_("step kind");
  static constexpr std::array<std::string_view, 4> text = {"decision", "investigation", "review", "posting"};
};
template <>
struct Words<StageResult> {
  static constexpr std::string_view what = N_("stage result");
  static constexpr std::array<std::string_view, 3> text = {"pass", "fail", "objected"};
};

template <>
struct Words<ApplicantKind> {
  static constexpr std::string_view what = N_("applicant");
  static constexpr std::array<std::string_view, 2> text = {"person", "household"};
};
template <>
struct Words<Once> {
  static constexpr std::string_view what = N_("limit");
  static constexpr std::array<std::string_view, 2> text = {"pregnancy", "lifetime"};
};
template <>
struct Words<Housing> {
  static constexpr std::string_view what = N_("housing");
  static constexpr std::array<std::string_view, 4> text = {"owned", "rented", "public", "none"};
};
template <>
struct Words<Hukou> {
  static constexpr std::string_view what = N_("household registration");
  static constexpr std::array<std::string_view, 2> text = {"urban", "rural"};
};
template <>
struct Words<StandardKind> {
  static constexpr std::string_view what = N_("standard");
  static constexpr std::array<std::string_view, 3> text = {"dibao", "low_income", "housing_area"};
};

/// The stored text of `value`: "open", "new", "station", "admin" …
template <typename E>
constexpr std::string_view text(E value) {
  return Words<E>::text[static_cast<std::size_t>(value)];
}

/// The word a person reads for `value`, in the user's language: "open" is 办理中 under
/// zh_CN. Tables and messages show it; JSON, CSV keys and the database keep text().
const char* label(CaseStatus value);
const char* label(StepStatus value);
const char* label(Model value);
const char* label(StepLevel value);
const char* label(Role value);
const char* label(ApplicantKind value);
const char* label(Once value);
const char* label(Housing value);
const char* label(Hukou value);
const char* label(StandardKind value);
const char* label(StepKind value);
const char* label(StageResult value);

/// The value `text` names, or none.
template <typename E>
constexpr std::optional<E> parse(std::string_view text) {
  for (std::size_t i = 0; i < Words<E>::text.size(); ++i) {
    if (Words<E>::text[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

/// The value a table row or an event holds; Failure when it is none of the words
/// (a database written by something else).
[[noreturn]] void unknown_stored_word(std::string_view what, std::string_view text);

template <typename E>
E stored(std::string_view text) {
  if (const auto value = parse<E>(text)) return *value;
  unknown_stored_word(Words<E>::what, text);
}

/// True for the enums above.
template <typename E, typename = void>
inline constexpr bool kIsWord = false;
template <typename E>
inline constexpr bool kIsWord<E, std::void_t<decltype(Words<E>::text)>> = true;

// In JSON a word is its text, never its number (nlohmann's default for an enum).
#define SQGL_WORD_JSON(E)                                \
  template <typename Json>                               \
  void to_json(Json& json, const E& value) {             \
    json = std::string(text(value));                     \
  }                                                      \
  template <typename Json>                               \
  void from_json(const Json& json, E& value) {           \
    value = stored<E>(json.template get<std::string>()); \
  }
SQGL_WORD_JSON(CaseStatus)
SQGL_WORD_JSON(StepStatus)
SQGL_WORD_JSON(Model)
SQGL_WORD_JSON(StepLevel)
SQGL_WORD_JSON(Role)
SQGL_WORD_JSON(ApplicantKind)
SQGL_WORD_JSON(Once)
SQGL_WORD_JSON(Housing)
SQGL_WORD_JSON(Hukou)
SQGL_WORD_JSON(StandardKind)
SQGL_WORD_JSON(StepKind)
SQGL_WORD_JSON(StageResult)
#undef SQGL_WORD_JSON

}  // namespace sqgl::core

/// fmt prints a word as its text.
template <typename E>
struct fmt::formatter<E, char, std::enable_if_t<sqgl::core::kIsWord<E>>> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(E value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(sqgl::core::text(value), ctx);
  }
};
