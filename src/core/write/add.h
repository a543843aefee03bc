// `tally add`: one indicator, task or bureau appended to the plan's files
// as text formatted as the entries already there, after the plan with the
// new entry has passed the rules of `tally check`; under the plan's lock,
// all or nothing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/read/load.h"

namespace tally {

/// One entry as the user gave it: its table and its keys in the order they
/// are written, each value already TOML (a quoted string, a number, a date,
/// an array).
struct ProposedEntry {
  enum class What { kIndicator, kTask, kBureau };
  What what = What::kIndicator;
  /// Indicators and tasks: the action whose file the entry goes to.
  std::string action;
  /// Bureaus: the id ([bureau.<id>]).
  std::string bureau_id;
  std::vector<std::pair<std::string, std::string>> keys;
};

/// The text of a TOML value: `s` quoted, a list of quoted strings, a number
/// as written when it is one (else quoted, so the check says it is not a
/// number), a date as written when it is one (else quoted).
std::string toml_string(const std::string& s);
std::string toml_strings(const std::vector<std::string>& items);
std::string toml_number(const std::string& s);
std::string toml_date(const std::string& s);

/// What `add_entry` did.
struct AddOutcome {
  enum class Status { kOk, kRefused, kFailed };
  Status status = Status::kOk;
  std::string path;      ///< the file appended to
  std::string appended;  ///< the bytes added at its end
  /// kRefused: the errors the check finds in the plan with the entry (their
  /// locations index `files`, which holds the new text), or `refusal`.
  Diagnostics diags;
  SourceFiles files;
  std::string refusal;
  /// kFailed: the lock or I/O failure; nothing was changed.
  std::string error;
  std::vector<std::string> recovered;
};

/// Appends `entry` to its file (the action's file, or bureaus.toml) of the
/// plan `loaded` was read from: under the plan directory's lock, reads the
/// file as it is now, loads the plan with the entry added at its end and
/// runs the definitions' checks (today: `today`); with no error, replaces
/// the file (write/transaction.h). An action the plan does not have is a
/// refusal with "did you mean".
AddOutcome add_entry(const LoadResult& loaded, const ProposedEntry& entry, Date today,
                     int lock_timeout_ms);

}  // namespace tally
