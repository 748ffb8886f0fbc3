// The files of schema/, compiled into the binary by scripts/embed.cmake.
#pragma once

#include <span>
#include <string_view>

namespace sqgl::core {

/// One embedded file: its path below the source root and its bytes.
struct EmbeddedFile {
  std::string_view name;  ///< e.g. "schema/0001_base.sql"
  std::string_view data;
};

/// Every embedded file, sorted by name.
std::span<const EmbeddedFile> embedded_files();

}  // namespace sqgl::core
