// `tally new`: the files of a new plan, and writing them into an empty
// directory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/write/transaction.h"

namespace tally {

/// One file of a new plan: its path inside the plan directory and its text.
struct ScaffoldFile {
  std::string path;
  std::string text;
};

/// What a new plan is made from.
struct ScaffoldOptions {
  std::string id;     ///< the plan's id (a slug)
  std::string title;  ///< the programme's title
  int year = 0;       ///< the plan runs from 1 January to 31 December of this year
  /// What plan.toml's opening comment says made it.
  std::string made_by = "`tally new`";
};

/// A plan id for directory `dir`: its last component when that is a slug
/// (lower-case ASCII letters, digits and '-'), else `plan-<year>`.
std::string scaffold_id(const std::string& dir, int year);

/// The files of a new plan, with paths relative to the plan directory:
/// plan.toml (the year, zone +08:00, monthly reporting due 23 days after
/// the month), bureaus.toml (the 政府办 and a commented example) and
/// actions/01-example.toml (one action, each kind of indicator and a task
/// commented out). `tally check` passes on them.
std::vector<ScaffoldFile> scaffold_files(const ScaffoldOptions& options);

/// Writes `files` as the new plan directory `dir`: first into a hidden
/// directory beside it, then renamed into place, so `dir` is either as
/// before (absent or empty) or complete. Refuses (false, `*error` saying
/// why, naming `command`) when `dir` is a file or a directory that is not
/// empty, or its parent does not exist.
bool write_new_plan(const std::string& dir, const std::vector<ScaffoldFile>& files,
                    std::string_view command, std::string* error);

/// write_new_plan of scaffold_files(options), for `tally new`.
bool write_scaffold(const std::string& dir, const ScaffoldOptions& options, std::string* error);

}  // namespace tally
