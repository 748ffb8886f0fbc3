// libxlsxwriter, loaded only when a report is written as xlsx. It is the one
// library sqgl links that Debian ships only as a shared object, and every shared
// library a process loads costs about a millisecond that `apply` should not pay.
#pragma once

#include <xlsxwriter.h>

namespace sqgl::cli {

/// The functions sqgl calls, resolved from the shared library at first use.
struct XlsxLibrary {
  decltype(&::workbook_new_opt) workbook_new_opt;
  decltype(&::workbook_set_properties) workbook_set_properties;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::workbook_close) workbook_close;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::worksheet_write_string) worksheet_write_string;
  decltype(&::worksheet_write_number) worksheet_write_number;

  /// Loads the library once; core::Failure naming it when it cannot be loaded.
  static const XlsxLibrary& get();
};

}  // namespace sqgl::cli
