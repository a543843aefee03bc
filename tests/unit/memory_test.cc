#include "core/base/memory.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace tally;

// Whether the kernel grants huge pages depends on the machine; what the
// hint must never do is change what the memory holds or fail on a range
// too small or unaligned to hold one.
TEST_CASE("advise_huge_pages: a hint that keeps the memory as it is") {
  std::vector<uint32_t> big(3u << 20);  // 12 MiB: a few 2 MiB pages inside
  for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<uint32_t>(i * 2654435761u);
  advise_huge_pages(big.data(), big.size() * sizeof(uint32_t));
  size_t same = 0;
  for (size_t i = 0; i < big.size(); ++i) same += big[i] == static_cast<uint32_t>(i * 2654435761u);
  CHECK(same == big.size());

  // Memory first written after the hint reads back as written.
  std::vector<uint8_t> fresh;
  fresh.reserve(5u << 20);
  advise_huge_pages(fresh.data(), fresh.capacity());
  fresh.assign(5u << 20, 0xA5);
  CHECK(fresh[0] == 0xA5);
  CHECK(fresh[(5u << 20) - 1] == 0xA5);

  // Ranges holding no whole huge page, and none at all.
  std::vector<char> small(100, 'x');
  advise_huge_pages(small.data() + 1, 7);
  advise_huge_pages(nullptr, 0);
  CHECK(small[1] == 'x');
}

TEST_CASE("prefault: maps pages in without changing what they hold") {
  std::vector<uint8_t> held(1u << 20, 0x5A);
  prefault(held.data(), held.size());
  CHECK(std::count(held.begin(), held.end(), 0x5A) == static_cast<std::ptrdiff_t>(held.size()));

  std::string text;
  text.reserve(300000);
  prefault(text.data(), text.capacity());
  text.assign(300000, 'x');
  CHECK(text.find_first_not_of('x') == std::string::npos);

  // Less than a page, unaligned, and nothing at all.
  char small[10] = "abcdefghi";
  prefault(small + 1, 5);
  prefault(nullptr, 0);
  CHECK(std::string(small) == "abcdefghi");
}

TEST_CASE("reserve_in_huge_pages: reserves as reserve does, keeping what is held") {
  std::vector<uint64_t> v = {1, 2, 3};
  reserve_in_huge_pages(v, 1u << 20);  // 8 MiB
  CHECK(v.capacity() >= (1u << 20));
  CHECK(v == std::vector<uint64_t>{1, 2, 3});
  std::string s = "市统计局";
  reserve_in_huge_pages(s, 5u << 20);
  CHECK(s.capacity() >= (5u << 20));
  CHECK(s == "市统计局");
}
