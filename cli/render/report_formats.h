// A report in each format it is read in: an aligned table for the terminal, CSV
// and JSON for scripts, Markdown and HTML (with charts) for mail and the intranet,
// and an xlsx workbook for the district offices.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/report/report.h"

namespace sqgl::cli {

/// Writes `report` to `out` as "table", "json", "md" or "html", every table of it;
/// or as "csv", its first table (a CSV file holds one: render_csv).
void render_report(std::ostream& out, const core::Report& report, std::string_view format);

/// One table of `report` as a CSV file (RFC 4180, CRLF line ends): a header row (the
/// headings where the user's language translates the report, else the keys), then
/// the cells as --json has them. With `bom`, a UTF-8 byte-order mark first, by which
/// Excel in Chinese knows the file is UTF-8 (without it, it reads GBK).
void render_csv(std::ostream& out, const core::Report& report, const core::ReportTable& table, bool bom);

/// The name of a table's CSV file: KIND-TABLE.csv ("backlog-by_window.csv").
std::string csv_file_name(const core::Report& report, const core::ReportTable& table);

/// Every table of `report` as a CSV file (render_csv, named by csv_file_name) in one
/// ZIP archive, written to the file `path` (minizip writes to a file name, as
/// libxlsxwriter does). Its entries are dated the as-of day, so the same report
/// gives the same bytes.
void write_report_zip(const core::Report& report, bool bom, const std::string& path);

/// The workbook district offices open: a summary sheet, then one sheet a table,
/// written to the file `path` (libxlsxwriter writes to a file name: `path` names an
/// unnamed file, core/db/new_file.h). Each table's sheet starts with the report's
/// title and its as-of line above the bold headings, which stay in view (frozen)
/// as the rows scroll; its numbers are numbers formatted by what they count, its
/// columns as wide as their text. Its creation time is the as-of time, so the same
/// report gives the same file.
void write_report_xlsx(const core::Report& report, const std::string& path);

}  // namespace sqgl::cli
