#include "core/compute/fill_in.h"

#include <algorithm>

#include "core/compute/owed.h"
#include "core/compute/schedule.h"

namespace tally {

namespace {

// The stage a milestone must have reached by the end of `last`: the latest
// stage point on or before it, and done from its due date on.
std::optional<Stage> stage_required(const Indicator& ind, const PlanHeader& h, Date last) {
  std::optional<Stage> out;
  for (const auto& sp : ind.stages)
    if (sp.date <= last && (!out || sp.stage >= *out)) out = sp.stage;
  if (ind.due.value_or(h.end) <= last) out = Stage::kDone;
  return out;
}

// A row for one report owed by an indicator or task whose records in force
// are `recs`: its id, name and due date, the period owed, and the latest
// figure on record.
template <typename What>
FillInRow owed_row(const What& what, const Owed& o, const std::vector<const Actual*>& recs) {
  FillInRow row;
  row.indicator = what.id;
  row.name = what.name;
  row.due = what.due;
  row.period = o.period;
  row.missed = o.missed;
  row.first = o.first;
  const Actual* last = nullptr;
  for (const Actual* a : recs)
    if (!last || a->period.end() >= last->period.end()) last = a;
  if (last) {
    row.last_value = last->value;
    row.last_period = last->period;
  }
  return row;
}

}  // namespace

FillIn compute_fill_in(const Ledger& ledger, const std::string& bureau, const Period& period,
                       Date today) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  FillIn out;
  out.plan_title = h.title;
  out.bureau = bureau;
  out.bureau_name = plan.bureau_name(bureau);
  out.period = period;
  out.due = due_date(period, h.timely_days);
  out.today = today;
  // Judged as on the due date when the sheet goes out before it, so that
  // the period itself is owed; records are those made by today.
  const Date as_of = std::max(today, out.due);
  const int64_t cutoff = end_of_day(today, h.utc_offset_minutes);
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    if (ind.lead.empty() || ind.lead[0] != bureau) continue;
    const std::vector<const Actual*> recs = visible_in_force(ledger, i, cutoff);
    for (const Owed& o : owed_reports(plan, ind, recs, period.end(), as_of)) {
      FillInRow row = owed_row(ind, o, recs);
      row.unit = ind.unit;
      row.kind = ind.kind;
      row.target = ind.target;
      if (ind.kind == Kind::kMilestone) {
        row.required_stage = stage_required(ind, h, o.period.end());
      } else if (ind.kind != Kind::kGrowth) {
        row.expected_value = expectation(ind, h, o.period.end()).value;
      }
      out.rows.push_back(std::move(row));
    }
  }
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    const Task& task = plan.tasks[t];
    if (task.lead.empty() || task.lead[0] != bureau) continue;
    const std::vector<const Actual*> recs = visible_task_in_force(ledger, t, cutoff);
    for (const Owed& o : owed_task_reports(plan, task, recs, period.end(), as_of)) {
      FillInRow row = owed_row(task, o, recs);
      row.task = true;
      out.rows.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace tally
