// Running independent pieces of a pass on the machine's cores: reading the
// actuals files, and the checks over the actuals. Results are merged by the
// caller in a fixed order, so the output does not depend on the threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tally {

/// How many threads parallel_for runs on: the machine's cores, at least one.
inline size_t parallel_shares() {
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Passes over fewer records than this run on the calling thread alone:
/// starting threads would cost more than they save.
inline constexpr size_t kParallelRecords = 10000;

/// Likewise for files of fewer bytes than this in all: the shipped plan's
/// 0.7 MB took more CPU time on two threads than on one, and no less time.
inline constexpr size_t kParallelBytes = size_t{1} << 20;

/// The threads for a pass over `amount` records or bytes, of which
/// `threshold` or more pay for starting threads: one below it, else every core.
inline size_t shares_for(size_t amount, size_t threshold) {
  return amount < threshold ? 1 : parallel_shares();
}

/// Calls work(i) once for each i in [0, n), on up to `shares` threads (the
/// calling thread is one of them), and returns when every call
/// has returned. Calls may run in any order and at the same time. If a call
/// throws, the remaining ones still run and the first exception is rethrown.
template <class Work>
void parallel_for(size_t n, Work work, size_t shares = parallel_shares()) {
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  const size_t threads = std::min(std::max<size_t>(shares, 1), n);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tally
