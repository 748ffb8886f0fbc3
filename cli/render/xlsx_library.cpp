#include "cli/render/xlsx_library.h"

#include <dlfcn.h>

#include <fmt/format.h>

#include "core/base/error.h"

#ifndef SQGL_XLSXWRITER_SONAME
#error "SQGL_XLSXWRITER_SONAME must name libxlsxwriter's shared object (set by cli/CMakeLists.txt)"
#endif

namespace sqgl::cli {

namespace {

XlsxLibrary load() {
  void* handle = ::dlopen(SQGL_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    throw core::Failure(fmt::format("xlsx output needs {} (Debian package libxlsxwriter4): {}", SQGL_XLSXWRITER_SONAME,
                                    ::dlerror()));
  }
  auto resolve = [&](auto& function, const char* name) {
    void* symbol = ::dlsym(handle, name);
    if (!symbol) throw core::Failure(fmt::format("{} has no {}", SQGL_XLSXWRITER_SONAME, name));
    // POSIX guarantees a data pointer from dlsym converts to a function pointer.
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
  };
  XlsxLibrary lib{};
  resolve(lib.workbook_new_opt, "workbook_new_opt");
  resolve(lib.workbook_set_properties, "workbook_set_properties");
  resolve(lib.workbook_add_format, "workbook_add_format");
  resolve(lib.workbook_add_worksheet, "workbook_add_worksheet");
  resolve(lib.workbook_close, "workbook_close");
  resolve(lib.format_set_bold, "format_set_bold");
  resolve(lib.worksheet_write_string, "worksheet_write_string");
  resolve(lib.worksheet_write_number, "worksheet_write_number");
  return lib;
}

}  // namespace

const XlsxLibrary& XlsxLibrary::get() {
  static const XlsxLibrary lib = load();
  return lib;
}

}  // namespace sqgl::cli
