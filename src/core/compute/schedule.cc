#include "core/compute/schedule.h"

#include <cmath>

namespace tally {

namespace {

// Thirds of a month since year 0 completed by the end of day `d`: the dekad
// containing `d` counts only when `d` is its last day.
int64_t thirds_done(Date d) {
  const int dekad = d.day <= 10 ? 0 : d.day <= 20 ? 1 : 2;
  const int last_day = dekad == 0 ? 10 : dekad == 1 ? 20 : days_in_month(d.year, d.month);
  const int64_t before = (static_cast<int64_t>(d.year) * 12 + d.month - 1) * 3 + dekad;
  return before + (d.day == last_day ? 1 : 0);
}

// Thirds since year 0 before the dekad that contains `d` begins.
int64_t thirds_before(Date d) {
  const int dekad = d.day <= 10 ? 0 : d.day <= 20 ? 1 : 2;
  return (static_cast<int64_t>(d.year) * 12 + d.month - 1) * 3 + dekad;
}

}  // namespace

double PlanThirds::share() const {
  return total > 0 ? static_cast<double>(elapsed) / static_cast<double>(total) : 0.0;
}

PlanThirds plan_thirds(const PlanHeader& plan, Date d) {
  const int64_t first = thirds_before(plan.start);
  const int64_t total = thirds_done(plan.end) - first;
  int64_t elapsed = thirds_done(d) - first;
  if (elapsed < 0) elapsed = 0;
  if (elapsed > total) elapsed = total;
  return PlanThirds{static_cast<int>(elapsed), static_cast<int>(total > 0 ? total : 0)};
}

double even_share(const PlanHeader& plan, Date d) {
  return plan_thirds(plan, d).share();
}

double expected_share(const Indicator& ind, const PlanHeader& plan, Date d) {
  switch (ind.schedule.type) {
    case Schedule::Type::kEven:
      return even_share(plan, d);
    case Schedule::Type::kEnd:
      return d >= ind.due.value_or(plan.end) ? 1.0 : 0.0;
    case Schedule::Type::kStep:
      return d >= ind.schedule.step ? 1.0 : 0.0;
    case Schedule::Type::kShares:
      break;
  }
  const auto& shares = ind.schedule.shares;
  const PlanThirds t = plan_thirds(plan, d);
  if (shares.empty() || t.total == 0) return even_share(plan, d);
  if (t.elapsed >= t.total) return shares.back();
  // Point k (1..n) of the array sits at total·k/n thirds; work in units of
  // 1/(total) array steps so every position stays an integer.
  const int64_t n = static_cast<int64_t>(shares.size());
  const int64_t pos = static_cast<int64_t>(t.elapsed) * n;  // in 1/total steps
  const int64_t k = pos / t.total;                          // whole steps done
  const int64_t rem = pos % t.total;
  const double from = k == 0 ? 0.0 : shares[static_cast<size_t>(k - 1)];
  if (rem == 0) return from;
  const double to = shares[static_cast<size_t>(k)];
  return from + (to - from) * static_cast<double>(rem) / static_cast<double>(t.total);
}

bool has_baseline(const Indicator& ind) {
  return ind.kind == Kind::kLevel && ind.baseline && ind.target &&
         !(ind.baseline->value == *ind.target);
}

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

}  // namespace tally
