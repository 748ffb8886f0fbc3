#include "cli/render/report_formats.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <sstream>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <nlohmann/json.hpp>

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
  if (c.key == "name" || c.key.ends_with("_name")) return C_("report column", "name");
  if (c.key == "code" || c.key == "key") return C_("report column", "key");
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
    // A column says what its figures count; a row is an object keyed by the columns' keys.
    nlohmann::json columns = nlohmann::json::array(), rows = nlohmann::json::array();
    for (const auto& c : t.columns) {
      columns.push_back({{"key", c.key}, {"title", column_heading(c)}, {"unit", core::unit_code(c.unit)}});
    }
    for (const auto& row : t.rows) {
      nlohmann::json values = nlohmann::json::object();
      for (std::size_t i = 0; i < row.size() && i < t.columns.size(); ++i) values[t.columns[i].key] = cell_json(row[i]);
      rows.push_back(values);
    }
    tables.push_back({{"name", t.name}, {"title", t.title}, {"columns", columns}, {"rows", rows}});
  }
  print_json(out,
             {{"report", r.kind},
              {"title", r.title},
              {"period", r.from.empty() ? nlohmann::json(nullptr) : nlohmann::json{{"from", r.from}, {"to", r.to}}},
              {"as_of_date", r.as_of.substr(0, 10)},
              {"schema_version", r.schema_version},
              {"catalog_version", r.catalog_version},
              {"calendar_years", r.calendar_years},
              {"finding_count", r.findings},
              {"notes", r.notes},
              {"tables", tables}});
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
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

// Text in a Markdown line or table cell, shown as it is: what Markdown would read
// as markup (a "|" ending the cell, "*" or "_" emphasis, "<" a tag …) escaped with
// a backslash, and a line break as <br>, since a table row is one line.
std::string md_text(std::string_view s) {
  std::string e;
  for (char c : s) {
    switch (c) {
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '~':
        e += '\\';
        e += c;
        break;
      case '\n':
        e += "<br>";
        break;
      case '\r':
        break;
      default:
        e += c;
    }
  }
  return e;
}

