// The actuals file format, both ways: reading the text of one file into
// actuals (the canonical reader of read/fast_actuals.h where it can, toml++
// for the rest) and writing the text `tally record` appends. The keys of a
// record are those of model/actual_fields.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/model/model.h"

namespace tally {

/// Which reader read the records of actuals files (for tests and benchmarks).
struct ActualsReadStats {
  size_t canonical_records = 0;  // by the canonical reader (read/fast_actuals.h)
  size_t toml_records = 0;       // records it declined, read by toml++ one by one
  size_t toml_files = 0;         // files read by toml++ as a whole
};

/// Which records a write needs kept: those of its indicators. The others
/// are still split and read (so that a syntax error anywhere still shows),
/// only not kept.
struct ActualsFilter {
  /// Whether to keep a record naming `indicator` (as decoded).
  std::function<bool(std::string_view indicator)> keep;
};

/// The records of one file an ActualsFilter left out: how many, and when
/// each was recorded (the stamp of a new record looks at every record).
struct SkippedActuals {
  size_t count = 0;
  struct Moment {
    int64_t epoch_seconds = 0;
    int32_t nanos = 0;
  };
  std::vector<Moment> recorded;
};

/// Parses the text of one actuals file and appends its records to `out`;
/// diagnostics go to `diags`. The records' texts are kept in `texts`, which
/// must outlive them. `file` indexes the SourceFiles the text was
/// added to. Used by the loader and by `record` to re-read a file before
/// replacing it. Records in the layout `record` writes are read by the
/// canonical reader, the rest by toml++; the result is what
/// load_actuals_text_toml gives, record for record and diagnostic for
/// diagnostic. With `filter` (and `skipped`), a record the canonical reader
/// reads whose indicator `filter` does not keep is counted in `skipped`
/// instead of appended; a record read by toml++ is always kept, and so is
/// every record of a file read by toml++ as a whole.
void load_actuals_text(std::string_view text, uint32_t file, const Plan& plan, TextStore& texts,
                       std::vector<Actual>& out, Diagnostics& diags,
                       ActualsReadStats* stats = nullptr, const ActualsFilter* filter = nullptr,
                       SkippedActuals* skipped = nullptr);

/// The records `text[old_size…]` adds to an actuals file whose first
/// `old_size` bytes were read before, read as load_actuals_text reads them
/// in the whole text (the same records, locations in the whole text,
/// file_order counted from 0), appended to `out`, with their diagnostics.
/// Possible only when both parts read record by record (no text but
/// comments before the first header, no other table): then a record's
/// meaning does not depend on the records around it. Returns false, with
/// nothing appended, when that is not so or the new part is not UTF-8 or
/// has a TOML syntax error: the caller then reads the whole text.
bool load_appended_actuals(std::string_view text, size_t old_size, uint32_t file, const Plan& plan,
                           TextStore& texts, std::vector<Actual>& out, Diagnostics& diags);

/// The reference reader: the same contract as load_actuals_text, with toml++
/// reading the whole file.
void load_actuals_text_toml(std::string_view text, uint32_t file, const Plan& plan,
                            TextStore& texts, std::vector<Actual>& out, Diagnostics& diags);

/// The text appended for one actual: a blank line, then
///
///     [[actual]]
///     indicator = "industry.bio-output"
///     period = "2024-06"
///     value = 1.8
///     recorded = 2024-07-15T10:02:00+08:00
///     by = "gxj"
///     source = "统计局6月月报"
///     note = "1-6月累计"
///     reason = "统计局修订"
///     highlight = true
///
/// with the keys in exactly this order (that of kActualFields), one space
/// around `=`, keys that are not required only when not empty (highlight
/// only when true), strings as
/// TOML basic strings, numbers as Decimal::str() and milestone values quoted
/// ("done", "60%"). `recorded` is written from `a.recorded.text()`. Every line
/// ends with "\n".
std::string format_actual(const Actual& a);

/// format_actual(a), appended to `out`.
void append_actual(std::string& out, const Actual& a);

/// The value of an actual as it is written after `value = `: 1.8, "done", "60%".
std::string format_actual_value(const ActualValue& v);

/// The comment that starts an actuals file `tally` creates for a bureau.
std::string actuals_file_header(const Bureau& b);

/// The bytes to add after `existing` so that `records` follow it on lines of
/// their own: `records`, preceded by "\n" when `existing` is not empty and
/// does not end with a newline. Existing bytes are never changed.
std::string append_after(std::string_view existing, std::string_view records);

}  // namespace tally
