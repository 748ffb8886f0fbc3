// A report in each format it is read in: an aligned table for the terminal, CSV
// and JSON for scripts, Markdown and HTML (with charts) for mail and the intranet,
// and an xlsx workbook for the district offices.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "core/report/report.h"

namespace sqgl::cli {

/// Writes `report` to `out` as "table", "csv", "json", "md" or "html".
void render_report(std::ostream& out, const core::Report& report, std::string_view format);

/// The workbook district offices open: a summary sheet, then one sheet a table,
/// written to the file `path` (libxlsxwriter writes to a file name: `path` names an
/// unnamed file, core/db/new_file.h). Its creation time is the as-of time, so the
/// same report gives the same file.
void write_report_xlsx(const core::Report& report, const std::string& path);

}  // namespace sqgl::cli
