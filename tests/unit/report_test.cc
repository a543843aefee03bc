#include "core/compute/report.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "core/check/check.h"
#include "core/read/load.h"
#include "core/render/figures.h"
#include "core/render/report_tables.h"
#include "core/render/words.h"

using namespace tally;

namespace {

// A 2024 plan reported monthly, due 10 days after each period, behind at 90%.
const char* kPlanToml = R"(
[plan]
id = "t-2024"
title = "测试方案"
document = "测〔2024〕1号"
start = 2024-01-01
end = 2024-12-31
utc_offset = "+08:00"

[reporting]
cadence = "month"
timely_days = 10

[thresholds]
behind = 0.90
)";

const char* kBureausToml = R"(
[bureau.aa]
name = "甲局"
[bureau.bb]
name = "乙局"
[bureau.cc]
name = "丙局"
)";

// One plan in memory: one action holding `indicators`, and `actuals` as the
// file of bureau aa.
struct Fixture {
  LoadResult loaded;
  std::unique_ptr<Ledger> ledger;

  Fixture(const std::string& indicators, const std::string& actuals,
          const std::string& second_action = "", const std::string& plan_extra = "") {
    MemoryFileSystem fs;
    fs.put("p/plan.toml", kPlanToml + plan_extra);
    fs.put("p/bureaus.toml", kBureausToml);
    fs.put("p/actions/01-a.toml",
           "[action]\nid = \"a\"\nnumber = 1\nname = \"甲行动\"\n"
           "lead = [\"aa\"]\noffice = \"aa\"\n" +
               indicators);
    if (!second_action.empty()) fs.put("p/actions/02-b.toml", second_action);
    if (!actuals.empty()) fs.put("p/actuals/aa.toml", actuals);
    loaded = load_plan(fs, LoadOptions{"p", "", false});
    check_plan(loaded.plan, CheckOptions{Date{2025, 12, 31}, nullptr}, loaded.diags);
    for (const auto& d : loaded.diags.items()) {
      if (d.severity == Severity::kError) FAIL(format_diagnostic(d, loaded.files, false));
    }
    ledger = std::make_unique<Ledger>(loaded.plan);
  }

  IndicatorRow row(std::string_view id, std::string_view period, Date as_of) const {
    std::string error;
    auto p = parse_period(period, &error);
    REQUIRE(p);
    size_t i = ledger->indicator_index(id);
    REQUIRE(i != Ledger::npos);
    return evaluate_indicator(*ledger, i, ReportRequest{*p, as_of});
  }
};

// One indicator of bureau aa.
std::string indicator(std::string_view id, std::string_view body) {
  return fmt::format("\n[[indicator]]\nid = \"a.{}\"\nname = \"{}\"\nlead = \"aa\"\n{}\n", id, id,
                     body);
}

// One actual of bureau aa; `value` is written as given (a number or a quoted stage).
std::string actual(std::string_view id, std::string_view period, std::string_view value,
                   std::string_view recorded, std::string_view reason = "") {
  std::string out = fmt::format(
      "\n[[actual]]\nindicator = \"a.{}\"\nperiod = \"{}\"\nvalue = {}\nrecorded = {}\n"
      "by = \"aa\"\nsource = \"测试\"\n",
      id, period, value, recorded);
  if (!reason.empty()) out += fmt::format("reason = \"{}\"\n", reason);
  return out;
}

constexpr Date kJul15{2024, 7, 15};  // June's actuals were due on 10 July

const char* kOutput = "kind = \"cumulative\"\nunit = \"亿元\"\ntarget = 3.6\n";

}  // namespace

