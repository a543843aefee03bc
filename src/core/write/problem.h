// Writing problems (问题交办 / 销号): `open` creates problems/<id>.toml,
// `close` and `reopen` append to it, each under the lock of problems/ and
// through the all-or-nothing replacement of write/transaction.h; what is
// written is never rewritten.
#pragma once

#include <string>
#include <vector>

#include "core/read/load.h"
#include "core/write/record.h"

namespace tally {

/// A problem as the user typed it (`tally problem open`).
struct ProposedProblem {
  std::string bureau;  ///< id, name or alias
  std::string due;     ///< a date, 2024-08-15
  std::string text;
  std::string indicator;
  std::string task;
  std::string source;
  std::string by;  ///< who opens it
};

/// What a write of a problem did.
struct ProblemOutcome {
  enum class Status { kOk, kRefused, kFailed };
  Status status = Status::kOk;
  /// kRefused: one line each, naming the option ("--due: …").
  std::vector<std::string> refusals;
  /// kFailed: the lock or I/O failure; nothing was changed.
  std::string error;
  /// The file written (problems/Q2024-0007.toml) and the bytes added to it
  /// (the whole text for a new file).
  std::string path;
  std::string appended;
  /// The problem as the file now has it.
  Problem problem;
  /// What undoing an interrupted earlier write restored or removed (see
  /// recover_dir); said whatever the status.
  std::vector<std::string> recovered;
};

/// With `options.dry_run` each of these validates and composes as it would
/// write, reading the files as they are, but takes no lock and writes
/// nothing: `appended` is the text that would be written.

/// Opens a problem: validates it against `loaded` (a known bureau, with
/// "did you mean"; a due date that is a real date, not before today; text;
/// at most one of indicator and task, each known), then under the lock of
/// <plan>/problems gives it the next id of the plan's year (one more than
/// the largest sequence among the files there, Q2024-0001 for the first),
/// reads the new text back, checks it, and writes the new file.
ProblemOutcome open_problem(const LoadResult& loaded, const ProposedProblem& proposed,
                            const RecordOptions& options);

/// Closes (销号) problem `id` with `evidence`, by `by`: refused when the id
/// is unknown (with "did you mean"), the evidence empty, or the problem
/// already closed (as its file says under the lock).
ProblemOutcome close_problem(const LoadResult& loaded, const std::string& id,
                             const std::string& evidence, const std::string& by,
                             const RecordOptions& options);

/// Reopens closed problem `id` with `reason`; refused as for close, and
/// when the problem is open.
ProblemOutcome reopen_problem(const LoadResult& loaded, const std::string& id,
                              const std::string& reason, const std::string& by,
                              const RecordOptions& options);

}  // namespace tally
