// What an indicator or a task owes: the records in force as of a date, the
// periods whose actuals are due, when an indicator or task is finished, and
// the one rule behind both the report's 未报送 and the 催报 list of `tally
// overdue`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/base/period.h"
#include "core/ledger/ledger.h"
#include "core/model/model.h"

namespace tally {

/// The records of indicator `i` in force before the moment `cutoff`, one per
/// period inside the plan, in period order: per period the latest record
/// recorded by then.
std::vector<const Actual*> visible_in_force(const Ledger& ledger, size_t i, int64_t cutoff);

/// The same for task `t` (an index into plan().tasks): its progress reports.
std::vector<const Actual*> visible_task_in_force(const Ledger& ledger, size_t t, int64_t cutoff);

/// The latest period of cadence `c` ending on or before `last` (and inside
/// the plan) whose actual is due on `as_of`.
std::optional<Period> latest_due(const PlanHeader& h, Cadence c, Date last, Date as_of,
                                 int timely_days);

/// Every period of cadence `c` inside the plan, ending on or before `last`,
/// whose actual is due on `as_of`, oldest first.
std::vector<Period> due_periods(const PlanHeader& h, Cadence c, Date last, Date as_of,
                                int timely_days);

/// For basis = "period": the in-force amounts to add up. Coarser periods are
/// taken first, so a quarter reported as a whole wins over months inside it;
/// any record overlapping one already taken is left out.
std::vector<const Actual*> period_amounts(std::vector<const Actual*> recs);

/// The end of the period in which an indicator was finished, as of the
/// records given (in force, in period order): a milestone recorded done, or a
/// running total that reached its floor. A finished indicator owes no more
/// reports and is never chased again.
std::optional<Date> finished_at(const Indicator& ind, const std::vector<const Actual*>& recs);

/// The end of the period in which a task was reported done, as of its
/// reports given (in force, in period order).
std::optional<Date> task_finished_at(const std::vector<const Actual*>& recs);

/// A report an indicator owes: `period` and, for a run of latest-value
/// periods settled by one figure, how many and since when.
struct Owed {
  Period period;
  Period first;
  int missed = 1;
};

/// The reports an indicator owes on `as_of` for the periods of its cadence
/// that end by `last`, given its records in force then (all periods):
/// - a finished indicator (milestone done, running total at its floor) owes
///   nothing after the period it finished in;
/// - amounts (basis = "period") owe each period no record covers;
/// - any other indicator's latest figure replaces the earlier ones, so the
///   periods after its last figure are one item: the latest, with the count.
std::vector<Owed> owed_reports(const Plan& plan, const Indicator& ind,
                               const std::vector<const Actual*>& recs, Date last, Date as_of);

/// The progress reports a task owes on `as_of`, by the same rule: each
/// period of its cadence (default: the plan's) that ends by `last` and is
/// due, none after the period it was reported done in; a report replaces
/// the earlier ones, so the periods after the last report are one item, the
/// latest, with the count.
std::vector<Owed> owed_task_reports(const Plan& plan, const Task& task,
                                    const std::vector<const Actual*>& recs, Date last, Date as_of);

/// How many reports fell due and how many of them were on time.
struct Punctuality {
  size_t due = 0;
  size_t on_time = 0;
};

/// The reports of one indicator or task due on `as_of` (period end +
/// timely_days on or before it) for the periods of cadence `c` that start
/// on or after `from` and end by `last`: none due before the plan was
/// issued (it could not have been on time), none for periods after the one
/// it was `finished` in. One is on time when the first record made for its
/// period's end (`records`: every record, ordered by period) was recorded by
/// the end of its due date.
Punctuality punctuality(const PlanHeader& h, Cadence c, std::span<const Actual* const> records,
                        std::optional<Date> finished, Date last, Date as_of, Date from = {});

}  // namespace tally
