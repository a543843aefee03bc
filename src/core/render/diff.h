// The renderers of a plan diff, one per format: an aligned text table,
// Markdown (for a merge request or a bulletin) and JSON. Target changes
// (调标) come first in each, marked, so an auditor sees them before anything
// else.
#pragma once

#include <string>

#include "core/compute/diff.h"

namespace tally {

/// One side of a diff: a commit, or the working tree when `rev` is empty.
struct DiffSide {
  std::string rev;     ///< as the user typed it: "HEAD", "v1", "main~2"
  std::string commit;  ///< the full commit id
};

/// What the renderers print about the comparison besides the diff itself.
struct DiffHeading {
  std::string plan_dir;  ///< the plan directory, relative to the repository top
  DiffSide before;
  DiffSide after;
  bool en = false;     ///< English labels; zh otherwise
  bool color = false;  ///< text only: colour the 调标 heading
  size_t width = 0;    ///< text only: fit tables to this many columns; 0: never cut
};

/// Text tables: a heading line, a summary line, then one table per section
/// (调标, plan.toml, indicators, actions, bureaus), empty sections left out.
std::string render_diff_text(const PlanDiff& diff, const DiffHeading& heading);

/// The same sections as Markdown headings and tables.
std::string render_diff_markdown(const PlanDiff& diff, const DiffHeading& heading);

/// One JSON object: plan, before, after, summary, targets, plan_fields,
/// indicators, actions, bureaus. Keys are English whatever the language.
std::string render_diff_json(const PlanDiff& diff, const DiffHeading& heading);

}  // namespace tally
