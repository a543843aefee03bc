// Recording actuals: a proposed figure, as typed on the command line or in
// a CSV row, is validated against the plan and the records already there,
// then appended as text to its bureau's file under the directory lock
// (SPEC 2.4 and 5).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/ledger.h"
#include "core/load.h"
#include "core/model.h"

namespace tally {

/// One actual as the user typed it, before validation. `by` may be empty
/// (the indicator's primary lead); `line` is the CSV line (0 elsewhere).
struct ProposedActual {
  std::string indicator;
  std::string period;
  std::string value;
  std::string by;
  std::string source;
  std::string note;
  std::string reason;
  uint32_t line = 0;
};

/// What each field is called where it was typed, so a refusal names it:
/// "--period" on the command line, "period" in a CSV header.
struct FieldNames {
  std::string indicator;
  std::string period;
  std::string value;
  std::string by;
  std::string source;
  std::string note;
  std::string reason;
};

/// Why one proposal cannot be recorded: `row` indexes the proposals and
/// `message` is one line that starts with the field's name, e.g.
/// "--period: 2025-01 is outside the plan (2024-01-01 to 2024-12-31)".
struct Refusal {
  size_t row = 0;
  std::string message;
};

/// The outcome of validation: one actual per proposal, or the refusals.
struct Prepared {
  std::vector<Actual> actuals;
  std::vector<Refusal> refusals;
};

/// Validates proposals against the plan and its records and turns them into
/// actuals stamped `recorded`. A proposal is refused when
///  - the indicator is unknown (with "did you mean"), or is a name, not an id;
///  - the period is malformed, outside the plan, or has not started by
///    `today` (a period under way may be recorded: month-to-date figures and
///    milestone stages are reported before a period ends);
///  - the bureau (`by`, default: the indicator's first lead) is unknown;
///  - the value does not fit the kind: a number in the indicator's unit, or
///    with a Chinese scale that converts to it (36000万元 → 3.6 亿元), not
///    negative except for growth rates; for milestones not-started,
///    in-progress, done (未启动, 推进中, 在建, 已完成) or a percent such as 60%;
///  - the source is empty;
///  - the indicator and period already have a record and no reason is given,
///    or the record in force was stamped at or after `recorded`;
///  - another proposal of the same batch has the same indicator and period.
/// Relative periods (last-month, due, …) resolve against `today`. With any
/// refusal, `actuals` is empty.
Prepared prepare_actuals(const Ledger& ledger, std::span<const ProposedActual> rows,
                         const FieldNames& names, Date today, const Timestamp& recorded);

/// The value a proposal gives for an indicator, converted to its unit; on
/// failure nullopt and `*error` says what is wrong and what to write instead.
std::optional<ActualValue> parse_value_for(const Indicator& ind, std::string_view text,
                                           std::string* error);

/// A Timestamp for a moment shown at an offset, its text in RFC 3339.
Timestamp make_timestamp(int64_t epoch_seconds, int offset_minutes);

/// The moment on `day` at the wall-clock time of `now`, in a zone
/// `offset_minutes` east of UTC: how a record is stamped when today is fixed.
int64_t moment_on(Date day, int64_t now, int offset_minutes);

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
  /// How long to wait for another writer to release the lock.
  int lock_timeout_ms = 30000;
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
  /// order; their locations index `files`.
  std::vector<Actual> stored;
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
};

/// Records proposals in the actuals files of their bureaus, all or none:
///  0. refuses proposals that are wrong against `loaded`, touching nothing;
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
