// The ledger's in-force rule (SPEC 2.4), on records written out by hand:
// for one indicator and one period the latest `recorded` moment is in
// force and earlier ones are superseded; at equal moments the later in file
// order (file, then line) wins; periods are ordered by end date, coarser
// first. Each expectation below is worked out in the comments beside it.

#include "core/ledger/ledger.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/base/parallel.h"

using namespace tally;

namespace {

Period month(int m) {
  return Period{Cadence::kMonth, 2024, m};
}

// One record as the loader would leave it: the fields the ledger reads.
Actual record(Text indicator, Period period, const char* recorded, uint32_t file, uint32_t line) {
  Actual a;
  a.indicator = indicator;
  a.period = period;
  int offset = 0;
  auto moment = parse_rfc3339(recorded, &offset);
  REQUIRE(moment);
  a.recorded = make_timestamp(*moment, offset);
  a.by = "gxj";
  a.loc = Location{file, line, 1};
  return a;
}

Indicator indicator(std::string id, size_t action) {
  Indicator i;
  i.id = std::move(id);
  i.action = action;
  return i;
}

// Two actions: a reports a.x and a.y; b reports b.z and, through `also`,
// a.x (and names an indicator that does not exist).
Plan two_actions() {
  Plan p;
  Action a;
  a.id = "a";
  Action b;
  b.id = "b";
  b.also = {"a.x", "a.gone"};
  p.actions = {a, b};
  p.indicators = {indicator("a.x", 0), indicator("a.y", 0), indicator("b.z", 1)};
  return p;
}

// The positions in plan.actuals of the records a span points at.
std::vector<size_t> positions(const Plan& plan, std::span<const Actual* const> records) {
  std::vector<size_t> out;
  for (const Actual* a : records) out.push_back(static_cast<size_t>(a - plan.actuals.data()));
  return out;
}

}  // namespace

TEST_CASE("ledger: the latest recorded is in force, whatever the file order") {
  Plan plan = two_actions();
  plan.actuals = {
      record("a.x", month(6), "2024-07-10T10:00:00+08:00", 1, 3),   // 0: first report
      record("a.x", month(6), "2024-07-20T09:00:00+08:00", 1, 12),  // 1: the last correction
      record("a.x", month(6), "2024-07-15T10:00:00+08:00", 2, 3),   // 2: a correction between
  };
  Ledger ledger(plan);
  const size_t x = ledger.indicator_index("a.x");
  REQUIRE(x == 0);
  // By recorded time: 0 (10 July), 2 (15 July), 1 (20 July). Record 2 is
  // last in the plan's order and in a later file, but 1 was recorded last.
  CHECK(positions(plan, ledger.records(x)) == std::vector<size_t>{0, 2, 1});
  CHECK(positions(plan, ledger.in_force(x)) == std::vector<size_t>{1});
  CHECK(ledger.in_force(x, month(6)) == &plan.actuals[1]);
  CHECK(ledger.is_superseded(plan.actuals[0]));
  CHECK(ledger.is_superseded(plan.actuals[2]));
  CHECK_FALSE(ledger.is_superseded(plan.actuals[1]));
}

TEST_CASE("ledger: moments are compared, not the text of the time stamp") {
  Plan plan = two_actions();
  plan.actuals = {
      // 09:00 in +08:00 is 01:00 UTC; 02:00Z is 10:00 in +08:00, an hour
      // later, though its text sorts first.
      record("a.x", month(7), "2024-08-05T09:00:00+08:00", 1, 3),  // 0
      record("a.x", month(7), "2024-08-05T02:00:00Z", 1, 12),      // 1: in force
  };
  Ledger ledger(plan);
  CHECK(ledger.in_force(0, month(7)) == &plan.actuals[1]);
  CHECK(ledger.is_superseded(plan.actuals[0]));
}

