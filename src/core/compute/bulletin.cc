#include "core/compute/bulletin.h"

#include <algorithm>
#include <map>

#include "core/compute/owed.h"

namespace tally {

namespace {

bool inside(const Period& p, const Period& within) {
  return within.start() <= p.start() && p.end() <= within.end();
}

TaskSection task_section(const Ledger& ledger, const Period& period, Date as_of,
                         const std::string& bureau) {
  const Plan& plan = ledger.plan();
  const int64_t cutoff = end_of_day(as_of, plan.header.utc_offset_minutes);
  TaskSection s;
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    const Task& task = plan.tasks[t];
    if (!bureau.empty() && (task.lead.empty() || task.lead.front() != bureau)) continue;
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
                               const std::string& bureau) {
  const int offset = plan.header.utc_offset_minutes;
  ProblemFilter filter;
  filter.bureau = bureau;
  ProblemSection s;
  std::map<std::string, BureauProblems> by;
  for (ProblemRow& row : compute_problems(plan, as_of, filter).rows) {
    const Problem& p = *row.problem;
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
                                  const std::string& bureau) {
  const Plan& plan = ledger.plan();
  const int64_t cutoff = end_of_day(as_of, plan.header.utc_offset_minutes);
  std::vector<const Actual*> marked;
  for (const Actual& a : plan.actuals) {
    if (!a.highlight || a.recorded.epoch_seconds >= cutoff || ledger.is_superseded(a)) continue;
    if (!inside(a.period, period) || (!bureau.empty() && a.by != bureau)) continue;
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
                          const std::string& bureau) {
  Bulletin b;
  b.tasks = task_section(ledger, period, as_of, bureau);
  b.problems = problem_section(ledger.plan(), period, as_of, bureau);
  b.highlights = highlights(ledger, period, as_of, bureau);
  return b;
}

}  // namespace tally
