#include "core/read/load.h"

#include <catch2/catch.hpp>

#include "core/check/check.h"
#include "core/read/actuals.h"
#include "core/read/toml_fields.h"
#include "plan_fixture.h"
#include "test_texts.h"

using namespace tally;
using namespace tally::test;

namespace {

// Turns LF line ends into CRLF.
std::string crlf(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

const char* const kFullPlan = R"([plan]
id = "full-2024"
title = "完整方案"
document = "示例发〔2024〕1号"
issued = 2023-12-28
start = 2024-01-01
end = 2024-12-31
utc_offset = "-05:30"

[reporting]
cadence = "dekad"
timely_days = 5

[thresholds]
behind = 0.85

[evaluation]
progress = 2
reporting = 1
tasks = 0
problems = 1.5
)";

const char* const kFullAction = R"([action]
id = "a"
number = 1
name = "产业行动"
name_en = "Industry"
annex = "附件1"
lead = ["fgj", "gxj"]
office = "fgj"
also = ["b.other"]

[[indicator]]
id = "a.output"
name = "工业总产值"
kind = "cumulative"
unit = "亿元"
target = 3.6
direction = "up"
lead = "gxj"
co = ["fgj"]
cadence = "quarter"
schedule = [0.15, 0.45, 0.75, 1.0]
basis = "period"
baseline = { value = 3.27, year = 2023 }
metric = "output"
source = "附件1 一"
note = "增速10%"

[[indicator]]
id = "a.museum"
name = "建成博物馆"
kind = "milestone"
lead = ["fgj", "gxj"]
co = "gxj"
due = 2024-11-30
stages = [{ date = 2024-06-30, stage = "in-progress" }, { date = 2024-11-30, stage = "done" }]
schedule = "end"
)";

const char* const kActuals = R"([[actual]]
indicator = "a.output"
period = "2024-Q1"
value = 0.8
recorded = 2024-04-09T16:45:00+08:00
by = "gxj"
source = "统计局季报"
note = "一季度"

[[actual]]
indicator = "a.museum"
period = "2024-06中旬"
value = "60%"
recorded = 2024-06-21T02:00:00Z
by = "fgj"
source = "月报"
reason = "补报"

[[actual]]
indicator = "a.museum"
period = "2024-07"
value = "done"
recorded = 2024-08-01T09:00:00
by = "fgj"
source = "月报"
)";

}  // namespace

TEST_CASE("load: the base plan and the defaults of plan.toml") {
  LoadResult r = TestPlan().load();
  CHECK(lines(r).empty());
  CHECK_FALSE(r.fatal);
  const PlanHeader& h = r.plan.header;
  CHECK(h.id == "t-2024");
  CHECK(h.title == "测试方案");
  CHECK(h.document.empty());
  CHECK_FALSE(h.issued);
  CHECK(h.start == Date{2024, 1, 1});
  CHECK(h.end == Date{2024, 12, 31});
  CHECK(h.utc_offset == "+08:00");
  CHECK(h.utc_offset_minutes == 480);
  CHECK(h.cadence == Cadence::kMonth);
  CHECK(h.timely_days == 0);
  CHECK(h.behind == 0.9);
  CHECK(h.evaluation.progress == 40);
  CHECK(h.evaluation.reporting == 20);
  CHECK(h.evaluation.tasks == 20);
  CHECK(h.evaluation.problems == 20);
  CHECK(r.plan.dir == "p");
  CHECK(r.plan.actuals_dir == "p/actuals");
  CHECK(r.plan.actuals.empty());
}

TEST_CASE("load: every key of plan.toml") {
  LoadResult r = TestPlan().put("plan.toml", kFullPlan).load();
  CHECK(lines(r).empty());
  const PlanHeader& h = r.plan.header;
  CHECK(h.id == "full-2024");
  CHECK(h.document == "示例发〔2024〕1号");
  CHECK(h.issued == Date{2023, 12, 28});
  CHECK(h.utc_offset == "-05:30");
  CHECK(h.utc_offset_minutes == -330);
  CHECK(h.cadence == Cadence::kDekad);
  CHECK(h.timely_days == 5);
  CHECK(h.behind == 0.85);
  CHECK(h.evaluation.progress == 2);
  CHECK(h.evaluation.reporting == 1);
  CHECK(h.evaluation.tasks == 0);
  CHECK(h.evaluation.problems == 1.5);
  CHECK(r.files.path(h.loc.file) == "p/plan.toml");
  CHECK(h.loc.line == 1);
  CHECK(h.loc.col == 1);
}

TEST_CASE("load: bureaus, with their locations") {
  LoadResult r = TestPlan()
                     .put("bureaus.toml", R"([bureau.fgj]
name = "市发改局"
full_name = "洪江市发展和改革局"
aliases = ["市发展和改革局", "发改局"]
kind = "department"

  [bureau.xz-1]
  name = "黔阳镇"
)")
                     .load();
  CHECK(lines(r).empty());
  REQUIRE(r.plan.bureaus.size() == 2);
  const Bureau& b = r.plan.bureaus[0];
  CHECK(b.id == "fgj");
  CHECK(b.name == "市发改局");
  CHECK(b.full_name == "洪江市发展和改革局");
  CHECK(b.aliases == std::vector<std::string>{"市发展和改革局", "发改局"});
  CHECK(b.kind == "department");
  CHECK(r.files.path(b.loc.file) == "p/bureaus.toml");
  CHECK(b.loc.line == 1);
  CHECK(b.loc.col == 9);  // the id in [bureau.fgj]
  const Bureau& t = r.plan.bureaus[1];
  CHECK(t.id == "xz-1");
  CHECK(t.kind == "other");  // the default
  CHECK(t.full_name.empty());
  CHECK(t.aliases.empty());
  CHECK(t.loc.line == 7);
  CHECK(t.loc.col == 11);
  CHECK(r.plan.resolve_bureau_name("发改局") == &b);
  CHECK(r.plan.resolve_bureau_name("洪江市发展和改革局") == &b);
  CHECK(r.plan.resolve_bureau_name("xz-1") == &t);
  CHECK(r.plan.resolve_bureau_name("市政府") == nullptr);
}

