#include "core/compute/report.h"

#include <algorithm>
#include <cmath>

#include "core/base/parallel.h"
#include "core/compute/owed.h"
#include "core/compute/schedule.h"

namespace tally {

namespace {

// Periods of cadence `c` that end after `after` and no later than the plan.
int periods_after(const PlanHeader& h, Cadence c, Date after) {
  Period p = period_containing(c, after);
  if (p.end() <= after) p = p.next();
  int n = 0;
  for (; p.end() <= h.end; p = p.next()) ++n;
  return n;
}

void fill_definition(const Plan& plan, size_t i, IndicatorRow& row) {
  const Indicator& ind = plan.indicators[i];
  row.index = i;
  row.id = ind.id;
  row.name = ind.name;
  row.action = plan.actions[ind.action].id;
  row.action_name = plan.actions[ind.action].name;
  row.kind = ind.kind;
  row.direction = ind.direction;
  row.basis = ind.basis;
  row.cadence = plan.cadence_of(ind);
  row.schedule = schedule_name(ind.schedule);
  row.unit = ind.unit;
  row.lead = ind.lead;
  row.lead_names = plan.bureau_names(ind.lead);
  row.target = ind.target;
  row.form = ind.form;
  if (ind.baseline) row.baseline = ind.baseline->value;
  if (ind.kind == Kind::kMilestone) row.due = ind.due.value_or(plan.header.end);
  row.plan_end = plan.header.end;
}

void take_record(const Actual& a, IndicatorRow& row) {
  row.actual_period = a.period;
  row.recorded = a.recorded.text();
  row.by = a.by;
  row.source = a.source;
}

// The status of a milestone: its stage against the stages and `due` that fell
// on or before the report period's end.
void judge_milestone(const Indicator& ind, const PlanHeader& h, Date last, bool missing,
                     IndicatorRow& row) {
  for (const auto& sp : ind.stages) {
    if (sp.date <= last && (!row.required_stage || sp.stage >= *row.required_stage)) {
      row.required_stage = sp.stage;
      row.required_by = sp.date;
    }
  }
  const Date due = ind.due.value_or(h.end);
  if (due <= last) {
    row.required_stage = Stage::kDone;
    row.required_by = due;
  }
  const Stage stage = row.stage.value_or(Stage::kNotStarted);
  if (stage == Stage::kDone) {
    row.status = Status::kDone;
  } else if (row.required_stage && stage < *row.required_stage) {
    row.status = Status::kOverdue;
  } else if (missing) {
    row.status = Status::kMissing;
  } else if (stage == Stage::kInProgress ||
             (row.required_stage && *row.required_stage != Stage::kNotStarted)) {
    row.status = Status::kOnTrack;
  } else {
    row.status = Status::kNotDue;
  }
}

// Completion against the expected share, for cumulative indicators and
// levels, in the indicator's direction.
Status judge_share(double completion, double expected, bool up, bool final_period, double behind) {
  if (up) {
    if (at_least(completion, 1.0)) return Status::kDone;
    if (at_least(completion, expected)) return Status::kOnTrack;
    if (at_least(completion, behind * expected)) return Status::kBehind;
    return Status::kOffTrack;
  }
  // Down: reversed; expected ÷ completion plays the part of the ratio.
  if (at_most(completion, expected)) return final_period ? Status::kDone : Status::kOnTrack;
  if (at_most(completion * behind, expected)) return Status::kBehind;
  return Status::kOffTrack;
}

Status judge_growth(double rate, double target, bool up, bool final_period, double behind) {
  const double tolerance = (1.0 - behind) * std::fabs(target);
  if (up ? at_least(rate, target) : at_most(rate, target))
    return final_period ? Status::kDone : Status::kOnTrack;
  if (up ? at_least(rate, target - tolerance) : at_most(rate, target + tolerance))
    return Status::kBehind;
  return Status::kOffTrack;
}

Rollup rollup_of(const std::vector<IndicatorRow>& rows, const std::vector<size_t>& which) {
  Rollup r;
  double sum = 0;
  size_t with_completion = 0;
  for (size_t k : which) {
    const IndicatorRow& row = rows[k];
    r.counts.add(row.status);
    // Completion reads "higher is better" for up indicators and for levels
    // measured from a baseline; a ceiling's completion does not.
    const bool oriented =
        row.direction == Direction::kUp || (row.kind == Kind::kLevel && row.baseline);
    if (row.completion && oriented && (row.kind == Kind::kCumulative || row.kind == Kind::kLevel)) {
      sum += std::clamp(*row.completion, 0.0, 1.0);
      ++with_completion;
    }
  }
  r.with_due = r.counts.total - r.counts[Status::kNotDue];
  if (r.with_due > 0) {
    r.on_track_rate = static_cast<double>(r.counts[Status::kDone] + r.counts[Status::kOnTrack]) /
                      static_cast<double>(r.with_due);
  }
  if (with_completion > 0) r.mean_completion = sum / static_cast<double>(with_completion);
  return r;
}

// Actuals due for one indicator up to `last` and how many of them were
// recorded by their due date (any record ending on the period's end counts).
Punctuality indicator_punctuality(const Ledger& ledger, size_t i, Date last, Date as_of,
                                  int64_t cutoff) {
  const Plan& plan = ledger.plan();
  const Indicator& ind = plan.indicators[i];
  return punctuality(plan.header, plan.cadence_of(ind), ledger.records(i),
                     finished_at(ind, visible_in_force(ledger, i, cutoff)), last, as_of);
}

// 预计全年: the total at the plan's end at the present pace, actual ÷ the
// path's share by `at`. Only a running total on a gradual path has a pace;
// a step or end path has none, and work counted in whole things that is
// already done will not be done again.
std::optional<double> projection(const Indicator& ind, const PlanHeader& h, Date at,
                                 std::optional<double> actual) {
  if (ind.kind != Kind::kCumulative || !actual || !ind.target) return std::nullopt;
  const auto type = ind.schedule.type;
  if (type == Schedule::Type::kStep || type == Schedule::Type::kEnd) return std::nullopt;
  const double target = ind.target->to_double();
  if (ind.direction == Direction::kUp && h.is_counted(ind.unit) && at_least(*actual, target))
    return std::nullopt;
  const double e = expected_share(ind, h, at);
  if (e <= 0) return std::nullopt;
  return *actual / e;
}

// The actual in force for the report period, from the records `recs` (in
// force, for periods up to its end): the latest figure (ties on the end
// date: the one recorded last), or for basis = "period" the sum of the
// amounts. Returns whether a limit was exceeded on the way.
bool take_actual(const Indicator& ind, const std::vector<const Actual*>& recs, IndicatorRow& row) {
  const double target = ind.target ? ind.target->to_double() : 0.0;
  if (ind.kind == Kind::kCumulative && ind.basis == Basis::kPeriod) {
    std::vector<const Actual*> taken = period_amounts(recs);
    std::optional<Decimal> sum;
    for (const Actual* a : taken) {
      if (!a->value.number) continue;
      sum = sum ? add_decimals(*sum, *a->value.number) : std::optional<Decimal>(*a->value.number);
      if (!sum) break;  // beyond 18 digits: leave the figure out rather than wrap
    }
    if (!taken.empty()) {
      take_record(*taken.back(), row);
      row.actual = sum;
    }
    return sum && !at_most(sum->to_double(), target);
  }
  const Actual* latest = nullptr;
  for (const Actual* a : recs) {
    if (!latest || a->period.end() > latest->period.end() ||
        (a->period.end() == latest->period.end() && !(a->recorded < latest->recorded))) {
      latest = a;
    }
  }
  if (!latest) return false;
  take_record(*latest, row);
  row.actual = latest->value.number;
  row.stage = latest->value.stage;
  row.percent = latest->value.percent;
  // A running total that passed its ceiling stays past it, and so does a
  // zero limit once broken (an accident happened); a rate, ratio or rank
  // is judged on its latest value.
  const bool sticky = ind.kind == Kind::kCumulative || target == 0;
  bool exceeded = false;
  for (const Actual* a : recs) {
    if (!sticky && a != latest) continue;
    if (a->value.number && !at_most(a->value.number->to_double(), target)) exceeded = true;
  }
  return exceeded;
}

// Expected share, expected value, completion and gap (SPEC 3.2), with the
// projection and the pace still needed, at the end of the day `at`.
void measure(const Indicator& ind, const PlanHeader& h, Date at, IndicatorRow& row) {
  const bool has_actual = row.actual.has_value();
  const double actual = has_actual ? row.actual->to_double() : 0.0;
  const double target = ind.target->to_double();
  const bool baseline = has_baseline(ind);
  const double base = baseline ? ind.baseline->value.to_double() : 0.0;
  const Expectation expect = expectation(ind, h, at);
  row.expected = expect.share;
  row.expected_value = expect.value;
  if (ind.kind == Kind::kGrowth) {
    if (has_actual) row.gap = actual - target;
    return;
  }
  const double e = *expect.share;
  if (has_actual && baseline) {
    row.completion = (actual - base) / (target - base);
  } else if (has_actual && target != 0) {
    row.completion = actual / target;
  }
  if (row.completion && (ind.kind == Kind::kCumulative || e > 0)) {
    row.gap = (*row.completion - e) * 100.0;
  } else if (row.completion && ind.kind == Kind::kLevel && !baseline) {
    row.gap = (*row.completion - 1.0) * 100.0;  // not judged yet: the distance to the target
  }
  row.projection =
      projection(ind, h, at, has_actual ? std::optional<double>(actual) : std::nullopt);
  // A level's pace needs a level to start from; a running total starts at 0.
  if (row.periods_left > 0 && (has_actual || ind.kind == Kind::kCumulative)) {
    double pace = (target - actual) / row.periods_left;
    // Nothing more is needed once the target is met, in either direction.
    const bool up = ind.direction == Direction::kUp;
    const bool rising = baseline ? target > base : up || ind.kind == Kind::kCumulative;
    row.required_pace = rising ? std::max(pace, 0.0) : std::min(pace, 0.0);
  }
}

// The status of an indicator with a target, in order of precedence: facts
// later reports cannot undo first (a limit exceeded, a running total that
// reached its target), then a missing report, then the comparison itself.
Status judge(const Indicator& ind, const PlanHeader& h, const IndicatorRow& row,
             bool limit_exceeded, bool missing, bool final_period) {
  const bool up = ind.direction == Direction::kUp;
  const bool baseline = has_baseline(ind);
  const double target = ind.target->to_double();
  // A rank past its place is behind or off track, not a limit breached
  // (已突破 is for ceilings such as accidents, where any excess is a breach).
  const bool is_limit =
      !up && !ind.form.rank &&
      (ind.kind == Kind::kCumulative || (ind.kind == Kind::kLevel && !baseline) || target == 0);
  if (is_limit && limit_exceeded) return Status::kBreached;
  if (up && ind.kind == Kind::kCumulative && row.completion && at_least(*row.completion, 1.0))
    return Status::kDone;
  if (missing) return Status::kMissing;
  if (!row.actual) return Status::kNotDue;
  if (is_limit && target == 0) return final_period ? Status::kDone : Status::kOnTrack;
  if (ind.kind == Kind::kGrowth)
    return judge_growth(row.actual->to_double(), target, up, final_period, h.behind);
  const double e = *row.expected;
  const double c = row.completion.value_or(0.0);
  if (up || baseline) {
    return at_least(c, 1.0) ? Status::kDone
           : e == 0         ? Status::kNotDue
                            : judge_share(c, e, true, final_period, h.behind);
  }
  return e == 0 ? Status::kNotDue : judge_share(c, e, false, final_period, h.behind);
}

}  // namespace

IndicatorRow evaluate_indicator(const Ledger& ledger, size_t i, const ReportRequest& request) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Indicator& ind = plan.indicators[i];
  const Cadence cadence = plan.cadence_of(ind);
  const Date last = request.period.end();

