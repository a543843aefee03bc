// Progress reports of tasks (重点任务): what the ledger indexes, what the
// one owed rule asks of a task, and what check says of a bad report.
#include <catch2/catch.hpp>

#include "core/compute/owed.h"
#include "core/compute/proposal.h"
#include "core/ledger/ledger.h"
#include "plan_fixture.h"

using namespace tally;
using namespace tally::test;

namespace {

const char* const kTasks = R"(
[[task]]
id = "a.chain"
name = "产业链"
text = "推进产业链建设。"
lead = ["gxj"]

[[task]]
id = "a.quarterly"
name = "季度任务"
text = "按季推进。"
lead = ["fgj"]
cadence = "quarter"
)";

std::string report(std::string_view task, std::string_view period, std::string_view value,
                   std::string_view recorded, std::string_view note) {
  std::string out = fmt::format(
      "\n[[actual]]\nindicator = \"{}\"\nperiod = \"{}\"\nvalue = \"{}\"\nrecorded = "
      "{}T10:00:00+08:00\nby = \"gxj\"\nsource = \"台账\"\n",
      task, period, value, recorded);
  if (!note.empty()) out += fmt::format("note = \"{}\"\n", note);
  return out;
}

}  // namespace

TEST_CASE("task records: owed by the one rule, none after done") {
  TestPlan p;
  p.add_indicator(kTasks);
  p.put("actuals/gxj.toml", report("a.chain", "2024-02", "in-progress", "2024-03-05", "招标") +
                                report("a.chain", "2024-04", "stalled", "2024-05-06", "用地未批"));
  LoadResult r = p.load();
  REQUIRE(lines(r).empty());
  Ledger ledger(r.plan);
  const size_t chain = ledger.task_index("a.chain");
  REQUIRE(chain == 0);
  CHECK(ledger.indicator_index("a.chain") == Ledger::npos);
  CHECK(ledger.task_records(chain).size() == 2);

  // timely_days is 0: a month is due on its last day. On 2024-07-15 the
  // periods due are January to June. The last report is April's, so May and
  // June are owed as one item: June, 2 missed since May. January and March,
  // before the last report, are settled by it (a state replaces the earlier).
  const int64_t cutoff = end_of_day(Date{2024, 7, 15}, r.plan.header.utc_offset_minutes);
  auto recs = visible_task_in_force(ledger, chain, cutoff);
  auto owed =
      owed_task_reports(r.plan, r.plan.tasks[chain], recs, r.plan.header.end, Date{2024, 7, 15});
  REQUIRE(owed.size() == 1);
  CHECK(owed[0].period.str() == "2024-06");
  CHECK(owed[0].first.str() == "2024-05");
  CHECK(owed[0].missed == 2);

  // The quarterly task has no report: on 2024-07-15 Q1 and Q2 are due
  // (each on its last day), one item: Q2, 2 missed since Q1.
  const size_t q = ledger.task_index("a.quarterly");
  auto qrecs = visible_task_in_force(ledger, q, cutoff);
  auto qowed =
      owed_task_reports(r.plan, r.plan.tasks[q], qrecs, r.plan.header.end, Date{2024, 7, 15});
  REQUIRE(qowed.size() == 1);
  CHECK(qowed[0].period.str() == "2024-Q2");
  CHECK(qowed[0].missed == 2);

  // Reported done for May: nothing is owed after May, even at the year's end.
  p.put("actuals/gxj.toml", report("a.chain", "2024-05", "done", "2024-06-03", "建成"));
  LoadResult done = p.load();
  REQUIRE(lines(done).empty());
  Ledger after(done.plan);
  auto finished = visible_task_in_force(after, 0, end_of_day(Date{2024, 12, 31}, 0));
  REQUIRE(task_finished_at(finished) == Date{2024, 5, 31});
  CHECK(owed_task_reports(done.plan, done.plan.tasks[0], finished, done.plan.header.end,
                          Date{2024, 12, 31})
            .empty());
}

TEST_CASE("task records: check refuses a milestone's stage, stalled milestones and no note") {
  TestPlan p;
  p.add_indicator(std::string(kTasks) +
                  "\n[[indicator]]\nid = \"a.hall\"\nname = \"建成展馆\"\nkind = "
                  "\"milestone\"\nlead = \"gxj\"\n");
  p.put("actuals/gxj.toml", report("a.chain", "2024-02", "not-started", "2024-03-05", "未动") +
                                report("a.chain", "2024-03", "stalled", "2024-04-05", "") +
                                report("a.hall", "2024-03", "stalled", "2024-04-05", "") +
                                report("a.chian", "2024-03", "done", "2024-04-05", "x"));
  LoadResult r = p.load();
  REQUIRE(lines(r).empty());
  auto found = run_check(r, [](const Plan& plan, Diagnostics& diags) {
    check_actuals(plan, CheckOptions{Date{2024, 7, 15}, nullptr}, diags);
  });
  CHECK(found ==
        Lines{"p/actuals/gxj.toml:5:9: bad-value: 'a.chain' is a task; value must be "
              "\"in-progress\", \"done\" or \"stalled\", not \"not-started\"",
              "p/actuals/gxj.toml:11:1: missing-note: the progress report of task 'a.chain' "
              "2024-03 needs note = \"…\" saying what was done (进展情况)",
              "p/actuals/gxj.toml:22:9: bad-value: 'a.hall' is a milestone; value must be "
              "\"not-started\", \"in-progress\", \"done\" or a percent such as \"60%\"",
              "p/actuals/gxj.toml:27:1: unknown-indicator: unknown indicator 'a.chian' (did you "
              "mean 'a.chain'?)"});
}

TEST_CASE("task records: parse_task_state_for takes the words of a report") {
  TestPlan p;
  p.add_indicator(kTasks);
  LoadResult r = p.load();
  const Task& t = r.plan.tasks[0];
  std::string err;
  CHECK(parse_task_state_for(t, "推进中", &err)->stage == Stage::kInProgress);
  CHECK(parse_task_state_for(t, "已完成", &err)->stage == Stage::kDone);
  CHECK(parse_task_state_for(t, "滞后", &err)->stage == Stage::kStalled);
  CHECK(parse_task_state_for(t, "stalled", &err)->stage == Stage::kStalled);
  CHECK_FALSE(parse_task_state_for(t, "60%", &err));
  CHECK(err ==
        "'60%' is not a state of task 'a.chain'; give in-progress, done or stalled (推进中, "
        "已完成, 滞后)");
}
