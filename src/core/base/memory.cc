#include "core/base/memory.h"

#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace tally {

namespace {

#if defined(__linux__)
// madvise over the whole blocks of `unit` bytes (a power of two, aligned
// to it) inside [data, data + bytes). A refusal (EINVAL where the kernel
// lacks the advice) leaves the memory as it was, which is all a hint can
// promise.
void advise_inside(const void* data, size_t bytes, uintptr_t unit, int advice) {
  const auto begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t from = (begin + unit - 1) & ~(unit - 1);
  const uintptr_t to = (begin + bytes) & ~(unit - 1);
  if (to > from) (void)madvise(reinterpret_cast<void*>(from), to - from, advice);
}
#endif

}  // namespace

void advise_huge_pages(const void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  advise_inside(data, bytes, uintptr_t{2} << 20, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

void prefault(void* data, size_t bytes) {
  // Before Linux 5.14 the kernel refuses: the pages then fault in as they
  // are first written.
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  advise_inside(data, bytes, 4096, MADV_POPULATE_WRITE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace tally