TEST_CASE("report: cumulative running total against the even schedule") {
  // Target 3.6 亿元; June is 18/36 = 50% of the year, so 1.8 is expected.
  auto at_june = [](std::string_view value) {
    Fixture f(indicator("out", kOutput),
              actual("out", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.out", "2024-06", kJul15);
  };
  IndicatorRow r = at_june("1.8");
  CHECK(r.actual->str() == "1.8");
  CHECK(r.actual_period->str() == "2024-06");
  CHECK(*r.expected == 0.5);                  // 18/36
  CHECK(*r.expected_value == Approx(1.8));    // 3.6 × 0.5
  CHECK(*r.completion == Approx(0.5));        // 1.8 / 3.6
  CHECK(*r.gap == Approx(0.0).margin(1e-9));  // (0.5 − 0.5) × 100
  CHECK(r.status == Status::kOnTrack);        // exactly on the line meets it
  CHECK(r.periods_left == 6);                 // July … December
  CHECK(*r.required_pace == Approx(0.3));     // (3.6 − 1.8) / 6
  CHECK(*r.projection == Approx(3.6));        // 1.8 / 0.5

  r = at_june("1.7");
  CHECK(*r.completion == Approx(0.472222));     // 1.7 / 3.6
  CHECK(*r.gap == Approx(-2.777778));           // (0.472222 − 0.5) × 100
  CHECK(r.status == Status::kBehind);           // 0.472222 ≥ 0.9 × 0.5 = 0.45
  CHECK(*r.projection == Approx(3.4));          // 1.7 / 0.5
  CHECK(*r.required_pace == Approx(0.316667));  // (3.6 − 1.7) / 6

  CHECK(at_june("1.62").status == Status::kBehind);   // 1.62 / 3.6 = 0.45 = 0.9 × 0.5 exactly
  CHECK(at_june("1.6").status == Status::kOffTrack);  // 0.444 < 0.45
  CHECK(at_june("3.6").status == Status::kDone);      // 3.6 / 3.6 = 100%
  CHECK(*at_june("4").required_pace == 0.0);          // target met: nothing more needed
}

TEST_CASE("report: seasonal and end schedules for running totals") {
  // Tax 260万元 with quarterly shares: June is the end of Q2, 45%.
  Fixture f(indicator("tax",
                      "kind = \"cumulative\"\nunit = \"万元\"\ntarget = 260\n"
                      "schedule = [0.2, 0.45, 0.7, 1.0]"),
            actual("tax", "2024-05", "90", "2024-06-05T09:00:00+08:00") +
                actual("tax", "2024-06", "120", "2024-07-05T09:00:00+08:00"));
  IndicatorRow r = f.row("a.tax", "2024-06", kJul15);
  CHECK(*r.expected == Approx(0.45));
  CHECK(*r.expected_value == Approx(117.0));  // 260 × 0.45
  CHECK(*r.completion == Approx(0.461538));   // 120 / 260
  CHECK(*r.gap == Approx(1.153846));          // (0.461538 − 0.45) × 100
  CHECK(r.status == Status::kOnTrack);
  CHECK(*r.projection == Approx(266.666667));  // 120 / 0.45
  // May sits two thirds into Q2: 0.2 + 0.25 × 2/3 = 0.366667; 90 / 260 =
  // 0.346154, ratio 0.944 ≥ 0.9: behind.
  r = f.row("a.tax", "2024-05", Date{2024, 6, 15});
  CHECK(*r.expected == Approx(0.366667));
  CHECK(r.status == Status::kBehind);
  // schedule = "end": nothing is expected before December.
  Fixture e(
      indicator("h", "kind = \"cumulative\"\nunit = \"套\"\ntarget = 100\nschedule = \"end\""),
      actual("h", "2024-06", "30", "2024-07-05T09:00:00+08:00"));
  r = e.row("a.h", "2024-06", kJul15);
  CHECK(*r.expected == 0.0);
  CHECK(*r.expected_value == 0.0);
  CHECK(*r.gap == Approx(30.0));  // (0.3 − 0) × 100
  CHECK(r.status == Status::kNotDue);
  CHECK_FALSE(r.projection);                      // x / 0 is no projection
  CHECK(*r.required_pace == Approx(70.0 / 6.0));  // (100 − 30) / 6
}

TEST_CASE("report: a running total reported by dekad") {
  Fixture f(
      indicator("dr", "kind = \"cumulative\"\nunit = \"次\"\ntarget = 36\ncadence = \"dekad\""),
      actual("dr", "2024-06-D2", "16", "2024-06-25T09:00:00+08:00"));
  // On 15 July (10 days after a dekad) 2024-06-D3 (due 10 July) is owed.
  IndicatorRow r = f.row("a.dr", "2024-06", kJul15);
  CHECK(r.due_period->str() == "2024-06-D3");
  CHECK(r.status == Status::kMissing);
  CHECK(*r.expected == Approx(17.0 / 36.0));           // compared at 20 June
  CHECK(r.periods_left == 19);                         // 06-D3 … 12-D3
  CHECK(*r.required_pace == Approx(20.0 / 19.0));      // (36 − 16) / 19
  CHECK(*r.projection == Approx(16.0 * 36.0 / 17.0));  // 16 / (17/36) = 33.88
  // On 5 July 2024-06-D2 (due 30 June) is the latest due: 16 / 36 = 0.4444
  // against 0.4722, ratio 0.941: behind.
  r = f.row("a.dr", "2024-06", Date{2024, 7, 5});
  CHECK(r.due_period->str() == "2024-06-D2");
  CHECK(r.status == Status::kBehind);
}

TEST_CASE("report: missing when the latest due period is not recorded") {
  Fixture f(indicator("out", kOutput),
            actual("out", "2024-05", "1.5", "2024-06-05T09:00:00+08:00"));
  // On 15 July June is due (10 July) and absent: missing, with May's figure
  // still shown and compared with May's 15/36.
  IndicatorRow r = f.row("a.out", "2024-06", kJul15);
  CHECK(r.status == Status::kMissing);
  CHECK(r.due_period->str() == "2024-06");
  CHECK(r.actual_period->str() == "2024-05");
  CHECK(*r.expected == Approx(15.0 / 36.0));  // 0.416667
  CHECK(*r.completion == Approx(1.5 / 3.6));  // 0.416667
  CHECK(*r.gap == Approx(0.0).margin(1e-9));  // (0.416667 − 0.416667) × 100
  // On 5 July June is not due yet: May is the latest due period and on record.
  r = f.row("a.out", "2024-06", Date{2024, 7, 5});
  CHECK(r.due_period->str() == "2024-05");
  CHECK(r.status == Status::kOnTrack);  // 0.416667 ≥ 0.416667
  // On the due date itself June is due: not reported yet is missing.
  CHECK(f.row("a.out", "2024-06", Date{2024, 7, 10}).status == Status::kMissing);
}

TEST_CASE("report: no actual at all") {
  Fixture f(indicator("out", kOutput), "");
  IndicatorRow r = f.row("a.out", "2024-06", kJul15);
  CHECK(r.status == Status::kMissing);
  CHECK_FALSE(r.actual);
  CHECK_FALSE(r.completion);
  CHECK_FALSE(r.gap);
  CHECK(r.compared_period.str() == "2024-06");
  CHECK(*r.expected_value == Approx(1.8));
  CHECK(*r.required_pace == Approx(0.6));  // (3.6 − 0) / 6
  // Before anything is due (January's actual is due 10 February): not-due.
  r = f.row("a.out", "2024-01", Date{2024, 2, 5});
  CHECK(r.status == Status::kNotDue);
  CHECK_FALSE(r.due_period);
}

TEST_CASE("report: as of a date, later records and revisions are not seen") {
  std::string recs = actual("out", "2024-06", "1.8", "2024-07-05T09:00:00+08:00") +
                     actual("out", "2024-06", "1.5", "2024-07-12T09:00:00+08:00", "统计局修订");
  Fixture f(indicator("out", kOutput), recs);
  // The revision of 12 July is in force on 15 July …
  CHECK(f.row("a.out", "2024-06", kJul15).actual->str() == "1.5");
  // … but on 11 July the first figure was.
  CHECK(f.row("a.out", "2024-06", Date{2024, 7, 11}).actual->str() == "1.8");
  // Recorded at 23:59 on the 11th (+08:00) still counts for the 11th.
  Fixture g(indicator("out", kOutput),
            actual("out", "2024-06", "1.8", "2024-07-11T23:59:00+08:00"));
  CHECK(g.row("a.out", "2024-06", Date{2024, 7, 11}).actual);
  CHECK_FALSE(g.row("a.out", "2024-06", Date{2024, 7, 10}).actual);
}

TEST_CASE("report: a quarterly indicator in a monthly report is compared at its quarter") {
  Fixture f(
      indicator("q", "kind = \"cumulative\"\nunit = \"家\"\ntarget = 8\ncadence = \"quarter\""),
      actual("q", "2024-Q1", "2", "2024-04-05T09:00:00+08:00"));
  // The May report (as of 15 June): Q2 is not over, Q1 is the latest due
  // quarter; its 2 of 8 = 25% meets Q1's 9/36 = 25%.
  IndicatorRow r = f.row("a.q", "2024-05", Date{2024, 6, 15});
  CHECK(r.due_period->str() == "2024-Q1");
  CHECK(r.compared_period.str() == "2024-Q1");
  CHECK(*r.expected == 0.25);
  CHECK(r.status == Status::kOnTrack);
  CHECK(r.periods_left == 3);              // Q2, Q3, Q4
  CHECK(*r.required_pace == Approx(2.0));  // (8 − 2) / 3
}

TEST_CASE("report: an actual for a coarser or finer period than the cadence") {
  // A monthly indicator reported for the whole of Q2: its running total at
  // 30 June stands for June.
  Fixture f(indicator("out", kOutput),
            actual("out", "2024-Q2", "1.8", "2024-07-05T09:00:00+08:00"));
  IndicatorRow r = f.row("a.out", "2024-06", kJul15);
  CHECK(r.actual_period->str() == "2024-Q2");
  CHECK(r.status == Status::kOnTrack);
  // A dekad figure (2024-06-D2, 17/36) is newer than May but older than June.
  Fixture g(indicator("out", kOutput),
            actual("out", "2024-06-D2", "1.7", "2024-06-25T09:00:00+08:00"));
  r = g.row("a.out", "2024-06", kJul15);
  CHECK(r.status == Status::kMissing);
  CHECK(*r.expected == Approx(17.0 / 36.0));  // compared at 20 June
  // Yearly indicator: in June nothing is due; an early figure is judged.
  Fixture y(indicator("y", "kind = \"cumulative\"\nunit = \"家\"\ntarget = 4\ncadence = \"year\""),
            actual("y", "2024-H1", "1", "2024-07-05T09:00:00+08:00"));
  r = y.row("a.y", "2024-06", kJul15);
  CHECK_FALSE(r.due_period);
  CHECK(*r.expected == 0.5);             // H1 ends at 18/36
  CHECK(*r.completion == 0.25);          // 1 / 4
  CHECK(r.status == Status::kOffTrack);  // 0.25 < 0.9 × 0.5
}

TEST_CASE("report: basis period adds the amounts of each period") {
  std::string body =
      "kind = \"cumulative\"\nunit = \"人\"\ntarget = 2100\ncadence = \"quarter\"\nbasis = "
      "\"period\"";
  std::string recs = actual("jobs", "2024-Q1", "500", "2024-04-05T09:00:00+08:00") +
                     actual("jobs", "2024-04", "200", "2024-05-05T09:00:00+08:00") +
                     actual("jobs", "2024-Q2", "600", "2024-07-05T09:00:00+08:00");
  Fixture f(indicator("jobs", body), recs);
  IndicatorRow r = f.row("a.jobs", "2024-06", kJul15);
  // Q1 500 + Q2 600 = 1100; April's 200 lies inside Q2, which was reported whole.
  CHECK(r.actual->str() == "1100");
  CHECK(r.actual_period->str() == "2024-Q2");
  CHECK(*r.completion == Approx(1100.0 / 2100.0));  // 0.523810
  CHECK(*r.gap == Approx(2.380952));                // (0.523810 − 0.5) × 100
  CHECK(r.status == Status::kOnTrack);
  CHECK(*r.required_pace == Approx(500.0));  // (2100 − 1100) / 2 quarters
  CHECK(*r.projection == Approx(2200.0));    // 1100 / 0.5
}

TEST_CASE("report: a ceiling of zero knows only within limit and breached") {
  std::string body = "kind = \"cumulative\"\nunit = \"起\"\ntarget = 0\ndirection = \"down\"";
  Fixture none(indicator("acc", body), actual("acc", "2024-06", "0", "2024-07-05T09:00:00+08:00"));
  IndicatorRow r = none.row("a.acc", "2024-06", kJul15);
  CHECK(r.status == Status::kOnTrack);
  CHECK_FALSE(r.completion);  // x / 0 is not a completion
  CHECK_FALSE(r.gap);
  // One accident in March stays a breach in June (basis period: 1 + 0 = 1).
  std::string sticky = body + "\nbasis = \"period\"";
  Fixture once(indicator("acc", sticky),
               actual("acc", "2024-03", "1", "2024-04-05T09:00:00+08:00") +
                   actual("acc", "2024-06", "0", "2024-07-05T09:00:00+08:00"));
  CHECK(once.row("a.acc", "2024-06", kJul15).status == Status::kBreached);
  CHECK(once.row("a.acc", "2024-02", Date{2024, 3, 15}).status == Status::kMissing);
  // A breach outranks a missing report.
  CHECK(once.row("a.acc", "2024-12", Date{2025, 1, 15}).status == Status::kBreached);
  // The last period within the limit: done.
  Fixture end(indicator("acc", body), actual("acc", "2024-12", "0", "2025-01-05T09:00:00+08:00"));
  CHECK(end.row("a.acc", "2024-12", Date{2025, 1, 15}).status == Status::kDone);
}

TEST_CASE("report: a ceiling above zero is compared in reverse") {
  // At most 10 in the year; by June 50% of it may be used.
  auto at_june = [](std::string_view value) {
    Fixture f(
        indicator("d", "kind = \"cumulative\"\nunit = \"人\"\ntarget = 10\ndirection = \"down\""),
        actual("d", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.d", "2024-06", kJul15);
  };
  CHECK(at_june("5").status == Status::kOnTrack);     // 0.5 ≤ 0.5
  CHECK(at_june("5.5").status == Status::kBehind);    // 0.55 ≤ 0.5 / 0.9 = 0.5556
  CHECK(at_june("6").status == Status::kOffTrack);    // 0.6 > 0.5556
  CHECK(at_june("11").status == Status::kBreached);   // 11 > 10
  CHECK(*at_june("4").required_pace == Approx(1.0));  // (10 − 4) / 6: at most 1 a month
  CHECK(*at_june("4").gap == Approx(-10.0));          // (0.4 − 0.5) × 100
}

TEST_CASE("report: levels with a baseline go from baseline to target") {
  auto at_june = [](std::string_view body, std::string_view value) {
    Fixture f(indicator("l", body), actual("l", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.l", "2024-06", kJul15);
  };
  const std::string up =
      "kind = \"level\"\nunit = \"元/月\"\ntarget = 700\nbaseline = { value = 650, year = 2023 }";
  IndicatorRow r = at_june(up, "680");
  CHECK(*r.expected_value == Approx(675.0));  // 650 + (700 − 650) × 0.5
  CHECK(*r.completion == Approx(0.6));        // (680 − 650) / (700 − 650)
  CHECK(*r.gap == Approx(10.0));              // (0.6 − 0.5) × 100
  CHECK(r.status == Status::kOnTrack);
  CHECK(*r.required_pace == Approx(20.0 / 6.0));          // (700 − 680) / 6
  CHECK_FALSE(r.projection);                              // cumulative only
  CHECK(at_june(up, "674").status == Status::kBehind);    // 0.48 ≥ 0.45
  CHECK(at_june(up, "660").status == Status::kOffTrack);  // 0.2 < 0.45
  CHECK(at_june(up, "700").status == Status::kDone);
  // Down from 80 to 60: 70 is half way, as expected in June.
  const std::string down =
      "kind = \"level\"\nunit = \"μg/m³\"\ntarget = 60\ndirection = \"down\"\nbaseline = { value "
      "= 80, year = 2023 }";
  r = at_june(down, "70");
  CHECK(*r.completion == Approx(0.5));  // (70 − 80) / (60 − 80)
  CHECK(r.status == Status::kOnTrack);
  CHECK(*r.required_pace == Approx(-10.0 / 6.0));  // (60 − 70) / 6: down 1.67 a month
  r = at_june(down, "85");
  CHECK(*r.completion == Approx(-0.25));  // (85 − 80) / (60 − 80)
  CHECK(r.status == Status::kOffTrack);   // a goal, not a limit: never breached
}

TEST_CASE("report: a level without a baseline is judged once its path reaches the target") {
  auto at = [](std::string_view body, std::string_view period, std::string_view value,
               std::string_view recorded, Date as_of) {
    Fixture f(indicator("l", body), actual("l", period, value, recorded));
    return f.row("a.l", period, as_of);
  };
  // 城镇化率 43.59%以上: a level reached by the year's end, with no 2023
  // figure to ramp from. In June it is not judged; the gap says how far off.
  const std::string even = "kind = \"level\"\nunit = \"%\"\ntarget = 43.59";
  IndicatorRow r = at(even, "2024-06", "43", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected == 0.0);
  CHECK_FALSE(r.expected_value);
  CHECK(*r.completion == Approx(0.986465));  // 43 / 43.59
  CHECK(*r.gap == Approx(-1.353521));        // (0.986465 − 1) × 100: the distance
  CHECK(r.status == Status::kNotDue);        // not red in June
  CHECK(at(even, "2024-06", "39", "2024-07-05T09:00:00+08:00", kJul15).status == Status::kNotDue);
  CHECK(at(even, "2024-06", "44", "2024-07-05T09:00:00+08:00", kJul15).status == Status::kDone);
  // At the year's end it is judged against the whole target.
  const Date jan15{2025, 1, 15};
  r = at(even, "2024-12", "43", "2025-01-05T09:00:00+08:00", jan15);
  CHECK(*r.expected == 1.0);
  CHECK(*r.expected_value == Approx(43.59));
  CHECK(r.status == Status::kBehind);  // 0.9865 ≥ 0.9
  CHECK(at(even, "2024-12", "39", "2025-01-05T09:00:00+08:00", jan15).status ==
        Status::kOffTrack);  // 39 / 43.59 = 0.8947 < 0.9
  // A standard raised from 1 July is judged from July on.
  const std::string step = even + "\nschedule = { step = 2024-07-01 }";
  CHECK(at(step, "2024-06", "40", "2024-07-05T09:00:00+08:00", kJul15).status == Status::kNotDue);
  r = at(step, "2024-07", "40", "2024-08-05T09:00:00+08:00", Date{2024, 8, 15});
  CHECK(*r.expected == 1.0);
  CHECK(r.status == Status::kBehind);  // 40 / 43.59 = 0.9176 ≥ 0.9
  // schedule = "end" likewise: not judged until December.
  const std::string end = even + "\nschedule = \"end\"";
  r = at(end, "2024-06", "40", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(r.status == Status::kNotDue);
  CHECK(*r.expected == 0.0);
  CHECK_FALSE(r.expected_value);
  CHECK(at(end, "2024-12", "43", "2025-01-05T09:00:00+08:00", jan15).status == Status::kBehind);
}

TEST_CASE("report: a ceiling on a rate is judged on its latest value") {
  auto at = [](std::string_view body, std::string_view period, std::string_view value) {
    Fixture f(indicator("l", body), actual("l", period, value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.l", period, kJul15);
  };
  // CPI at most 3%: the ceiling applies all year.
  const std::string ceiling = "kind = \"level\"\nunit = \"%\"\ntarget = 3\ndirection = \"down\"";
  CHECK(at(ceiling, "2024-06", "2.8").status == Status::kOnTrack);
  CHECK(at(ceiling, "2024-06", "3.2").status == Status::kBreached);
  // 3.2 in March, 2.8 in June: breached in March, within the ceiling in June.
  Fixture f(indicator("l", ceiling),
            actual("l", "2024-03", "3.2", "2024-04-05T09:00:00+08:00") +
                actual("l", "2024-06", "2.8", "2024-07-05T09:00:00+08:00"));
  CHECK(f.row("a.l", "2024-03", kJul15).status == Status::kBreached);
  CHECK(f.row("a.l", "2024-06", kJul15).status == Status::kOnTrack);
  CHECK(f.row("a.l", "2024-02", Date{2024, 3, 15}).status == Status::kMissing);
  // A running total that passed its ceiling stays breached (energy used).
  const std::string total =
      "kind = \"cumulative\"\nunit = \"万吨\"\ntarget = 10\ndirection = \"down\"";
  Fixture g(indicator("t", total), actual("t", "2024-03", "11", "2024-04-05T09:00:00+08:00") +
                                       actual("t", "2024-06", "9", "2024-07-05T09:00:00+08:00"));
  CHECK(g.row("a.t", "2024-06", kJul15).status == Status::kBreached);
}

TEST_CASE("report: growth rates are not pro-rated") {
  auto at = [](std::string_view body, std::string_view value, std::string_view period = "2024-06",
               Date as_of = kJul15) {
    Fixture f(indicator("g", body), actual("g", period, value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.g", period, as_of);
  };
  const std::string up = "kind = \"growth\"\nunit = \"%\"\ntarget = 10";
  IndicatorRow r = at(up, "9.2");
  CHECK_FALSE(r.expected);
  CHECK(*r.expected_value == 10.0);
  CHECK(*r.gap == Approx(-0.8));       // 9.2 − 10
  CHECK(r.status == Status::kBehind);  // tolerance (1 − 0.9) × 10 = 1 point
  CHECK_FALSE(r.required_pace);
  CHECK(at(up, "10").status == Status::kOnTrack);
  CHECK(at(up, "8.5").status == Status::kOffTrack);  // 8.5 < 10 − 1
  CHECK(at(up, "10.5", "2024-12", Date{2025, 1, 15}).status == Status::kDone);
  // A fall of 50%: −55 beats it, −46 is within 5 points, −40 is not.
  const std::string down = "kind = \"growth\"\nunit = \"%\"\ntarget = -50\ndirection = \"down\"";
  CHECK(at(down, "-55").status == Status::kOnTrack);
  CHECK(*at(down, "-55").gap == Approx(-5.0));       // −55 − (−50)
  CHECK(at(down, "-46").status == Status::kBehind);  // −46 ≤ −50 + 5
  CHECK(at(down, "-40").status == Status::kOffTrack);
  // "No rise" (target 0, down) is a limit.
  const std::string zero = "kind = \"growth\"\nunit = \"%\"\ntarget = 0\ndirection = \"down\"";
  CHECK(at(zero, "1").status == Status::kBreached);
  CHECK(at(zero, "-2").status == Status::kOnTrack);
}

TEST_CASE("report: milestones against their stages and due date") {
  const std::string body =
      "kind = \"milestone\"\ndue = 2024-12-31\nstages = [{ date = 2024-06-30, stage = "
      "\"in-progress\" }, { date = 2024-12-31, stage = \"done\" }]";
  auto at = [&](std::string_view period, std::string_view value, Date as_of) {
    std::string recs = value.empty() ? "" : actual("m", period, value, "2024-06-05T09:00:00+08:00");
    Fixture f(indicator("m", body), recs);
    return f.row("a.m", period, as_of);
  };
  IndicatorRow r = at("2024-06", "\"in-progress\"", kJul15);
  CHECK(r.status == Status::kOnTrack);
  CHECK(*r.required_stage == Stage::kInProgress);
  CHECK(*r.required_by == Date{2024, 6, 30});
  CHECK(at("2024-06", "\"not-started\"", kJul15).status == Status::kOverdue);
  CHECK(at("2024-06", "", kJul15).status == Status::kOverdue);  // past 30 June, nothing on record
  CHECK(at("2024-06", "\"done\"", kJul15).status == Status::kDone);
  r = at("2024-06", "\"60%\"", kJul15);
  CHECK(*r.stage == Stage::kInProgress);
  CHECK(*r.percent == 60.0);
  // May: no stage is required yet.
  CHECK(at("2024-05", "\"not-started\"", Date{2024, 6, 15}).status == Status::kNotDue);
  CHECK(at("2024-05", "\"in-progress\"", Date{2024, 6, 15}).status == Status::kOnTrack);
  CHECK(at("2024-05", "", Date{2024, 6, 15}).status == Status::kMissing);
  // December: anything short of done is overdue.
  r = at("2024-12", "\"in-progress\"", Date{2025, 1, 15});
  CHECK(r.status == Status::kOverdue);
  CHECK(*r.required_stage == Stage::kDone);
}

TEST_CASE("report: roll-ups per action and per bureau") {
  // Action a (bureau aa): out on track, d behind, l missing; also b.x.
  // Action b (bureau bb): x off track, y not due.
  std::string a = indicator("out", kOutput) +
                  indicator("d",
                            "kind = \"cumulative\"\nunit = \"人\"\ntarget = 10\ndirection = "
                            "\"down\"") +
                  indicator("l", "kind = \"level\"\nunit = \"%\"\ntarget = 50") + "";
  std::string b =
      "[action]\nid = \"b\"\nnumber = 2\nname = \"乙行动\"\nlead = [\"bb\"]\noffice = \"bb\"\n"
      "\n[[indicator]]\nid = \"b.x\"\nname = \"x\"\nlead = \"bb\"\nkind = \"cumulative\"\n"
      "unit = \"家\"\ntarget = 10\n"
      "\n[[indicator]]\nid = \"b.y\"\nname = \"y\"\nlead = [\"bb\", \"aa\"]\nkind = "
      "\"cumulative\"\n"
      "unit = \"家\"\ntarget = 10\ncadence = \"year\"\n";
  // Actuals: out May on time (due 10 June), June late (12 July);
  // d June on time; x June on time with 3 of 10 (off track).
  std::string recs = actual("out", "2024-05", "1.5", "2024-06-08T09:00:00+08:00") +
                     actual("out", "2024-06", "1.8", "2024-07-12T09:00:00+08:00") +
                     actual("d", "2024-06", "5.5", "2024-07-09T09:00:00+08:00") +
                     "\n[[actual]]\nindicator = \"b.x\"\nperiod = \"2024-06\"\nvalue = 3\n"
                     "recorded = 2024-07-10T18:00:00+08:00\nby = \"bb\"\nsource = \"测试\"\n";
  Fixture f(a, recs, b);
  f.loaded.plan.actions[0].also = {"b.x"};
  Ledger ledger(f.loaded.plan);
  Report r = compute_report(ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, kJul15});

  REQUIRE(r.indicators.size() == 5);
  CHECK(r.expected == 0.5);
  CHECK(r.indicators[0].status == Status::kOnTrack);   // a.out 1.8 / 3.6 = 50%
  CHECK(r.indicators[1].status == Status::kBehind);    // a.d 5.5 / 10 ≤ 0.5 / 0.9
  CHECK(r.indicators[2].status == Status::kMissing);   // a.l nothing recorded
  CHECK(r.indicators[3].status == Status::kOffTrack);  // b.x 3 / 10 = 30% < 45%
  CHECK(r.indicators[4].status == Status::kNotDue);    // b.y yearly

  REQUIRE(r.actions.size() == 2);
  const ActionRow& act = r.actions[0];
  CHECK(act.id == "a");
  CHECK(act.indicators.size() == 4);  // out, d, l + also b.x
  CHECK(act.rollup.counts.total == 4);
  CHECK(act.rollup.with_due == 4);
  CHECK(*act.rollup.on_track_rate == 0.25);  // 1 (out) of 4
  // Mean completion of up cumulative/level with an actual: out 0.5, x 0.3 → 0.4
  // (d is a ceiling, l has no actual).
  CHECK(*act.rollup.mean_completion == Approx(0.4));
  const ActionRow& actb = r.actions[1];
  CHECK(actb.rollup.with_due == 1);  // y is not due
  CHECK(*actb.rollup.on_track_rate == 0.0);

  REQUIRE(r.bureaus.size() == 2);
  // aa leads out, d, l, y: 达序时率 1 of 3 due = 0.333; bb leads x, y: 0 of 1.
  const BureauRow& aa = r.bureaus[0];
  CHECK(aa.id == "aa");
  CHECK(aa.rank == 1);
  CHECK(aa.led == 4);
  CHECK(*aa.rollup.on_track_rate == Approx(1.0 / 3.0));
  // Actuals due by 15 July: out, d, l for January … June = 18 (y: none);
  // on time: out May (8 June ≤ 10 June), d June (9 July) = 2; out June came 12 July.
  CHECK(aa.actuals_due == 18);
  CHECK(aa.actuals_on_time == 2);
  CHECK(*aa.on_time_rate == Approx(2.0 / 18.0));
  CHECK(aa.missing == 1);
  const BureauRow& bb = r.bureaus[1];
  CHECK(bb.rank == 2);
  CHECK(bb.actuals_due == 6);      // x January … June
  CHECK(bb.actuals_on_time == 1);  // June on 10 July, the due date
  CHECK(r.totals.counts.total == 5);
  CHECK(*r.totals.on_track_rate == 0.25);  // 1 of 4 with something due

  // Selection: only bureau bb's indicators; groups without any are dropped,
  // group figures stay whole.
  Report s = compute_report(ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, kJul15},
                            Selection{"", "bb", {}});
  REQUIRE(s.indicators.size() == 2);
  CHECK(s.indicators[0].id == "b.x");
  CHECK(s.actions.size() == 2);  // a reports b.x through `also`
  CHECK(s.actions[0].indicators.size() == 1);
  CHECK(s.actions[0].rollup.counts.total == 4);
  REQUIRE(s.bureaus.size() == 2);  // aa co-leads b.y
  CHECK(s.totals.counts.total == 2);
  Report t = compute_report(ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, kJul15},
                            Selection{"", "", {Status::kMissing}});
  REQUIRE(t.indicators.size() == 1);
  CHECK(t.indicators[0].id == "a.l");
  CHECK(t.actions.size() == 1);
  CHECK(t.bureaus.size() == 1);
}

TEST_CASE("report: the 催报 list") {
  std::string body = indicator("out", kOutput) +
                     indicator("q",
                               "kind = \"cumulative\"\nunit = \"家\"\ntarget = 8\ncadence = "
                               "\"quarter\"\nbasis = \"period\"") +
                     indicator("m", "kind = \"milestone\"\ndue = 2024-12-31");
  std::string recs = actual("out", "2024-04", "1.2", "2024-05-05T09:00:00+08:00") +
                     actual("q", "2024-Q2", "2", "2024-07-05T09:00:00+08:00") +
                     actual("m", "2024-03", "\"done\"", "2024-04-05T09:00:00+08:00");
  Fixture f(body, recs);
  OverdueReport o = compute_overdue(*f.ledger, Date{2024, 7, 25});
  // q: Q1 (due 10 April, 106 days late) has no amount; Q2 is on record.
  // out: May and June are owed; January … April are replaced by April's
  // running total, and June's figure will settle May too: one item for June
  // (due 10 July, 15 days late), 2 periods missed since May.
  // m: done in March, owes nothing more.
  REQUIRE(o.items.size() == 2);
  CHECK(o.items[0].indicator == "a.q");
  CHECK(o.items[0].period.str() == "2024-Q1");
  CHECK(o.items[0].due == Date{2024, 4, 10});
  CHECK(o.items[0].days_late == 106);
  CHECK(o.items[0].missed == 1);
  CHECK(o.items[1].indicator == "a.out");
  CHECK(o.items[1].period.str() == "2024-06");
  CHECK(o.items[1].days_late == 15);
  CHECK(o.items[1].missed == 2);
  CHECK(o.items[1].first_missed.str() == "2024-05");
  CHECK(o.items[1].last_period->str() == "2024-04");
}

// Named paths of plan.toml for the tests below.
const std::string kProfiles = R"(
[profile.autumn-harvest]
description = "制种: 8-9月收获"
shares = [0, 0, 0, 0, 0, 0, 0, 0.4, 1, 1, 1, 1]

[profile.year-end-batch]
shares = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]

[profile.dry-season]
shares = [0.1, 0.2, 0.3, 0.4, 0.45, 0.45, 0.45, 0.45, 0.5, 0.65, 0.8, 1]

[profile.credit-front]
shares = [0.3, 0.6, 0.8, 1]

[profile.from-july]
step = 2024-07-01
)";

TEST_CASE("report: named paths from plan.toml") {
  const std::string body =
      indicator("seed",
                "kind = \"cumulative\"\nunit = \"万吨\"\ntarget = 0.6\n"
                "schedule = \"autumn-harvest\"") +
      indicator("road",
                "kind = \"cumulative\"\nunit = \"公里\"\ntarget = 50\n"
                "schedule = \"dry-season\"") +
      indicator("loan",
                "kind = \"cumulative\"\nunit = \"亿元\"\ntarget = 20\n"
                "schedule = \"credit-front\"") +
      indicator("std",
                "kind = \"level\"\nunit = \"元/月\"\ntarget = 700\n"
                "baseline = { value = 650, year = 2023 }\nschedule = \"from-july\"");
  const std::string recs = actual("seed", "2024-06", "0", "2024-07-05T09:00:00+08:00") +
                           actual("road", "2024-06", "21", "2024-07-05T09:00:00+08:00") +
                           actual("loan", "2024-06", "11", "2024-07-05T09:00:00+08:00") +
                           actual("std", "2024-06", "650", "2024-07-05T09:00:00+08:00") +
                           actual("seed", "2024-09", "0.58", "2024-10-05T09:00:00+08:00") +
                           actual("std", "2024-07", "700", "2024-08-05T09:00:00+08:00");
  Fixture f(body, recs, "", kProfiles);
  // 制种 output: nothing is harvested by June, so 0 is on course.
  IndicatorRow r = f.row("a.seed", "2024-06", kJul15);
  CHECK(r.schedule == "autumn-harvest");
  CHECK(*r.expected == 0.0);
  CHECK(r.status == Status::kNotDue);
  CHECK_FALSE(r.projection);  // nothing to project from
  // By September the whole harvest is in: 0.58 / 0.6 = 0.9667 ≥ 0.9.
  r = f.row("a.seed", "2024-09", Date{2024, 10, 15});
  CHECK(*r.expected == 1.0);
  CHECK(r.status == Status::kBehind);
  // Roads by June: 45% of the year's works; 21 / 50 = 0.42 ≥ 0.9 × 0.45 = 0.405.
  r = f.row("a.road", "2024-06", kJul15);
  CHECK(*r.expected == Approx(0.45));
  CHECK(*r.expected_value == Approx(22.5));  // 50 × 0.45
  CHECK(r.status == Status::kBehind);
  CHECK(*r.projection == Approx(46.666667));  // 21 / 0.45
  // Loans are front-loaded: 60% by June. 11 / 20 = 0.55 is below 0.6 but at
  // least 0.9 × 0.6 = 0.54: behind, where an even path would say on track.
  r = f.row("a.loan", "2024-06", kJul15);
  CHECK(*r.expected == Approx(0.6));
  CHECK(r.status == Status::kBehind);
  // A standard raised on 1 July: at the baseline in June, at the target in July.
  r = f.row("a.std", "2024-06", kJul15);
  CHECK(*r.expected == 0.0);
  CHECK(*r.expected_value == Approx(650.0));
  CHECK(r.status == Status::kNotDue);
  CHECK_FALSE(r.projection);
  r = f.row("a.std", "2024-07", Date{2024, 8, 15});
  CHECK(*r.expected == 1.0);
  CHECK(r.status == Status::kDone);
}

TEST_CASE("report: whole things are expected whole") {
  auto at = [](std::string_view body, std::string_view period, std::string_view value,
               std::string_view recorded, Date as_of) {
    Fixture f(indicator("n", body), actual("n", period, value, recorded));
    return f.row("a.n", period, as_of);
  };
  // 建成1所学校 on an even path: 0 schools are expected until December.
  const std::string one = "kind = \"cumulative\"\nunit = \"所\"\ntarget = 1";
  IndicatorRow r = at(one, "2024-06", "0", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected == 0.0);  // floor(1 × 0.5) = 0
  CHECK(*r.expected_value == 0.0);
  CHECK(r.status == Status::kNotDue);
  CHECK(at(one, "2024-11", "0", "2024-12-05T09:00:00+08:00", Date{2024, 12, 15}).status ==
        Status::kNotDue);  // floor(1 × 33/36) = 0
  r = at(one, "2024-12", "0", "2025-01-05T09:00:00+08:00", Date{2025, 1, 15});
  CHECK(*r.expected == 1.0);
  CHECK(r.status == Status::kOffTrack);
  // Finished in March: done, and no 预计全年 of 2 schools.
  r = at(one, "2024-03", "1", "2024-04-05T09:00:00+08:00", Date{2024, 4, 15});
  CHECK(r.status == Status::kDone);
  CHECK_FALSE(r.projection);
  // Two things: one expected from the path's half way (June), 1 / 2 = 50%.
  const std::string two = "kind = \"cumulative\"\nunit = \"家\"\ntarget = 2";
  r = at(two, "2024-05", "0", "2024-06-05T09:00:00+08:00", Date{2024, 6, 15});
  CHECK(*r.expected == 0.0);  // floor(2 × 15/36 = 0.83) = 0
  r = at(two, "2024-06", "1", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected == 0.5);  // floor(2 × 0.5) = 1 of 2
  CHECK(*r.expected_value == 1.0);
  CHECK(r.status == Status::kOnTrack);
  // A measured unit is not rounded: 3.6 亿元 in June expects 1.8.
  r = at(kOutput, "2024-06", "0.87", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected_value == Approx(1.8));
  CHECK(r.status == Status::kOffTrack);  // 0.87 / 3.6 = 0.2417 < 0.45
  // "人(个)" counts people: 5 by June expects floor(2.5) = 2, 2 / 5 = 40%.
  r = at("kind = \"cumulative\"\nunit = \"人(个)\"\ntarget = 5", "2024-06", "2",
         "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected == Approx(0.4));
  CHECK(r.status == Status::kOnTrack);
  // A ratio in a counted unit is not a count: 4.13 托位 per thousand people
  // from 3.5 expects 3.5 + 0.63 × 0.5 = 3.815 in June, unrounded.
  r = at("kind = \"level\"\nunit = \"个\"\ntarget = 4.13\nbaseline = { value = 3.5, year = 2023 }",
         "2024-06", "3.8", "2024-07-05T09:00:00+08:00", kJul15);
  CHECK(*r.expected_value == Approx(3.815));
  CHECK(r.status == Status::kBehind);  // (3.8 − 3.5) / 0.63 = 0.476 ≥ 0.45
  // A plan may declare its own counted units: then 亿元 is not one of them.
  Fixture g(indicator("n", "kind = \"cumulative\"\nunit = \"所\"\ntarget = 1"),
            actual("n", "2024-06", "0", "2024-07-05T09:00:00+08:00"), "",
            "\n[units]\ncounted = [\"家\"]\n");
  CHECK(*g.row("a.n", "2024-06", kJul15).expected == 0.5);  // 所 is measured here
}

TEST_CASE("report: done is done, and overdue agrees with report on what is owed") {
  const std::string body =
      indicator("firms", "kind = \"cumulative\"\nunit = \"家\"\ntarget = 2") +
      indicator("out", kOutput) + indicator("m", "kind = \"milestone\"\ndue = 2024-12-31") +
      indicator("va", "kind = \"growth\"\nunit = \"%\"\ntarget = 8\ncadence = \"year\"") +
      indicator("q", "kind = \"cumulative\"\nunit = \"万头\"\ntarget = 10\ncadence = \"quarter\"");
  // firms reached 2 in April and reported nothing since; out has April only;
  // m was reported in progress in May; va is an annual statistic; q reported Q1.
  const std::string recs = actual("firms", "2024-04", "2", "2024-05-05T09:00:00+08:00") +
                           actual("out", "2024-04", "1.2", "2024-05-05T09:00:00+08:00") +
                           actual("m", "2024-05", "\"in-progress\"", "2024-06-05T09:00:00+08:00") +
                           actual("q", "2024-Q1", "2", "2024-04-05T09:00:00+08:00");
  Fixture f(body, recs);
  const Date as_of{2024, 7, 25};
  // The June report as of 25 July and the 催报 list of that day.
  Report report = compute_report(*f.ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, as_of});
  OverdueReport overdue = compute_overdue(*f.ledger, as_of);
  std::set<std::string> owed_by_report, owed_by_overdue;
  for (const auto& row : report.indicators)
    if (row.owed > 0) owed_by_report.insert(row.id);
  for (const auto& item : overdue.items) owed_by_overdue.insert(item.indicator);
  // firms is done: not chased. out owes May–June, m owes June, q owes Q2
  // (due 10 July); va owes nothing before the year's end.
  CHECK(owed_by_report == std::set<std::string>{"a.m", "a.out", "a.q"});
  CHECK(owed_by_report == owed_by_overdue);
  const auto& firms = report.indicators[0];
  CHECK(firms.status == Status::kDone);
  CHECK(firms.owed == 0);
  CHECK(report.indicators[3].status == Status::kNotDue);  // va: nothing due until 2025
  // firms's bureau aa: on-time counts stop at April, when it was done.
  // January … April of firms (4, April on time) + out (6, April on time) + m
  // (6, May on time) + q (Q1 on time, Q2 owed): 18 due, 4 on time.
  REQUIRE(report.bureaus.size() == 1);
  CHECK(report.bureaus[0].actuals_due == 18);
  CHECK(report.bureaus[0].actuals_on_time == 4);
}

TEST_CASE("report: a dekad brief says where it compares and what changed") {
  const std::string body =
      indicator("out", kOutput) +
      indicator("dr", "kind = \"cumulative\"\nunit = \"次\"\ntarget = 36\ncadence = \"dekad\"");
  const std::string recs = actual("out", "2024-06", "1.8", "2024-07-05T09:00:00+08:00") +
                           actual("dr", "2024-06-D3", "18", "2024-07-09T09:00:00+08:00") +
                           actual("out", "2024-06", "1.9", "2024-07-15T09:00:00+08:00", "修订");
  Fixture f(body, recs);
  // The brief of 2024-07-D2 on 21 July: June (due 10 July) is the last
  // month due, at 18/36 = 50%; 2024-07-D1 (due 20 July) the last dekad, at
  // 19/36 = 52.8%. Not the dekad's own 20/36 = 55.6% for the monthly rows.
  Report r = compute_report(*f.ledger,
                            ReportRequest{Period{Cadence::kDekad, 2024, 20}, Date{2024, 7, 21}});
  CHECK(r.period.str() == "2024-07-D2");
  CHECK(r.expected == Approx(20.0 / 36.0));
  REQUIRE(r.compared_at.size() == 2);
  CHECK(r.compared_at[0].cadence == Cadence::kMonth);
  CHECK(r.compared_at[0].period.str() == "2024-06");
  CHECK(r.compared_at[0].expected == Approx(0.5));
  CHECK(r.compared_at[1].period.str() == "2024-07-D1");
  CHECK(r.compared_at[1].expected == Approx(19.0 / 36.0));
  CHECK(r.indicators[0].compared_period.str() == "2024-06");
  // The last brief was on 11 July (21 July less the 10 days from 07-D1's end
  // to 07-D2's): since then the June revision was made, and 2024-07-D1 of dr
  // fell due on 20 July without a record.
  REQUIRE(r.changes);
  CHECK(r.changes->since == Date{2024, 7, 11});
  REQUIRE(r.changes->records.size() == 1);
  CHECK(r.changes->records[0].indicator == "a.out");
  CHECK(r.changes->records[0].value == "1.9");
  CHECK(r.changes->records[0].by == "甲局");
  REQUIRE(r.changes->newly_overdue.size() == 1);
  CHECK(r.changes->newly_overdue[0].indicator == "a.dr");
  CHECK(r.changes->newly_overdue[0].period.str() == "2024-07-D1");
  // A monthly bulletin has no changes section.
  CHECK_FALSE(
      compute_report(*f.ledger, ReportRequest{Period{Cadence::kMonth, 2024, 6}, Date{2024, 7, 21}})
          .changes);
}

TEST_CASE("report: status names and labels") {
  CHECK(status_name(Status::kOffTrack) == "off-track");
  CHECK(status_label(Status::kOffTrack, false) == "严重滞后");
  CHECK(status_label(Status::kNotDue, true) == "not due");
  CHECK(*parse_status("not-due") == Status::kNotDue);
  CHECK(*parse_status("未报送") == Status::kMissing);
  CHECK_FALSE(parse_status("late"));
  CHECK(format_share(17.0 / 36.0) == "47.2%");
  CHECK(format_points(-2.7777) == "-2.8");
  CHECK(format_points(2.38) == "+2.4");
  CHECK(format_points(-0.01) == "0.0");
  CHECK(format_quantity(1.0 / 3.0) == "0.33");
  CHECK(format_quantity(30951) == "30951");
}

TEST_CASE("report: a target about a figure is met anywhere in its band, in its direction") {
  // 增长8%左右 with [thresholds] about = 0.1: the band is 8 ± 0.8, met from
  // 7.2 up. Behind is within (1 − 0.90) × 7.2 = 0.72 below that: 6.48.
  auto growth = [](std::string_view value) {
    Fixture f(indicator("g", "kind = \"growth\"\nunit = \"%\"\ntarget = { about = 8 }\n"),
              actual("g", "2024-06", value, "2024-07-05T09:00:00+08:00"), "", "about = 0.1\n");
    return f.row("a.g", "2024-06", kJul15);
  };
  IndicatorRow r = growth("7.5");
  CHECK(r.target->str() == "7.2");  // 8 − 0.1 × 8
  CHECK(r.form.about->str() == "8");
  CHECK(r.form.tolerance.str() == "0.8");
  CHECK(r.status == Status::kOnTrack);               // inside the band
  CHECK(growth("9").status == Status::kOnTrack);     // above it: more is better
  CHECK(growth("7.2").status == Status::kOnTrack);   // on its edge
  CHECK(growth("7").status == Status::kBehind);      // 7 ≥ 6.48
  CHECK(growth("6.4").status == Status::kOffTrack);  // 6.4 < 6.48
  CHECK(indicator_cells(r, false).target == "8%左右");
  CHECK(indicator_cells(r, true).target == "about 8%");

  // CPI 控制在3%左右, its own band ±0.5: a ceiling on a positive rate, met up
  // to 3.5; behind up to 3.5 + 0.35 = 3.85.
  auto cpi = [](std::string_view value) {
    Fixture f(indicator("cpi",
                        "kind = \"growth\"\nunit = \"%\"\ndirection = \"down\"\n"
                        "target = { about = 3, tolerance = 0.5 }\n"),
              actual("cpi", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.cpi", "2024-06", kJul15);
  };
  CHECK(cpi("3.4").target->str() == "3.5");
  CHECK(cpi("3.4").status == Status::kOnTrack);
  CHECK(cpi("2").status == Status::kOnTrack);  // below a ceiling is met
  CHECK(cpi("3.6").status == Status::kBehind);
  CHECK(cpi("3.9").status == Status::kOffTrack);
}

TEST_CASE("report: a range is met from its low end going up, to its high end going down") {
  // 增长3–4%: met from 3; behind from 3 − 0.1 × 3 = 2.7.
  auto up = [](std::string_view value) {
    Fixture f(indicator("r", "kind = \"growth\"\nunit = \"%\"\ntarget = [3, 4]\n"),
              actual("r", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.r", "2024-06", kJul15);
  };
  CHECK(up("3.5").target->str() == "3");
  CHECK(up("3.5").status == Status::kOnTrack);
  CHECK(up("4.5").status == Status::kOnTrack);  // above the range is met
  CHECK(up("2.8").status == Status::kBehind);   // 2.8 ≥ 2.7
  CHECK(up("2.6").status == Status::kOffTrack);
  CHECK(indicator_cells(up("3.5"), false).target == "3–4%");
  // 控制在3–4%: a ceiling of 4; behind up to 4 + 0.4 = 4.4.
  auto down = [](std::string_view value) {
    Fixture f(
        indicator("r", "kind = \"growth\"\nunit = \"%\"\ndirection = \"down\"\ntarget = [3, 4]\n"),
        actual("r", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.r", "2024-06", kJul15);
  };
  CHECK(down("2.5").target->str() == "4");
  CHECK(down("2.5").status == Status::kOnTrack);  // below the range is met
  CHECK(down("4.2").status == Status::kBehind);   // 4.2 ≤ 4.4
  CHECK(down("4.5").status == Status::kOffTrack);
}

TEST_CASE("report: a stretch beside the target: judged on the target, 力争 reached flagged") {
  // 8亿元, 力争8.5亿元. June expects 0.5 × 8 = 4.
  auto at = [](std::string_view period, std::string_view value, Date as_of) {
    Fixture f(indicator("s", "kind = \"cumulative\"\nunit = \"亿元\"\ntarget = 8\nstretch = 8.5\n"),
              actual("s", period, value, "2025-01-05T09:00:00+08:00"));
    return f.row("a.s", period, as_of);
  };
  IndicatorRow r = at("2024-06", "4.3", Date{2025, 1, 15});
  CHECK(r.target->str() == "8");
  CHECK(*r.completion == Approx(0.5375));  // 4.3 / 8, not 4.3 / 8.5
  CHECK(r.status == Status::kOnTrack);
  CHECK_FALSE(r.stretch_reached);
  CHECK(indicator_cells(r, false).target == "8亿元（力争8.5亿元）");
  r = at("2024-12", "8.6", Date{2025, 1, 15});
  CHECK(r.status == Status::kDone);
  CHECK(r.stretch_reached);  // 8.6 ≥ 8.5
  CHECK(indicator_cells(r, false).target == "8亿元（力争8.5亿元，已达）");
  CHECK(indicator_cells(r, true).target == "8亿元 (stretch 8.5亿元, reached)");
  r = at("2024-12", "8.2", Date{2025, 1, 15});
  CHECK(r.status == Status::kDone);  // the target is met; the stretch is not
  CHECK_FALSE(r.stretch_reached);
}

TEST_CASE("report: a change in percentage points, from the stated baseline") {
  // 提高2个百分点 from 45.3% (2023): judged on 47.3. June expects
  // 45.3 + 2 × 0.5 = 46.3; completion is (actual − 45.3) ÷ 2.
  auto at_june = [](std::string_view value) {
    Fixture f(indicator("pp",
                        "kind = \"level\"\nunit = \"%\"\nchange = \"+2pp\"\n"
                        "baseline = { value = 45.3, year = 2023 }\n"),
              actual("pp", "2024-06", value, "2024-07-05T09:00:00+08:00"));
    return f.row("a.pp", "2024-06", kJul15);
  };
  IndicatorRow r = at_june("46.5");
  CHECK(r.target->str() == "47.3");
  CHECK(r.direction == Direction::kUp);
  CHECK(*r.expected_value == Approx(46.3));
  CHECK(*r.completion == Approx(0.6));  // (46.5 − 45.3) ÷ 2
  CHECK(r.status == Status::kOnTrack);
  CHECK(at_june("46.2").status == Status::kBehind);    // 0.45 = 0.9 × 0.5
  CHECK(at_june("46.1").status == Status::kOffTrack);  // 0.4
  CHECK(indicator_cells(r, false).target == "+2个百分点");
  CHECK(indicator_cells(r, true).target == "+2 pp");
  // 下降1.5个百分点: the sign is the direction; a ceiling of 45.3 − 1.5 = 43.8.
  Fixture f(indicator("dn",
                      "kind = \"level\"\nunit = \"%\"\nchange = \"-1.5个百分点\"\n"
                      "baseline = { value = 45.3, year = 2023 }\n"),
            actual("dn", "2024-06", "44", "2024-07-05T09:00:00+08:00"));
  r = f.row("a.dn", "2024-06", kJul15);
  CHECK(r.target->str() == "43.8");
  CHECK(r.direction == Direction::kDown);
  CHECK(indicator_cells(r, false).target == "-1.5个百分点");
}

TEST_CASE("report: a rank is met at or above its place; lower is better") {
  // 进入全省前10名: target 10, a level going down. Behind while
  // 0.90 × rank ≤ 10 (11th), off-track beyond (12th).
  auto at = [](std::string_view period, std::string_view value, Date as_of) {
    Fixture f(indicator("r", "kind = \"rank\"\ntarget = 10\n"),
              actual("r", period, value, "2025-01-05T09:00:00+08:00"));
    return f.row("a.r", period, as_of);
  };
  IndicatorRow r = at("2024-06", "8", Date{2025, 1, 15});
  CHECK(r.unit == "名");
  CHECK(r.direction == Direction::kDown);
  CHECK(r.status == Status::kOnTrack);
  CHECK(at("2024-06", "10", Date{2025, 1, 15}).status == Status::kOnTrack);
  CHECK(at("2024-06", "11", Date{2025, 1, 15}).status == Status::kBehind);    // 9.9 ≤ 10
  CHECK(at("2024-06", "12", Date{2025, 1, 15}).status == Status::kOffTrack);  // 10.8 > 10
  CHECK(at("2024-12", "8", Date{2025, 1, 15}).status == Status::kDone);
  CHECK(indicator_cells(r, false).target == "前10名");
  CHECK(indicator_cells(r, true).target == "top 10");
  Fixture s(indicator("r", "kind = \"排名\"\ntarget = 10\nstretch = 5\n"),
            actual("r", "2024-06", "4", "2024-07-05T09:00:00+08:00"));
  r = s.row("a.r", "2024-06", kJul15);
  CHECK(r.stretch_reached);  // 4th is within 前5名
  CHECK(indicator_cells(r, false).target == "前10名（力争前5名，已达）");
}
