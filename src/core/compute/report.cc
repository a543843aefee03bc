#include "core/compute/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/base/json.h"
#include "core/compute/schedule.h"

namespace tally {

namespace {

constexpr std::string_view kStatusNames[] = {"done",     "on-track", "behind",  "off-track",
                                             "breached", "overdue",  "missing", "not-due"};
constexpr std::string_view kStatusZh[] = {"已完成", "达序时", "欠序时", "严重滞后",
                                          "已突破", "逾期",   "未报送", "未到期"};
constexpr std::string_view kStatusEn[] = {"done",     "on track", "behind",  "off track",
                                          "breached", "overdue",  "missing", "not due"};

// Figures equal to within this relative margin count as equal, so a figure
// exactly on a line (1.8 of 3.6 at 50%) meets it despite binary rounding.
bool at_least(double a, double b) {
  return a >= b - 1e-9 * std::max(1.0, std::fabs(b));
}
bool at_most(double a, double b) {
  return a <= b + 1e-9 * std::max(1.0, std::fabs(b));
}

bool inside_plan(const PlanHeader& h, const Period& p) {
  return h.start <= p.start() && p.end() <= h.end;
}

// The records in force on the as-of date, one per period, in period order:
// per period the latest record recorded by then.
std::vector<const Actual*> visible_in_force(const Ledger& ledger, size_t i, int64_t cutoff) {
  std::vector<const Actual*> out;
  const PlanHeader& h = ledger.plan().header;
  for (const Actual* a : ledger.records(i)) {
    if (a->recorded.epoch_seconds >= cutoff || !inside_plan(h, a->period)) continue;
    if (!out.empty() && out.back()->period == a->period) {
      out.back() = a;  // records() orders a period's records by recorded time
    } else {
      out.push_back(a);
    }
  }
  return out;
}

// The latest period of cadence `c` ending on or before `last` (and inside the
// plan) whose actual is due on `as_of`.
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

// Every period of cadence `c` inside the plan, ending on or before `last`,
// whose actual is due on `as_of`, oldest first.
std::vector<Period> due_periods(const PlanHeader& h, Cadence c, Date last, Date as_of,
                                int timely_days) {
  std::vector<Period> out;
  auto p = latest_due(h, c, last, as_of, timely_days);
  for (; p && p->start() >= h.start; p = p->prev()) out.push_back(*p);
  std::reverse(out.begin(), out.end());
  return out;
}

// Periods of cadence `c` that end after `after` and no later than the plan.
int periods_after(const PlanHeader& h, Cadence c, Date after) {
  Period p = period_containing(c, after);
  if (p.end() <= after) p = p.next();
  int n = 0;
  for (; p.end() <= h.end; p = p.next()) ++n;
  return n;
}

// For basis = "period": the in-force amounts to add up. Coarser periods are
// taken first, so a quarter reported as a whole wins over months inside it;
// any record overlapping one already taken is left out.
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

std::string schedule_text(const Schedule& s) {
  if (!s.profile.empty()) return s.profile;
  switch (s.type) {
    case Schedule::Type::kEven:
      return "even";
    case Schedule::Type::kEnd:
      return "end";
    case Schedule::Type::kShares:
      return "seasonal";
    case Schedule::Type::kStep:
      return "step";
  }
  return "even";
}

std::vector<std::string> names_of(const Plan& plan, const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    const Bureau* b = plan.find_bureau(id);
    out.push_back(b ? b->name : id);
  }
  return out;
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
  row.schedule = schedule_text(ind.schedule);
  row.unit = ind.unit;
  row.lead = ind.lead;
  row.lead_names = names_of(plan, ind.lead);
  row.target = ind.target;
  if (ind.baseline) row.baseline = ind.baseline->value;
  if (ind.kind == Kind::kMilestone) row.due = ind.due.value_or(plan.header.end);
}

void take_record(const Actual& a, IndicatorRow& row) {
  row.actual_period = a.period;
  row.recorded = a.recorded.text;
  row.by = a.by;
  row.source = a.source;
}

// A level has a baseline to start from unless it is missing or equals the target.
bool has_baseline(const Indicator& ind) {
  return ind.kind == Kind::kLevel && ind.baseline && ind.target &&
         !(ind.baseline->value == *ind.target);
}

}  // namespace

