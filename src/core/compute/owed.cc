#include "core/compute/owed.h"

#include <algorithm>

namespace tally {

namespace {

bool inside_plan(const PlanHeader& h, const Period& p) {
  return h.start <= p.start() && p.end() <= h.end;
}

}  // namespace

namespace {

std::vector<const Actual*> visible(const PlanHeader& h, std::span<const Actual* const> records,
                                   int64_t cutoff) {
  std::vector<const Actual*> out;
  // records() orders the records by period, so whether a period is inside
  // the plan (two date computations) is worked out once per run of it.
  const Period* last = nullptr;
  bool inside = false;
  for (const Actual* a : records) {
    if (a->recorded.epoch_seconds >= cutoff) continue;
    if (!last || !(a->period == *last)) {
      last = &a->period;
      inside = inside_plan(h, a->period);
    }
    if (!inside) continue;
    if (!out.empty() && out.back()->period == a->period) {
      out.back() = a;  // records() orders a period's records by recorded time
    } else {
      out.push_back(a);
    }
  }
  return out;
}

// The one rule of what is owed, for an indicator or a task: the periods of
// `cadence` due by `as_of` up to `last`, none after `stop`; `amounts` owe
// each period on its own, anything else the periods after its last record
// as one item.
std::vector<Owed> owed_in(const PlanHeader& h, Cadence cadence, std::optional<Date> stop,
                          bool amounts, const std::vector<const Actual*>& recs, Date last,
                          Date as_of);

}  // namespace

std::vector<const Actual*> visible_in_force(const Ledger& ledger, size_t i, int64_t cutoff) {
  return visible(ledger.plan().header, ledger.records(i), cutoff);
}

std::vector<const Actual*> visible_task_in_force(const Ledger& ledger, size_t t, int64_t cutoff) {
  return visible(ledger.plan().header, ledger.task_records(t), cutoff);
}

std::optional<Period> latest_due(const PlanHeader& h, Cadence c, Date last, Date as_of,
                                 int timely_days) {
  if (last > h.end) last = h.end;
  if (last < h.start) return std::nullopt;
  Period p = period_containing(c, last);
  while (p.end() > last || due_date(p, timely_days) > as_of) {
    p = p.prev();
    if (p.end() < h.start) return std::nullopt;
  }
  if (p.start() < h.start) return std::nullopt;
  return p;
}

std::vector<Period> due_periods(const PlanHeader& h, Cadence c, Date last, Date as_of,
                                int timely_days) {
  std::vector<Period> out;
  auto p = latest_due(h, c, last, as_of, timely_days);
  for (; p && p->start() >= h.start; p = p->prev()) out.push_back(*p);
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<const Actual*> period_amounts(std::vector<const Actual*> recs) {
  std::stable_sort(recs.begin(), recs.end(), [](const Actual* a, const Actual* b) {
    if (a->period.cadence != b->period.cadence) return a->period.cadence < b->period.cadence;
    return a->period.start() < b->period.start();
  });
  std::vector<const Actual*> taken;
  for (const Actual* a : recs) {
    bool overlaps = false;
    for (const Actual* t : taken) {
      if (!(a->period.end() < t->period.start() || t->period.end() < a->period.start())) {
        overlaps = true;
        break;
      }
    }
    if (!overlaps) taken.push_back(a);
  }
  std::sort(taken.begin(), taken.end(),
            [](const Actual* a, const Actual* b) { return a->period < b->period; });
  return taken;
}

std::optional<Date> finished_at(const Indicator& ind, const std::vector<const Actual*>& recs) {
  if (ind.kind == Kind::kMilestone) {
    for (const Actual* a : recs)
      if (a->value.stage == Stage::kDone) return a->period.end();
    return std::nullopt;
  }
  if (ind.kind != Kind::kCumulative || ind.direction != Direction::kUp || !ind.target ||
      ind.target->to_double() <= 0)
    return std::nullopt;
  const double target = ind.target->to_double();
  if (ind.basis == Basis::kPeriod) {
    double sum = 0;
    for (const Actual* a : period_amounts(recs)) {
      if (a->value.number) sum += a->value.number->to_double();
      if (at_least(sum, target)) return a->period.end();
    }
    return std::nullopt;
  }
  for (const Actual* a : recs)
    if (a->value.number && at_least(a->value.number->to_double(), target)) return a->period.end();
  return std::nullopt;
}

std::optional<Date> task_finished_at(const std::vector<const Actual*>& recs) {
  for (const Actual* a : recs)
    if (a->value.stage == Stage::kDone) return a->period.end();
  return std::nullopt;
}

std::vector<Owed> owed_reports(const Plan& plan, const Indicator& ind,
                               const std::vector<const Actual*>& recs, Date last, Date as_of) {
  return owed_in(plan.header, plan.cadence_of(ind), finished_at(ind, recs),
                 ind.kind == Kind::kCumulative && ind.basis == Basis::kPeriod, recs, last, as_of);
}

std::vector<Owed> owed_task_reports(const Plan& plan, const Task& task,
                                    const std::vector<const Actual*>& recs, Date last, Date as_of) {
  return owed_in(plan.header, plan.cadence_of(task), task_finished_at(recs), false, recs, last,
                 as_of);
}

namespace {

std::vector<Owed> owed_in(const PlanHeader& h, Cadence cadence, std::optional<Date> stop,
                          bool amounts, const std::vector<const Actual*>& recs, Date last,
                          Date as_of) {
  std::optional<Date> last_end;
  for (const Actual* a : recs)
    if (!last_end || a->period.end() > *last_end) last_end = a->period.end();
  std::vector<Owed> out;
  std::optional<Owed> run;
  for (const Period& d : due_periods(h, cadence, last, as_of, h.timely_days)) {
    if (stop && d.end() > *stop) break;
    if (amounts) {
      // An amount is on record when a record covers the period or ends with it.
      const bool recorded = std::any_of(recs.begin(), recs.end(), [&](const Actual* a) {
        return a->period.end() == d.end() ||
               (a->period.start() <= d.start() && d.end() <= a->period.end());
      });
      if (!recorded) out.push_back(Owed{d, d, 1});
    } else if (!last_end || *last_end < d.end()) {
      run = run ? Owed{d, run->first, run->missed + 1} : Owed{d, d, 1};
    }
  }
  if (run) out.push_back(*run);
  return out;
}

}  // namespace

}  // namespace tally

namespace tally {

Punctuality punctuality(const PlanHeader& h, Cadence c, std::span<const Actual* const> records,
                        std::optional<Date> finished, Date last, Date as_of, Date from) {
  // The first record made for each period end; records are ordered by
  // period, and periods by end date, so equal ends are adjacent.
  std::vector<std::pair<Date, int64_t>> first;
  for (const Actual* a : records) {
    const Date end = a->period.end();
    if (first.empty() || first.back().first != end) {
      first.emplace_back(end, a->recorded.epoch_seconds);
    } else {
      first.back().second = std::min(first.back().second, a->recorded.epoch_seconds);
    }
  }
  Punctuality p;
  auto next = first.begin();
  for (const Period& d : due_periods(h, c, last, as_of, h.timely_days)) {
    if (finished && d.end() > *finished) break;
    const Date due = due_date(d, h.timely_days);
    // An actual due before the plan was issued could not have been on time.
    if (h.issued && due < *h.issued) continue;
    if (d.start() < from) continue;
    ++p.due;
    while (next != first.end() && next->first < d.end()) ++next;
    const int64_t deadline = end_of_day(due, h.utc_offset_minutes);
    if (next != first.end() && next->first == d.end() && next->second < deadline) ++p.on_time;
  }
  return p;
}

}  // namespace tally
