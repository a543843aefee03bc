// Recording actuals: proposals, validated (compute/proposal.h), are
// appended as text to their bureaus' files under the directory lock, all
// or none (SPEC 2.4 and 5).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/check/isolate.h"
#include "core/compute/proposal.h"
#include "core/model/model.h"
#include "core/read/load.h"

namespace tally {

/// The plan's definitions without any actuals or problems: what a write
/// reads its new text back against, as `tally check` would.
Plan definitions_of(const Plan& plan);

/// Loads the plan as `load_plan` does and checks it with `check` (which
/// runs check_plan and sorts the findings). With options.only_indicators,
/// the records of other indicators are left out (LoadOptions::only_indicators)
/// when that load has no error: a write reads only the records its
/// indicators' rules concern. When it has an error anything can be wrong,
/// so the plan is loaded and checked again whole, and every refusal and
/// finding is the one a whole load gives.
LoadResult load_for_write(const FileSystem& fs, LoadOptions options,
                          const std::function<void(LoadResult&)>& check);

/// How `record_actuals` runs.
struct RecordOptions {
  /// "Today" in the plan's zone; unset: the date of the moment `clock` gives.
  std::optional<Date> today;
  /// The moment (seconds since the epoch) to stamp new records with. The
  /// stamp is taken after the lock is held, so stamps follow the order of
  /// writes (an earlier call validates before the lock).
  std::function<int64_t()> clock;
  /// How refusals name the fields.
  FieldNames names;
  /// Validate and compose, but take no lock and write nothing.
  bool dry_run = false;
  /// Record values that are not plausible (compute/plausibility.h).
  bool force = false;
  /// How long to wait for another writer to release the lock.
  int lock_timeout_ms = 30000;
  /// The records that break a rule, left out of the loaded plan
  /// (check/isolate.h). A proposal for an indicator one of them concerns is
  /// refused; the others are recorded beside them.
  std::vector<ExcludedRecord> excluded;
};

/// One actuals file a write appends to.
struct AppendedFile {
  std::string path;
  /// The exact bytes added at its end (for a new file, its whole text).
  std::string appended;
  size_t records = 0;
  bool created = false;
};

/// What `record_actuals` did.
struct RecordOutcome {
  enum class Status { kOk, kRefused, kFailed };
  Status status = Status::kOk;
  /// The records appended (or, in a dry run, that would be), in proposal
  /// order; their locations index `files`, their texts are in `texts`.
  std::vector<Actual> stored;
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();
  /// The files appended to, ordered by name.
  std::vector<AppendedFile> appended;
  /// kRefused: why proposals were refused (may be empty when `diags` says).
  std::vector<Refusal> refusals;
  /// What the rules of `tally check` find with the new records that they
  /// did not find before: warnings (e.g. a running total that falls, which
  /// may be located on an old record when a month is back-filled), and with
  /// kRefused the errors.
  Diagnostics diags;
  /// The files `stored` and `diags` point into: the new text of each file
  /// appended to, and the text of any other file a finding is located in.
  SourceFiles files;
  /// kFailed: the lock or I/O failure, naming the file; nothing was changed.
  std::string error;
  /// What undoing an interrupted earlier write restored or removed, one
  /// sentence per file (see recover_dir); said whatever the status.
  std::vector<std::string> recovered;
};

/// Records proposals in the actuals files of their bureaus, all or none:
///  0. refuses proposals that are wrong against `loaded`, or whose indicator
///     has a record left out (RecordOptions::excluded), touching nothing;
///  1. takes the lock on the actuals directory (creating the directory if
///     needed) and undoes any transaction a crash left behind;
///  2. if any actuals file differs from what `loaded` read, reads them all
///     again, so that validation sees what other writers added meanwhile;
///  3. validates every proposal (`prepare_actuals`);
///  4. composes each file's new text, the old bytes followed by the new
///     records (`format_actual`), reads it back with `load_actuals_text`
///     and requires exactly the old records followed by the new ones, and
///     checks the new records with the rules of `tally check` among the old
///     records of their indicators (findings the old records had already
///     are not reported);
///  5. replaces the files (`replace_files`).
/// A dry run does 3 and 4 against `loaded`, without lock or write.
RecordOutcome record_actuals(const LoadResult& loaded, std::span<const ProposedActual> rows,
                             const RecordOptions& options);

}  // namespace tally
