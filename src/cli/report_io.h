// What report, overdue and show share on the command line: reading the
// as-of date and status lists, and writing the result to stdout or to a
// file atomically (--output).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "core/compute/report.h"

namespace tally {

/// Prints `text` to stdout, or, when `path` is not empty, replaces the file
/// at `path` with it atomically (temporary file in the same directory, fsync,
/// rename), so a failure leaves no file or the old one untouched. Returns
/// kExitOk, or the exit code after printing why the file could not be written.
int emit(const Context& ctx, const std::string& text, const std::string& path);

/// Whether `--format xlsx` can go ahead: this build writes workbooks and
/// `output` (--output) names the file, as a workbook is never printed to
/// the terminal; else false after printing why (`example` is the file name
/// the message suggests).
bool can_write_workbook(const Context& ctx, const std::string& output, const std::string& example);
/// After a bulletin that names `shown` records left out (Context::excluded)
/// under 数据问题: says on stderr how many, and returns `rc`, or kExitInvalid
/// when `strict` (--strict) and rc is kExitOk.
int after_excluded(const Context& ctx, size_t shown, bool strict, int rc);

/// Whether `period` (given to `option`) overlaps the plan's dates; else
/// false after printing "--period 2025-Q1 is outside the plan (2024-01-01
/// to 2024-12-31); did you mean 2024-Q1?", the suggestion being the same
/// period in the plan's first year. A bulletin, ranking or sheet for a
/// period the plan does not cover would judge it by another year's plan.
bool period_in_plan(const Context& ctx, const std::string& option, const Period& period);

/// `--period TEXT` resolved against today and the plan's calendar, and
/// inside the plan (period_in_plan); nullopt after printing why not.
std::optional<Period> plan_period(const Context& ctx, const std::string& text);

/// The date of `--as-of` (today when empty); nullopt after printing an error.
std::optional<Date> as_of_date(const Context& ctx, const std::string& text);

/// Parses a comma-separated list of statuses given to `option`; nullopt
/// after printing an error that suggests the closest status name.
std::optional<std::vector<Status>> status_list(const Context& ctx, const std::string& option,
                                               const std::string& text);

/// The bureau `--bureau` names by id, name or alias; empty after printing
/// an error that suggests the closest id.
std::string bureau_id(const Context& ctx, const std::string& given);

}  // namespace tally
