#include "core/check/check.h"

#include <catch2/catch.hpp>

#include "core/base/parallel.h"
#include "plan_fixture.h"

using namespace tally;
using namespace tally::test;

namespace {

// A second action file, for rules about two actions.
const char* const kActionB = R"([action]
id = "b"
number = 2
name = "改革行动"
lead = "gxj"

[[indicator]]
id = "b.loans"
name = "贷款余额"
kind = "level"
unit = "亿元"
target = 120
lead = "gxj"
)";

// An actual for a.output, month June, by gxj, recorded on 1 July.
std::string actual(const std::string& extra = "", const std::string& period = "2024-06",
                   const std::string& value = "1.8",
                   const std::string& recorded = "2024-07-01T10:00:00+08:00",
                   const std::string& indicator = "a.output") {
  return fmt::format(
      "[[actual]]\nindicator = \"{}\"\nperiod = \"{}\"\nvalue = {}\nrecorded = {}\n"
      "by = \"gxj\"\nsource = \"统计局\"\n{}\n",
      indicator, period, value, recorded, extra);
}

LoadResult loaded(const TestPlan& t) {
  LoadResult r = t.load();
  INFO(fmt::format("{}", fmt::join(lines(r), "\n")));
  REQUIRE(r.diags.empty());
  return r;
}

const Date kToday{2024, 7, 1};

Lines actuals_findings(const LoadResult& r, Date today = kToday) {
  Diagnostics diags;
  check_actuals(r.plan, CheckOptions{today, &r.files}, diags);
  return lines(diags, r.files);
}

}  // namespace

TEST_CASE("check_plan: the base plan is clean") {
  LoadResult r = loaded(TestPlan().put("actuals/gxj.toml", actual()));
  Diagnostics diags;
  check_plan(r.plan, CheckOptions{kToday, &r.files}, diags);
  CHECK(lines(diags, r.files).empty());
}

TEST_CASE("check_unique_ids") {
  SECTION("an action id twice") {
    std::string b = kActionB;
    b.replace(b.find("id = \"b\""), 8, "id = \"a\"");
    b.replace(b.find("b.loans"), 7, "a.loans");
    LoadResult r = loaded(TestPlan().put("actions/02-b.toml", b));
    CHECK(run_check(r, check_unique_ids) ==
          Lines{"p/actions/02-b.toml:2:6: duplicate-id: action id 'a' is already used by "
                "actions/01-a.toml"});
  }
  SECTION("an action number twice") {
    std::string b = kActionB;
    b.replace(b.find("number = 2"), 10, "number = 1");
    LoadResult r = loaded(TestPlan().put("actions/02-b.toml", b));
    CHECK(run_check(r, check_unique_ids) ==
          Lines{"p/actions/02-b.toml:3:10: duplicate-number: action number 1 is already used by "
                "actions/01-a.toml"});
  }
  SECTION("an indicator id twice") {
    LoadResult r = loaded(TestPlan().add_indicator(
        "[[indicator]]\nid = \"a.output\"\nname = \"x\"\nkind = \"level\"\nunit = \"户\"\n"
        "target = 1\nlead = \"gxj\"\n"));
    CHECK(run_check(r, check_unique_ids) ==
          Lines{"p/actions/01-a.toml:16:6: duplicate-id: indicator id 'a.output' is already "
                "defined in actions/01-a.toml"});
  }
  SECTION("distinct ids are fine") {
    LoadResult r = loaded(TestPlan().put("actions/02-b.toml", kActionB));
    CHECK(run_check(r, check_unique_ids).empty());
  }
}

