#include "core/compute/overdue.h"

#include <algorithm>

#include "core/compute/owed.h"

namespace tally {

OverdueReport compute_overdue(const Ledger& ledger, Date as_of, std::optional<Date> due_by) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  OverdueReport out;
  out.plan_id = h.id;
  out.plan_title = h.title;
  out.as_of = as_of;
  out.timely_days = h.timely_days;
  const int64_t cutoff = end_of_day(as_of, h.utc_offset_minutes);
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    const std::vector<const Actual*> recs = visible_in_force(ledger, i, cutoff);
    std::optional<Period> last_period;
    for (const Actual* a : recs)
      if (!last_period || a->period.end() >= last_period->end()) last_period = a->period;
    for (const Owed& o :
         owed_reports(plan, ind, recs, h.end, std::max(as_of, due_by.value_or(as_of)))) {
      OverdueItem item;
      item.bureau = ind.lead.empty() ? std::string() : ind.lead[0];
      item.bureau_name = plan.bureau_name(item.bureau);
      item.indicator = ind.id;
      item.indicator_name = ind.name;
      item.action = plan.actions[ind.action].id;
      item.period = o.period;
      item.first_missed = o.first;
      item.missed = o.missed;
      item.due = due_date(o.period, h.timely_days);
      item.days_late = days_between(item.due, as_of);
      if (last_period && last_period->end() < o.period.end()) item.last_period = last_period;
      out.items.push_back(std::move(item));
    }
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