  IndicatorRow row;
  fill_definition(plan, i, row);
  row.due_period = latest_due(h, cadence, last, request.as_of, h.timely_days);

  // The bulletin of a period sees the records of periods up to its end; what
  // it owes is what `overdue` would list on the as-of date with only those.
  std::vector<const Actual*> recs =
      visible_in_force(ledger, i, end_of_day(request.as_of, h.utc_offset_minutes));
  std::erase_if(recs, [&](const Actual* a) { return a->period.end() > last; });
  row.owed = owed_reports(plan, ind, recs, last, request.as_of).size();
  const bool limit_exceeded = take_actual(ind, recs, row);

  const bool missing = row.owed > 0;
  row.compared_period = row.actual_period ? *row.actual_period
                        : row.due_period  ? *row.due_period
                                          : request.period;
  const Date at = row.compared_period.end();
  row.periods_left = periods_after(h, cadence, at);

  if (ind.kind == Kind::kMilestone) {
    judge_milestone(ind, h, last, missing, row);
    return row;
  }
  if (!ind.target) {
    row.status = Status::kNotDue;  // check_plan requires a target; stay quiet if absent
    return row;
  }
  measure(ind, h, at, row);
  row.status = judge(ind, h, row, limit_exceeded, missing, at >= h.end);
  if (ind.form.stretch && row.actual) {
    const double a = row.actual->to_double();
    const double st = ind.form.stretch->to_double();
    row.stretch_reached = ind.direction == Direction::kUp ? at_least(a, st) : at_most(a, st);
  }
  return row;
}