TEST_CASE("check_bureau_names") {
  LoadResult r = loaded(TestPlan().put("bureaus.toml", R"([bureau.fgj]
name = "市发改局"
aliases = ["发改局", "发改局"]

[bureau.gxj]
name = "市工信局"
full_name = "发改局"
)"));
  // The same alias twice in one bureau is harmless; in two bureaus it is not.
  CHECK(run_check(r, check_bureau_names) ==
        Lines{"p/bureaus.toml:5:9: duplicate-name: '发改局' names both bureau 'fgj' and bureau "
              "'gxj'; a name or alias must lead to one bureau"});
}

TEST_CASE("check_references") {
  SECTION("unknown bureaus in lead, office and co") {
    std::string a = kActionToml;
    a.replace(a.find("lead = \"fgj\""), 12, "lead = \"fgg\"\noffice = \"市发改局\"");
    a += "co = [\"fgj\", \"nobody\"]\n";
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", a));
    CHECK(run_check(r, check_references) ==
          Lines{"p/actions/01-a.toml:5:8: unknown-bureau: unknown bureau 'fgg' in the action's "
                "lead (did you mean 'fgj'?)",
                "p/actions/01-a.toml:6:10: unknown-bureau: unknown bureau '市发改局' in the "
                "action's office ('市发改局' is bureau 'fgj'; use its id)",
                "p/actions/01-a.toml:15:6: unknown-bureau: unknown bureau 'nobody' in co"});
  }
  SECTION("unknown indicator lead") {
    std::string a = kActionToml;
    a.replace(a.find("lead = \"gxj\""), 12, "lead = [\"gxj\", \"gx\"]");
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", a));
    CHECK(run_check(r, check_references) ==
          Lines{"p/actions/01-a.toml:13:8: unknown-bureau: unknown bureau 'gx' in lead (did you "
                "mean 'gxj'?)"});
  }
  SECTION("also: unknown, own, twice") {
    std::string b = kActionB;
    b.replace(b.find("lead = \"gxj\""), 12,
              "lead = \"gxj\"\nalso = [\"a.outptu\", \"b.loans\", \"a.output\", \"a.output\"]");
    LoadResult r = loaded(TestPlan().put("actions/02-b.toml", b));
    CHECK(run_check(r, check_references) ==
          Lines{"p/actions/02-b.toml:6:8: unknown-indicator: 'also' names unknown indicator "
                "'a.outptu' (did you mean 'a.output'?)",
                "p/actions/02-b.toml:6:8: also-own: 'also' lists 'b.loans', which this action "
                "defines itself; remove it",
                "p/actions/02-b.toml:6:8: also-own: 'also' lists 'a.output' twice"});
  }
}

TEST_CASE("check_indicator_kinds") {
  auto findings = [](const std::string& indicator) {
    LoadResult r = loaded(TestPlan().add_indicator(indicator));
    return run_check(r, check_indicator_kinds);
  };
  SECTION("a milestone takes no target") {
    CHECK(findings("[[indicator]]\nid = \"a.m\"\nname = \"m\"\nkind = \"milestone\"\n"
                   "target = 1\nlead = \"fgj\"\n") ==
          Lines{"p/actions/01-a.toml:19:10: misplaced-key: milestone 'a.m' takes no target; "
                "give 'due' (and 'stages'), or make it a cumulative or level indicator"});
  }
  SECTION("due and stages belong to milestones") {
    CHECK(findings("[[indicator]]\nid = \"a.l\"\nname = \"l\"\nkind = \"level\"\nunit = \"%\"\n"
                   "target = 1\nlead = \"fgj\"\ndue = 2024-12-31\n") ==
          Lines{"p/actions/01-a.toml:22:7: misplaced-key: 'a.l' is level; 'due' and 'stages' "
                "belong to milestones"});
  }
  SECTION("basis belongs to cumulative indicators") {
    CHECK(findings("[[indicator]]\nid = \"a.l\"\nname = \"l\"\nkind = \"level\"\nunit = \"%\"\n"
                   "target = 1\nlead = \"fgj\"\nbasis = \"ytd\"\n") ==
          Lines{"p/actions/01-a.toml:22:9: misplaced-key: 'basis' applies to cumulative "
                "indicators only; 'a.l' is level"});
  }
  SECTION("targets whose sign contradicts the kind or direction") {
    CHECK(findings("[[indicator]]\nid = \"a.c\"\nname = \"c\"\nkind = \"cumulative\"\n"
                   "unit = \"户\"\ntarget = -5\nlead = \"fgj\"\n") ==
          Lines{"p/actions/01-a.toml:20:10: target-sign: target -5 of cumulative indicator 'a.c' "
                "cannot be negative; a reduction is a growth indicator with direction = \"down\""});
    CHECK(findings("[[indicator]]\nid = \"a.g\"\nname = \"g\"\nkind = \"growth\"\nunit = \"%\"\n"
                   "target = 50\ndirection = \"down\"\nlead = \"fgj\"\n") ==
          Lines{"p/actions/01-a.toml:20:10: target-sign: a fall of 50% is written target = -50 "
                "with direction = \"down\""});
    CHECK(findings("[[indicator]]\nid = \"a.z\"\nname = \"z\"\nkind = \"cumulative\"\n"
                   "unit = \"起\"\ntarget = 0\nlead = \"fgj\"\n") ==
          Lines{"p/actions/01-a.toml:20:10: target-sign: target 0 with direction \"up\" is met "
                "by doing nothing; a limit of zero is direction = \"down\""});
  }
  SECTION("what the kinds allow") {
    // A zero ceiling, a growth fall, a growth rise from a negative base.
    CHECK(findings("[[indicator]]\nid = \"a.z\"\nname = \"z\"\nkind = \"cumulative\"\n"
                   "unit = \"起\"\ntarget = 0\ndirection = \"down\"\nlead = \"fgj\"\n\n"
                   "[[indicator]]\nid = \"a.g\"\nname = \"g\"\nkind = \"growth\"\nunit = \"%\"\n"
                   "target = -50\ndirection = \"down\"\nlead = \"fgj\"\n\n"
                   "[[indicator]]\nid = \"a.u\"\nname = \"u\"\nkind = \"growth\"\nunit = \"%\"\n"
                   "target = -2\nlead = \"fgj\"\n")
              .empty());
  }
}

TEST_CASE("check_dates") {
  auto findings = [](const std::string& indicator) {
    LoadResult r = loaded(TestPlan().add_indicator(indicator));
    return run_check(r, check_dates);
  };
  const std::string head =
      "[[indicator]]\nid = \"a.m\"\nname = \"m\"\nkind = \"milestone\"\n"
      "lead = \"fgj\"\n";
  CHECK(findings(head + "due = 2023-12-31\n") ==
        Lines{"p/actions/01-a.toml:20:7: date-outside-plan: due date 2023-12-31 is outside the "
              "plan (2024-01-01 to 2024-12-31)"});
  // After the plan's end: 续建, judged on its stages within the plan; up to
  // 2029 (2024 + 5) it is a date, from 2030 a typo.
  CHECK(findings(head + "due = 2029-12-31\n").empty());
  CHECK(findings(head + "due = 2030-01-01\n") ==
        Lines{"p/actions/01-a.toml:20:7: date-outside-plan: due date 2030-01-01 is 6 years after "
              "the plan ends (2024-12-31); an item continued after the plan (续建) is due at "
              "most 5 years after it: is the year a typo?"});
  CHECK(findings(head + "stages = [{ date = 2023-12-01, stage = \"in-progress\" }]\n") ==
        Lines{"p/actions/01-a.toml:20:11: date-outside-plan: stage date 2023-12-01 is outside the "
              "plan (2024-01-01 to 2024-12-31)"});
  CHECK(findings(head + "stages = [\n  { date = 2024-09-30, stage = \"done\" },\n"
                        "  { date = 2024-06-30, stage = \"in-progress\" },\n]\n") ==
        Lines{"p/actions/01-a.toml:22:3: bad-stages: stages must be in date order and never go "
              "back (not-started, in-progress, done)"});
  CHECK(findings(head + "stages = [\n  { date = 2024-06-30, stage = \"done\" },\n"
                        "  { date = 2024-09-30, stage = \"in-progress\" },\n]\n") ==
        Lines{"p/actions/01-a.toml:22:3: bad-stages: stages must be in date order and never go "
              "back (not-started, in-progress, done)"});
  CHECK(findings(head + "due = 2024-12-31\nstages = [{ date = 2024-06-30, stage = \"in-progress\" "
                        "}, { date = 2024-12-31, stage = \"done\" }]\n")
            .empty());
  CHECK(findings("[[indicator]]\nid = \"a.l\"\nname = \"l\"\nkind = \"level\"\nunit = \"户\"\n"
                 "target = 10\nlead = \"fgj\"\nbaseline = { value = 8, year = 2024 }\n") ==
        Lines{"p/actions/01-a.toml:22:12: bad-baseline: baseline year 2024 must be before the plan "
              "starts (2024)"});
}

TEST_CASE("check_schedules") {
  auto findings = [](const std::string& schedule) {
    LoadResult r = loaded(TestPlan().add_indicator(
        "[[indicator]]\nid = \"a.s\"\nname = \"s\"\nkind = \"cumulative\"\nunit = \"户\"\n"
        "target = 10\nlead = \"fgj\"\nschedule = " +
        schedule + "\n"));
    return run_check(r, check_schedules);
  };
  const std::string at = "p/actions/01-a.toml:22:12: bad-schedule: ";
  CHECK(findings("[0.5, 1.0]") ==
        Lines{at + "schedule has 2 shares; give 4 (one per quarter) or 12 (one per month)"});
  CHECK(findings("[0.3, 0.2, 0.75, 1.0]") ==
        Lines{at + "schedule decreases from 0.3 to 0.2; shares are cumulative"});
  CHECK(findings("[0.15, 0.45, 0.75, 0.9]") ==
        Lines{at + "schedule ends at 0.9; the last share must be 1.0"});
  CHECK(findings("[0.15, 1.5, 0.75, 1.0]") ==
        Lines{at + "schedule share 1.5 is not between 0 and 1"});
  CHECK(findings("[0.15, 0.45, 0.75, 1.0]").empty());
  CHECK(findings("[0, 0, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1]").empty());
  CHECK(findings("\"end\"").empty());
}

TEST_CASE("check_metrics") {
  auto findings = [](const std::string& unit, const std::string& target) {
    std::string a = kActionToml;
    a += "metric = \"output\"\n";
    std::string b = kActionB;
    b += "metric = \"output\"\n";
    const std::string old_unit = "unit = \"亿元\"";
    b.replace(b.find(old_unit), old_unit.size(), "unit = \"" + unit + "\"");
    b.replace(b.find("target = 120"), 12, "target = " + target);
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", a).put("actions/02-b.toml", b));
    return run_check(r, check_metrics);
  };
  CHECK(findings("亿元", "3.6").empty());
  CHECK(findings("亿元", "3.60").empty());
  CHECK(findings("万元", "3.6") ==
        Lines{"p/actions/02-b.toml:14:10: metric-mismatch: metric 'output': unit 万元 here but "
              "亿元 in 'a.output'"});
  CHECK(findings("亿元", "4") ==
        Lines{"p/actions/02-b.toml:14:10: metric-mismatch: metric 'output': target 4 here but "
              "3.6 in 'a.output'"});
}

TEST_CASE("check_actuals") {
  SECTION("unknown indicator, with the closest id") {
    LoadResult r = loaded(TestPlan().put(
        "actuals/gxj.toml", actual("", "2024-06", "1", "2024-07-01T10:00:00+08:00", "a.outptu")));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:1:1: unknown-indicator: unknown indicator 'a.outptu' (did you "
                "mean 'a.output'?)"});
  }
  SECTION("unknown bureau in by") {
    std::string text = actual();
    text.replace(text.find("by = \"gxj\""), 10, "by = \"gxx\"");
    LoadResult r = loaded(TestPlan().put("actuals/gxj.toml", text));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:6:6: unknown-bureau: unknown bureau 'gxx' in by (did you mean "
                "'gxj'?)"});
  }
  SECTION("a record in another bureau's file") {
    LoadResult r = loaded(TestPlan().put("actuals/fgj.toml", actual()));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/fgj.toml:6:6: by-file-mismatch: a record by 'gxj' belongs in "
                "gxj.toml, not in this file"});
    // Without the file names the rule cannot apply.
    Diagnostics diags;
    check_actuals(r.plan, CheckOptions{kToday, nullptr}, diags);
    CHECK(diags.empty());
  }
  SECTION("a period outside the plan") {
    LoadResult r = loaded(TestPlan().put("actuals/gxj.toml", actual("", "2023-12")));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:3:10: period-outside-plan: period 2023-12 is outside the plan "
                "(2024-01-01 to 2024-12-31)"});
  }
  SECTION("values of the wrong type for the kind") {
    LoadResult r =
        loaded(TestPlan()
                   .add_indicator("[[indicator]]\nid = \"a.m\"\nname = \"m\"\n"
                                  "kind = \"milestone\"\nlead = \"fgj\"\n")
                   .put("actuals/gxj.toml",
                        actual("", "2024-06", "\"done\"") + actual("", "2024-05", "-1") +
                            actual("", "2024-06", "3", "2024-07-01T10:00:00+08:00", "a.m")));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:4:9: bad-value: 'a.output' is cumulative; value must be a "
                "number in 亿元",
                "p/actuals/gxj.toml:12:9: bad-value: 'a.output' is cumulative; a negative value -1 "
                "cannot be right",
                "p/actuals/gxj.toml:20:9: bad-value: 'a.m' is a milestone; value must be "
                "\"not-started\", \"in-progress\", \"done\" or a percent such as \"60%\""});
  }
  SECTION("recorded after today, in the plan's zone") {
    // 2024-07-01T23:59:59+08:00 is still today; 2024-07-01T16:00:00Z is 2 July in +08:00.
    LoadResult r = loaded(
        TestPlan().put("actuals/gxj.toml", actual("", "2024-06", "1", "2024-07-01T23:59:59+08:00") +
                                               actual("", "2024-05", "1", "2024-07-01T16:00:00Z")));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:13:12: recorded-future: recorded 2024-07-01T16:00:00+00:00 is "
                "in the future"});
    CHECK(actuals_findings(r, Date{2024, 7, 2}).empty());
  }
  SECTION("a second record for the same period") {
    LoadResult r = loaded(TestPlan().put(
        "actuals/gxj.toml",
        actual() + actual("", "2024-06", "1.9", "2024-07-02T09:00:00+08:00") +
            actual("reason = \"修订\"", "2024-06", "2.0", "2024-07-03T09:00:00+08:00") +
            actual("reason = \"修订\"", "2024-06", "2.1", "2024-07-03T09:00:00+08:00")));
    // The fourth record has the third's second: in one file, the later
    // line is the later record, so only the missing reason is a finding.
    CHECK(actuals_findings(r, Date{2024, 7, 3}) ==
          Lines{"p/actuals/gxj.toml:9:1: duplicate-actual: a second record for 'a.output' "
                "2024-06 needs reason = \"…\" saying why it replaces the one recorded "
                "2024-07-01T10:00:00+08:00"});
  }
  SECTION("the same second in two files has no order") {
    std::string fgj = actual("reason = \"修订\"", "2024-06", "2.0");
    fgj.replace(fgj.find("by = \"gxj\""), 10, "by = \"fgj\"");
    LoadResult r =
        loaded(TestPlan().put("actuals/gxj.toml", actual()).put("actuals/fgj.toml", fgj));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:5:12: duplicate-actual: 'a.output' 2024-06 is recorded at "
                "the same time (2024-07-01T10:00:00+08:00) in two files; which one is in force "
                "is ambiguous"});
  }
  SECTION("the same period written two ways is the same period") {
    LoadResult r = loaded(TestPlan().put(
        "actuals/gxj.toml",
        actual("", "2024-06-D2") + actual("", "2024-06中旬", "1.9", "2024-07-01T11:00:00+08:00")));
    CHECK(actuals_findings(r) ==
          Lines{"p/actuals/gxj.toml:9:1: duplicate-actual: a second record for 'a.output' "
                "2024-06-D2 needs reason = \"…\" saying why it replaces the one recorded "
                "2024-07-01T10:00:00+08:00"});
  }
}

