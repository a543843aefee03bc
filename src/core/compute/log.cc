#include "core/compute/log.h"

#include <algorithm>

namespace tally {

std::vector<LogEntry> build_log(const Ledger& ledger, const LogFilter& filter) {
  const Plan& plan = ledger.plan();
  const int offset = plan.header.utc_offset_minutes;
  std::vector<LogEntry> out;
  for (const Actual& a : plan.actuals) {
    if (filter.indicator && ledger.indicator_index(a.indicator) != *filter.indicator) continue;
    if (filter.task && ledger.task_index(a.indicator) != *filter.task) continue;
    if (filter.since && local_date(a.recorded.epoch_seconds, offset) < *filter.since) continue;
    out.push_back({&a, ledger.is_superseded(a)});
  }
  std::stable_sort(out.begin(), out.end(), [](const LogEntry& x, const LogEntry& y) {
    const Actual& a = *x.actual;
    const Actual& b = *y.actual;
    if (!a.recorded.same_moment(b.recorded)) return a.recorded < b.recorded;
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    return a.loc.line < b.loc.line;
  });
  return out;
}

}  // namespace tally