namespace {

// Per cadence of the plan's pro-rated indicators, the period they are
// compared at in a report of `request`.
std::vector<ComparedAt> compared_at(const Plan& plan, const ReportRequest& request) {
  const PlanHeader& h = plan.header;
  std::vector<ComparedAt> out;
  for (Cadence c :
       {Cadence::kYear, Cadence::kHalf, Cadence::kQuarter, Cadence::kMonth, Cadence::kDekad}) {
    size_t n = 0;
    for (const Indicator& ind : plan.indicators)
      if (ind.kind != Kind::kMilestone && ind.kind != Kind::kGrowth && plan.cadence_of(ind) == c)
        ++n;
    if (n == 0) continue;
    const auto due = latest_due(h, c, request.period.end(), request.as_of, h.timely_days);
    if (!due) continue;
    out.push_back(ComparedAt{c, *due, plan_thirds(h, due->end()).share(), n});
  }
  return out;
}

// The records made, and the reports that fell overdue, since the brief of
// the period before: its as-of date is this one's less the period's length.
Changes changes_since(const Ledger& ledger, const ReportRequest& request) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  Changes c;
  c.since =
      add_days(request.as_of, -days_between(request.period.prev().end(), request.period.end()));
  const int64_t from = end_of_day(c.since, h.utc_offset_minutes);
  const int64_t to = end_of_day(request.as_of, h.utc_offset_minutes);
  std::vector<std::pair<int64_t, ChangedRecord>> made;
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    for (const Actual* a : ledger.records(i)) {
      if (a->recorded.epoch_seconds < from || a->recorded.epoch_seconds >= to) continue;
      made.emplace_back(
          a->recorded.epoch_seconds,
          ChangedRecord{a->indicator, plan.indicators[i].name, a->period, value_text(a->value),
                        plan.bureau_name(a->by), a->recorded.text()});
    }
  }
  std::stable_sort(made.begin(), made.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& m : made) c.records.push_back(std::move(m.second));
  const OverdueReport before = compute_overdue(ledger, c.since);
  for (const OverdueItem& item : compute_overdue(ledger, request.as_of).items) {
    if (item.task) continue;  // the brief's changes are the indicators'
    const bool known = std::any_of(before.items.begin(), before.items.end(), [&](const auto& b) {
      return b.indicator == item.indicator && b.period == item.period;
    });
    if (!known) c.newly_overdue.push_back(item);
  }
  return c;
}