TEST_CASE("check_ytd_series") {
  auto findings = [](const std::string& actuals, const std::string& basis = "") {
    std::string a = kActionToml;
    a += basis;
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", a).put("actuals/gxj.toml", actuals));
    return run_check(r, check_ytd_series);
  };
  const std::string rising = actual("", "2024-04", "1.1", "2024-05-10T10:00:00+08:00") +
                             actual("", "2024-05", "1.5", "2024-06-10T10:00:00+08:00");
  const std::string falling = actual("", "2024-04", "1.1", "2024-05-10T10:00:00+08:00") +
                              actual("", "2024-05", "0.9", "2024-06-10T10:00:00+08:00");
  CHECK(findings(rising).empty());
  CHECK(findings(falling) ==
        Lines{"p/actuals/gxj.toml:12:9: ytd-decrease: running total of 'a.output' falls from 1.1 "
              "(2024-04) to 0.9 (2024-05); a ytd value is the total since the plan start"});
  // A revision that fixes the slip: the record in force counts.
  CHECK(
      findings(falling + actual("reason = \"修订\"", "2024-05", "1.3", "2024-06-11T10:00:00+08:00"))
          .empty());
  // Amounts per period may go down.
  CHECK(findings(falling, "basis = \"period\"\n").empty());
}

