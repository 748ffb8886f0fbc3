#include "cli/render/report_formats.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include "cli/render/output.h"
#include "cli/render/report_html.h"
#include "core/base/date.h"
#include "core/base/error.h"
#include "core/base/i18n.h"

namespace sqgl::cli {

namespace {

// A cell as scripts read it (CSV): the report's words as --json has them.
std::string data_cell(const core::ReportValue& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
  if (std::holds_alternative<double>(v)) return fmt::format("{:.1f}", std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<core::ReportWord>(v)) return std::get<core::ReportWord>(v).text;
  return "";
}

// A cell as a person reads it: the report's words in the user's language.
std::string cell(const core::ReportValue& v) {
  if (std::holds_alternative<core::ReportWord>(v)) return std::get<core::ReportWord>(v).shown;
  return data_cell(v);
}

nlohmann::json cell_json(const core::ReportValue& v) {
  if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<core::ReportWord>(v)) return std::get<core::ReportWord>(v).text;
  return nullptr;
}

// A report's or a table's title as a person reads it: --json keeps the English the
// kinds set (marked N_() there), people read its translation.
const char* shown(const std::string& title) { return core::translate(title.c_str()); }

// Whether the user's language translates `title` (gettext hands back the English
// itself when it does not).
bool translated(const std::string& title) { return shown(title) != title.c_str(); }

// A column's heading in Markdown, HTML, xlsx and a translated CSV: its title, or
// for the untitled name beside a code (and the total's key) the key, in the user's
// language.
std::string column_heading(const core::ReportColumn& c) {
  if (!c.title.empty()) return c.title;
  if (c.key == "name") return C_("report column", "name");
  if (c.key == "key") return C_("report column", "key");
  return c.key;
}

std::string header_line(const core::Report& r) {
  std::string years;
  for (int y : r.calendar_years) years += (years.empty() ? "" : ", ") + std::to_string(y);
  if (years.empty()) years = C_("calendar years", "none");
  if (r.from.empty()) {
    return core::tr("as of {} · schema {} · catalog {} · calendars {}", r.as_of, r.schema_version, r.catalog_version,
                    years);
  }
  return core::tr("period {} to {} · as of {} · schema {} · catalog {} · calendars {}", r.from, r.to, r.as_of,
                  r.schema_version, r.catalog_version, years);
}

void render_json(std::ostream& out, const core::Report& r) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& t : r.tables) {
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : t.columns) columns.push_back(c.key);
    for (const auto& row : t.rows) {
      nlohmann::json values = nlohmann::json::array();
      for (const auto& v : row) values.push_back(cell_json(v));
      rows.push_back(values);
    }
    tables.push_back({{"name", t.name}, {"title", t.title}, {"columns", columns}, {"rows", rows}});
  }
  print_json(out,
             {{"report", r.kind},
              {"title", r.title},
              {"period", r.from.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"from", r.from}, {"to", r.to}}},
              {"as_of", r.as_of},
              {"schema_version", r.schema_version},
              {"catalog_version", r.catalog_version},
              {"calendar_years", r.calendar_years},
              {"findings", r.findings},
              {"notes", r.notes},
              {"tables", tables}});
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

void render_csv(std::ostream& out, const core::Report& r) {
  // People open the CSV in Excel: where their language translates the report, the
  // header row is the headings they read; otherwise the keys, as --json has them.
  // The cells stay as --json has them (numbers, codes, the report's words).
  const bool headings = translated(r.title);
  bool first = true;
  for (const auto& t : r.tables) {
    if (!first) out << '\n';
    first = false;
    out << "# " << csv_field(t.name + ": " + shown(t.title)) << '\n';
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      out << (i ? "," : "") << (headings ? csv_field(column_heading(t.columns[i])) : t.columns[i].key);
    }
    out << '\n';
    for (const auto& row : t.rows) {
      for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(data_cell(row[i]));
      out << '\n';
    }
  }
}

void render_table(std::ostream& out, const core::Report& r) {
  out << shown(r.title) << '\n' << header_line(r) << '\n';
  for (const auto& note : r.notes) out << note << '\n';
  for (const auto& t : r.tables) {
    out << '\n' << shown(t.title) << '\n';
    if (t.rows.empty()) {
      out << "  " << _("(none)") << '\n';
      continue;
    }
    std::vector<bool> right;
    std::vector<std::string> heading;
    for (const auto& c : t.columns) {
      right.push_back(c.numeric());
      heading.push_back(c.title);
    }
    Table table(right);
    table.add(heading);
    for (const auto& row : t.rows) {
      std::vector<std::string> cells;
      for (const auto& v : row) cells.push_back(cell(v));
      table.add(cells);
    }
    table.print(out, "  ");
  }
}

