#include "core/db/sqlite_memory.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <sqlite3.h>

namespace sqgl::core::sqlite_memory {

namespace {

// Every block starts with its usable size; SQLite asks for 8-byte alignment,
// which the 8-byte header keeps (slabs and malloc give 16).
constexpr std::size_t kHeader = sizeof(std::uint64_t);

constexpr std::array<std::uint32_t, 20> kClassSizes{16,  32,  48,  64,  80,  96,  112, 128, 160, 192,
                                                    224, 256, 320, 384, 448, 512, 640, 768, 896, 1024};
static_assert(kClassSizes.back() == kLargestSmallBlock);

// The class of a request of n bytes (1 ≤ n ≤ kLargestSmallBlock), by n's 16-byte step.
constexpr auto kClassOfStep = [] {
  std::array<std::uint8_t, kLargestSmallBlock / 16 + 1> table{};
  std::size_t cls = 0;
  for (std::size_t step = 0; step < table.size(); ++step) {
    while (kClassSizes[cls] < step * 16) ++cls;
    table[step] = static_cast<std::uint8_t>(cls);
  }
  return table;
}();

constexpr std::size_t kSlabBytes = 64 * 1024;

// Each thread carves and recycles its own blocks; a block freed by another thread
// joins that thread's list, which is safe because a block's size travels with it.
struct Pool {
  std::array<void*, kClassSizes.size()> free{};
  char* next = nullptr;
  char* end = nullptr;
};
thread_local Pool pool;

std::size_t class_of(std::size_t bytes) {
  return kClassOfStep[(bytes + 15) / 16];
}

std::uint64_t& header_of(void* block) {
  return *reinterpret_cast<std::uint64_t*>(static_cast<char*>(block) - kHeader);
}

void* carve(std::size_t cls) {
  const std::size_t need = kHeader + kClassSizes[cls];
  if (pool.next == nullptr || static_cast<std::size_t>(pool.end - pool.next) < need) {
    // The slab's tail (less than one block) is left unused. Slabs live as long as
    // the process: their blocks go round the free lists.
    auto* slab = static_cast<char*>(std::malloc(kSlabBytes));
    if (slab == nullptr) return nullptr;
    pool.next = slab;
    pool.end = slab + kSlabBytes;
  }
  char* block = pool.next + kHeader;
  pool.next += need;
  *reinterpret_cast<std::uint64_t*>(block - kHeader) = kClassSizes[cls];
  return block;
}

std::size_t round8(std::size_t bytes) {
  return (bytes + 7) & ~std::size_t{7};
}

int sqlite_init(void*) {
  return SQLITE_OK;
}
void sqlite_shutdown(void*) {}

}  // namespace

void* allocate(int bytes) {
  const std::size_t n = bytes < 1 ? 1 : static_cast<std::size_t>(bytes);
  if (n <= kLargestSmallBlock) {
    const std::size_t cls = class_of(n);
    if (void* block = pool.free[cls]) {
      pool.free[cls] = *static_cast<void**>(block);
      return block;
    }
    return carve(cls);
  }
  const std::size_t size = round8(n);
  auto* raw = static_cast<char*>(std::malloc(kHeader + size));
  if (raw == nullptr) return nullptr;
  *reinterpret_cast<std::uint64_t*>(raw) = size;
  return raw + kHeader;
}

void release(void* block) {
  if (block == nullptr) return;
  const std::uint64_t size = header_of(block);
  if (size <= kLargestSmallBlock) {
    const std::size_t cls = class_of(size);
    *static_cast<void**>(block) = pool.free[cls];
    pool.free[cls] = block;
    return;
  }
  std::free(static_cast<char*>(block) - kHeader);
}

void* reallocate(void* block, int bytes) {
  if (block == nullptr) return allocate(bytes);
  const std::size_t n = bytes < 1 ? 1 : static_cast<std::size_t>(bytes);
  const std::uint64_t size = header_of(block);
  if (size <= kLargestSmallBlock && n <= size) return block;
  if (size > kLargestSmallBlock && n > kLargestSmallBlock) {
    const std::size_t grown = round8(n);
    auto* raw = static_cast<char*>(std::realloc(static_cast<char*>(block) - kHeader, kHeader + grown));
    if (raw == nullptr) return nullptr;
    *reinterpret_cast<std::uint64_t*>(raw) = grown;
    return raw + kHeader;
  }
  void* moved = allocate(bytes);
  if (moved == nullptr) return nullptr;
  std::memcpy(moved, block, n < size ? n : static_cast<std::size_t>(size));
  release(block);
  return moved;
}

int usable_size(void* block) {
  return block == nullptr ? 0 : static_cast<int>(header_of(block));
}

int round_up(int bytes) {
  const std::size_t n = bytes < 1 ? 1 : static_cast<std::size_t>(bytes);
  return static_cast<int>(n <= kLargestSmallBlock ? kClassSizes[class_of(n)] : round8(n));
}

bool install() {
  static const sqlite3_mem_methods methods{allocate, release,     reallocate,      usable_size,
                                           round_up, sqlite_init, sqlite_shutdown, nullptr};
  return sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) == SQLITE_OK;
}

}  // namespace sqgl::core::sqlite_memory