TEST_CASE("load: an action and its indicators, every key") {
  LoadResult r = TestPlan()
                     .put("actions/01-a.toml", kFullAction)
                     .put("actions/02-b.toml", R"([action]
id = "b"
number = 2
name = "改革行动"
lead = "gxj"

[[indicator]]
id = "b.other"
name = "其他"
kind = "growth"
unit = "%"
target = -50
direction = "down"
lead = "gxj"
)")
                     .load();
  CHECK(lines(r).empty());
  REQUIRE(r.plan.actions.size() == 2);
  const Action& a = r.plan.actions[0];
  CHECK(a.id == "a");
  CHECK(a.number == 1);
  CHECK(a.name_en == "Industry");
  CHECK(a.annex == "附件1");
  CHECK(a.lead == std::vector<std::string>{"fgj", "gxj"});
  CHECK(a.office == "fgj");
  CHECK(a.also == std::vector<std::string>{"b.other"});
  CHECK(a.file == "actions/01-a.toml");
  CHECK(a.loc.line == 1);
  CHECK(a.at("office").line == 8);
  CHECK(a.at("office").col == 10);
  CHECK(r.plan.actions[1].lead == std::vector<std::string>{"gxj"});  // a string is one lead

  REQUIRE(r.plan.indicators.size() == 3);
  const Indicator& out = r.plan.indicators[0];
  CHECK(out.id == "a.output");
  CHECK(out.kind == Kind::kCumulative);
  CHECK(out.unit == "亿元");
  CHECK(out.target->str() == "3.6");
  CHECK(out.direction == Direction::kUp);
  CHECK(out.lead == std::vector<std::string>{"gxj"});
  CHECK(out.co == std::vector<std::string>{"fgj"});
  CHECK(out.cadence == Cadence::kQuarter);
  CHECK(out.schedule.type == Schedule::Type::kShares);
  CHECK(out.schedule.shares == std::vector<double>{0.15, 0.45, 0.75, 1.0});
  CHECK(out.basis == Basis::kPeriod);
  REQUIRE(out.baseline);
  CHECK(out.baseline->value.str() == "3.27");
  CHECK(out.baseline->year == 2023);
  CHECK(out.metric == "output");
  CHECK(out.source == "附件1 一");
  CHECK(out.note == "增速10%");
  CHECK(out.action == 0);
  CHECK(out.loc.line == 11);
  CHECK(out.loc.col == 1);
  CHECK(out.at("target").line == 16);
  CHECK(out.at("target").col == 10);
  CHECK(out.at("no-such-key").line == 11);  // falls back to the table

  const Indicator& m = r.plan.indicators[1];
  CHECK(m.kind == Kind::kMilestone);
  CHECK_FALSE(m.target);
  CHECK(m.unit.empty());
  CHECK(m.lead == std::vector<std::string>{"fgj", "gxj"});
  CHECK(m.co == std::vector<std::string>{"gxj"});  // a string is one co-worker
  CHECK(m.due == Date{2024, 11, 30});
  CHECK(m.schedule.type == Schedule::Type::kEnd);
  CHECK_FALSE(m.cadence);  // the plan's
  CHECK(r.plan.cadence_of(m) == Cadence::kMonth);
  REQUIRE(m.stages.size() == 2);
  CHECK(m.stages[0].date == Date{2024, 6, 30});
  CHECK(m.stages[0].stage == Stage::kInProgress);
  CHECK(m.stages[1].stage == Stage::kDone);
  CHECK(m.stages[1].loc.line == 35);
  CHECK(m.stages[1].loc.col == 57);

  const Indicator& g = r.plan.indicators[2];
  CHECK(g.kind == Kind::kGrowth);
  CHECK(g.target->str() == "-50");
  CHECK(g.direction == Direction::kDown);
  CHECK(g.action == 1);
  CHECK(g.basis == Basis::kYtd);  // the default
  CHECK(g.schedule.type == Schedule::Type::kEven);
}

TEST_CASE("load: actuals, every key and every kind of value") {
  LoadResult r = TestPlan()
                     .put("actions/01-a.toml", kFullAction)
                     .put("actions/02-b.toml",
                          "[action]\nid = \"b\"\nnumber = 2\nname = \"b\"\n"
                          "lead = \"gxj\"\n[[indicator]]\nid = \"b.other\"\n"
                          "name = \"x\"\nkind = \"level\"\nunit = \"户\"\n"
                          "target = 1\nlead = \"gxj\"\n")
                     .put("actuals/gxj.toml", kActuals)
                     .put("actuals/README.md", "not read")
                     .load();
  CHECK(lines(r).empty());
  REQUIRE(r.plan.actuals.size() == 3);
  const Actual& q = r.plan.actuals[0];
  CHECK(q.indicator == "a.output");
  CHECK(q.period.str() == "2024-Q1");
  CHECK(q.period.str() == "2024-Q1");
  CHECK(q.value.number->str() == "0.8");
  CHECK_FALSE(q.value.stage);
  CHECK(q.recorded.text() == "2024-04-09T16:45:00+08:00");
  CHECK(q.recorded.offset_minutes == 480);
  CHECK(q.recorded.epoch_seconds == 1712652300);
  CHECK(q.by == "gxj");
  CHECK(q.source == "统计局季报");
  CHECK(q.note == "一季度");
  CHECK(q.reason.empty());
  CHECK(q.file_order == 0);
  CHECK(r.files.path(q.loc.file) == "p/actuals/gxj.toml");
  CHECK(q.loc.line == 1);
  CHECK(q.period_loc().line == 3);
  CHECK(q.period_loc().col == 10);
  CHECK(q.value_loc().line == 4);
  CHECK(q.value_loc().col == 9);
  CHECK(q.recorded_loc().line == 5);
  CHECK(q.recorded_loc().col == 12);
  CHECK(q.by_loc().line == 6);
  CHECK(q.by_loc().col == 6);

  const Actual& p = r.plan.actuals[1];
  CHECK(p.period.str() == "2024-06-D2");  // 中旬, canonical
  CHECK(p.value.percent == 60.0);
  CHECK(p.value.stage == Stage::kInProgress);
  CHECK_FALSE(p.value.number);
  CHECK(p.recorded.text() == "2024-06-21T02:00:00+00:00");
  CHECK(p.recorded.epoch_seconds == 1718935200);
  CHECK(p.reason == "补报");
  CHECK(p.file_order == 1);
  CHECK(p.loc.line == 10);

  const Actual& d = r.plan.actuals[2];
  CHECK(d.value.stage == Stage::kDone);
  CHECK_FALSE(d.value.percent);
  // No offset written: the plan's, +08:00.
  CHECK(d.recorded.text() == "2024-08-01T09:00:00+08:00");
  CHECK(d.recorded.epoch_seconds == 1722474000);
}

