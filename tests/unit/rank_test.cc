// The 季讲评 ranking: each rate counted from a tiny plan, the score with
// its weights renormalised over what a bureau has to judge, and the rank.
#include "core/compute/rank.h"

#include <catch2/catch.hpp>

#include "core/ledger/ledger.h"
#include "plan_fixture.h"

using namespace tally;
using namespace tally::test;

namespace {

// One running total led by gxj (3.6亿元 for the year, an even path), one
// task led by fgj, monthly reports due on the last day of the month
// (timely_days = 0), times at +08:00.
const char* const kTask = R"(
[[task]]
id = "a.chain"
name = "产业链"
text = "推进产业链建设。"
lead = ["fgj"]
)";

std::string record(std::string_view id, std::string_view period, std::string_view value,
                   std::string_view recorded, std::string_view by) {
  return fmt::format(
      "\n[[actual]]\nindicator = \"{}\"\nperiod = \"{}\"\nvalue = {}\nrecorded = "
      "{}T10:00:00+08:00\nby = \"{}\"\nsource = \"台账\"\nnote = \"进展\"\n",
      id, period, value, recorded, by);
}

// Handed to gxj on 06-01, due 06-20; kClosed closes it on 06-18.
const char* const kOpenProblem = R"([problem]
id = "Q2024-0001"
bureau = "gxj"
opened = 2024-06-01T09:00:00+08:00
due = 2024-06-20
text = "围挡破损"
by = "督查室"
)";

const char* const kClosed = R"(
[[close]]
at = 2024-06-18T10:00:00+08:00
by = "督查室"
evidence = "已修复"
)";

const RankRow& row(const Ranking& r, std::string_view id) {
  for (const RankRow& x : r.rows)
    if (x.id == id) return x;
  FAIL("no row " << id);
  return r.rows.front();
}

Ranking ranked(const std::string& plan_extra, RankBy by = RankBy::kBureau,
               const std::string& problem_extra = "") {
  TestPlan p;
  p.put("plan.toml", std::string(kPlanToml) + "utc_offset = \"+08:00\"\n" + plan_extra);
  p.add_indicator(kTask);
  p.put("actuals/gxj.toml", record("a.output", "2024-04", "1.2", "2024-04-30", "gxj") +
                                // May's figure is due on 05-31 and comes on 06-02: late.
                                record("a.output", "2024-05", "1.5", "2024-06-02", "gxj") +
                                record("a.output", "2024-06", "1.8", "2024-06-30", "gxj"));
  p.put("actuals/fgj.toml",
        record("a.chain", "2024-04", "\"stalled\"", "2024-04-30", "fgj") +
            record("a.chain", "2024-06", "\"in-progress\"", "2024-06-30", "fgj"));
  p.put("problems/Q2024-0001.toml", std::string(kOpenProblem) + problem_extra + kClosed);
  LoadResult r = p.load();
  for (const auto& l : lines(r)) INFO(l);
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  return compute_ranking(ledger, Period{Cadence::kQuarter, 2024, 2}, Date{2024, 12, 31}, by);
}

}  // namespace

TEST_CASE("rank: each rate, the renormalised score and the rank") {
  const Ranking r = ranked("");
  // Judged as of Q2's due date: its end + timely_days 0.
  CHECK(r.as_of == Date{2024, 6, 30});
  REQUIRE(r.rows.size() == 2);
  const RankRow& gxj = row(r, "gxj");
  // June: 1.8 of 3.6 against 6/12 of the year: on track → 1 of 1.
  CHECK(gxj.rates[0].met == 1);
  CHECK(gxj.rates[0].of == 1);
  // April and June on time, May late: 2 of 3.
  CHECK(gxj.rates[1].met == 2);
  CHECK(gxj.rates[1].of == 3);
  CHECK(gxj.rates[2].of == 0);   // leads no task: left out
  CHECK(gxj.rates[3].met == 1);  // due 06-20, closed 06-18
  CHECK(gxj.rates[3].of == 1);
  // (40 × 1 + 20 × 2/3 + 20 × 1) ÷ 80 × 100 = 73.333 ÷ 0.8 = 91.67
  REQUIRE(gxj.score);
  CHECK(*gxj.score == Approx(91.6667).epsilon(1e-6));
  CHECK(score_tenths(*gxj.score) == 917);
  CHECK(gxj.rank == 1);

  const RankRow& fgj = row(r, "fgj");
  CHECK(fgj.rates[0].of == 0);  // leads no indicator
  // April stalled, May not reported, June in progress: 2 of 3 on time;
  // the latest report says in progress: 1 of 1.
  CHECK(fgj.rates[1].met == 2);
  CHECK(fgj.rates[1].of == 3);
  CHECK(fgj.rates[2].met == 1);
  CHECK(fgj.rates[2].of == 1);
  // (20 × 2/3 + 20 × 1) ÷ 40 × 100 = 33.333 ÷ 0.4 = 83.33
  REQUIRE(fgj.score);
  CHECK(*fgj.score == Approx(83.3333).epsilon(1e-6));
  CHECK(fgj.rank == 2);
}

