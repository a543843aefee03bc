// The expected share of a target (序时进度) at the end of a period, for each
// schedule kind of SPEC 3.1, and the figure it expects by then. Time is
// counted in thirds of a month (dekads), exactly, so June is 18/36 of a
// calendar-year plan and 2024-06-D2 is 17/36.
#pragma once

#include <optional>

#include "core/base/period.h"
#include "core/model/model.h"

namespace tally {

/// Thirds of a month of the plan elapsed by the end of day `d`, out of the
/// plan's total: a dekad counts once its last day is over. Dates before the
/// plan give 0 elapsed, dates after it give the total.
struct PlanThirds {
  int elapsed = 0;
  int total = 0;
  /// elapsed ÷ total (0 when the plan has no whole dekad).
  double share() const;
};

/// Thirds elapsed in the plan by the end of `d`.
PlanThirds plan_thirds(const PlanHeader& plan, Date d);

/// The `even` schedule at the end of `d`: thirds elapsed ÷ thirds in the plan.
double even_share(const PlanHeader& plan, Date d);

/// The expected share for an indicator at the end of `d`:
/// - even: even_share;
/// - end: 0 before the plan's end (a milestone's `due` when it has one), 1 from it;
/// - step: 0 before the step's date, 1 from the end of that day on;
/// - seasonal: the cumulative shares (4 = each quarter of the plan, 12 = each
///   month) placed evenly over the plan's thirds, 0 at the start, linear in
///   thirds between two points (so a month inside a quarter, and a dekad
///   inside a month, are interpolated).
/// Growth indicators are not pro-rated; callers do not ask for them.
double expected_share(const Indicator& ind, const PlanHeader& plan, Date d);

/// A level has a baseline to ramp from unless it has none or it equals the
/// target.
bool has_baseline(const Indicator& ind);

/// What is expected of an indicator by a date.
struct Expectation {
  /// The expected share (序时进度); unset for growth and milestones.
  std::optional<double> share;
  /// The expected figure in the indicator's unit (see IndicatorRow::expected_value).
  std::optional<double> value;
};

/// The expected share and figure of an indicator at the end of `at`: the
/// share of its path, and the figure from its baseline (or 0) towards its
/// target. A level without a baseline is held against its whole target once
/// its path reaches 1 (a floor), or throughout (a ceiling on an even path).
/// Whole things (plan.toml's counted units, whole figures) are expected
/// whole: the distance travelled is rounded towards the start.
Expectation expectation(const Indicator& ind, const PlanHeader& plan, Date at);

}  // namespace tally