Expectation expectation(const Indicator& ind, const PlanHeader& h, Date at) {
  Expectation x;
  if (ind.kind == Kind::kMilestone || !ind.target) return x;
  const double target = ind.target->to_double();
  if (ind.kind == Kind::kGrowth) {
    x.value = target;  // not pro-rated
    return x;
  }
  const bool baseline = has_baseline(ind);
  // Whole things are counted only where the figures are whole: 4.13 托位
  // per thousand people is a ratio, whatever its unit says.
  const bool counted = h.is_counted(ind.unit) && ind.target->is_integer() &&
                       (!ind.baseline || ind.baseline->value.is_integer());
  double e = expected_share(ind, h, at);
  if (ind.kind == Kind::kLevel && !baseline) {
    // A level with nothing to ramp from is held against the whole target
    // once its path reaches 1: a floor at the end of an even path, a
    // ceiling throughout unless its path says when it starts to apply.
    const bool ceiling = ind.direction == Direction::kDown;
    const bool whole = e >= 1.0 - 1e-9 || (ceiling && ind.schedule.type == Schedule::Type::kEven);
    x.share = whole ? 1.0 : 0.0;
    if (whole) x.value = target;
    return x;
  }
  const double base = baseline ? ind.baseline->value.to_double() : 0.0;
  double value = base + (target - base) * e;
  if (counted) {
    // Whole things are expected whole: the distance travelled is rounded
    // towards the start (a floor expects 0 schools until the path reaches
    // one; a ceiling allows the next whole accident).
    const bool toward_more =
        ind.kind == Kind::kCumulative ? ind.direction == Direction::kUp : target >= base;
    const bool allowance = ind.kind == Kind::kCumulative && ind.direction == Direction::kDown;
    const double travelled = std::fabs(value - base);
    const double whole = allowance ? std::ceil(travelled - 1e-9) : std::floor(travelled + 1e-9);
    value = base + (toward_more || allowance ? whole : -whole);
    if (target != base) e = (value - base) / (target - base);
  }
  x.share = e;
  x.value = value;
  return x;
}

namespace {

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
struct Punctuality {
  size_t due = 0;
  size_t on_time = 0;
};

// The end of the period in which an indicator was finished, as of the
// records given (in force, in period order): a milestone recorded done, or a
// running total that reached its floor. A finished indicator owes no more
// reports and is never chased again.
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

Punctuality punctuality(const Ledger& ledger, size_t i, Date last, Date as_of, int64_t cutoff) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Indicator& ind = plan.indicators[i];
  const std::optional<Date> stop = finished_at(ind, visible_in_force(ledger, i, cutoff));
  // The first record made for each period end; records() is ordered by
  // period, and periods by end date, so equal ends are adjacent.
  std::vector<std::pair<Date, int64_t>> first;
  for (const Actual* a : ledger.records(i)) {
    const Date end = a->period.end();
    if (first.empty() || first.back().first != end) {
      first.emplace_back(end, a->recorded.epoch_seconds);
    } else {
      first.back().second = std::min(first.back().second, a->recorded.epoch_seconds);
    }
  }
  Punctuality p;
  auto next = first.begin();
  for (const Period& d : due_periods(h, plan.cadence_of(ind), last, as_of, h.timely_days)) {
    if (stop && d.end() > *stop) break;
    // An actual due before the plan was issued could not have been on time.
    if (h.issued && due_date(d, h.timely_days) < *h.issued) continue;
    ++p.due;
    while (next != first.end() && next->first < d.end()) ++next;
    const int64_t deadline = end_of_day(due_date(d, h.timely_days), h.utc_offset_minutes);
    if (next != first.end() && next->first == d.end() && next->second < deadline) ++p.on_time;
  }
  return p;
}

// A report an indicator owes: `period` and, for a run of latest-value
// periods settled by one figure, how many and since when.
struct Owed {
  Period period;
  Period first;
  int missed = 1;
};

