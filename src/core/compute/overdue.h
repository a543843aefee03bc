// The 催报 list: every actual that is due and not recorded, by bureau. What
// counts as owed is the rule of compute/owed.h, which the report's 未报送
// follows too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/ledger/ledger.h"

namespace tally {

/// One actual or progress report that is due and not recorded (the 催报 list).
struct OverdueItem {
  std::string bureau;  ///< the indicator's primary lead
  std::string bureau_name;
  std::string indicator;
  std::string indicator_name;
  std::string action;
  /// `indicator` names a task (重点任务): a progress report is owed.
  bool task = false;
  Period period;          ///< the period whose actual is owed
  Date due;               ///< its due date
  int64_t days_late = 0;  ///< as_of − due (0 on the due date itself)
  /// How many periods in a row up to `period` are owed, and the first of
  /// them: a running total owed since January is one item, "5 periods since
  /// 2024-01", because the next figure settles them all.
  int missed = 1;
  Period first_missed;
  /// The latest value on record (older period), if any.
  std::optional<Period> last_period;
};

/// The 催报 list as of a date.
struct OverdueReport {
  std::string plan_id;
  std::string plan_title;
  Date as_of;
  int timely_days = 0;
  /// Sorted by bureau id, then days late (most first), then indicator, period.
  std::vector<OverdueItem> items;
};

/// Every actual due by `as_of` and not recorded by then. For indicators whose
/// value is the latest figure (running totals, levels, growth rates,
/// milestones) a later figure replaces the earlier ones, so the periods owed
/// after the last record are one item: the latest due period, with how many
/// were missed since when. For basis = "period" each unrecorded period is an
/// item of its own. Milestones recorded done owe nothing more. Tasks owe a
/// progress report each period of their cadence until one says done, by
/// the same rule as a latest figure.
///
/// With `due_by` after `as_of`, the list also holds what falls due by then
/// (the 催报通知 of `tally remind`: what is owed by the 23rd), judged from
/// the records made by the end of `as_of`; those items have a negative
/// days_late (due in so many days).
OverdueReport compute_overdue(const Ledger& ledger, Date as_of,
                              std::optional<Date> due_by = std::nullopt);

}  // namespace tally