TEST_CASE("ledger: at the same moment the later in file order wins") {
  Plan plan = two_actions();
  plan.actuals = {
      // Same moment, same file: line 20 comes after line 5, so record 0
      // (line 20) is in force although record 1 comes later in the plan.
      record("a.x", month(5), "2024-06-10T09:00:00+08:00", 2, 20),  // 0: in force
      record("a.x", month(5), "2024-06-10T09:00:00+08:00", 2, 5),   // 1
      // Same moment, different files: file 3 comes after file 2, whatever
      // the lines.
      record("a.y", month(6), "2024-07-10T09:00:00+08:00", 3, 1),   // 2: in force
      record("a.y", month(6), "2024-07-10T09:00:00+08:00", 2, 99),  // 3
  };
  Ledger ledger(plan);
  CHECK(positions(plan, ledger.records(0)) == std::vector<size_t>{1, 0});
  CHECK(ledger.in_force(0, month(5)) == &plan.actuals[0]);
  CHECK(positions(plan, ledger.records(1)) == std::vector<size_t>{3, 2});
  CHECK(ledger.in_force(1, month(6)) == &plan.actuals[2]);
  CHECK(ledger.is_superseded(plan.actuals[1]));
  CHECK(ledger.is_superseded(plan.actuals[3]));
  CHECK_FALSE(ledger.is_superseded(plan.actuals[0]));
  CHECK_FALSE(ledger.is_superseded(plan.actuals[2]));
}

TEST_CASE("ledger: periods in order of their end, coarser first; none supersedes another") {
  Plan plan = two_actions();
  const Period h1{Cadence::kHalf, 2024, 1};
  const Period q2{Cadence::kQuarter, 2024, 2};
  const Period june_d3{Cadence::kDekad, 2024, 18};  // 6 * 3 - 2 + 2
  const Period year{Cadence::kYear, 2024, 1};
  plan.actuals = {
      record("a.x", year, "2024-07-05T09:00:00+08:00", 1, 3),       // 0: ends 31 Dec
      record("a.x", month(7), "2024-08-05T09:00:00+08:00", 1, 12),  // 1: ends 31 July
      record("a.x", june_d3, "2024-07-05T09:00:00+08:00", 1, 21),   // 2: ends 30 June
      record("a.x", month(6), "2024-07-05T09:00:00+08:00", 1, 30),  // 3: ends 30 June
      record("a.x", q2, "2024-07-05T09:00:00+08:00", 1, 39),        // 4: ends 30 June
      record("a.x", h1, "2024-07-05T09:00:00+08:00", 1, 48),        // 5: ends 30 June
      record("a.x", month(5), "2024-06-05T09:00:00+08:00", 1, 57),  // 6: ends 31 May
      // The June figure corrected: the correction replaces June alone.
      record("a.x", month(6), "2024-07-09T09:00:00+08:00", 1, 66),  // 7
  };
  Ledger ledger(plan);
  // 31 May: May. 30 June: H1, then Q2, then June (3, then its correction
  // 7), then the third dekad of June. 31 July: July. 31 December: 2024.
  CHECK(positions(plan, ledger.records(0)) == std::vector<size_t>{6, 5, 4, 3, 7, 2, 1, 0});
  CHECK(positions(plan, ledger.in_force(0)) == std::vector<size_t>{6, 5, 4, 7, 2, 1, 0});
  CHECK(ledger.in_force(0, h1) == &plan.actuals[5]);
  CHECK(ledger.in_force(0, q2) == &plan.actuals[4]);
  CHECK(ledger.in_force(0, month(6)) == &plan.actuals[7]);
  CHECK(ledger.in_force(0, june_d3) == &plan.actuals[2]);
  CHECK(ledger.in_force(0, year) == &plan.actuals[0]);
  for (size_t i : {0, 1, 2, 4, 5, 6, 7}) {
    INFO(i);
    CHECK_FALSE(ledger.is_superseded(plan.actuals[i]));
  }
  CHECK(ledger.is_superseded(plan.actuals[3]));
}

TEST_CASE("ledger: exactly the period asked for, or nothing") {
  Plan plan = two_actions();
  plan.actuals = {
      record("a.x", month(7), "2024-08-05T09:00:00+08:00", 1, 3),   // 0
      record("a.x", month(9), "2024-10-05T09:00:00+08:00", 1, 12),  // 1
  };
  Ledger ledger(plan);
  // Q3 holds July and September, but has no record of its own.
  CHECK(ledger.in_force(0, Period{Cadence::kQuarter, 2024, 3}) == nullptr);
  CHECK(ledger.in_force(0, month(8)) == nullptr);
  CHECK(ledger.in_force(0, Period{Cadence::kMonth, 2023, 7}) == nullptr);
  CHECK(ledger.in_force(0, month(9)) == &plan.actuals[1]);
  // An indicator without records.
  CHECK(ledger.records(2).empty());
  CHECK(ledger.in_force(2).empty());
  CHECK(ledger.in_force(2, month(7)) == nullptr);
}