// Enough records for check_plan to share the record rules between threads
// (kParallelRecords): 10,200 records of a.output, 1,700 a month from
// January to June, each month's first without a reason and the rest
// revisions with one, recorded a second apart in order. Planted: an unknown
// indicator at the start and in the middle (the first of the second half),
// the record before it from the future, a second record with no
// reason, and a May total in force below April's. Their findings come as
// one thread gives them: the record rules in record order, then the second
// records, then the running totals.
TEST_CASE("check_plan: a plan large enough for threads finds what one thread finds") {
  constexpr size_t kPerMonth = 1700, kRecords = 6 * kPerMonth;
  static_assert(kRecords >= kParallelRecords);
  auto recorded = [](size_t k) {  // month m's records from the first of m + 1
    const size_t m = k / kPerMonth + 1, s = k % kPerMonth;
    return fmt::format("2024-{:02}-01T{:02}:{:02}:{:02}+08:00", m + 1, 10 + s / 3600, s / 60 % 60,
                       s % 60);
  };
  std::string text;
  for (size_t k = 0; k < kRecords; ++k) {
    const size_t m = k / kPerMonth + 1;
    const std::string period = fmt::format("2024-{:02}", m);
    std::string value = fmt::format("{}.{:04}", 10 * m, k % kPerMonth);
    std::string extra = k % kPerMonth == 0 || k == 9000 ? "" : "reason = \"修订\"";
    std::string when = recorded(k);
    std::string indicator = k == 5 || k == kRecords / 2 ? "a.outptu" : "a.output";
    if (k == kRecords / 2 - 1) when = "2024-07-05T09:00:00+08:00";
    if (k == 5 * kPerMonth - 1) value = "1.5";  // May's last: in force, below April's
    text += actual(extra, period, value, when, indicator);
  }
  LoadResult r = TestPlan().put("actuals/gxj.toml", text).load();
  REQUIRE(r.diags.empty());
  REQUIRE(r.plan.actuals.size() == kRecords);
  // Record k's header is on line 8k + 1; its value 3 lines on, recorded 4.
  auto line = [](size_t k, size_t offset = 0) { return 8 * k + 1 + offset; };
  const Lines expected = {
      fmt::format("p/actuals/gxj.toml:{}:1: unknown-indicator: unknown indicator 'a.outptu' "
                  "(did you mean 'a.output'?)",
                  line(5)),
      fmt::format("p/actuals/gxj.toml:{}:12: recorded-future: recorded "
                  "2024-07-05T09:00:00+08:00 is in the future",
                  line(kRecords / 2 - 1, 4)),
      fmt::format("p/actuals/gxj.toml:{}:1: unknown-indicator: unknown indicator 'a.outptu' "
                  "(did you mean 'a.output'?)",
                  line(kRecords / 2)),
      fmt::format("p/actuals/gxj.toml:{}:1: duplicate-actual: a second record for 'a.output' "
                  "2024-06 needs reason = \"…\" saying why it replaces the one recorded {}",
                  line(9000), recorded(8999)),
      fmt::format("p/actuals/gxj.toml:{}:9: ytd-decrease: running total of 'a.output' falls "
                  "from 40.1699 (2024-04) to 1.5 (2024-05); a ytd value is the total since the "
                  "plan start",
                  line(5 * kPerMonth - 1, 3)),
  };
  Diagnostics threads;
  check_plan(r.plan, CheckOptions{kToday, &r.files}, threads);
  CHECK(lines(threads, r.files) == expected);
  Diagnostics one;
  check_actuals(r.plan, CheckOptions{kToday, &r.files}, one);
  check_ytd_series(r.plan, one);
  CHECK(lines(one, r.files) == expected);
}