// Which indicators (of `all`, every indicator of the plan) the selection keeps.
std::vector<bool> kept_by(const Selection& selection, const Ledger& ledger,
                          const std::vector<IndicatorRow>& all) {
  const Plan& plan = ledger.plan();
  std::vector<bool> keep(all.size(), true);
  if (!selection.action.empty()) {
    std::vector<bool> in(all.size(), false);
    for (size_t a = 0; a < plan.actions.size(); ++a)
      if (plan.actions[a].id == selection.action)
        for (size_t i : ledger.action_indicators(a)) in[i] = true;
    for (size_t i = 0; i < all.size(); ++i) keep[i] = keep[i] && in[i];
  }
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& lead = all[i].lead;
    if (!selection.bureau.empty() &&
        std::find(lead.begin(), lead.end(), selection.bureau) == lead.end())
      keep[i] = false;
    if (!selection.statuses.empty() &&
        std::find(selection.statuses.begin(), selection.statuses.end(), all[i].status) ==
            selection.statuses.end())
      keep[i] = false;
  }
  return keep;
}

// The indicators a report keeps: where each of `all` lands in r.indicators
// (npos when it is left out).
class Kept {
 public:
  explicit Kept(std::vector<bool> keep) : keep_(std::move(keep)), position_(keep_.size(), npos) {
    size_t n = 0;
    for (size_t i = 0; i < keep_.size(); ++i)
      if (keep_[i]) position_[i] = n++;
  }
  // Moves the kept ones of `all` to r.indicators, in order: the last use
  // of `all` (copying two thousand rows was a tenth of compute_report).
  void move_to(std::vector<IndicatorRow>& all, Report& r) const {
    for (size_t i = 0; i < all.size(); ++i)
      if (keep_[i]) r.indicators.push_back(std::move(all[i]));
  }
  // The positions in r.indicators of the kept ones among `members`.
  std::vector<size_t> of(const std::vector<size_t>& members) const {
    std::vector<size_t> out;
    for (size_t i : members)
      if (keep_[i]) out.push_back(position_[i]);
    return out;
  }

