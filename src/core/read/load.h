// Reading a plan directory into the model: plan.toml, bureaus.toml,
// actions/*.toml (read/definitions.h) and the actuals files
// (read/actuals.h). Syntax, encoding, schema and type errors become
// diagnostics; the semantic rules live in check/check.h.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/fs.h"
#include "core/model/model.h"
#include "core/read/actuals.h"

namespace tally {

/// What a load produced: the plan as far as it could be read, the text of
/// every file (for excerpts) and the diagnostics of the pass.
struct LoadResult {
  Plan plan;
  SourceFiles files;
  Diagnostics diags;
  /// True when plan.toml could not be read at all (nothing else is meaningful).
  bool fatal = false;
  /// With LoadOptions::only_indicators: by the index in `files` of each
  /// actuals file, the records read but not kept.
  std::map<uint32_t, SkippedActuals> skipped;
};

struct LoadOptions {
  std::string plan_dir;
  /// Where the actuals live; empty means `<plan_dir>/actuals`.
  std::string actuals_dir;
  /// Skip reading actuals (commands that only need the definitions).
  bool skip_actuals = false;
  /// Where the problems live; empty means `<plan_dir>/problems`.
  std::string problems_dir = {};
  /// Set: keep only the actuals records of these indicators or tasks, and
  /// those naming none of the plan (an unknown id concerns every one). The
  /// others are still read, so a file or record that cannot be read shows
  /// as before, but left out of plan.actuals (LoadResult::skipped).
  std::optional<std::vector<std::string>> only_indicators = {};
  /// Keep the actuals files' text in LoadResult::files. A command that
  /// writes actuals needs it (to see whether another writer changed a
  /// file); one that only reads does not: the text of a file is read again
  /// when a finding first shows a line of it (SourceFiles::add_released).
  bool keep_actuals_text = true;
};

/// Loads plan.toml, bureaus.toml, actions/*.toml, the actuals and the
/// problems (problems/*.toml of the plan directory, when it exists).
LoadResult load_plan(const FileSystem& fs, const LoadOptions& options);

/// Reads the problem files of `dir` (Q2024-0007.toml, …) in name order into
/// r.plan.problems, adding each file to r.files and what is wrong to r.diags.
/// A file is read only if it is a regular file inside `root` once its links
/// are followed (the plan directory, or the directory --problems names), as
/// the plan and actuals files are; otherwise it is an unreadable-file error
/// naming the problem files and the directory they must stay in.
void load_problems(const FileSystem& fs, const std::string& dir, const std::string& root,
                   LoadResult& r);

}  // namespace tally