TEST_CASE("checks stay silent about what could not be read") {
  SECTION("bureaus.toml unreadable: no unknown bureaus") {
    LoadResult r =
        TestPlan().put("bureaus.toml", "[bureau.fgj\n").put("actuals/gxj.toml", actual()).load();
    REQUIRE(r.plan.unread.bureaus);
    Diagnostics diags;
    check_plan(r.plan, CheckOptions{kToday, &r.files}, diags);
    CHECK(lines(diags, r.files).empty());
  }
  SECTION("an action file unreadable: no unknown indicators") {
    std::string b = kActionB;
    b.replace(b.find("lead = \"gxj\""), 12, "lead = \"gxj\"\nalso = [\"c.other\"]");
    LoadResult r = TestPlan()
                       .put("actions/02-b.toml", b)
                       .put("actions/03-c.toml", "[action\n")
                       .put("actuals/gxj.toml",
                            actual("", "2024-06", "1", "2024-07-01T10:00:00+08:00", "c.other"))
                       .load();
    REQUIRE(r.plan.unread.indicators);
    Diagnostics diags;
    check_plan(r.plan, CheckOptions{kToday, &r.files}, diags);
    CHECK(lines(diags, r.files).empty());
  }
  SECTION("the plan's dates unknown or reversed: nothing is outside the plan") {
    for (const char* dates : {"start = 2024-01-01\n", "start = 2024-01-01\nend = 2023-12-31\n"}) {
      LoadResult r =
          TestPlan()
              .put("plan.toml", std::string("[plan]\nid = \"t\"\ntitle = \"t\"\n") + dates)
              .add_indicator(
                  "[[indicator]]\nid = \"a.b\"\nname = \"b\"\nkind = \"level\"\n"
                  "unit = \"户\"\ntarget = 2\nlead = \"fgj\"\n"
                  "baseline = { value = 1, year = 2030 }\n")
              .put("actuals/gxj.toml", actual("", "2031-06"))
              .load();
      REQUIRE(r.plan.unread.dates);
      Diagnostics diags;
      check_plan(r.plan, CheckOptions{Date{2040, 1, 1}, &r.files}, diags);
      CHECK(lines(diags, r.files).empty());
    }
  }
}

