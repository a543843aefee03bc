#include "core/compute/bulletin.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/compute/owed.h"

namespace tally {

namespace {

bool inside(const Period& p, const Period& within) {
  return within.start() <= p.start() && p.end() <= within.end();
}

// What a bulletin for one action covers: the indicators the action reports
// (its own and those of `also`, as the report's --action keeps them) and its
// tasks. Without an action, everything.
class ActionScope {
 public:
  ActionScope(const Ledger& ledger, const std::string& action) : all_(action.empty()) {
    const Plan& plan = ledger.plan();
    for (size_t a = 0; a < plan.actions.size(); ++a) {
      if (plan.actions[a].id != action) continue;
      for (size_t i : ledger.action_indicators(a)) ids_.insert(plan.indicators[i].id);
      for (const Task& task : plan.tasks)
        if (task.action == a) ids_.insert(task.id);
    }
  }
  /// Whether the indicator or task `id` is covered.
  bool covers(const std::string& id) const { return all_ || ids_.contains(id); }
  /// Whether a problem is: it must concern a covered indicator or task (a
  /// problem that concerns neither belongs to no action).
  bool covers(const Problem& p) const {
    return all_ || (!p.indicator.empty() && covers(p.indicator)) ||
           (!p.task.empty() && covers(p.task));
  }

 private:
  bool all_;
  std::set<std::string> ids_;
};

TaskSection task_section(const Ledger& ledger, const Period& period, Date as_of,
                         const std::string& bureau, const ActionScope& scope) {
  const Plan& plan = ledger.plan();
  const int64_t cutoff = end_of_day(as_of, plan.header.utc_offset_minutes);
  TaskSection s;
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    const Task& task = plan.tasks[t];
    if (!bureau.empty() && (task.lead.empty() || task.lead.front() != bureau)) continue;
    if (!scope.covers(task.id)) continue;
    ++s.total;
    std::vector<const Actual*> recs = visible_task_in_force(ledger, t, cutoff);
    std::erase_if(recs, [&](const Actual* a) { return a->period.end() > period.end(); });
    BulletinTask line;
    line.id = task.id;
    line.name = task.name;
    line.lead_name = task.lead.empty() ? "" : plan.bureau_name(task.lead.front());
    if (!recs.empty()) {
      line.state = recs.back()->value.stage;
      line.last_period = recs.back()->period;
      line.last_note = recs.back()->note;
    }
    if (!line.state) {
      ++s.never_reported;
    } else if (*line.state == Stage::kDone) {
      ++s.done;
    } else if (*line.state == Stage::kStalled) {
      ++s.stalled;
      s.stalled_tasks.push_back(line);
    } else {
      ++s.in_progress;
    }
    if (!owed_task_reports(plan, task, recs, period.end(), as_of).empty())
      s.unreported.push_back(std::move(line));
  }
  return s;
}

ProblemSection problem_section(const Plan& plan, const Period& period, Date as_of,
                               const std::string& bureau, const ActionScope& scope) {
  const int offset = plan.header.utc_offset_minutes;
  ProblemFilter filter;
  filter.bureau = bureau;
  ProblemSection s;
  std::map<std::string, BureauProblems> by;
  for (ProblemRow& row : compute_problems(plan, as_of, filter).rows) {
    const Problem& p = *row.problem;
    if (!scope.covers(p)) continue;
    const Date opened = local_date(p.opened.epoch_seconds, offset);
    if (row.state != ProblemState::kClosed) {
      ++s.open;
      BureauProblems& b = by[p.bureau];
      b.bureau = p.bureau;
      b.bureau_name = row.bureau_name;
      ++b.open;
      if (row.state == ProblemState::kOverdue) {
        ++s.overdue;
        ++b.overdue;
      }
    }
    if (period.start() <= opened && opened <= period.end()) s.opened.push_back(row);
    if (row.close) {
      const Date closed = local_date(row.close->at.epoch_seconds, offset);
      if (period.start() <= closed && closed <= period.end()) s.closed.push_back(row);
    }
  }
  for (auto& [_, b] : by) s.by_bureau.push_back(b);
  std::stable_sort(s.by_bureau.begin(), s.by_bureau.end(),
                   [](const BureauProblems& a, const BureauProblems& b) {
                     if (a.overdue != b.overdue) return a.overdue > b.overdue;
                     if (a.open != b.open) return a.open > b.open;
                     return a.bureau < b.bureau;
                   });
  return s;
}

std::vector<Highlight> highlights(const Ledger& ledger, const Period& period, Date as_of,
                                  const std::string& bureau, const ActionScope& scope) {
  const Plan& plan = ledger.plan();
  const int64_t cutoff = end_of_day(as_of, plan.header.utc_offset_minutes);
  std::vector<const Actual*> marked;
  for (const Actual& a : plan.actuals) {
    if (!a.highlight || a.recorded.epoch_seconds >= cutoff || ledger.is_superseded(a)) continue;
    if (!inside(a.period, period) || (!bureau.empty() && a.by != bureau)) continue;
    if (!scope.covers(a.indicator)) continue;
    marked.push_back(&a);
  }
  std::stable_sort(marked.begin(), marked.end(), [](const Actual* a, const Actual* b) {
    return a->recorded.epoch_seconds < b->recorded.epoch_seconds;
  });
  std::vector<Highlight> out;
  for (const Actual* a : marked) {
    Highlight h;
    h.id = a->indicator;
    if (const Indicator* ind = plan.find_indicator(a->indicator)) h.name = ind->name;
    if (const Task* task = plan.find_task(a->indicator)) h.name = task->name;
    h.bureau_name = plan.bureau_name(a->by);
    h.period = a->period;
    h.note = a->note;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace

Bulletin compute_bulletin(const Ledger& ledger, const Period& period, Date as_of,
                          const std::string& bureau, const std::string& action) {
  const ActionScope scope(ledger, action);
  Bulletin b;
  b.tasks = task_section(ledger, period, as_of, bureau, scope);
  b.problems = problem_section(ledger.plan(), period, as_of, bureau, scope);
  b.highlights = highlights(ledger, period, as_of, bureau, scope);
  return b;
}

}  // namespace tally