 private:
  static constexpr size_t npos = static_cast<size_t>(-1);
  std::vector<bool> keep_;
  std::vector<size_t> position_;
};

// Actions by number, each rolled up over all its indicators.
void add_actions(const Ledger& ledger, const std::vector<IndicatorRow>& all, const Kept& kept,
                 Report& r) {
  const Plan& plan = ledger.plan();
  std::vector<size_t> order(plan.actions.size());
  for (size_t a = 0; a < order.size(); ++a) order[a] = a;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return plan.actions[x].number < plan.actions[y].number;
  });
  for (size_t a : order) {
    const Action& act = plan.actions[a];
    std::vector<size_t> members = ledger.action_indicators(a);
    ActionRow row{act.id,           act.number,
                  act.name,         act.name_en,
                  act.lead,         plan.bureau_names(act.lead),
                  kept.of(members), rollup_of(all, members)};
    if (!row.indicators.empty()) r.actions.push_back(std::move(row));
  }
}

// One lead bureau over all the indicators it leads (first or joint lead).
BureauRow bureau_row(const Bureau& b, const std::vector<size_t>& members,
                     const std::vector<IndicatorRow>& all, const std::vector<Punctuality>& punct) {
  BureauRow row;
  row.id = b.id;
  row.name = b.name;
  row.led = members.size();
  for (size_t i : members) {
    row.actuals_due += punct[i].due;
    row.actuals_on_time += punct[i].on_time;
  }
  if (row.actuals_due > 0)
    row.on_time_rate =
        static_cast<double>(row.actuals_on_time) / static_cast<double>(row.actuals_due);
  row.rollup = rollup_of(all, members);
  row.missing = row.rollup.counts[Status::kMissing];
  return row;
}

// Higher rates first; a bureau with nothing due yet ranks after the others.
bool ranks_before(const BureauRow& a, const BureauRow& b) {
  auto better = [](const std::optional<double>& x, const std::optional<double>& y) {
    if (x.has_value() != y.has_value()) return x.has_value();
    return x && *x > *y;
  };
  if (better(a.rollup.on_track_rate, b.rollup.on_track_rate)) return true;
  if (better(b.rollup.on_track_rate, a.rollup.on_track_rate)) return false;
  if (better(a.on_time_rate, b.on_time_rate)) return true;
  if (better(b.on_time_rate, a.on_time_rate)) return false;
  return a.id < b.id;
}

