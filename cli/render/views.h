// Shared renderings of core values: JSON forms (a contract: tests and scripts
// read them) and short human labels.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/model/cases/cases.h"
#include "core/model/catalog.h"
#include "core/model/history.h"

namespace sqgl::cli {

/// An item in full, chains and materials included.
nlohmann::json item_json(const core::Item& item);

/// One chain step.
nlohmann::json step_json(const core::ChainStep& step);

/// A step's days as a person reads them: "5 wd", or "7 calendar days" for a posting.
std::string step_days(const core::ChainStep& step);

/// An item's chain under one model: its levels, working days, trips and steps.
nlohmann::json chain_json(const core::Item& item, core::Model model);

/// 社区保障 for "welfare"; the code itself when unknown.
std::string window_label(const std::vector<core::Window>& windows, const std::string& code);

/// "female; pregnant; aged 18–49; at most 2 a year; one open case per resident; registered residents only".
std::string eligibility_text(const core::Item& item);

/// 即办件 / 承诺件.
std::string handling_label(const std::string& handling);

/// A case in full, as `--json` prints it (citizen ID masked).
nlohmann::json case_json(const core::Case& c, core::Date today);

/// What walking the hash chain found, as `audit verify` and `check` print it.
nlohmann::json verification_json(const core::AuditResult& result);

/// "new model" or "old model", in the user's language: what a person reads for `model`.
const char* model_name(core::Model model);

/// 非常满意 … 非常不满意 for 5 … 1 (also the JSON label of a rating: never translated).
std::string score_label(int score);

/// "" for an event dated by the machine's clock; for one dated by $SQGL_NOW,
/// "back-filled, recorded 2026-11-29T13:04:17": when it was really written.
std::string backfill_mark(std::string_view clock, std::string_view recorded_at);

/// "household changed: 王芳 died on 2012-05-03 — review": a notice as a person reads it.
std::string notice_text(const core::CaseNotice& notice);

/// One line describing a case event: "approved step 1 (服务站); now at step 2".
std::string describe_event(const core::CaseEvent& event);

}  // namespace sqgl::cli
