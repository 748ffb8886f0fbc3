#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include <doctest/doctest.h>

#include "core/db/sqlite_memory.h"

namespace memory = sqgl::core::sqlite_memory;

TEST_CASE("sqlite memory: every block is 8-aligned and holds what it was asked for") {
  for (int bytes : {1, 7, 8, 15, 16, 17, 100, 1000, 1023, 1024, 1025, 4096, 70000}) {
    void* p = memory::allocate(bytes);
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % 8 == 0);
    CHECK(memory::usable_size(p) >= bytes);
    CHECK(memory::usable_size(p) == memory::round_up(bytes));
    std::memset(p, 0xab, static_cast<std::size_t>(memory::usable_size(p)));
    memory::release(p);
  }
  CHECK(memory::usable_size(nullptr) == 0);
  memory::release(nullptr);
}

TEST_CASE("sqlite memory: a freed small block is reused for its size class") {
  void* a = memory::allocate(40);
  memory::release(a);
  void* b = memory::allocate(33);  // same 48-byte class
  CHECK(b == a);
  memory::release(b);
}

TEST_CASE("sqlite memory: realloc keeps the contents across classes and into large blocks") {
  auto* p = static_cast<unsigned char*>(memory::allocate(10));
  for (int i = 0; i < 10; ++i) p[i] = static_cast<unsigned char>(i);
  p = static_cast<unsigned char*>(memory::reallocate(p, 12));  // fits its class: the same block
  p = static_cast<unsigned char*>(memory::reallocate(p, 500));
  p = static_cast<unsigned char*>(memory::reallocate(p, 5000));
  p = static_cast<unsigned char*>(memory::reallocate(p, 9000));
  REQUIRE(memory::usable_size(p) >= 9000);
  for (int i = 0; i < 10; ++i) CHECK(p[i] == i);
  p = static_cast<unsigned char*>(memory::reallocate(p, 20));  // large to small
  for (int i = 0; i < 10; ++i) CHECK(p[i] == i);
  memory::release(p);
  CHECK(memory::reallocate(nullptr, 64) != nullptr);
}

TEST_CASE("sqlite memory: many live blocks never overlap") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> size(1, 1500);
  struct Live {
    unsigned char* p;
    int bytes;
    unsigned char mark;
  };
  std::vector<Live> live;
  for (int round = 0; round < 20000; ++round) {
    if (!live.empty() && random() % 3 == 0) {
      const std::size_t i = random() % live.size();
      for (int k = 0; k < live[i].bytes; ++k) REQUIRE(live[i].p[k] == live[i].mark);
      memory::release(live[i].p);
      live[i] = live.back();
      live.pop_back();
    } else {
      const int bytes = size(random);
      auto* p = static_cast<unsigned char*>(memory::allocate(bytes));
      const auto mark = static_cast<unsigned char>(round);
      std::memset(p, mark, static_cast<std::size_t>(bytes));
      live.push_back({p, bytes, mark});
    }
  }
  for (const auto& l : live) {
    for (int k = 0; k < l.bytes; ++k) REQUIRE(l.p[k] == l.mark);
    memory::release(l.p);
  }
}
