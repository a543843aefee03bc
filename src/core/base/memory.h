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

}  // namespace tally