TEST_CASE("load: percents of milestones") {
  auto value_of = [](const char* v) {
    std::vector<Actual> out;
    Diagnostics diags;
    load_actuals_text(fmt::format("[[actual]]\nindicator = \"x.y\"\nperiod = \"2024-06\"\n"
                                  "value = \"{}\"\nrecorded = 2024-07-01T00:00:00+08:00\n"
                                  "by = \"a\"\nsource = \"s\"\n",
                                  v),
                      1, Plan{}, test_texts(), out, diags);
    REQUIRE(out.size() == 1);
    return out[0].value;
  };
  CHECK(value_of("0%").stage == Stage::kNotStarted);
  CHECK(value_of("0.5%").stage == Stage::kInProgress);
  CHECK(value_of("99.9%").stage == Stage::kInProgress);
  CHECK(value_of("100%").stage == Stage::kDone);
  CHECK(value_of("100%").percent == 100.0);
  CHECK(value_of("not-started").stage == Stage::kNotStarted);
  CHECK(value_of("in-progress").stage == Stage::kInProgress);
}

TEST_CASE("load: a BOM and CRLF line ends are accepted in every file, locations unchanged") {
  const std::string bom = "\xEF\xBB\xBF";
  TestPlan plain;
  plain.put("plan.toml", kFullPlan)
      .put("actions/01-a.toml", kFullAction)
      .put("actions/02-b.toml",
           "[action]\nid = \"b\"\nnumber = 2\nname = \"b\"\nlead = \"gxj\"\n"
           "[[indicator]]\nid = \"b.other\"\nname = \"x\"\nkind = \"level\"\n"
           "unit = \"户\"\ntarget = 1\nlead = \"gxj\"\n")
      .put("actuals/gxj.toml", kActuals);
  TestPlan windows;
  for (const char* rel : {"plan.toml", "bureaus.toml", "actions/01-a.toml", "actions/02-b.toml",
                          "actuals/gxj.toml"}) {
    std::string error;
    windows.put(rel, bom + crlf(*plain.fs.read(std::string("p/") + rel, &error)));
  }
  LoadResult a = plain.load();
  LoadResult b = windows.load();
  CHECK(lines(a).empty());
  CHECK(lines(b).empty());
  CHECK(b.plan.header.id == "full-2024");
  REQUIRE(a.plan.indicators.size() == b.plan.indicators.size());
  REQUIRE(b.plan.bureaus.size() == 2);
  CHECK(b.plan.bureaus[0].loc.line == a.plan.bureaus[0].loc.line);
  CHECK(b.plan.bureaus[0].loc.col == a.plan.bureaus[0].loc.col);
  for (size_t i = 0; i < a.plan.indicators.size(); ++i) {
    CHECK(b.plan.indicators[i].at("target").line == a.plan.indicators[i].at("target").line);
    CHECK(b.plan.indicators[i].at("target").col == a.plan.indicators[i].at("target").col);
  }
  REQUIRE(b.plan.actuals.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(b.plan.actuals[i].value_loc().line == a.plan.actuals[i].value_loc().line);
    CHECK(b.plan.actuals[i].value_loc().col == a.plan.actuals[i].value_loc().col);
    CHECK(b.plan.actuals[i].source == a.plan.actuals[i].source);  // no stray \r
  }
  // The excerpt of a diagnostic shows neither the BOM nor the \r.
  uint32_t f = b.plan.header.loc.file;
  CHECK(b.files.line_text(f, 1) == "[plan]");
}

TEST_CASE("load: files are read in name order; other files are ignored") {
  LoadResult r = TestPlan()
                     .put("actions/00-z.toml",
                          "[action]\nid = \"z\"\nnumber = 9\nname = \"z\"\n"
                          "lead = \"fgj\"\n")
                     .put("actions/notes.md", "# not an action")
                     .put("actions/01-a.toml.orig", "garbage [")
                     .load();
  CHECK(lines(r).empty());
  REQUIRE(r.plan.actions.size() == 2);
  CHECK(r.plan.actions[0].id == "z");
  CHECK(r.plan.actions[1].id == "a");
}

TEST_CASE("load: actuals files go to plan.actuals in file order, whichever reader read them") {
  auto record = [](const std::string& period, const std::string& note) {
    return "[[actual]]\nindicator = \"a.output\"\nperiod = \"" + period +
           "\"\nvalue = 1\nrecorded = 2024-07-01T10:00:00+08:00\nby = \"gxj\"\nsource = \"s\"\n"
           "note = \"" +
           note + "\"\n\n";
  };
  auto inline_record = [](const std::string& period, const std::string& note) {
    return "{ indicator = \"a.output\", period = \"" + period +
           "\", value = 2, recorded = 2024-07-02T10:00:00+08:00, by = \"gxj\", source = \"s\", "
           "note = \"" +
           note + "\" }";
  };
  // a.toml: three headers, the second record unreadable; b.toml: no header
  // (an inline array, which toml++ reads as a whole), three records that had
  // no place counted for them; c.toml: two records, and a header in a
  // comment that gives it a place more than it needs.
  LoadResult r =
      TestPlan()
          .put("actuals/a.toml",
               record("2024-01", "a1") + record("2024-13", "bad") + record("2024-03", "a3"))
          .put("actuals/b.toml", "actual = [\n  " + inline_record("2024-04", "b1") + ",\n  " +
                                     inline_record("2024-05", "b2") + ",\n  " +
                                     inline_record("2024-06", "b3") + ",\n]\n")
          .put("actuals/c.toml", "# each [[actual]] below is counted, and so is this one\n" +
                                     record("2024-07", "c1") + record("2024-08", "c2"))
          .load();
  REQUIRE(lines(r).size() == 1);
  const std::string finding = "actuals/a.toml:12:10: bad-period: '2024-13': there is no month 13";
  CHECK(lines(r)[0].ends_with(finding));
  std::vector<std::string> notes;
  for (size_t i = 0; i < r.plan.actuals.size(); ++i) {
    const Actual& a = r.plan.actuals[i];
    notes.push_back(a.note.str() + "@" + std::to_string(a.file_order));
  }
  // file_order: the record's place in plan.actuals.
  CHECK(notes == std::vector<std::string>{"a1@0", "a3@1", "b1@2", "b2@3", "b3@4", "c1@5", "c2@6"});
}

