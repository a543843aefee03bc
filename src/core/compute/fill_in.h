// The fill-in sheet of `tally template`: what one bureau owes for one
// period, indicator by indicator, with what it last reported and what is
// expected of it by then. The rows are those `tally overdue` lists for the
// bureau once the period's figures fall due (the one rule of compute/owed).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/base/units.h"
#include "core/ledger/ledger.h"
#include "core/model/model.h"

namespace tally {

/// One report a bureau owes: an indicator (or a task's progress) and the
/// period to report.
struct FillInRow {
  std::string indicator;  ///< id of the indicator, or of the task
  bool task = false;      ///< a 重点任务: its state and a note on progress are owed
  std::string name;
  std::string unit;
  Kind kind = Kind::kCumulative;
  std::optional<Decimal> target;
  std::optional<Date> due;  ///< milestones: the date it must be done by
  Period period;            ///< the period whose figure is owed
  /// A run of latest-value periods one figure settles: how many, since when.
  int missed = 1;
  Period first;
  /// The latest figure on record (recorded by the end of today), if any.
  std::optional<ActualValue> last_value;
  std::optional<Period> last_period;
  /// What is expected by the end of `period`: the figure (cumulative, level),
  /// or a milestone's stage required by then.
  std::optional<double> expected_value;
  std::optional<Stage> required_stage;
};

/// The sheet one bureau fills for one period.
struct FillIn {
  std::string plan_title;
  std::string bureau;  ///< id
  std::string bureau_name;
  Period period;
  Date due;                     ///< the period's due date: its end + timely_days
  Date today;                   ///< records recorded after the end of this day are not seen
  std::vector<FillInRow> rows;  ///< indicators in plan order, then tasks; then period order
};

/// What `bureau` (an id of the plan) owes for the periods of each
/// indicator's cadence ending by `period`'s end, judged on the later of
/// `today` and the period's due date, from the records made by the end of
/// `today`: the indicators and tasks it leads first, as `compute_overdue`
/// assigns them. An indicator already reported for the period, or finished, owes
/// nothing and has no row.
FillIn compute_fill_in(const Ledger& ledger, const std::string& bureau, const Period& period,
                       Date today);

}  // namespace tally
