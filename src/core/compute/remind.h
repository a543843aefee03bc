// The 催报通知 of `tally remind`: per bureau, what is already late (the
// 催报 list of `tally overdue`, the same function on the same date) and
// what falls due by the next reporting deadline (the 23rd of a monthly
// plan with timely_days = 23).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/compute/overdue.h"

namespace tally {

/// One bureau's notice.
struct Notice {
  std::string bureau;  ///< id
  std::string bureau_name;
  std::vector<OverdueItem> late;  ///< due on or before the as-of date, most days late first
  /// Per late item: the period due next whose figure settles it too (a
  /// running figure: June's figure replaces the May one still owed).
  std::vector<std::optional<Period>> settled_by;
  /// Due after the as-of date, by `Reminders::due_by`, except those that
  /// settle a late item.
  std::vector<OverdueItem> upcoming;
};

/// Every bureau that owes something.
struct Reminders {
  std::string plan_title;
  Date as_of;
  /// The next deadline after the as-of date: the first due date (period
  /// end + timely_days) of the plan's cadence that is later than as_of.
  Date due_by;
  std::vector<Notice> notices;  ///< by bureau id
};

/// The notices as of `as_of`, from the records made by the end of that day.
/// `late` holds exactly the items of compute_overdue(ledger, as_of);
/// `upcoming` those of compute_overdue(ledger, as_of, due_by) not yet due
/// (one that settles a late item is named beside it instead).
Reminders compute_reminders(const Ledger& ledger, Date as_of);

}  // namespace tally
