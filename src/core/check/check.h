// The rules a loaded plan and its actuals must satisfy, one named function
// per rule. Each appends its findings to the diagnostics; none stops early.
#pragma once

#include "core/base/diagnostic.h"
#include "core/base/period.h"
#include "core/model/model.h"

namespace tally {

struct CheckOptions {
  /// "Today" in the plan's zone: records dated after it are in the future.
  Date today;
  /// The files the plan was read from; when given, a record in a file not
  /// named after its bureau is reported.
  const SourceFiles* files = nullptr;
};

/// Ids of actions, indicators and action numbers are unique.
void check_unique_ids(const Plan& plan, Diagnostics& diags);
/// No name, full name or alias belongs to two bureaus.
void check_bureau_names(const Plan& plan, Diagnostics& diags);
/// `control-character`: a name, unit or other text of the definitions holds
/// a control character (an escape sequence, a line end in a name), which
/// would act on the terminal of whoever reads a bulletin or `tally check`.
void check_text(const Plan& plan, Diagnostics& diags);
/// Every bureau in lead/co/office exists; every `also` names another
/// action's indicator.
void check_references(const Plan& plan, Diagnostics& diags);
/// Targets, directions and keys agree with the indicator's kind.
void check_indicator_kinds(const Plan& plan, Diagnostics& diags);
/// Due dates and stages lie inside the plan, stages in order; baselines
/// precede the plan.
void check_dates(const Plan& plan, Diagnostics& diags);
/// Seasonal schedules have 4 or 12 non-decreasing shares ending at 1.0.
void check_schedules(const Plan& plan, Diagnostics& diags);
/// Indicators that share a `metric` agree on target and unit (warning).
void check_metrics(const Plan& plan, Diagnostics& diags);
/// Actuals name known indicators and bureaus, periods inside the plan,
/// values of the right type, are not in the future, and a second record for
/// an indicator and period gives a reason.
void check_actuals(const Plan& plan, const CheckOptions& options, Diagnostics& diags);
/// A running total (basis = "ytd") that goes down (warning).
void check_ytd_series(const Plan& plan, Diagnostics& diags);

/// Problems (问题交办) name known bureaus, indicators and tasks; are due
/// on or after the day they were opened; are not opened, closed or reopened
/// in the future; and are closed only while open, reopened only while
/// closed, never before they were opened.
void check_problems(const Plan& plan, const CheckOptions& options, Diagnostics& diags);

/// Runs every rule above.
void check_plan(const Plan& plan, const CheckOptions& options, Diagnostics& diags);

}  // namespace tally