TEST_CASE("ledger: records of unknown indicators, and records not of the plan") {
  Plan plan = two_actions();
  plan.actuals = {
      record("a.gone", month(6), "2024-07-05T09:00:00+08:00", 1, 3),  // 0: no such indicator
      record("a.x", month(6), "2024-07-05T09:00:00+08:00", 1, 12),    // 1: superseded by 2
      record("a.x", month(6), "2024-07-06T09:00:00+08:00", 1, 21),    // 2
  };
  Ledger ledger(plan);
  CHECK(ledger.indicator_index("a.gone") == Ledger::npos);
  CHECK(ledger.indicator_index("b.z") == 2);
  CHECK(positions(plan, ledger.records(0)) == std::vector<size_t>{1, 2});
  CHECK_FALSE(ledger.is_superseded(plan.actuals[0]));
  CHECK(ledger.is_superseded(plan.actuals[1]));
  // A copy of a record is not one of the plan's records: never superseded.
  const Actual copy = plan.actuals[1];
  CHECK_FALSE(ledger.is_superseded(copy));
}

TEST_CASE("ledger: the indicators of an action, its own and then those of also") {
  Plan plan = two_actions();
  Ledger ledger(plan);
  CHECK(ledger.action_indicators(0) == std::vector<size_t>{0, 1});
  // b.z, then a.x through also; a.gone does not exist and is left out.
  CHECK(ledger.action_indicators(1) == std::vector<size_t>{2, 0});
}

// Enough records for the ledger to index them on every core
// (kParallelRecords): 3 indicators × 12 months × 400 records each, every
// month of every indicator written 400 times, one a minute, the records of
// the three interleaved and in reverse order of time. The last minute of
// each month is in force: 36 records, 14,364 superseded.
TEST_CASE("Ledger: a plan large enough to index on every core reads as a small one") {
  Plan plan = two_actions();
  const std::vector<Text> ids = {"a.x", "a.y", "b.z"};
  constexpr int kWrites = 400;
  plan.actuals.reserve(3 * 12 * kWrites);
  uint32_t line = 1;
  for (int w = kWrites - 1; w >= 0; --w) {
    for (int m = 1; m <= 12; ++m) {
      for (const Text& id : ids) {
        const std::string at = fmt::format("2024-{:02}-01T{:02}:{:02}:00+08:00", m, w / 60, w % 60);
        plan.actuals.push_back(record(id, month(m), at.c_str(), 0, line++));
      }
    }
  }
  REQUIRE(plan.actuals.size() >= kParallelRecords);
  const Ledger ledger(plan);
  size_t superseded = 0;
  for (const Actual& a : plan.actuals) superseded += ledger.is_superseded(a);
  CHECK(superseded == 3 * 12 * (kWrites - 1));  // 14,364
  for (size_t i = 0; i < ids.size(); ++i) {
    const auto records = ledger.records(i);
    REQUIRE(records.size() == 12 * kWrites);
    const auto in_force = ledger.in_force(i);
    REQUIRE(in_force.size() == 12);
    for (int m = 1; m <= 12; ++m) {
      const Actual& a = *in_force[static_cast<size_t>(m - 1)];
      CHECK(a.indicator == ids[i]);
      CHECK(a.period.index == m);
      // Written first (w = 399), at 06:39, the latest minute.
      CHECK(a.recorded.text() == fmt::format("2024-{:02}-01T06:39:00+08:00", m));
    }
    // Every record in order: by month, then by time.
    for (size_t k = 1; k < records.size(); ++k) {
      const Actual& p = *records[k - 1];
      const Actual& c = *records[k];
      CHECK((p.period.index < c.period.index ||
             (p.period.index == c.period.index && p.recorded < c.recorded)));
    }
  }
}
