// What the writing commands (`record`, `import`, `problem`) share: the clock
// and "today" a write uses, how a refused or failed write is reported, and
// committing the file written (--commit).
#pragma once

#include <functional>
#include <optional>

#include "cli/context.h"
#include "core/write/record.h"

namespace tally {

/// The options of a write: "today" (fixed by --today/TALLY_TODAY, else the
/// date of the write) and the clock that stamps records: TALLY_NOW when set
/// (an RFC 3339 time, for reproducible tests and scripts), else the fixed
/// today at the current wall-clock time, else now. Prints an error and
/// returns nullopt when TALLY_NOW is malformed or later than a fixed today.
std::optional<RecordOptions> write_options(const Context& ctx, FieldNames names, bool dry_run);

/// Says on stderr each file that undoing an interrupted earlier write
/// restored or removed (RecordOutcome::recovered).
void report_recovered(const Context& ctx, const RecordOutcome& outcome);

/// Prints why nothing was written: each refusal as `where(refusal)` gives
/// it, the findings of the check, or the I/O or lock failure. Returns the
/// exit code: 1 for refused data, 3 for a failed write.
int report_not_written(const Context& ctx, const RecordOutcome& outcome,
                       const std::function<void(const Refusal&)>& print_refusal);

/// Prints the warnings a write found about the new records, and how many
/// records of other indicators are left out (Context::excluded), to stderr.
void report_warnings(const Context& ctx, const RecordOutcome& outcome);

/// `--commit`: git add and commit the file at `path` alone with `message`,
/// then say so. When git fails, says that the `what` ("record", "problem")
/// is written in `path` but not committed, and returns 3.
int commit_written(const Context& ctx, const std::string& path, const std::string& message,
                   std::string_view what);

}  // namespace tally
