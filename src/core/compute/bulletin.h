// The parts of the 工作月报 beyond the indicators: 重点任务 (tasks by state,
// the stalled and the unreported), 突出问题 (problems opened, open and
// overdue by bureau, closed) and 特色亮点 (notes marked highlight), for one
// report period as of a date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/compute/problems.h"
#include "core/ledger/ledger.h"

namespace tally {

/// A task as the bulletin lists it.
struct BulletinTask {
  std::string id;
  std::string name;
  std::string lead_name;  ///< the first lead's short name
  /// The state of its latest report for a period ending by the report
  /// period's end, and that report's period and note; none if unreported.
  std::optional<Stage> state;
  std::optional<Period> last_period;
  std::string last_note;
};

/// 重点任务: how many tasks stand in each state, and which need attention.
struct TaskSection {
  int total = 0;
  int in_progress = 0;
  int done = 0;
  int stalled = 0;
  int never_reported = 0;  ///< no report for any period ending by then
  /// Tasks whose latest state is stalled, in plan order.
  std::vector<BulletinTask> stalled_tasks;
  /// Tasks that owe a progress report for a period ending by the report
  /// period's end (the one owed rule, compute/owed.h), in plan order.
  std::vector<BulletinTask> unreported;
};

/// Open problems of one bureau.
struct BureauProblems {
  std::string bureau;
  std::string bureau_name;
  int open = 0;     ///< not closed, overdue ones included
  int overdue = 0;  ///< open past their due date
};

/// 突出问题.
struct ProblemSection {
  std::vector<ProblemRow> opened;  ///< opened within the report period
  std::vector<ProblemRow> closed;  ///< closed within the report period (and still closed)
  int open = 0;                    ///< open on the as-of date
  int overdue = 0;
  std::vector<BureauProblems> by_bureau;  ///< bureaus with open problems, most overdue first
};

/// 特色亮点: a note marked highlight.
struct Highlight {
  std::string id;    ///< the indicator or task
  std::string name;  ///< its name
  std::string bureau_name;
  Period period;
  std::string note;
};

struct Bulletin {
  TaskSection tasks;
  ProblemSection problems;
  std::vector<Highlight> highlights;  ///< in recorded order
};

/// The bulletin's sections for report period `period` as of `as_of`: only
/// records and problem events recorded by the end of `as_of` count. With a
/// `bureau`, only its tasks (as first lead), its problems and its
/// highlights. Highlights are the notes marked highlight of the records in
/// force for periods inside the report period.
Bulletin compute_bulletin(const Ledger& ledger, const Period& period, Date as_of,
                          const std::string& bureau = "");

}  // namespace tally
