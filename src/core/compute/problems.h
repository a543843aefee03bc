// The problems (问题交办) as they stood on a date: open, overdue (open after
// their due date) or closed (销号), for `tally problem list` and the
// bulletin.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/model/model.h"

namespace tally {

/// Where a problem stands.
enum class ProblemState { kOpen, kOverdue, kClosed };

/// "open", "overdue", "closed".
std::string_view problem_state_name(ProblemState s);

/// One problem as of a date.
struct ProblemRow {
  const Problem* problem = nullptr;
  std::string bureau_name;
  ProblemState state = ProblemState::kOpen;
  /// The close in force (kClosed only).
  const ProblemEvent* close = nullptr;
  /// How many times it was reopened by then.
  int reopened = 0;
  /// Days past its due date: as-of − due while open, close − due when it
  /// was closed late; 0 otherwise.
  int64_t days_late = 0;
};

/// Which problems a list shows. With none of open, overdue and closed,
/// every problem; `overdue` is a subset of the open ones.
struct ProblemFilter {
  bool open = false;
  bool overdue = false;
  bool closed = false;
  std::string bureau;  ///< a bureau id, or empty for all
};

/// The problems opened by the end of `as_of` that pass `filter`, by id;
/// each as its closes and reopens recorded by then leave it.
struct ProblemList {
  Date as_of;
  std::vector<ProblemRow> rows;
};

ProblemList compute_problems(const Plan& plan, Date as_of, const ProblemFilter& filter);

}  // namespace tally
