#include "core/model/vocabulary.h"

#include <fmt/format.h>

#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::core {

void unknown_stored_word(std::string_view what, std::string_view text) {
  throw Failure(tr("the database holds an unknown {} {}", translate(std::string(what).c_str()), errors::quote(text)));
}

const char* label(CaseStatus value) {
  switch (value) {
    case CaseStatus::open: return C_("case status", "open");
    case CaseStatus::returned: return C_("case status", "returned");
    case CaseStatus::approved: return C_("case status", "approved");
    case CaseStatus::rejected: return C_("case status", "rejected");
    case CaseStatus::withdrawn: return C_("case status", "withdrawn");
  }
  return "";
}

const char* label(StepStatus value) {
  switch (value) {
    case StepStatus::pending: return C_("step status", "pending");
    case StepStatus::active: return C_("step status", "active");
    case StepStatus::returned: return C_("step status", "returned");
    case StepStatus::approved: return C_("step status", "approved");
    case StepStatus::rejected: return C_("step status", "rejected");
    case StepStatus::withdrawn: return C_("step status", "withdrawn");
  }
  return "";
}

const char* label(Model value) {
  switch (value) {
    case Model::reformed: return C_("model", "new");
    case Model::former: return C_("model", "old");
  }
  return "";
}

const char* label(StepLevel value) {
  switch (value) {
    case StepLevel::committee: return C_("step level", "committee");
    case StepLevel::station: return C_("step level", "station");
    case StepLevel::street: return C_("step level", "street");
    case StepLevel::bureau: return C_("step level", "bureau");
    case StepLevel::other: return C_("step level", "other");
  }
  return "";
}

const char* label(Role value) {
  switch (value) {
    case Role::worker: return C_("role", "worker");
    case Role::head: return C_("role", "head");
    case Role::director: return C_("role", "director");
    case Role::secretary: return C_("role", "secretary");
    case Role::reviewer: return C_("role", "reviewer");
    case Role::approver: return C_("role", "approver");
    case Role::admin: return C_("role", "admin");
  }
  return "";
}

const char* label(StepKind value) {
  switch (value) {
    case StepKind::decision: return C_("step kind", "decision");
    case StepKind::investigation: return C_("step kind", "home investigation");
    case StepKind::review: return C_("step kind", "democratic review");
    case StepKind::posting: return C_("step kind", "public posting");
  }
  return "";
}

const char* label(StageResult value) {
  switch (value) {
    case StageResult::pass: return C_("stage result", "pass");
    case StageResult::fail: return C_("stage result", "fail");
    case StageResult::objected: return C_("stage result", "objected");
  }
  return "";
}

const char* label(ApplicantKind value) {
  switch (value) {
    case ApplicantKind::person: return C_("applicant", "person");
    case ApplicantKind::household: return C_("applicant", "household");
  }
  return "";
}

const char* label(Once value) {
  switch (value) {
    case Once::pregnancy: return C_("limit", "once per pregnancy");
    case Once::lifetime: return C_("limit", "once in a lifetime");
  }
  return "";
}

const char* label(Housing value) {
  switch (value) {
    case Housing::owned: return C_("housing", "owned");
    case Housing::rented: return C_("housing", "rented");
    case Housing::public_housing: return C_("housing", "public housing");
    case Housing::none: return C_("housing", "no home");
  }
  return "";
}

const char* label(Hukou value) {
  switch (value) {
    case Hukou::urban: return C_("household registration", "urban");
    case Hukou::rural: return C_("household registration", "rural");
  }
  return "";
}

const char* label(StandardKind value) {
  switch (value) {
    case StandardKind::dibao: return C_("standard", "低保 standard");
    case StandardKind::low_income: return C_("standard", "low-income line");
    case StandardKind::housing_area: return C_("standard", "housing-difficulty area");
  }
  return "";
}

}  // namespace sqgl::core
