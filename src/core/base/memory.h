// Hints to the kernel about how the process uses its memory.
#pragma once

#include <cstddef>

namespace tally {

/// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes)
/// with huge pages (Linux's transparent huge pages, which this kernel's
/// default leaves to such a request): one page fault per 2 MiB instead of
/// one per 4 KiB the first time the memory is written. A hint only: it does
/// nothing where huge pages are off or unknown, and nothing it does changes
/// what the memory holds.
void advise_huge_pages(const void* data, size_t bytes);

/// Reserves room for `n` elements of `v` (a std::vector or std::string)
/// and asks for huge pages for all of its capacity (advise_huge_pages),
/// before anything is written there.
template <class Container>
void reserve_in_huge_pages(Container& v, size_t n) {
  v.reserve(n);
  advise_huge_pages(v.data(), v.capacity() * sizeof(*v.data()));
}

/// Asks the kernel to map in the pages of [data, data + bytes) now, in one
/// call, rather than one page fault at a time as they are first written
/// (MADV_POPULATE_WRITE, Linux 5.14 and later). The memory must be the
/// caller's to write; what it holds does not change. Does nothing where
/// the kernel cannot.
void prefault(void* data, size_t bytes);

}  // namespace tally