void render_md(std::ostream& out, const core::Report& r) {
  auto escape = [](std::string s) {
    std::string e;
    for (char c : s) e += c == '|' ? std::string("\\|") : std::string(1, c);
    return e;
  };
  out << "# " << shown(r.title) << "\n\n" << header_line(r) << "\n\n";
  for (const auto& note : r.notes) out << "- " << note << '\n';
  for (const auto& t : r.tables) {
    out << "\n## " << shown(t.title) << "\n\n";
    if (t.rows.empty()) {
      out << _("(none)") << '\n';
      continue;
    }
    for (const auto& c : t.columns) out << "| " << escape(column_heading(c)) << ' ';
    out << "|\n";
    for (const auto& c : t.columns) out << (c.numeric() ? "| ---: " : "| --- ");
    out << "|\n";
    for (const auto& row : t.rows) {
      for (const auto& v : row) out << "| " << escape(cell(v)) << ' ';
      out << "|\n";
    }
  }
}

// The page a meeting reads (report_html.cpp), with the headings every format shares.
void render_html(std::ostream& out, const core::Report& r) {
  render_report_html(out, r, header_line(r), column_heading);
}

// The first `n` characters of UTF-8 `text` (Excel counts a sheet name's characters).
std::string first_chars(std::string_view text, std::size_t n) {
  std::size_t at = 0, count = 0;
  for (; at < text.size(); ++at) {
    const bool starts = (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
    if (starts && count++ == n) break;
  }
  return std::string(text.substr(0, at));
}

// A table's sheet: named by its title where the user's language translates it, else
// by its name ("by_unit"). Excel allows 31 characters, none of []:*?/\, no name
// twice: a title it refuses falls back to the name.
std::string sheet_name(lxw_workbook* wb, const core::ReportTable& t) {
  if (translated(t.title)) {
    const std::string name = first_chars(shown(t.title), 31);
    if (workbook_validate_sheet_name(wb, name.c_str()) == LXW_NO_ERROR) return name;
  }
  return t.name.substr(0, 31);
}

}  // namespace

void render_report(std::ostream& out, const core::Report& report, std::string_view format) {
  if (format == "json") {
    render_json(out, report);
  } else if (format == "csv") {
    render_csv(out, report);
  } else if (format == "md") {
    render_md(out, report);
  } else if (format == "html") {
    render_html(out, report);
  } else {
    render_table(out, report);
  }
}

void write_report_xlsx(const core::Report& r, const std::string& path) {
  lxw_workbook_options options{};
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (!wb) throw core::Failure(_("cannot create the xlsx workbook"));
  lxw_doc_properties properties{};
  const std::string title = shown(r.title);
  properties.title = const_cast<char*>(title.c_str());
  std::tm tm{};
  const auto as_of = core::parse_datetime(r.as_of);
  const std::chrono::year_month_day ymd{as_of->date};
  tm.tm_year = static_cast<int>(ymd.year()) - 1900;
  tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
  properties.created = timegm(&tm);
  workbook_set_properties(wb, &properties);
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_worksheet* summary = workbook_add_worksheet(wb, C_("xlsx sheet", "report"));
  worksheet_write_string(summary, 0, 0, title.c_str(), bold);
  worksheet_write_string(summary, 1, 0, header_line(r).c_str(), nullptr);
  lxw_row_t line = 2;
  for (const auto& note : r.notes) worksheet_write_string(summary, line++, 0, note.c_str(), nullptr);
  for (const auto& t : r.tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(wb, sheet_name(wb, t).c_str());
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), column_heading(t.columns[c]).c_str(), bold);
    }
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      for (std::size_t c = 0; c < t.rows[row].size(); ++c) {
        const auto& v = t.rows[row][c];
        const auto rr = static_cast<lxw_row_t>(row + 1);
        const auto cc = static_cast<lxw_col_t>(c);
        if (std::holds_alternative<std::int64_t>(v)) {
          worksheet_write_number(sheet, rr, cc, static_cast<double>(std::get<std::int64_t>(v)), nullptr);
        } else if (std::holds_alternative<double>(v)) {
          worksheet_write_number(sheet, rr, cc, std::get<double>(v), nullptr);
        } else if (std::holds_alternative<std::string>(v)) {
          worksheet_write_string(sheet, rr, cc, std::get<std::string>(v).c_str(), nullptr);
        } else if (std::holds_alternative<core::ReportWord>(v)) {
          worksheet_write_string(sheet, rr, cc, std::get<core::ReportWord>(v).shown.c_str(), nullptr);
        }
      }
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw core::Failure(_("cannot write the xlsx workbook"));
}

}  // namespace sqgl::cli
