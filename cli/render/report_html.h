// The HTML page a meeting reads: each table under a chart of the figure that
// matters for it, in one file that renders the same offline.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "core/report/report.h"

namespace sqgl::cli {

/// Writes `report` as one HTML page: `header` is the line every format prints under
/// the title, `heading` names a column as the other formats do.
void render_report_html(std::ostream& out, const core::Report& report, const std::string& header,
                        const std::function<std::string(const core::ReportColumn&)>& heading);

}  // namespace sqgl::cli