TEST_CASE("load: actuals whose text is not kept read the same; an excerpt reads it again") {
  const std::string text =
      "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-01\"\nvalue = 1\n"
      "recorded = 2024-02-01T10:00:00+08:00\nby = \"gxj\"\nsource = \"s\"\nnote = \"一月\"\n\n"
      "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-13\"\nvalue = 2\n"
      "recorded = 2024-02-01T10:00:00+08:00\nby = \"gxj\"\nsource = \"s\"\n";
  TestPlan t;
  t.put("actuals/a.toml", text);
  const LoadResult kept = t.load();
  LoadOptions options{"p", "", false};
  options.keep_actuals_text = false;
  const LoadResult lean = load_plan(t.fs, options);
  CHECK(lines(lean) == lines(kept));
  REQUIRE(lean.plan.actuals.size() == 1);
  CHECK(lean.plan.actuals[0].note == "一月");
  CHECK(lean.plan.actuals[0].value_loc().line == 4);
  REQUIRE(lean.diags.items().size() == 1);
  // Line 12, column 10: the bad period's value; the line is read again.
  const std::string shown =
      "p/actuals/a.toml:12:10: error: '2024-13': there is no month 13 [bad-period]\n"
      "  period = \"2024-13\"\n"
      "           ^\n";
  CHECK(format_diagnostic(lean.diags.items()[0], lean.files, false) == shown);
  CHECK(format_diagnostic(kept.diags.items()[0], kept.files, false) == shown);
}

TEST_CASE("load: --actuals DIR and skipping actuals") {
  TestPlan t;
  t.put("actuals/gxj.toml", "this is [ not toml");
  t.fs.put("demo/gxj.toml",
           "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-06\"\n"
           "value = 1.8\nrecorded = 2024-07-01T10:00:00+08:00\nby = \"gxj\"\n"
           "source = \"s\"\n");
  LoadResult other = load_plan(t.fs, LoadOptions{"p", "demo", false});
  CHECK(lines(other).empty());
  CHECK(other.plan.actuals_dir == "demo");
  REQUIRE(other.plan.actuals.size() == 1);
  CHECK(other.files.path(other.plan.actuals[0].loc.file) == "demo/gxj.toml");

  LoadResult skipped = t.load(true);
  CHECK(lines(skipped).empty());
  CHECK(skipped.plan.actuals.empty());

  LoadResult missing = load_plan(t.fs, LoadOptions{"p", "nowhere", false});
  CHECK(lines(missing) == Lines{"nowhere:0:0: missing-file: the actuals directory does not exist"});
}

TEST_CASE("load: files that cannot be used") {
  SECTION("no plan.toml: nothing else is read") {
    MemoryFileSystem fs;
    LoadResult r = load_plan(fs, LoadOptions{"p", "", false});
    CHECK(r.fatal);
    CHECK(lines(r) ==
          Lines{"p/plan.toml:0:0: unreadable-file: cannot read: No such file or directory"});
  }
  SECTION("no bureaus.toml") {
    TestPlan t;
    t.fs = MemoryFileSystem();
    t.put("plan.toml", kPlanToml).put("actions/01-a.toml", kActionToml);
    LoadResult r = t.load();
    CHECK_FALSE(r.fatal);
    CHECK(lines(r) ==
          Lines{"p/bureaus.toml:0:0: unreadable-file: cannot read: No such file or directory"});
  }
  SECTION("no actions") {
    TestPlan t;
    t.fs = MemoryFileSystem();
    t.put("plan.toml", kPlanToml).put("bureaus.toml", kBureausToml);
    CHECK(lines(t.load()) == Lines{"p/actions:0:0: missing-file: the plan has no actions; add "
                                   "actions/01-<slug>.toml with an [action] table"});
  }
  SECTION("a syntax error, located by toml++") {
    LoadResult r = TestPlan().put("plan.toml", "[plan]\nid = \"t\nend = 2024-12-31\n").load();
    CHECK(r.fatal);
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].code == "toml-syntax");
    CHECK(r.diags.items()[0].loc.line == 2);
  }
  SECTION("GBK: the byte offset, and the line and column of the first bad byte") {
    // 市发改局 in GBK, in the second line.
    LoadResult r =
        TestPlan()
            .put("bureaus.toml", "[bureau.fgj]\nname = \"\xca\xd0\xb7\xa2\xb8\xc4\xbe\xd6\"\n")
            .load();
    CHECK(lines(r) == Lines{"p/bureaus.toml:2:9: not-utf8: the file is not UTF-8: byte 0xCA at "
                            "offset 21 (GBK or another legacy encoding?); save it as UTF-8"});
  }
  SECTION("UTF-16, as Notepad saves 'Unicode'") {
    LoadResult r = TestPlan().put("bureaus.toml", std::string("\xFF\xFE[\0b\0", 6)).load();
    CHECK(lines(r) == Lines{"p/bureaus.toml:1:1: not-utf8: the file is UTF-16 (it starts with a "
                            "UTF-16 byte-order mark); save it as UTF-8"});
  }
  SECTION("a bad byte after Chinese text counts columns in characters") {
    LoadResult r = TestPlan().put("bureaus.toml", "# 发改局 \xff\n").load();
    CHECK(lines(r) == Lines{"p/bureaus.toml:1:7: not-utf8: the file is not UTF-8: byte 0xFF at "
                            "offset 12 (GBK or another legacy encoding?); save it as UTF-8"});
  }
}

