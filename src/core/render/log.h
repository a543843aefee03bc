// The record log (compute/log.h) as a table, for text and CSV, and as JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/compute/log.h"
#include "core/ledger/ledger.h"
#include "core/render/table.h"

namespace tally {

/// The log as a table: recorded (in the plan's zone, to the minute; with
/// `full` the RFC 3339 text), indicator, period, value with its unit (with
/// `full` the unit in a column of its own), by, source, note, reason and
/// whether it is in force or superseded. Labels in Chinese unless `en`.
Table log_table(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en, bool full);

/// The log as text fitted to `width` columns (0: no limit): the source,
/// note and reason are cut with "…"; when even cut to 8 columns they do
/// not fit, the reason, note, source, by and then the time recorded give
/// way, named under the table; the indicator, period, value and state stay
/// whole.
std::string log_text(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en,
                     size_t width);

/// The log as a JSON array of records with their file and line.
std::string render_log_json(const Ledger& ledger, const std::vector<LogEntry>& entries,
                            const SourceFiles& files);

}  // namespace tally
