// Named points in a command's work where the crash tests kill the process
// (tests/faults/crash_main.cpp). A production binary never sets the hook, so a
// point costs one test of a null pointer.
#pragma once

#include <string_view>

namespace sqgl::core {

using TestPointHook = void (*)(std::string_view point);

/// Set only by test binaries.
inline TestPointHook test_point_hook = nullptr;

/// Marks a point: "import.after-parse", "import.progress", "import.before-commit",
/// "backup.after-copy", …
inline void test_point(std::string_view point) {
  if (test_point_hook) test_point_hook(point);
}

}  // namespace sqgl::core