TEST_CASE("load: TOML that toml++ refuses") {
  auto syntax = [](std::string text) {
    LoadResult r = TestPlan().put("actions/01-a.toml", std::move(text)).load();
    REQUIRE(r.diags.items().size() == 1);
    const Diagnostic& d = r.diags.items()[0];
    CHECK(d.code == "toml-syntax");
    return fmt::format("{}:{}: {}", d.loc.line, d.loc.col, d.message);
  };
  CHECK(
      syntax("[action]\nid = \"a\"\nid = \"b\"\n") ==
      "3:6: TOML syntax: Error while parsing key-value pair: cannot redefine existing string 'id'");
  CHECK(syntax("[action]\n[action]\n") ==
        "2:1: TOML syntax: Error while parsing table header: cannot redefine existing table "
        "'action'");
  CHECK(syntax("[action]\nissued = 2024-02-30\n") ==
        "2:18: TOML syntax: Error while parsing date: expected day between 1 and 29 (inclusive), "
        "saw 30");
  CHECK(syntax("[action]\nname = \"产业\" 行动\n") ==
        "2:13: TOML syntax: Error while parsing key-value pair: expected a comment or whitespace, "
        "saw '行'");
  // Chinese-keyboard slips are named, with the ASCII to write.
  CHECK(syntax("[action]\nname = “产业”\n") ==
        "2:8: TOML syntax: Error while parsing value: could not determine value type ('“' is a "
        "curly quote; write '\"')");
  CHECK(syntax("[action]\nnumber ＝ 1\n") ==
        "2:8: TOML syntax: Error while parsing key-value pair: expected '=', saw '＝' ('＝' is a "
        "full-width equals sign; write '=')");
  CHECK(syntax("[action]\nlead = [\"fgj\"，\"gxj\"]\n") ==
        "2:14: TOML syntax: Error while parsing array: expected comma or closing ']', saw '，' "
        "('，' is a full-width comma; write ',')");
  CHECK(syntax("[action]\nnumber = ３\n") ==
        "2:10: TOML syntax: Error while parsing value: could not determine value type ('３' is a "
        "full-width digit; write '3')");
  // A curly quote in an actuals file is named too.
  LoadResult r = TestPlan().put("actuals/gxj.toml", "[[actual]]\nby = ‘gxj’\n").load();
  CHECK(lines(r) == Lines{"p/actuals/gxj.toml:2:6: toml-syntax: TOML syntax: Error while parsing "
                          "value: could not determine value type ('‘' is a curly quote; write "
                          "''')"});
}

// toml++ 3.3.0 asks whether such a character is whitespace of a table that
// had no answer for it (undefined behaviour, core/read/toml.h); the sanitizer
// build fails here if the answer is missing again.
TEST_CASE("load: a non-ASCII character where whitespace may stand") {
  // After a line-ending backslash the next line's text starts at its first
  // character that is not whitespace: "§", U+00A7.
  LoadResult r = TestPlan()
                     .put("plan.toml",
                          "[plan]\nid = \"t-2024\"\ntitle = \"\"\"\\\n  §测试方案\"\"\"\n"
                          "start = 2024-01-01\nend = 2024-12-31\n")
                     .load();
  CHECK(lines(r).empty());
  CHECK(r.plan.header.title == "§测试方案");
  // After a value: "é" (U+00E9) is neither whitespace nor a comment.
  LoadResult e = TestPlan().put("actions/01-a.toml", "[action]\nname = \"产业\" é\n").load();
  CHECK(lines(e) == Lines{"p/actions/01-a.toml:2:13: toml-syntax: TOML syntax: Error while parsing "
                          "key-value pair: expected a comment or whitespace, saw 'é'"});
}

TEST_CASE("load: empty files") {
  CHECK(lines(TestPlan().put("plan.toml", "").load()) ==
        Lines{"p/plan.toml:1:1: missing-key: plan.toml has no 'plan'; add plan = …"});
  CHECK(lines(TestPlan().put("bureaus.toml", "").load()) ==
        Lines{"p/bureaus.toml:1:1: missing-key: bureaus.toml has no 'bureau'; add bureau = …"});
  CHECK(lines(TestPlan().put("actions/01-a.toml", "").load()) ==
        Lines{"p/actions/01-a.toml:1:1: missing-key: actions/01-a.toml has no 'action'; add "
              "action = …"});
  CHECK(lines(TestPlan().put("actuals/gxj.toml", "").load()).empty());
  CHECK(lines(TestPlan().put("actuals/gxj.toml", "\xEF\xBB\xBF").load()).empty());
}

TEST_CASE("load_actuals_text reads one file's text") {
  std::vector<Actual> out;
  Diagnostics diags;
  load_actuals_text(
      "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-13\"\nvalue = 1\n"
      "recorded = 2024-07-01T10:00:00+08:00\nby = \"gxj\"\nsource = \"s\"\n",
      7, Plan{}, test_texts(), out, diags);
  CHECK(out.empty());  // a record that cannot be read is not kept
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "bad-period");
  CHECK(diags.items()[0].loc.file == 7);
  CHECK(diags.items()[0].loc.line == 3);
  CHECK(diags.items()[0].loc.col == 10);
  CHECK(diags.items()[0].message == "'2024-13': there is no month 13");
}

