#include "core/compute/schedule.h"

#include <catch2/catch.hpp>

using namespace tally;

namespace {

PlanHeader year_2024() {
  PlanHeader h;
  h.start = Date{2024, 1, 1};
  h.end = Date{2024, 12, 31};
  return h;
}

Indicator with_shares(std::vector<double> shares) {
  Indicator ind;
  ind.schedule.type = Schedule::Type::kShares;
  ind.schedule.shares = std::move(shares);
  return ind;
}

}  // namespace

TEST_CASE("schedule: even counts months in thirds, exactly") {
  const PlanHeader h = year_2024();
  // June ends 6 months = 18 thirds into 36: 18/36 = 50%.
  CHECK(plan_thirds(h, Date{2024, 6, 30}).elapsed == 18);
  CHECK(plan_thirds(h, Date{2024, 6, 30}).total == 36);
  CHECK(even_share(h, Date{2024, 6, 30}) == 0.5);
  // 2024-06-D2 ends on the 20th: 5 months and 2 thirds = 17 thirds = 5⅔/12.
  CHECK(plan_thirds(h, Date{2024, 6, 20}).elapsed == 17);
  CHECK(even_share(h, Date{2024, 6, 20}) == Approx(17.0 / 36.0));
  // Q1 ends 31 March: 3 months = 9 thirds = 25%.
  CHECK(even_share(h, Date{2024, 3, 31}) == 0.25);
  // The first dekad alone: 1/36.
  CHECK(even_share(h, Date{2024, 1, 10}) == Approx(1.0 / 36.0));
  // February's last dekad ends on the 29th in 2024: on the 28th January's
  // three and February's first two are over (5); on the 29th all six.
  CHECK(plan_thirds(h, Date{2024, 2, 28}).elapsed == 5);
  CHECK(plan_thirds(h, Date{2024, 2, 29}).elapsed == 6);
  // A day inside a dekad counts only the dekads already over: 15 June → 16.
  CHECK(plan_thirds(h, Date{2024, 6, 15}).elapsed == 16);
  // Before and after the plan: clamped to 0 and 100%.
  CHECK(even_share(h, Date{2023, 12, 31}) == 0.0);
  CHECK(even_share(h, Date{2024, 12, 31}) == 1.0);
  CHECK(even_share(h, Date{2025, 3, 31}) == 1.0);
}

TEST_CASE("schedule: even is relative to the plan's own start and end") {
  PlanHeader h;
  h.start = Date{2024, 7, 1};
  h.end = Date{2025, 6, 30};
  // December 2024 is 6 of the plan's 12 months: 18/36.
  CHECK(even_share(h, Date{2024, 12, 31}) == 0.5);
  // A half-year plan: March ends 3 of 6 months, 9/18.
  h.start = Date{2024, 1, 1};
  h.end = Date{2024, 6, 30};
  CHECK(plan_thirds(h, Date{2024, 3, 31}).total == 18);
  CHECK(even_share(h, Date{2024, 3, 31}) == 0.5);
}

TEST_CASE("schedule: end is 0 until the plan's end (or a milestone's due), then 1") {
  const PlanHeader h = year_2024();
  Indicator ind;
  ind.schedule.type = Schedule::Type::kEnd;
  CHECK(expected_share(ind, h, Date{2024, 6, 30}) == 0.0);
  CHECK(expected_share(ind, h, Date{2024, 12, 20}) == 0.0);
  CHECK(expected_share(ind, h, Date{2024, 12, 31}) == 1.0);
  ind.due = Date{2024, 6, 30};
  CHECK(expected_share(ind, h, Date{2024, 5, 31}) == 0.0);
  CHECK(expected_share(ind, h, Date{2024, 6, 30}) == 1.0);
}

TEST_CASE("schedule: four quarterly shares, interpolated by month and dekad") {
  const PlanHeader h = year_2024();
  const Indicator ind = with_shares({0.15, 0.45, 0.75, 1.0});
  // At each quarter's end, the share itself.
  CHECK(expected_share(ind, h, Date{2024, 3, 31}) == Approx(0.15));
  CHECK(expected_share(ind, h, Date{2024, 6, 30}) == Approx(0.45));
  CHECK(expected_share(ind, h, Date{2024, 12, 31}) == 1.0);
  // January: a third of the way from 0 to 0.15 = 0.05.
  CHECK(expected_share(ind, h, Date{2024, 1, 31}) == Approx(0.05));
  // April: 0.15 + (0.45 − 0.15) × 1/3 = 0.25; May: 0.15 + 0.30 × 2/3 = 0.35.
  CHECK(expected_share(ind, h, Date{2024, 4, 30}) == Approx(0.25));
  CHECK(expected_share(ind, h, Date{2024, 5, 31}) == Approx(0.35));
  // 2024-06-D1 ends 16 thirds in, 7 of Q2's 9: 0.15 + 0.30 × 7/9 = 0.383333.
  CHECK(expected_share(ind, h, Date{2024, 6, 10}) == Approx(0.15 + 0.30 * 7.0 / 9.0));
}

TEST_CASE("schedule: twelve monthly shares, interpolated by dekad") {
  const PlanHeader h = year_2024();
  const Indicator ind = with_shares({0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0});
  CHECK(expected_share(ind, h, Date{2024, 6, 30}) == Approx(0.5));
  // 2024-06-D2: two thirds of the way from May's 0.4 to June's 0.5 = 0.466667.
  CHECK(expected_share(ind, h, Date{2024, 6, 20}) == Approx(0.4 + 0.1 * 2.0 / 3.0));
  // 2024-01-D1: a third of January's 0.05 = 0.016667.
  CHECK(expected_share(ind, h, Date{2024, 1, 10}) == Approx(0.05 / 3.0));
  // Before the plan: 0.
  CHECK(expected_share(ind, h, Date{2023, 12, 31}) == 0.0);
}
