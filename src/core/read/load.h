// Reading a plan directory into the model. Syntax, encoding, schema and type
// errors become diagnostics; the semantic rules live in check/check.h.
#pragma once

#include <string>

#include "core/base/diagnostic.h"
#include "core/base/fs.h"
#include "core/model/model.h"

namespace tally {

/// What a load produced: the plan as far as it could be read, the text of
/// every file (for excerpts) and the diagnostics of the pass.
struct LoadResult {
  Plan plan;
  SourceFiles files;
  Diagnostics diags;
  /// True when plan.toml could not be read at all (nothing else is meaningful).
  bool fatal = false;
};

struct LoadOptions {
  std::string plan_dir;
  /// Where the actuals live; empty means `<plan_dir>/actuals`.
  std::string actuals_dir;
  /// Skip reading actuals (commands that only need the definitions).
  bool skip_actuals = false;
};

/// Loads plan.toml, bureaus.toml, actions/*.toml and the actuals.
LoadResult load_plan(const FileSystem& fs, const LoadOptions& options);

/// Which reader read the records of actuals files (for tests and benchmarks).
struct ActualsReadStats {
  size_t canonical_records = 0;  // by the canonical reader (read/fast_actuals.h)
  size_t toml_records = 0;       // records it declined, read by toml++ one by one
  size_t toml_files = 0;         // files read by toml++ as a whole
};

/// Parses the text of one actuals file and appends its records to `out`;
/// diagnostics go to `diags`. `file` indexes `files`. Used by the loader and
/// by `record` to re-read a file before replacing it. Records in the layout
/// `record` writes are read by the canonical reader, the rest by toml++; the
/// result is what load_actuals_text_toml gives, record for record and
/// diagnostic for diagnostic.
void load_actuals_text(std::string_view text, uint32_t file, const Plan& plan,
                       std::vector<Actual>& out, Diagnostics& diags,
                       ActualsReadStats* stats = nullptr);

/// The reference reader: the same contract as load_actuals_text, with toml++
/// reading the whole file.
void load_actuals_text_toml(std::string_view text, uint32_t file, const Plan& plan,
                            std::vector<Actual>& out, Diagnostics& diags);

/// Checks bytes are UTF-8 and reports the first bad byte as `not-utf8`.
/// Returns false when the text must not be parsed.
bool check_utf8(std::string_view text, uint32_t file, Diagnostics& diags);

/// The text with a leading UTF-8 byte-order mark removed.
std::string_view strip_bom(std::string_view text);

/// True for ids made of [a-z0-9-]+ (not starting or ending with '-').
bool is_slug(std::string_view s);

}  // namespace tally
