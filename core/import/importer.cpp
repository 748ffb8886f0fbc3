// The field checks and look-ups that several kinds of import share.
#include "core/import/importer.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include "core/base/citizen_id.h"
#include "core/base/text.h"

namespace sqgl::core::imports {

// 1985-03-12, 1985/3/12, 1985.3.12 or 19850312: what spreadsheets export.
Date parse_flexible_date(const std::string& column, const std::string& text) {
  if (auto date = parse_spreadsheet_date(text)) return *date;
  throw FieldError(column, tr("{} is not a real date (YYYY-MM-DD)", errors::quote(text)));
}

// A value as problems show it: citizen IDs (the residents' column, and the applicant's of
// historical cases) and phone numbers masked, so that stderr and reject files hold none whole.
std::string masked(const std::string& column, const std::string& value) {
  if (column == "citizen_id" || column == "resident") return mask_citizen_id(value);
  if (column == "phone" && value.size() >= 7) {
    return value.substr(0, 3) + std::string(value.size() - 7, '*') + value.substr(value.size() - 4);
  }
  // Any other column may hold an ID or a number typed in the wrong place.
  return mask_personal_data(value);
}

// An 11-digit mobile number (1[3-9]…) or a landline with its area code (0472-1234567).
void check_phone(const std::string& column, const std::string& text) {
  auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (text.empty()) return;
  if (text.size() == 11 && digits(text) && text[0] == '1' && text[1] >= '3') return;
  const auto dash = text.find('-');
  if (dash != std::string::npos && text[0] == '0' && dash >= 3 && dash <= 4 && digits(text.substr(0, dash)) &&
      digits(text.substr(dash + 1)) && text.size() - dash - 1 >= 7 && text.size() - dash - 1 <= 8) {
    return;
  }
  throw FieldError(column, tr("{} is not a phone number (11-digit mobile, or area code-number)",
                              errors::quote(masked("phone", text))));
}

std::string unit_kind_label(const std::string& kind) {
  if (kind == "district") return C_("unit kind", "district");
  if (kind == "street") return C_("unit kind", "street");
  if (kind == "community") return C_("unit kind", "community");
  if (kind == "station") return C_("unit kind", "station");
  if (kind == "committee") return C_("unit kind", "committee");
  if (kind == "party") return C_("unit kind", "party");
  if (kind == "bureau") return C_("unit kind", "bureau");
  if (kind == "other") return C_("unit kind", "other");
  return kind;
}

std::optional<ExistingUnit> find_unit(const SQLite::Database& db, const std::string& code) {
  SQLite::Statement q(db, "SELECT id, kind, name_zh, name_en, parent_id FROM units WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) return std::nullopt;
  ExistingUnit u{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), std::nullopt};
  if (!q.getColumn(4).isNull()) u.parent = q.getColumn(4).getInt64();
  return u;
}

// A unit named by code (or, failing that, by its unique Chinese name) of `kind`.
std::int64_t unit_ref(const SQLite::Database& db, const std::string& column, const std::string& text,
                      const std::string& kind) {
  if (auto u = find_unit(db, text); u && u->kind == kind) return u->id;
  SQLite::Statement q(db, "SELECT id FROM units WHERE name_zh = ? AND kind = ? LIMIT 2");
  SQLite::bind(q, text, kind);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  if (ids.size() == 1) return ids[0];
  throw FieldError(column, tr("unknown {} {} (not in the database, nor earlier in this file)", unit_kind_label(kind),
                              errors::quote(text)));
}

std::optional<std::int64_t> staff_id(const SQLite::Database& db, const std::string& staff_no) {
  SQLite::Statement q(db, "SELECT id FROM staff WHERE staff_no = ?");
  q.bind(1, staff_no);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

}  // namespace sqgl::core::imports