// The reports an indicator owes on `as_of` for the periods of its cadence
// that end by `last`, given its records in force then (all periods): the one
// rule behind both `report`'s 未报送 and `overdue`'s 催报 list.
// - A finished indicator (milestone done, running total at its floor) owes
//   nothing after the period it finished in.
// - Amounts (basis = "period") owe each period no record covers.
// - Any other indicator's latest figure replaces the earlier ones, so the
//   periods after its last figure are one item: the latest, with the count.
std::vector<Owed> owed_reports(const Plan& plan, const Indicator& ind,
                               const std::vector<const Actual*>& recs, Date last, Date as_of) {
  const PlanHeader& h = plan.header;
  const std::optional<Date> stop = finished_at(ind, recs);
  const bool amounts = ind.kind == Kind::kCumulative && ind.basis == Basis::kPeriod;
  std::optional<Date> last_end;
  for (const Actual* a : recs)
    if (!last_end || a->period.end() > *last_end) last_end = a->period.end();
  std::vector<Owed> out;
  std::optional<Owed> run;
  for (const Period& d : due_periods(h, plan.cadence_of(ind), last, as_of, h.timely_days)) {
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

// One decimal, never "-0.0".
std::string one_decimal(double v) {
  std::string s = fmt::format("{:.1f}", v);
  return s == "-0.0" ? "0.0" : s;
}

}  // namespace

std::string_view status_name(Status s) {
  return kStatusNames[static_cast<size_t>(s)];
}

std::string_view status_label(Status s, bool en) {
  return en ? kStatusEn[static_cast<size_t>(s)] : kStatusZh[static_cast<size_t>(s)];
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses) {
    if (s == status_name(st) || s == status_label(st, false)) return st;
  }
  return std::nullopt;
}

std::vector<std::string> status_names() {
  std::vector<std::string> out;
  for (Status st : kAllStatuses) out.emplace_back(status_name(st));
  return out;
}

std::string format_share(double share) {
  return one_decimal(share * 100.0) + "%";
}

std::string format_points(double points) {
  std::string s = one_decimal(points);
  return s[0] == '-' || s == "0.0" ? s : "+" + s;
}

std::string format_quantity(double v) {
  return format_number(v, 2);
}

namespace {

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

}  // namespace

