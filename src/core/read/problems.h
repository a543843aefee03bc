// The problem files, both ways: problems/<id>.toml read into the model, and
// the text `tally problem` writes (a new file for `open`, a table appended
// for `close` and `reopen`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/model/model.h"

namespace tally {

/// The directory of the problem files inside a plan directory.
inline constexpr std::string_view kProblemsDir = "problems";

/// "Q2024-0007" for year 2024 and sequence 7.
std::string problem_id(int year, int seq);

/// The year and sequence of an id written Q<4 digits>-<4 or more digits>;
/// false for anything else.
bool parse_problem_id(std::string_view id, int* year, int* seq);

/// Parses the text of one problem file, `name` (Q2024-0007.toml) being the
/// file's name and `file` its index in the SourceFiles, and appends the
/// problem to `out`. Its [problem] table is required; [[close]] and
/// [[reopen]] tables follow in the order written. Type and key errors are
/// reported as in every table; an id that is not the file's name is
/// `problem-id`. A file that cannot be read adds nothing.
void load_problem_text(std::string_view text, uint32_t file, std::string_view name,
                       const Plan& plan, std::vector<Problem>& out, Diagnostics& diags);

/// The whole text of a new problem file: a comment naming it, then
///
///     [problem]
///     id = "Q2024-0007"
///     bureau = "gxj"
///     opened = 2024-07-15T10:02:00+08:00
///     due = 2024-08-15
///     text = "…"
///     indicator = "…"   (or task = "…", when given)
///     source = "督查"   (when given)
///     by = "督查室"
///
/// keys in this order, strings as TOML basic strings, each line ending "\n".
std::string format_problem(const Problem& p);

/// The text appended for a close or a reopen: a blank line, then
/// `[[close]]` with at, by, evidence, or `[[reopen]]` with at, by, reason.
std::string format_problem_event(const ProblemEvent& e);

}  // namespace tally