void render_md(std::ostream& out, const core::Report& r) {
  out << "# " << md_text(shown(r.title)) << "\n\n" << md_text(header_line(r)) << "\n";
  if (!r.notes.empty()) out << '\n';
  for (const auto& note : r.notes) out << "- " << md_text(note) << '\n';
  for (const auto& t : r.tables) {
    // A blank line before each heading and table: some viewers read a table that
    // follows a line of text as part of that paragraph.
    out << "\n## " << md_text(shown(t.title)) << "\n\n";
    if (t.rows.empty()) {
      out << md_text(_("(none)")) << '\n';
      continue;
    }
    for (const auto& c : t.columns) out << "| " << md_text(column_heading(c)) << ' ';
    out << "|\n";
    for (const auto& c : t.columns) out << (c.numeric() ? "| ---: " : "| --- ");
    out << "|\n";
    for (const auto& row : t.rows) {
      for (const auto& v : row) out << "| " << md_text(cell(v)) << ' ';
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

// The number formats of xlsx cells, by what a column counts.
struct XlsxFormats {
  lxw_format* title = nullptr;
  lxw_format* heading = nullptr;
  lxw_format* heading_number = nullptr;
  lxw_format* count = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* working_days = nullptr;
  lxw_format* year = nullptr;

  explicit XlsxFormats(lxw_workbook* wb)
      : title(workbook_add_format(wb)),
        heading(workbook_add_format(wb)),
        heading_number(workbook_add_format(wb)),
        count(workbook_add_format(wb)),
        percent(workbook_add_format(wb)),
        working_days(workbook_add_format(wb)),
        year(workbook_add_format(wb)) {
    format_set_bold(title);
    format_set_bold(heading);
    format_set_bold(heading_number);
    format_set_align(heading_number, LXW_ALIGN_RIGHT);
    format_set_num_format(count, "0");
    format_set_num_format(percent, "0.0%");
    format_set_num_format(working_days, "0.0");
    format_set_num_format(year, "0");
  }

  lxw_format* of(core::ReportUnit unit) const {
    switch (unit) {
      case core::ReportUnit::count:
        return count;
      case core::ReportUnit::percent:
        return percent;
      case core::ReportUnit::working_days:
        return working_days;
      case core::ReportUnit::year:
        return year;
      case core::ReportUnit::text:
        break;
    }
    return nullptr;
  }
};

// A number as its column's xlsx format shows it, to size the column.
std::string number_shown(double v, core::ReportUnit unit) {
  switch (unit) {
    case core::ReportUnit::percent:
      return fmt::format("{:.1f}%", v);
    case core::ReportUnit::working_days:
      return fmt::format("{:.1f}", v);
    case core::ReportUnit::count:
    case core::ReportUnit::year:
    case core::ReportUnit::text:
      break;
  }
  return fmt::format("{:.0f}", v);
}

// Excel measures a column in characters of its default font; a Chinese character
// takes two. Wide enough for the widest cell and a little margin, never so wide
// that a long name hides the columns after it.
double column_width(int widest) {
  return std::min(std::max(widest, 4) + 2, 60);
}

}  // namespace

void render_report(std::ostream& out, const core::Report& report, std::string_view format) {
  if (format == "json") {
    render_json(out, report);
  } else if (format == "csv") {
    render_csv(out, report, report.tables.front(), false);
  } else if (format == "md") {
    render_md(out, report);
  } else if (format == "html") {
    render_html(out, report);
  } else {
    render_table(out, report);
  }
}

void render_csv(std::ostream& out, const core::Report& r, const core::ReportTable& t, bool bom) {
  // People open the CSV in Excel: where their language translates the report, the
  // header row is the headings they read; otherwise the keys, as --json has them.
  // The cells stay as --json has them (numbers, codes, the report's words).
  if (bom) out << "\xEF\xBB\xBF";
  const bool headings = translated(r.title);
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    out << (i ? "," : "") << csv_field(headings ? column_heading(t.columns[i]) : t.columns[i].key);
  }
  out << "\r\n";
  for (const auto& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(data_cell(row[i]));
    out << "\r\n";
  }
}

std::string csv_file_name(const core::Report& report, const core::ReportTable& table) {
  return report.kind + "-" + table.name + ".csv";
}

void write_report_zip(const core::Report& r, bool bom, const std::string& path) {
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (zip == nullptr) throw core::Failure(_("cannot create the zip archive"));
  // Every entry is dated the as-of day: the same report gives the same bytes.
  zip_fileinfo info{};
  const std::chrono::year_month_day ymd{core::parse_datetime(r.as_of)->date};
  info.tmz_date.tm_year = static_cast<unsigned>(static_cast<int>(ymd.year()));
  info.tmz_date.tm_mon = static_cast<unsigned>(ymd.month()) - 1;
  info.tmz_date.tm_mday = static_cast<unsigned>(ymd.day());
  for (const auto& t : r.tables) {
    std::ostringstream csv;
    render_csv(csv, r, t, bom);
    const std::string name = csv_file_name(r, t), data = csv.str();
    if (zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                              Z_DEFAULT_COMPRESSION, 0) != ZIP_OK ||
        zipWriteInFileInZip(zip, data.data(), static_cast<unsigned>(data.size())) != ZIP_OK ||
        zipCloseFileInZip(zip) != ZIP_OK) {
      zipClose(zip, nullptr);
      throw core::Failure(_("cannot write the zip archive"));
    }
  }
  if (zipClose(zip, nullptr) != ZIP_OK) throw core::Failure(_("cannot write the zip archive"));
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
  const XlsxFormats formats(wb);
  const std::string header = header_line(r);
  lxw_worksheet* summary = workbook_add_worksheet(wb, C_("xlsx sheet", "report"));
  worksheet_write_string(summary, 0, 0, title.c_str(), formats.title);
  worksheet_write_string(summary, 1, 0, header.c_str(), nullptr);
  lxw_row_t line = 2;
  for (const auto& note : r.notes) worksheet_write_string(summary, line++, 0, note.c_str(), nullptr);
  for (const auto& t : r.tables) {
    lxw_worksheet* sheet = workbook_add_worksheet(wb, sheet_name(wb, t).c_str());
    // A sheet printed or mailed alone still says what it is and when it was counted:
    // the report's and the table's title, then the as-of (and period) line, then
    // the headings, which stay in view as the rows scroll.
    const std::string sheet_title = title + " — " + shown(t.title);
    worksheet_write_string(sheet, 0, 0, sheet_title.c_str(), formats.title);
    worksheet_write_string(sheet, 1, 0, header.c_str(), nullptr);
    constexpr lxw_row_t kHeadings = 2;
    worksheet_freeze_panes(sheet, kHeadings + 1, 0);
    std::vector<int> widest(t.columns.size(), 0);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string heading = column_heading(t.columns[c]);
      widest[c] = display_width(heading);
      worksheet_write_string(sheet, kHeadings, static_cast<lxw_col_t>(c), heading.c_str(),
                             t.columns[c].numeric() ? formats.heading_number : formats.heading);
    }
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      for (std::size_t c = 0; c < t.rows[row].size() && c < t.columns.size(); ++c) {
        const auto& v = t.rows[row][c];
        const auto unit = t.columns[c].unit;
        const auto rr = static_cast<lxw_row_t>(kHeadings + 1 + row);
        const auto cc = static_cast<lxw_col_t>(c);
        std::string text;
        if (std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v)) {
          const double number =
              std::holds_alternative<double>(v) ? std::get<double>(v) : static_cast<double>(std::get<std::int64_t>(v));
          text = number_shown(number, unit);
          // A percentage is stored as the fraction Excel's % format multiplies by 100.
          worksheet_write_number(sheet, rr, cc, unit == core::ReportUnit::percent ? number / 100 : number,
                                 formats.of(unit));
        } else if (!std::holds_alternative<std::monostate>(v)) {
          text = cell(v);
          worksheet_write_string(sheet, rr, cc, text.c_str(), nullptr);
        }
        widest[c] = std::max(widest[c], display_width(text));
      }
    }
    for (std::size_t c = 0; c < widest.size(); ++c) {
      const auto cc = static_cast<lxw_col_t>(c);
      worksheet_set_column(sheet, cc, cc, column_width(widest[c]), nullptr);
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw core::Failure(_("cannot write the xlsx workbook"));
}

}  // namespace sqgl::cli