IndicatorRow evaluate_indicator(const Ledger& ledger, size_t i, const ReportRequest& request) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Indicator& ind = plan.indicators[i];
  const Cadence cadence = plan.cadence_of(ind);
  const Date last = request.period.end();
  const int64_t cutoff = end_of_day(request.as_of, h.utc_offset_minutes);
  const bool up = ind.direction == Direction::kUp;

  IndicatorRow row;
  fill_definition(plan, i, row);
  row.due_period = latest_due(h, cadence, last, request.as_of, h.timely_days);

  // The bulletin of a period sees the records of periods up to its end; what
  // it owes is what `overdue` would list on the as-of date with only those.
  std::vector<const Actual*> recs = visible_in_force(ledger, i, cutoff);
  std::erase_if(recs, [&](const Actual* a) { return a->period.end() > last; });
  row.owed = owed_reports(plan, ind, recs, last, request.as_of).size();

  // The actual in force: the latest figure (ties on the end date: the one
  // recorded last), or for basis = "period" the sum of the amounts.
  const Actual* latest = nullptr;
  for (const Actual* a : recs) {
    if (!latest || a->period.end() > latest->period.end() ||
        (a->period.end() == latest->period.end() && !(a->recorded < latest->recorded))) {
      latest = a;
    }
  }
  bool limit_exceeded = false;
  const double target = ind.target ? ind.target->to_double() : 0.0;
  if (ind.kind == Kind::kCumulative && ind.basis == Basis::kPeriod) {
    std::vector<const Actual*> taken = period_amounts(recs);
    std::optional<Decimal> sum;
    for (const Actual* a : taken) {
      if (!a->value.number) continue;
      sum = sum ? add_decimals(*sum, *a->value.number) : a->value.number;
      if (!sum) break;  // beyond 18 digits: leave the figure out rather than wrap
    }
    if (!taken.empty()) {
      take_record(*taken.back(), row);
      row.actual = sum;
    }
    limit_exceeded = sum && !at_most(sum->to_double(), target);
  } else if (latest) {
    take_record(*latest, row);
    row.actual = latest->value.number;
    row.stage = latest->value.stage;
    row.percent = latest->value.percent;
    // A running total that passed its ceiling stays past it, and so does a
    // zero limit once broken (an accident happened); a rate, ratio or rank
    // is judged on its latest value.
    const bool sticky = ind.kind == Kind::kCumulative || target == 0;
    for (const Actual* a : recs) {
      if (!sticky && a != latest) continue;
      if (a->value.number && !at_most(a->value.number->to_double(), target)) limit_exceeded = true;
    }
  }

  const bool missing = row.owed > 0;
  row.compared_period = row.actual_period ? *row.actual_period
                        : row.due_period  ? *row.due_period
                                          : request.period;
  const Date at = row.compared_period.end();
  const bool final_period = at >= h.end;
  row.periods_left = periods_after(h, cadence, at);

  if (ind.kind == Kind::kMilestone) {
    judge_milestone(ind, h, last, missing, row);
    return row;
  }
  if (!ind.target) {
    row.status = Status::kNotDue;  // check_plan requires a target; stay quiet if absent
    return row;
  }

  // Expected share, expected value, completion and gap (SPEC 3.2).
  const bool has_actual = row.actual.has_value();
  const double actual = has_actual ? row.actual->to_double() : 0.0;
  const bool baseline = has_baseline(ind);
  const double base = baseline ? ind.baseline->value.to_double() : 0.0;
  const Expectation expect = expectation(ind, h, at);
  row.expected = expect.share;
  row.expected_value = expect.value;
  if (ind.kind == Kind::kGrowth) {
    if (has_actual) row.gap = actual - target;
  } else {
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
      const bool rising = baseline ? target > base : up || ind.kind == Kind::kCumulative;
      row.required_pace = rising ? std::max(pace, 0.0) : std::min(pace, 0.0);
    }
  }

  // Status, in order of precedence: facts later reports cannot undo first
  // (a limit exceeded, a running total that reached its target), then a
  // missing report, then the comparison itself.
  const bool is_limit = !up && (ind.kind == Kind::kCumulative ||
                                (ind.kind == Kind::kLevel && !baseline) || target == 0);
  if (is_limit && limit_exceeded) {
    row.status = Status::kBreached;
  } else if (up && ind.kind == Kind::kCumulative && row.completion &&
             at_least(*row.completion, 1.0)) {
    row.status = Status::kDone;
  } else if (missing) {
    row.status = Status::kMissing;
  } else if (!has_actual) {
    row.status = Status::kNotDue;
  } else if (is_limit && target == 0) {
    row.status = final_period ? Status::kDone : Status::kOnTrack;  // within the limit
  } else if (ind.kind == Kind::kGrowth) {
    row.status = judge_growth(actual, target, up, final_period, h.behind);
  } else if (up || baseline) {
    const double e = *row.expected;
    const double c = row.completion.value_or(0.0);
    row.status = at_least(c, 1.0) ? Status::kDone
                 : e == 0         ? Status::kNotDue
                                  : judge_share(c, e, true, final_period, h.behind);
  } else {
    const double e = *row.expected;
    row.status = e == 0
                     ? Status::kNotDue
                     : judge_share(row.completion.value_or(0.0), e, false, final_period, h.behind);
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
                        plan.bureau_name(a->by), a->recorded.text});
    }
  }
  std::stable_sort(made.begin(), made.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& m : made) c.records.push_back(std::move(m.second));
  const OverdueReport before = compute_overdue(ledger, c.since);
  for (const OverdueItem& item : compute_overdue(ledger, request.as_of).items) {
    const bool known = std::any_of(before.items.begin(), before.items.end(), [&](const auto& b) {
      return b.indicator == item.indicator && b.period == item.period;
    });
    if (!known) c.newly_overdue.push_back(item);
  }
  return c;
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
  std::vector<IndicatorRow> all;
  all.reserve(plan.indicators.size());
  for (size_t i = 0; i < plan.indicators.size(); ++i)
    all.push_back(evaluate_indicator(ledger, i, request));

  // Which indicators the selection keeps, and where each lands in r.indicators.
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
  std::vector<size_t> position(all.size(), static_cast<size_t>(-1));
  for (size_t i = 0; i < all.size(); ++i) {
    if (!keep[i]) continue;
    position[i] = r.indicators.size();
    r.indicators.push_back(all[i]);
  }
  auto kept_of = [&](const std::vector<size_t>& members) {
    std::vector<size_t> out;
    for (size_t i : members)
      if (keep[i]) out.push_back(position[i]);
    return out;
  };

  // Actions, by number.
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
                  act.lead,         names_of(plan, act.lead),
                  kept_of(members), rollup_of(all, members)};
    if (!row.indicators.empty()) r.actions.push_back(std::move(row));
  }

  // Lead bureaus, ranked over all of them before the selection applies.
  const Date last = request.period.end();
  const int64_t cutoff = end_of_day(request.as_of, h.utc_offset_minutes);
  std::vector<Punctuality> punct(plan.indicators.size());
  for (size_t i = 0; i < plan.indicators.size(); ++i)
    punct[i] = punctuality(ledger, i, last, request.as_of, cutoff);
  std::vector<BureauRow> bureaus;
  std::vector<std::vector<size_t>> members_of;
  for (const Bureau& b : plan.bureaus) {
    std::vector<size_t> members;
    for (size_t i = 0; i < all.size(); ++i) {
      const auto& lead = all[i].lead;
      if (std::find(lead.begin(), lead.end(), b.id) != lead.end()) members.push_back(i);
    }
    if (members.empty()) continue;
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
    bureaus.push_back(std::move(row));
    members_of.push_back(std::move(members));
  }
  std::vector<size_t> rank(bureaus.size());
  for (size_t k = 0; k < rank.size(); ++k) rank[k] = k;
  // Higher rates first; a bureau with nothing due yet ranks after the others.
  auto better = [](const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value()) return a.has_value();
    return a && *a > *b;
  };
  std::sort(rank.begin(), rank.end(), [&](size_t x, size_t y) {
    const BureauRow& a = bureaus[x];
    const BureauRow& b = bureaus[y];
    if (better(a.rollup.on_track_rate, b.rollup.on_track_rate)) return true;
    if (better(b.rollup.on_track_rate, a.rollup.on_track_rate)) return false;
    if (better(a.on_time_rate, b.on_time_rate)) return true;
    if (better(b.on_time_rate, a.on_time_rate)) return false;
    return a.id < b.id;
  });
  for (size_t k = 0; k < rank.size(); ++k) {
    BureauRow& row = bureaus[rank[k]];
    row.rank = static_cast<int>(k + 1);
    row.indicators = kept_of(members_of[rank[k]]);
    if (!row.indicators.empty()) r.bureaus.push_back(std::move(row));
  }

  std::vector<size_t> kept(r.indicators.size());
  for (size_t k = 0; k < kept.size(); ++k) kept[k] = k;
  r.totals = rollup_of(r.indicators, kept);
  r.compared_at = compared_at(plan, request);
  if (request.period.cadence == Cadence::kDekad) r.changes = changes_since(ledger, request);
  return r;
}

