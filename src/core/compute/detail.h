// What `tally show` prints about one indicator, as a value: its definition,
// every record, the expected path period by period, and where it stands;
// and about one task: its definition, its progress reports and what it owes.
#pragma once

#include <string>
#include <vector>

#include "core/compute/owed.h"
#include "core/compute/report.h"
#include "core/compute/schedule.h"
#include "core/ledger/ledger.h"

namespace tally {

/// One record of an indicator as `tally show` lists it.
struct DetailRecord {
  Actual actual;
  bool superseded = false;  ///< a later record for the same period replaces it
  Date due;                 ///< when an actual for its period was due
  bool on_time = false;     ///< recorded by the end of that day
};

/// One step of the expected path: a period of the indicator's cadence.
struct PathStep {
  Period period;
  /// Whether the period's actual was due on the as-of date; steps not yet
  /// due show only what is expected.
  bool due = false;
  /// What is expected by the period's end.
  Expectation expect;
  /// The indicator evaluated with this period as the report period.
  IndicatorRow row;
};

/// Everything `tally show` prints about one indicator.
struct IndicatorDetail {
  Indicator definition;
  std::string action_name;
  std::vector<std::string> co_names;  ///< the co-working bureaus' short names
  /// The path in words: "even", "end", "step 2024-07-01", a profile's name
  /// with its description ("autumn-harvest · 制种: 8-9月收获").
  std::string schedule;
  Cadence cadence = Cadence::kMonth;
  int timely_days = 0;
  Date as_of;
  std::vector<DetailRecord> records;  ///< by period, then recorded time
  std::vector<PathStep> path;         ///< every period of the cadence in the plan
  /// The indicator at the latest period of its cadence that is due (or, when
  /// none is, at the first period), as a report would show it.
  IndicatorRow current;
};

/// Computes the detail of one indicator as of a date.
IndicatorDetail compute_detail(const Ledger& ledger, size_t indicator, Date as_of);

/// Everything `tally show` prints about one task (重点任务).
struct TaskDetail {
  Task definition;
  std::string action_id;
  std::string action_name;
  std::vector<std::string> lead_names;  ///< the lead bureaus' short names
  std::vector<std::string> co_names;
  Cadence cadence = Cadence::kMonth;
  int timely_days = 0;
  Date as_of;
  std::vector<DetailRecord> records;  ///< by period, then recorded time
  /// The report in force of the latest period reported by `as_of`, if any.
  std::optional<Actual> latest;
  /// The end of the period it was reported done in.
  std::optional<Date> done;
  /// The progress reports it owes on `as_of` (compute/owed.h).
  std::vector<Owed> owed;
};

/// Computes the detail of task `task` (an index into the plan's tasks) as
/// of a date: only reports recorded by the end of `as_of` count.
TaskDetail compute_task_detail(const Ledger& ledger, size_t task, Date as_of);

}  // namespace tally