TEST_CASE("rank: the weights of [evaluation]; equal shown scores share a rank") {
  // Only reporting counts: both bureaus score 2/3 = 66.7 and share rank 1,
  // listed in the order of bureaus.toml (fgj, then gxj).
  const Ranking r = ranked("[evaluation]\nprogress = 0\nreporting = 1\ntasks = 0\nproblems = 0\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].id == "fgj");
  CHECK(r.rows[1].id == "gxj");
  CHECK(score_tenths(*r.rows[0].score) == 667);
  CHECK(r.rows[0].rank == 1);
  CHECK(r.rows[1].rank == 1);
}

TEST_CASE("rank: scores shown to one decimal, rounded half up") {
  CHECK(score_tenths(72.25) == 723);
  CHECK(score_tenths(72.24) == 722);
  CHECK(score_tenths(100) == 1000);
  CHECK(score_tenths(0) == 0);
}

TEST_CASE("rank: mid-period, what is not yet due is not counted") {
  // Ranked on 2024-06-10: May's figure (due 05-31) is the latest due; June's
  // reports are not due yet; the problem due 06-20 is not yet late and not
  // counted, though open.
  TestPlan p;
  p.put("plan.toml", std::string(kPlanToml) + "utc_offset = \"+08:00\"\n");
  p.put("actuals/gxj.toml", record("a.output", "2024-04", "1.2", "2024-04-30", "gxj") +
                                record("a.output", "2024-05", "1.5", "2024-05-31", "gxj"));
  p.put("problems/Q2024-0001.toml", kOpenProblem);
  LoadResult r = p.load();
  for (const auto& l : lines(r)) INFO(l);
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  const Ranking k = compute_ranking(ledger, Period{Cadence::kQuarter, 2024, 2}, Date{2024, 6, 10},
                                    RankBy::kBureau);
  CHECK(k.as_of == Date{2024, 6, 10});
  const RankRow& gxj = row(k, "gxj");
  // May: 1.5 of 3.6 against 5/12 × 3.6 = 1.5: on track.
  CHECK(gxj.rates[0].met == 1);
  CHECK(gxj.rates[0].of == 1);
  CHECK(gxj.rates[1].met == 2);  // April and May, both on time
  CHECK(gxj.rates[1].of == 2);
  CHECK(gxj.rates[3].of == 0);
  CHECK(gxj.overdue_problems == 0);
  // (40 × 1 + 20 × 1) ÷ 60 × 100 = 100
  CHECK(score_tenths(*gxj.score) == 1000);
}

TEST_CASE("rank --by action: its indicators, its tasks and the problems that concern them") {
  // A problem that concerns no indicator or task belongs to no action.
  const Ranking none = ranked("", RankBy::kAction);
  REQUIRE(none.rows.size() == 1);
  CHECK(none.rows[0].id == "a");
  CHECK(none.rows[0].rates[3].of == 0);
  // Concerning a.output, it is action a's: closed in time, 1 of 1.
  const Ranking r = ranked("", RankBy::kAction, "indicator = \"a.output\"\n");
  REQUIRE(r.rows.size() == 1);
  const RankRow& a = r.rows[0];
  CHECK(a.name == "产业行动");
  CHECK(a.number == 1);
  CHECK((a.rates[0].met == 1 && a.rates[0].of == 1));  // a.output on track
  CHECK((a.rates[1].met == 4 && a.rates[1].of == 6));  // 2 of 3 and 2 of 3
  CHECK((a.rates[2].met == 1 && a.rates[2].of == 1));  // a.chain in progress
  CHECK((a.rates[3].met == 1 && a.rates[3].of == 1));
  // (40 × 1 + 20 × 4/6 + 20 × 1 + 20 × 1) ÷ 100 × 100 = 93.3
  CHECK(score_tenths(*a.score) == 933);
  CHECK(a.rank == 1);
}