OverdueReport compute_overdue(const Ledger& ledger, Date as_of) {
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
    for (const Owed& o : owed_reports(plan, ind, recs, h.end, as_of)) {
      OverdueItem item;
      item.bureau = ind.lead.empty() ? std::string() : ind.lead[0];
      const Bureau* b = plan.find_bureau(item.bureau);
      item.bureau_name = b ? b->name : item.bureau;
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

IndicatorDetail compute_detail(const Ledger& ledger, size_t i, Date as_of) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const Indicator& ind = plan.indicators[i];
  IndicatorDetail d;
  d.definition = ind;
  d.action_name = plan.actions[ind.action].name;
  d.co_names = names_of(plan, ind.co);
  d.schedule = schedule_text(ind.schedule);
  if (ind.schedule.type == Schedule::Type::kStep)
    d.schedule += " " + format_date(ind.schedule.step);
  if (const Profile* p = plan.find_profile(ind.schedule.profile); p && !p->description.empty())
    d.schedule += " · " + p->description;
  d.cadence = plan.cadence_of(ind);
  d.timely_days = h.timely_days;
  d.as_of = as_of;
  for (const Actual* a : ledger.records(i)) {
    DetailRecord r;
    r.actual = *a;
    r.superseded = ledger.is_superseded(*a);
    r.due = due_date(a->period, h.timely_days);
    r.on_time = a->recorded.epoch_seconds < end_of_day(r.due, h.utc_offset_minutes);
    d.records.push_back(std::move(r));
  }
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

}  // namespace tally
