#include "core/compute/overdue.h"

#include <algorithm>

#include "core/compute/owed.h"

namespace tally {

namespace {

// The items of one indicator or task (its id, name, leads and action; `recs`
// its records in force, `owed` what it owes), appended to `out`.
template <typename Item>
void add_items(const Plan& plan, const Item& what, bool task,
               const std::vector<const Actual*>& recs, const std::vector<Owed>& owed,
               OverdueReport& out) {
  const PlanHeader& h = plan.header;
  std::optional<Period> last_period;
  for (const Actual* a : recs)
    if (!last_period || a->period.end() >= last_period->end()) last_period = a->period;
  for (const Owed& o : owed) {
    OverdueItem item;
    item.bureau = what.lead.empty() ? std::string() : what.lead[0];
    item.bureau_name = plan.bureau_name(item.bureau);
    item.indicator = what.id;
    item.indicator_name = what.name;
    item.action = plan.actions[what.action].id;
    item.task = task;
    item.period = o.period;
    item.first_missed = o.first;
    item.missed = o.missed;
    item.due = due_date(o.period, h.timely_days);
    item.days_late = days_between(item.due, out.as_of);
    if (last_period && last_period->end() < o.period.end()) item.last_period = last_period;
    out.items.push_back(std::move(item));
  }
}

}  // namespace

OverdueReport compute_overdue(const Ledger& ledger, Date as_of, std::optional<Date> due_by) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  OverdueReport out;
  out.plan_id = h.id;
  out.plan_title = h.title;
  out.as_of = as_of;
  out.timely_days = h.timely_days;
  const int64_t cutoff = end_of_day(as_of, h.utc_offset_minutes);
  // What is owed by `due_by`, from the records of as_of (tally remind).
  const Date owed_by = std::max(as_of, due_by.value_or(as_of));
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    const std::vector<const Actual*> recs = visible_in_force(ledger, i, cutoff);
    add_items(plan, ind, false, recs, owed_reports(plan, ind, recs, h.end, owed_by), out);
  }
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    const Task& task = plan.tasks[t];
    const std::vector<const Actual*> recs = visible_task_in_force(ledger, t, cutoff);
    add_items(plan, task, true, recs, owed_task_reports(plan, task, recs, h.end, owed_by), out);
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const OverdueItem& a, const OverdueItem& b) {
                     if (a.bureau != b.bureau) return a.bureau < b.bureau;
                     if (a.days_late != b.days_late) return a.days_late > b.days_late;
                     if (a.indicator != b.indicator) return a.indicator < b.indicator;
                     return a.period < b.period;
                   });
  return out;
}

}  // namespace tally
