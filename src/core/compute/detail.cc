#include "core/compute/detail.h"

namespace tally {

namespace {

// A record as `tally show` lists it: superseded or not, due when, on time.
DetailRecord detail_record(const Ledger& ledger, const Actual& a) {
  const PlanHeader& h = ledger.plan().header;
  DetailRecord r;
  r.actual = a;
  r.superseded = ledger.is_superseded(a);
  r.due = due_date(a.period, h.timely_days);
  r.on_time = a.recorded.epoch_seconds < end_of_day(r.due, h.utc_offset_minutes);
  return r;
}

}  // namespace

IndicatorDetail compute_detail(const Ledger& ledger, size_t i, Date as_of) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Indicator& ind = plan.indicators[i];
  IndicatorDetail d;
  d.definition = ind;
  d.action_name = plan.actions[ind.action].name;
  d.co_names = plan.bureau_names(ind.co);
  d.schedule = schedule_name(ind.schedule);
  if (ind.schedule.type == Schedule::Type::kStep)
    d.schedule += " " + format_date(ind.schedule.step);
  if (const Profile* p = plan.find_profile(ind.schedule.profile); p && !p->description.empty())
    d.schedule += " · " + p->description;
  d.cadence = plan.cadence_of(ind);
  d.timely_days = h.timely_days;
  d.as_of = as_of;
  for (const Actual* a : ledger.records(i)) d.records.push_back(detail_record(ledger, *a));
  std::optional<Period> latest;
  for (Period p = period_containing(d.cadence, h.start); p.end() <= h.end; p = p.next()) {
    PathStep step;
    step.period = p;
    step.due = due_date(p, h.timely_days) <= as_of;
    step.row = evaluate_indicator(ledger, i, ReportRequest{p, as_of});
    step.expect = expectation(ind, h, p.end());
    if (step.due) latest = p;
    d.path.push_back(std::move(step));
  }
  Period at = latest ? *latest : period_containing(d.cadence, h.start);
  d.current = evaluate_indicator(ledger, i, ReportRequest{at, as_of});
  return d;
}

TaskDetail compute_task_detail(const Ledger& ledger, size_t t, Date as_of) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Task& task = plan.tasks[t];
  TaskDetail d;
  d.definition = task;
  d.action_id = plan.actions[task.action].id;
  d.action_name = plan.actions[task.action].name;
  d.lead_names = plan.bureau_names(task.lead);
  d.co_names = plan.bureau_names(task.co);
  d.cadence = plan.cadence_of(task);
  d.timely_days = h.timely_days;
  d.as_of = as_of;
  const int64_t cutoff = end_of_day(as_of, h.utc_offset_minutes);
  for (const Actual* a : ledger.task_records(t))
    if (a->recorded.epoch_seconds < cutoff) d.records.push_back(detail_record(ledger, *a));
  const std::vector<const Actual*> recs = visible_task_in_force(ledger, t, cutoff);
  if (!recs.empty()) d.latest = *recs.back();
  d.done = task_finished_at(recs);
  d.owed = owed_task_reports(plan, task, recs, h.end, as_of);
  return d;
}

}  // namespace tally