TEST_CASE("check: the tables of tasks") {
  // The base action with one task after its indicator; `extra` replaces its
  // due line.
  auto with_task = [](const std::string& id, const std::string& lead,
                      const std::string& extra = "due = 2024-12-31") {
    return std::string(kActionToml) +
           fmt::format(
               "\n[[task]]\nid = \"{}\"\nname = \"招商引资\"\ntext = \"加强产业链招商。\"\n"
               "lead = [\"{}\"]\nco = [\"fgj\"]\nsource = \"附件1 二(一)1\"\n{}\n",
               id, lead, extra);
  };
  SECTION("a task is read with its keys and checks clean") {
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", with_task("a.invest", "gxj")));
    REQUIRE(r.plan.tasks.size() == 1);
    const Task& t = r.plan.tasks[0];
    CHECK(t.id == "a.invest");
    CHECK(t.name == "招商引资");
    CHECK(t.text == "加强产业链招商。");
    CHECK(t.lead == std::vector<std::string>{"gxj"});
    CHECK(t.co == std::vector<std::string>{"fgj"});
    CHECK(t.source == "附件1 二(一)1");
    REQUIRE(t.due);
    CHECK(format_date(*t.due) == "2024-12-31");
    CHECK(r.plan.actions[t.action].id == "a");
    Diagnostics diags;
    check_plan(r.plan, CheckOptions{kToday, &r.files}, diags);
    CHECK(lines(diags, r.files).empty());
  }
  SECTION("a task id that an indicator already has") {
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", with_task("a.output", "gxj")));
    CHECK(run_check(r, check_unique_ids) ==
          Lines{"p/actions/01-a.toml:16:6: duplicate-id: task id 'a.output' is already an "
                "indicator's id in actions/01-a.toml"});
  }
  SECTION("an unknown bureau leads a task") {
    LoadResult r = loaded(TestPlan().put("actions/01-a.toml", with_task("a.invest", "gxjj")));
    CHECK(run_check(r, check_references) ==
          Lines{"p/actions/01-a.toml:19:8: unknown-bureau: unknown bureau 'gxjj' in the "
                "task's lead (did you mean 'gxj'?)"});
  }
  SECTION("a task due outside the plan") {
    LoadResult r = loaded(
        TestPlan().put("actions/01-a.toml", with_task("a.invest", "gxj", "due = 2023-03-31")));
    CHECK(run_check(r, check_dates) ==
          Lines{"p/actions/01-a.toml:22:7: date-outside-plan: due date 2023-03-31 is outside the "
                "plan (2024-01-01 to 2024-12-31)"});
  }
  SECTION("an unknown key in a task is reported with the task's name") {
    TestPlan t;
    t.put("actions/01-a.toml", with_task("a.invest", "gxj", "target = 3"));
    LoadResult r = t.load();
    CHECK(lines(r) == Lines{"p/actions/01-a.toml:22:1: unknown-key: unknown key 'target' in task "
                            "'a.invest'"});
  }
}
