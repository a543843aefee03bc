#include "core/compute/remind.h"

#include <algorithm>

namespace tally {

namespace {

// The notice of `bureau` in `r`, added in order if it is not there yet.
Notice& notice_of(Reminders& r, const OverdueItem& item) {
  for (Notice& n : r.notices)
    if (n.bureau == item.bureau) return n;
  auto at = std::find_if(r.notices.begin(), r.notices.end(),
                         [&](const Notice& n) { return n.bureau > item.bureau; });
  return *r.notices.insert(at, Notice{item.bureau, item.bureau_name, {}, {}, {}});
}

}  // namespace

Reminders compute_reminders(const Ledger& ledger, Date as_of) {
  const PlanHeader& h = ledger.plan().header;
  Reminders out;
  out.plan_title = h.title;
  out.as_of = as_of;
  // The first due date after as_of: start two periods back, as a period's
  // figures fall due after it has ended.
  Period p = period_containing(h.cadence, as_of).prev().prev();
  while (due_date(p, h.timely_days) <= as_of) p = p.next();
  out.due_by = due_date(p, h.timely_days);

  for (const OverdueItem& item : compute_overdue(ledger, as_of).items) {
    Notice& n = notice_of(out, item);
    n.late.push_back(item);
    n.settled_by.emplace_back();
  }
  for (const OverdueItem& item : compute_overdue(ledger, as_of, out.due_by).items) {
    if (item.due <= as_of) continue;
    Notice& n = notice_of(out, item);
    // A run of periods one figure settles reaches back over the late item.
    bool settles = false;
    for (size_t i = 0; i < n.late.size(); ++i) {
      if (n.late[i].indicator == item.indicator && !(n.late[i].period < item.first_missed)) {
        n.settled_by[i] = item.period;
        settles = true;
      }
    }
    if (!settles) n.upcoming.push_back(item);
  }
  return out;
}

}  // namespace tally
