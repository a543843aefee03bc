// Problem files: ids, reading closes and reopens in the order written, the
// state as of a date, and the text written.
#include "core/read/problems.h"

#include <catch2/catch.hpp>

#include "core/compute/problems.h"
#include "plan_fixture.h"

using namespace tally;
using namespace tally::test;

namespace {

const char* const kProblem = R"([problem]
id = "Q2024-0003"
bureau = "gxj"
opened = 2024-06-12T09:00:00+08:00
due = 2024-06-30
text = "围挡破损"
by = "督查室"

[[close]]
at = 2024-06-20T10:00:00+08:00
by = "督查室"
evidence = "已修复"

[[reopen]]
at = 2024-07-02T10:00:00+08:00
by = "督查室"
reason = "复查未修复"

[[close]]
at = 2024-07-10T10:00:00+08:00
by = "督查室"
evidence = "复查已修复"
)";

}  // namespace

TEST_CASE("problems: ids") {
  int year = 0, seq = 0;
  CHECK(problem_id(2024, 7) == "Q2024-0007");
  CHECK(problem_id(2024, 12345) == "Q2024-12345");
  CHECK(parse_problem_id("Q2024-0007", &year, &seq));
  CHECK((year == 2024 && seq == 7));
  CHECK_FALSE(parse_problem_id("Q2024-7", &year, &seq));
  CHECK_FALSE(parse_problem_id("q2024-0007", &year, &seq));
  CHECK_FALSE(parse_problem_id("Q24-0007", &year, &seq));
}

TEST_CASE("problems: events in the order written; the state on each date") {
  TestPlan p;
  p.put("problems/Q2024-0003.toml", kProblem);
  LoadResult r = p.load();
  REQUIRE(lines(r).empty());
  REQUIRE(r.plan.problems.size() == 1);
  const Problem& q = r.plan.problems[0];
  REQUIRE(q.events.size() == 3);
  CHECK(q.events[1].kind == ProblemEvent::Kind::kReopen);
  // Due 06-30. On 06-25: closed on 06-20, in time (0 days late). On 07-05:
  // reopened on 07-02, open past its due date, 5 days late (06-30 → 07-05).
  // On 07-15: closed again on 07-10, 10 days after its due date.
  auto state = [&](Date d) { return compute_problems(r.plan, d, {}).rows.at(0); };
  CHECK(state(Date{2024, 6, 25}).state == ProblemState::kClosed);
  CHECK(state(Date{2024, 6, 25}).days_late == 0);
  CHECK(state(Date{2024, 7, 5}).state == ProblemState::kOverdue);
  CHECK(state(Date{2024, 7, 5}).days_late == 5);
  CHECK(state(Date{2024, 7, 5}).reopened == 1);
  CHECK(state(Date{2024, 7, 15}).state == ProblemState::kClosed);
  CHECK(state(Date{2024, 7, 15}).days_late == 10);
  CHECK(state(Date{2024, 7, 15}).close->text == "复查已修复");
  // Not opened yet on 06-11.
  CHECK(compute_problems(r.plan, Date{2024, 6, 11}, {}).rows.empty());
  ProblemFilter overdue;
  overdue.overdue = true;
  CHECK(compute_problems(r.plan, Date{2024, 7, 5}, overdue).rows.size() == 1);
  CHECK(compute_problems(r.plan, Date{2024, 7, 15}, overdue).rows.empty());
}

TEST_CASE("problems: the text written reads back the same") {
  TestPlan p;
  p.put("problems/Q2024-0003.toml", kProblem);
  LoadResult r = p.load();
  const Problem& q = r.plan.problems.at(0);
  std::string text = format_problem(q);
  for (const auto& e : q.events) text += format_problem_event(e);
  TestPlan again;
  again.put("problems/Q2024-0003.toml", text);
  LoadResult back = again.load();
  REQUIRE(lines(back).empty());
  const Problem& b = back.plan.problems.at(0);
  CHECK(b.id == q.id);
  CHECK(b.opened.text() == q.opened.text());
  CHECK(b.due == q.due);
  REQUIRE(b.events.size() == 3);
  CHECK(b.events[2].at.text() == "2024-07-10T10:00:00+08:00");
  CHECK(format_problem_event(q.events[0]) ==
        "\n[[close]]\nat = 2024-06-20T10:00:00+08:00\nby = \"督查室\"\nevidence = \"已修复\"\n");
}
