#include "core/compute/problems.h"

#include <algorithm>
#include <tuple>

namespace tally {

std::string_view problem_state_name(ProblemState s) {
  switch (s) {
    case ProblemState::kOpen:
      return "open";
    case ProblemState::kOverdue:
      return "overdue";
    case ProblemState::kClosed:
      return "closed";
  }
  return "open";
}

ProblemList compute_problems(const Plan& plan, Date as_of, const ProblemFilter& filter) {
  const int offset = plan.header.utc_offset_minutes;
  const int64_t cutoff = end_of_day(as_of, offset);
  const bool all = !filter.open && !filter.overdue && !filter.closed;
  ProblemList out;
  out.as_of = as_of;
  for (const Problem& p : plan.problems) {
    if (p.opened.epoch_seconds >= cutoff) continue;
    if (!filter.bureau.empty() && p.bureau != filter.bureau) continue;
    ProblemRow row;
    row.problem = &p;
    row.bureau_name = plan.bureau_name(p.bureau);
    for (const auto& e : p.events)
      if (e.at.epoch_seconds < cutoff && e.kind == ProblemEvent::Kind::kReopen) ++row.reopened;
    row.close = p.close_before(cutoff);
    if (row.close) {
      row.state = ProblemState::kClosed;
      const Date closed_on = local_date(row.close->at.epoch_seconds, offset);
      row.days_late = std::max<int64_t>(0, days_between(p.due, closed_on));
    } else {
      row.state = as_of > p.due ? ProblemState::kOverdue : ProblemState::kOpen;
      row.days_late = std::max<int64_t>(0, days_between(p.due, as_of));
    }
    const bool keep = all || (filter.closed && row.state == ProblemState::kClosed) ||
                      (filter.open && row.state != ProblemState::kClosed) ||
                      (filter.overdue && row.state == ProblemState::kOverdue);
    if (keep) out.rows.push_back(std::move(row));
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const ProblemRow& a, const ProblemRow& b) {
    return std::tie(a.problem->year, a.problem->seq) < std::tie(b.problem->year, b.problem->seq);
  });
  return out;
}

}  // namespace tally