// Lead bureaus, ranked over all of them before the selection applies.
void add_bureaus(const Ledger& ledger, const std::vector<IndicatorRow>& all,
                 const std::vector<Punctuality>& punct, const Kept& kept, Report& r) {
  const Plan& plan = ledger.plan();
  std::vector<BureauRow> bureaus;
  std::vector<std::vector<size_t>> members_of;
  for (const Bureau& b : plan.bureaus) {
    std::vector<size_t> members;
    for (size_t i = 0; i < all.size(); ++i) {
      const auto& lead = all[i].lead;
      if (std::find(lead.begin(), lead.end(), b.id) != lead.end()) members.push_back(i);
    }
    if (members.empty()) continue;
    bureaus.push_back(bureau_row(b, members, all, punct));
    members_of.push_back(std::move(members));
  }
  std::vector<size_t> rank(bureaus.size());
  for (size_t k = 0; k < rank.size(); ++k) rank[k] = k;
  std::sort(rank.begin(), rank.end(),
            [&](size_t x, size_t y) { return ranks_before(bureaus[x], bureaus[y]); });
  for (size_t k = 0; k < rank.size(); ++k) {
    BureauRow& row = bureaus[rank[k]];
    row.rank = static_cast<int>(k + 1);
    row.indicators = kept.of(members_of[rank[k]]);
    if (!row.indicators.empty()) r.bureaus.push_back(std::move(row));
  }
}

}  // namespace

Report compute_report(const Ledger& ledger, const ReportRequest& request,
                      const Selection& selection) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  Report r;
  r.plan_id = h.id;
  r.plan_title = h.title;
  r.plan_document = h.document;
  r.issuer = h.issuer;
  if (h.numbered_by_period) r.number = request.period.index;
  r.plan_start = h.start;
  r.plan_end = h.end;
  r.cadence = h.cadence;
  r.timely_days = h.timely_days;
  r.behind = h.behind;
  r.period = request.period;
  r.as_of = request.as_of;
  const PlanThirds thirds = plan_thirds(h, request.period.end());
  r.thirds_elapsed = thirds.elapsed;
  r.thirds_total = thirds.total;
  r.expected = thirds.share();
  r.selection = selection;

  // Every indicator, then the groups over all of them.
  // Indicators are evaluated on every core (kParallelRecords).
  // Each with its punctuality, for the bureaus' on-time rates.
  std::vector<IndicatorRow> all(plan.indicators.size());
  std::vector<Punctuality> punct(plan.indicators.size());
  const int64_t cutoff = end_of_day(request.as_of, h.utc_offset_minutes);
  auto evaluate = [&](size_t i) {
    all[i] = evaluate_indicator(ledger, i, request);
    punct[i] = indicator_punctuality(ledger, i, request.period.end(), request.as_of, cutoff);
  };
  if (plan.actuals.size() < kParallelRecords) {
    for (size_t i = 0; i < all.size(); ++i) evaluate(i);
  } else {
    parallel_for(all.size(), evaluate);
  }
  const Kept kept(kept_by(selection, ledger, all));
  add_actions(ledger, all, kept, r);
  add_bureaus(ledger, all, punct, kept, r);
  kept.move_to(all, r);

  std::vector<size_t> every(r.indicators.size());
  for (size_t k = 0; k < every.size(); ++k) every[k] = k;
  r.totals = rollup_of(r.indicators, every);
  r.compared_at = compared_at(plan, request);
  if (request.period.cadence == Cadence::kDekad) r.changes = changes_since(ledger, request);
  const bool highlighted = std::any_of(plan.actuals.begin(), plan.actuals.end(),
                                       [](const Actual& a) { return a.highlight; });
  if (!plan.tasks.empty() || !plan.problems.empty() || highlighted)
    r.bulletin =
        compute_bulletin(ledger, request.period, request.as_of, selection.bureau, selection.action);
  return r;
}

}  // namespace tally
