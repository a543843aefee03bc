// `tally problem list`: the problems as a table (text, CSV, Markdown) and
// as JSON. No arithmetic: compute/problems.h made the rows.
#pragma once

#include <string>

#include "core/compute/problems.h"
#include "core/render/table.h"

namespace tally {

/// One row per problem: id, bureau, state, opened, due, days late, closed,
/// what it concerns, how it was found, the problem and the evidence of its
/// close. `full` (CSV): bureau ids and dates as written, no truncation.
Table problems_table(const ProblemList& list, bool en, bool full);

/// The table as text fitted to `width` columns (0: no limit): when the
/// problems would be cut below 8 characters, the evidence, how it was
/// found, the date closed and the date opened give way, named under it.
std::string problem_list_text(const ProblemList& list, bool en, size_t width);

/// The list as JSON: {"schema": "tally.problems", "version": 1, "as_of",
/// "problems": [{id, bureau, bureau_name, state, opened, due, days_late,
/// indicator, task, source, text, by, reopened, closed, closed_by,
/// evidence}]}; closed, closed_by and evidence are null while open.
std::string problems_json(const ProblemList& list);

/// The label of a state: 未销号, 逾期未销号, 已销号 (open, overdue, closed).
std::string_view problem_state_label(ProblemState s, bool en);

}  // namespace tally
