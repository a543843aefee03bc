// The record log: every actual in the order it was recorded, superseded
// ones marked, as a value and in each output format (`tally log`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/ledger/ledger.h"
#include "core/render/table.h"

namespace tally {

/// Which records the log shows.
struct LogFilter {
  /// Only this indicator (an index into the plan's indicators).
  std::optional<size_t> indicator;
  /// Only records recorded on or after this date, in the plan's zone.
  std::optional<Date> since;
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

/// The log as a table: recorded (in the plan's zone, to the minute; with
/// `full` the RFC 3339 text), indicator, period, value with its unit (with
/// `full` the unit in a column of its own), by, source, note, reason and
/// whether it is in force or superseded. Labels in Chinese unless `en`.
Table log_table(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en, bool full);

/// The log as a JSON array of records with their file and line.
std::string render_log_json(const Ledger& ledger, const std::vector<LogEntry>& entries,
                            const SourceFiles& files);

}  // namespace tally
