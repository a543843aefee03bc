// The record log: every actual in the order it was recorded, superseded
// ones marked (`tally log`). render/log.h prints it.
#pragma once

#include <optional>
#include <vector>

#include "core/base/period.h"
#include "core/ledger/ledger.h"

namespace tally {

/// Which records the log shows.
struct LogFilter {
  /// Only this indicator (an index into the plan's indicators).
  std::optional<size_t> indicator;
  /// Only records recorded on or after this date, in the plan's zone.
  std::optional<Date> since;
  /// Only this task's progress reports (an index into the plan's tasks).
  std::optional<size_t> task = {};
};

/// One record of the log.
struct LogEntry {
  const Actual* actual = nullptr;
  /// A later record for the same indicator and period replaces this one.
  bool superseded = false;
};

/// The records that pass `filter`, ordered by `recorded`; records stamped
/// at the same second keep the order of their files and lines.
std::vector<LogEntry> build_log(const Ledger& ledger, const LogFilter& filter);

}  // namespace tally