TEST_CASE("is_slug, strip_bom, check_utf8") {
  CHECK(is_slug("fgj"));
  CHECK(is_slug("xz-1"));
  CHECK(is_slug("2024"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("-a"));
  CHECK_FALSE(is_slug("a-"));
  CHECK_FALSE(is_slug("FGJ"));
  CHECK_FALSE(is_slug("a_b"));
  CHECK_FALSE(is_slug("a.b"));
  CHECK_FALSE(is_slug("发改局"));
  CHECK(strip_bom("\xEF\xBB\xBFx") == "x");
  CHECK(strip_bom("x\xEF\xBB\xBF") == "x\xEF\xBB\xBF");
  CHECK(strip_bom("") == "");
  Diagnostics diags;
  CHECK(check_utf8("市发改局", 1, diags));
  CHECK(diags.empty());
  CHECK_FALSE(check_utf8("a\nbc\xff", 1, diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].loc.line == 2);
  CHECK(diags.items()[0].loc.col == 3);
}

TEST_CASE("load: required strings may not be empty; lead needs a bureau") {
  CHECK(lines(TestPlan()
                  .put("plan.toml",
                       "[plan]\nid = \"t\"\ntitle = \"\"\nstart = 2024-01-01\n"
                       "end = 2024-12-31\n")
                  .load()) ==
        Lines{"p/plan.toml:3:9: empty-value: 'title' is empty in [plan]; write its value"});
  std::string a = kActionToml;
  a.replace(a.find("lead = \"gxj\""), 12, "lead = []\nco = [\"fgj\", \"\"]\nunit2 = 1");
  CHECK(
      lines(TestPlan().put("actions/01-a.toml", a).load()) ==
      Lines{"p/actions/01-a.toml:13:8: missing-key: indicator 'a.output' needs at least one lead "
            "bureau",
            "p/actions/01-a.toml:14:14: empty-value: 'co' is empty in indicator 'a.output'; write "
            "its value",
            "p/actions/01-a.toml:15:1: unknown-key: unknown key 'unit2' in indicator 'a.output' "
            "(did you mean 'unit'?)"});
  // An item of the wrong type is reported once, not also as an empty lead.
  a = kActionToml;
  a.replace(a.find("lead = \"gxj\""), 12, "lead = [1]");
  CHECK(lines(TestPlan().put("actions/01-a.toml", a).load()) ==
        Lines{"p/actions/01-a.toml:13:9: wrong-type: 'lead' must hold strings, not an integer"});
  // A unit is never empty: a count names what it counts. A note (free text)
  // may be left empty; an empty fixed word is empty, not misspelt.
  a = kActionToml;
  a.replace(a.find("unit = \"亿元\""), std::string("unit = \"亿元\"").size(),
            "unit = \"\"\nnote = \"\"\ndirection = \"\"");
  CHECK(lines(TestPlan().put("actions/01-a.toml", a).load()) ==
        Lines{"p/actions/01-a.toml:11:8: empty-value: 'unit' is empty in indicator 'a.output'; a "
              "count names what it counts: unit = \"个\" (or 项, 家, 人, 次); a ratio is unit = "
              "\"%\"",
              "p/actions/01-a.toml:13:13: empty-value: 'direction' is empty in indicator "
              "'a.output'; write its value"});
  // An actual with an empty `by` is reported and not kept.
  LoadResult r = TestPlan()
                     .put("actuals/gxj.toml",
                          "[[actual]]\nindicator = \"a.output\"\nperiod = "
                          "\"2024-06\"\nvalue = 1\nrecorded = "
                          "2024-07-01T10:00:00+08:00\nby = \"\"\nsource = \"s\"\n")
                     .load();
  CHECK(lines(r) == Lines{"p/actuals/gxj.toml:6:6: empty-value: 'by' is empty in the record for "
                          "'a.output'; write its value"});
  CHECK(r.plan.actuals.empty());
}

TEST_CASE("load: integers that must fit") {
  std::string a = kActionToml;
  a.replace(a.find("number = 1"), 10, "number = 99999999999");
  CHECK(lines(TestPlan().put("actions/01-a.toml", a).load()) ==
        Lines{"p/actions/01-a.toml:3:10: bad-number: 'number' = 99999999999 must be between 1 and "
              "999"});
  CHECK(lines(TestPlan()
                  .add_indicator("[[indicator]]\nid = \"a.l\"\nname = \"l\"\nkind = \"level\"\n"
                                 "unit = \"户\"\ntarget = 2\nlead = \"fgj\"\n"
                                 "baseline = { value = 1, year = -2023 }\n")
                  .load()) ==
        Lines{"p/actions/01-a.toml:22:32: bad-number: 'year' = -2023 must be between 1 and 9999"});
}

TEST_CASE("load: what is unread is marked, so checks can stay silent") {
  CHECK_FALSE(TestPlan().load().plan.unread.dates);
  CHECK_FALSE(TestPlan().load().plan.unread.bureaus);
  CHECK_FALSE(TestPlan().load().plan.unread.indicators);
  CHECK(TestPlan()
            .put("plan.toml", "[plan]\nid = \"t\"\ntitle = \"t\"\nend = 2024-12-31\n")
            .load()
            .plan.unread.dates);
  CHECK(TestPlan().put("bureaus.toml", "x = 1\n").load().plan.unread.bureaus);
  CHECK(TestPlan().put("bureaus.toml", "\xff").load().plan.unread.bureaus);
  CHECK(TestPlan().put("actions/02-b.toml", "[").load().plan.unread.indicators);
}

TEST_CASE("load: an actuals path that is a file") {
  TestPlan t;
  t.put("actuals", "not a directory");
  CHECK(lines(t.load()) == Lines{"p/actuals:0:0: missing-file: this is a file; actuals live in a "
                                 "directory of <bureau>.toml files"});
}

TEST_CASE("load: the Chinese words of every enum give the canonical value") {
  LoadResult r = TestPlan()
                     .put("plan.toml",
                          "[plan]\nid = \"t\"\ntitle = \"t\"\nstart = 2024-01-01\n"
                          "end = 2024-12-31\n\n[reporting]\ncadence = \"旬\"\n")
                     .add_indicator(
                         "[[indicator]]\nid = \"a.g\"\nname = \"g\"\nkind = \"增速\"\n"
                         "unit = \"%\"\ntarget = -3\ndirection = \"下降\"\n"
                         "lead = \"fgj\"\ncadence = \"季度\"\nschedule = \"年底\"\n\n"
                         "[[indicator]]\nid = \"a.c\"\nname = \"c\"\nkind = \"累计\"\n"
                         "unit = \"家\"\ntarget = 3\ndirection = \"上升\"\n"
                         "lead = \"fgj\"\ncadence = \"半年\"\nbasis = \"当期\"\n"
                         "schedule = \"均匀\"\n\n"
                         "[[indicator]]\nid = \"a.l\"\nname = \"l\"\nkind = \"存量\"\n"
                         "unit = \"户\"\ntarget = 2\nlead = \"fgj\"\ncadence = \"年度\"\n\n"
                         "[[indicator]]\nid = \"a.m\"\nname = \"m\"\nkind = \"里程碑\"\n"
                         "lead = \"fgj\"\ncadence = \"月\"\ndue = 2024-10-31\n"
                         "stages = [{ date = 2024-03-31, stage = \"未开始\" }, "
                         "{ date = 2024-06-30, stage = \"在建\" }, "
                         "{ date = 2024-10-31, stage = \"完成\" }]\n")
                     .load();
  CHECK(lines(r).empty());
  CHECK(r.plan.header.cadence == Cadence::kDekad);
  REQUIRE(r.plan.indicators.size() == 5);
  const Indicator& g = r.plan.indicators[1];
  CHECK(g.kind == Kind::kGrowth);
  CHECK(g.direction == Direction::kDown);
  CHECK(g.cadence == Cadence::kQuarter);
  CHECK(g.schedule.type == Schedule::Type::kEnd);
  const Indicator& c = r.plan.indicators[2];
  CHECK(c.kind == Kind::kCumulative);
  CHECK(c.direction == Direction::kUp);
  CHECK(c.cadence == Cadence::kHalf);
  CHECK(c.basis == Basis::kPeriod);
  CHECK(c.schedule.type == Schedule::Type::kEven);
  CHECK(r.plan.indicators[3].kind == Kind::kLevel);
  CHECK(r.plan.indicators[3].cadence == Cadence::kYear);
  const Indicator& m = r.plan.indicators[4];
  CHECK(m.kind == Kind::kMilestone);
  CHECK(m.cadence == Cadence::kMonth);
  REQUIRE(m.stages.size() == 3);
  CHECK(m.stages[0].stage == Stage::kNotStarted);
  CHECK(m.stages[1].stage == Stage::kInProgress);
  CHECK(m.stages[2].stage == Stage::kDone);
}

TEST_CASE("load: a bad kind is one message, with a suggestion in either language") {
  // A milestone whose kind is misspelt: no "needs a unit", "needs a target"
  // or "'due' belongs to milestones" after it.
  LoadResult r = TestPlan()
                     .add_indicator(
                         "[[indicator]]\nid = \"a.m\"\nname = \"m\"\nkind = \"里程\"\n"
                         "lead = \"fgj\"\ndue = 2024-10-31\n")
                     .load();
  CHECK(run_check(r, check_indicator_kinds).empty());
  CHECK(
      lines(r) ==
      Lines{
          "p/actions/01-a.toml:18:8: bad-enum: kind '里程' is not one of cumulative, level, "
          "growth, milestone, rank (in Chinese 累计, 存量, 增速, 里程碑, 排名, 名次) (did you mean "
          "'里程碑'?)"});
  CHECK(
      lines(TestPlan()
                .add_indicator("[[indicator]]\nid = \"a.m\"\nname = \"m\"\nkind = \"milestones\"\n"
                               "lead = \"fgj\"\ndue = 2024-10-31\n")
                .load()) ==
      Lines{"p/actions/01-a.toml:18:8: bad-enum: kind 'milestones' is not one of cumulative, "
            "level, growth, milestone, rank (in Chinese 累计, 存量, 增速, 里程碑, 排名, 名次) (did "
            "you "
            "mean "
            "'milestone'?)"});
  CHECK(
      lines(TestPlan()
                .put("plan.toml",
                     "[plan]\nid = \"t\"\ntitle = \"t\"\nstart = 2024-01-01\n"
                     "end = 2024-12-31\n\n[reporting]\ncadence = \"每月\"\n")
                .load()) ==
      Lines{
          "p/plan.toml:8:11: bad-enum: cadence '每月' is not one of dekad, month, quarter, half, "
          "year (in Chinese 旬, 月, 月度, 季, 季度, 半年, 半年度, 年, 年度) (did you mean '月'?)"});
}

TEST_CASE("load: an entry's own value, then its action's [defaults], then the plan's") {
  const std::string plan = std::string(kPlanToml) +
                           "\n[defaults]\nlead = \"fgj\"\ncadence = \"quarter\"\n"
                           "source = \"政府工作报告\"\n";
  const std::string action = R"([action]
id = "a"
number = 1
name = "产业行动"
lead = "fgj"

[defaults]
lead = "gxj"
unit = "万元"

[[indicator]]
id = "a.one"
name = "投资"
kind = "cumulative"
target = 30

[[indicator]]
id = "a.two"
name = "产值"
kind = "cumulative"
unit = "亿元"
target = 12
lead = "fgj"
cadence = "month"

[[indicator]]
id = "a.park"
name = "建成厂房"
kind = "milestone"

[[task]]
id = "a.reform"
name = "改革"
text = "深化改革"
)";
  LoadResult r = TestPlan().put("plan.toml", plan).put("actions/01-a.toml", action).load();
  REQUIRE(lines(r).empty());
  using Keys = std::set<std::string, std::less<>>;
  const Indicator& one = r.plan.indicators[0];
  CHECK(one.lead == std::vector<std::string>{"gxj"});  // the action's, not the plan's
  CHECK(one.unit == "万元");
  CHECK(one.cadence == Cadence::kQuarter);
  CHECK(one.source == "政府工作报告");
  CHECK(one.inherited == Keys{"cadence", "lead", "source", "unit"});
  // A value taken is located where the default is written (line 8 of the
  // action file), for the diagnostics that concern it.
  CHECK(one.at("lead").line == 8);
  CHECK(r.files.path(one.at("lead").file) == "p/actions/01-a.toml");
  CHECK(r.files.path(one.at("cadence").file) == "p/plan.toml");
  const Indicator& two = r.plan.indicators[1];
  CHECK(two.lead == std::vector<std::string>{"fgj"});
  CHECK(two.unit == "亿元");
  CHECK(two.cadence == Cadence::kMonth);
  CHECK(two.inherited == Keys{"source"});
  // A milestone takes no unit; a task takes lead, cadence and source.
  const Indicator& park = r.plan.indicators[2];
  CHECK(park.unit.empty());
  CHECK(park.inherited == Keys{"cadence", "lead", "source"});
  CHECK(r.plan.tasks[0].lead == std::vector<std::string>{"gxj"});
  CHECK(r.plan.tasks[0].inherited == Keys{"cadence", "lead", "source"});

  // An entry without a lead where no [defaults] gives one is told as before.
  LoadResult bare = TestPlan().put("actions/01-a.toml", action).load();
  CHECK(lines(bare) == Lines{});
  const std::string no_lead =
      action.substr(0, action.find("[defaults]")) + action.substr(action.find("[[indicator]]"));
  CHECK(
      lines(TestPlan().put("actions/01-a.toml", no_lead).load()) ==
      Lines{"p/actions/01-a.toml:7:1: missing-key: indicator 'a.one' has no 'unit'; add unit = …",
            "p/actions/01-a.toml:7:1: missing-key: indicator 'a.one' has no 'lead'; add lead = …",
            "p/actions/01-a.toml:22:1: missing-key: indicator 'a.park' has no 'lead'; add lead "
            "= …",
            "p/actions/01-a.toml:27:1: missing-key: task 'a.reform' has no 'lead'; add lead = …"});
}

