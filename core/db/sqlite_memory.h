// A small-object allocator for SQLite. Debian builds SQLite with
// SQLITE_OMIT_LOOKASIDE, so every parse-tree node, schema object and cursor is a
// malloc and a free; in a one-command process that is a fifth of the instructions.
// This gives SQLite what lookaside would: size-classed free lists carved from
// 64 KiB slabs. Blocks above kLargestSmallBlock go to the system allocator.
#pragma once

#include <cstddef>

namespace sqgl::core::sqlite_memory {

/// Requests up to this many bytes come from the size classes.
inline constexpr std::size_t kLargestSmallBlock = 1024;

/// Installs the allocator with SQLITE_CONFIG_MALLOC. Call before SQLite is
/// initialised; returns false (and changes nothing) when it already is.
bool install();

/// The allocator's functions, for tests.
void* allocate(int bytes);
void release(void* block);
void* reallocate(void* block, int bytes);
int usable_size(void* block);
int round_up(int bytes);

}  // namespace sqgl::core::sqlite_memory
