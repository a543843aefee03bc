// Fault isolation: an actuals record that breaks a rule is left out of a
// bulletin and named, instead of stopping every command that reads the
// ledger. Definition errors, and a file that cannot be read as a whole,
// still stop them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/model/model.h"

namespace tally {

/// An actuals record left out because it breaks a rule.
struct ExcludedRecord {
  std::string file;       ///< the file as shown (plans/x/actuals/fgw.toml)
  uint32_t line = 0;      ///< the line of its [[actual]]
  std::string indicator;  ///< the indicator it names, as written; may be empty
  /// Whether the reader kept it (it broke a rule between values, such as an
  /// unknown indicator) or dropped it (a value that cannot be read).
  bool read = false;
  /// Each finding on it, in order: "unknown indicator 'x' (did you mean …)".
  std::vector<std::string> reasons;
  std::vector<std::string> codes;

  /// "plans/x/actuals/fgw.toml:12"
  std::string where() const;
  /// The reasons joined with "; ".
  std::string reason() const;
};

/// Moves every error located inside one [[actual]] record of an actuals
/// file (a file under plan.actuals_dir) out of `diags` and the record out
/// of plan.actuals; returns those records in file and line order. Errors
/// elsewhere stay: those in the definitions, and those of a whole actuals
/// file (not UTF-8, TOML syntax, unreadable), since which records such a
/// file holds is unknown and leaving it out would report its bureau as
/// missing. Warnings stay.
std::vector<ExcludedRecord> isolate_bad_records(Plan& plan, const SourceFiles& files,
                                                Diagnostics& diags);

/// The excluded records that concern `indicator`: a new record beside them
/// could not be judged, so `record` refuses it until they are fixed.
/// A record whose indicator could not be read concerns every indicator.
std::vector<const ExcludedRecord*> excluded_for(const std::vector<ExcludedRecord>& excluded,
                                                std::string_view indicator);

}  // namespace tally