TEST_CASE("load: targets as plans state them, and what check refuses in them") {
  auto found = [](const std::string& body, const std::string& plan_extra = "") {
    LoadResult r = TestPlan()
                       .put("plan.toml", std::string(kPlanToml) + plan_extra)
                       .add_indicator(
                           "[[indicator]]\nid = \"a.x\"\nname = \"增速\"\nkind = "
                           "\"growth\"\nunit = \"%\"\nlead = \"gxj\"\n" +
                           body)
                       .load();
    check_plan(r.plan, CheckOptions{Date{2025, 12, 31}, nullptr}, r.diags);
    return lines(r);
  };
  // The action file's a.x starts on line 15; its 7th line is the target.
  CHECK(found("target = { about = 3 }\n") ==
        Lines{"p/actions/01-a.toml:21:10: missing-key: 'a.x' is about 3 but says not how far "
              "about: write tolerance = … in the target (in %), or about = 0.1 in [thresholds] "
              "of plan.toml (±10%)"});
  CHECK(found("target = { about = 3 }\n", "\n[thresholds]\nabout = 0.1\n").empty());
  CHECK(found("target = { about = 3 }\n", "\n[thresholds]\nabout = 1.5\n") ==
        Lines{"p/plan.toml:8:9: bad-threshold: about = 1.5 must be above 0 and below 1 (0.1: a "
              "target of 3左右 is met from 2.7 up)",
              "p/actions/01-a.toml:21:10: missing-key: 'a.x' is about 3 but says not how far "
              "about: write tolerance = … in the target (in %), or about = 0.1 in [thresholds] "
              "of plan.toml (±10%)"});
  CHECK(found("target = { about = 3, tolerance = -1 }\n") ==
        Lines{"p/actions/01-a.toml:21:35: bad-target: the tolerance of 'a.x' is -1; a band is "
              "not negative"});
  CHECK(found("target = [4, 3]\n") ==
        Lines{"p/actions/01-a.toml:21:10: bad-target: the range of 'a.x' must be two numbers, "
              "low then high: [3, 4] for 3–4"});
  CHECK(found("target = [3]\n") == found("target = [4, 3]\n"));
  CHECK(found("target = \"3左右\"\n") ==
        Lines{"p/actions/01-a.toml:21:10: wrong-type: 'target' must be a number, { about = "
              "<number> } or [<low>, <high>], not a string"});
  CHECK(found("target = 8\nstretch = 7.5\n") ==
        Lines{"p/actions/01-a.toml:22:11: bad-target: the stretch 7.5 of 'a.x' must be above its "
              "target 8: 力争 asks for more than the target"});
  CHECK(found("target = [3, 4]\nstretch = 5\n") ==
        Lines{"p/actions/01-a.toml:22:11: bad-target: 'a.x' has a stretch beside a range; 力争 "
              "goes with a single target (target = 8, stretch = 8.5)"});
  CHECK(found("target = 8\nstretch = 8.5\n").empty());
  // A band or range going down is a ceiling on a positive rate, not a fall.
  CHECK(found("direction = \"down\"\ntarget = [3, 4]\n").empty());
}

TEST_CASE("load: a change in percentage points, and what check refuses in it") {
  auto found = [](const std::string& kind, const std::string& body) {
    LoadResult r = TestPlan()
                       .add_indicator("[[indicator]]\nid = \"a.x\"\nname = \"比重\"\nkind = \"" +
                                      kind + "\"\nunit = \"%\"\nlead = \"gxj\"\n" + body)
                       .load();
    check_plan(r.plan, CheckOptions{Date{2025, 12, 31}, nullptr}, r.diags);
    return lines(r);
  };
  const std::string base = "baseline = { value = 45.3, year = 2023 }\n";
  CHECK(found("level", "change = \"+2pp\"\n" + base).empty());
  CHECK(found("level", "change = \"+2pp\"\n") ==
        Lines{"p/actions/01-a.toml:21:10: missing-key: 'a.x' changes by 2 percentage points from "
              "a figure it does not give: add baseline = { value = …, year = … }, last year's "
              "figure"});
  CHECK(found("level", "change = \"2pp\"\n" + base) ==
        Lines{"p/actions/01-a.toml:21:10: bad-target: change '2pp' of 'a.x' is not a change in "
              "percentage points such as \"+2pp\" or \"-1.5个百分点\""});
  CHECK(found("growth", "change = \"+2pp\"\n" + base) ==
        Lines{"p/actions/01-a.toml:21:10: bad-target: 'a.x' changes by percentage points, which "
              "only a level in % does: kind = \"level\", unit = \"%\""});
  CHECK(found("level", "target = 47\nchange = \"+2pp\"\n" + base) ==
        Lines{"p/actions/01-a.toml:22:10: bad-target: 'a.x' has both a target and a change; give "
              "one of them"});
  CHECK(found("level", "direction = \"up\"\nchange = \"-1pp\"\n" + base) ==
        Lines{"p/actions/01-a.toml:21:13: bad-target: 'a.x' is direction = \"up\" but its change "
              "-1pp goes down; leave direction out, the sign says it"});
}

TEST_CASE("load: a rank writes a place, no unit and no direction") {
  auto found = [](const std::string& body, const std::string& value = "") {
    TestPlan p;
    p.add_indicator(
        "[[indicator]]\nid = \"a.x\"\nname = \"全省排名\"\nkind = \"rank\"\nlead = "
        "\"gxj\"\n" +
        body);
    if (!value.empty()) {
      p.put("actuals/gxj.toml",
            "[[actual]]\nindicator = \"a.x\"\nperiod = \"2024-06\"\nvalue = " + value +
                "\nrecorded = 2024-07-01T10:00:00+08:00\nby = \"gxj\"\nsource = \"s\"\n");
    }
    LoadResult r = p.load();
    check_plan(r.plan, CheckOptions{Date{2025, 12, 31}, nullptr}, r.diags);
    return lines(r);
  };
  CHECK(found("target = 10\n").empty());
  CHECK(found("target = 10\n", "12").empty());
  CHECK(found("target = 10.5\n") ==
        Lines{"p/actions/01-a.toml:20:10: bad-target: a rank's target is a place, a whole number "
              "from 1: target = 10 for 前10名"});
  CHECK(found("target = [5, 10]\n") == found("target = 10.5\n"));
  CHECK(
      found("unit = \"名\"\ntarget = 10\n") ==
      Lines{"p/actions/01-a.toml:20:8: misplaced-key: a rank counts places (名); leave 'unit' out "
            "of a kind = \"rank\" indicator"});
  CHECK(found("direction = \"up\"\ntarget = 10\n") ==
        Lines{"p/actions/01-a.toml:20:13: bad-target: a rank is better the lower it is (前10名 is "
              "10 or better); leave 'direction' out"});
  CHECK(found("target = 10\n", "2.5") ==
        Lines{"p/actuals/gxj.toml:4:9: bad-value: 'a.x' is a rank; value must be a place, a whole "
              "number from 1, not 2.5"});
}
