#include "core/write/record.h"

#include <catch2/catch.hpp>
#include <memory>

#include "core/base/fs.h"
#include "core/check/check.h"
#include "core/read/actuals.h"
#include "core/write/transaction.h"
#include "scratch.h"

using namespace tally;

namespace {

const std::string kPlanDir = std::string(TALLY_SOURCE_DIR) + "/tests/plans/rec";
const Date kToday{2024, 7, 15};
const FieldNames kNames = FieldNames::options({ActualKey::kIndicator, ActualKey::kValue});

LoadResult load_rec(const std::string& dir = kPlanDir) {
  DiskFileSystem fs;
  LoadResult r = load_plan(fs, LoadOptions{dir, "", false});
  check_plan(r.plan, CheckOptions{kToday, &r.files}, r.diags);
  return r;
}

Timestamp at(const char* text) {
  int offset = 0;
  auto m = parse_rfc3339(text, &offset);
  REQUIRE(m);
  return make_timestamp(*m, 480);
}

ProposedActual proposal(std::string indicator, std::string value, std::string period = "2024-06",
                        std::string source = "统计局月报") {
  ProposedActual p;
  p.indicator = std::move(indicator);
  p.value = std::move(value);
  p.period = std::move(period);
  p.source = std::move(source);
  return p;
}

// The messages of refusing one proposal against the shipped test plan.
std::vector<std::string> refusals(const ProposedActual& p,
                                  const char* now = "2024-07-15T10:02:00+08:00",
                                  bool force = false) {
  LoadResult r = load_rec();
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  Prepared prepared = prepare_actuals(ledger, {&p, 1}, kNames, kToday, at(now), &r.files, force);
  std::vector<std::string> out;
  for (const auto& x : prepared.refusals) out.push_back(x.message);
  return out;
}

// The accepted record; its texts are in a store that lives as long as the
// test run (those of `prepared` go with it).
Actual accepted(const ProposedActual& p) {
  static std::vector<std::shared_ptr<TextStore>> kept;
  LoadResult r = load_rec();
  Ledger ledger(r.plan);
  Prepared prepared =
      prepare_actuals(ledger, {&p, 1}, kNames, kToday, at("2024-07-15T10:02:00+08:00"));
  INFO((prepared.refusals.empty() ? "" : prepared.refusals.front().message));
  REQUIRE(prepared.actuals.size() == 1);
  kept.push_back(prepared.texts);
  return prepared.actuals.front();
}

std::string value_of(const ProposedActual& p) {
  return format_actual_value(accepted(p).value);
}

// A scratch copy of the test plan, removed afterwards.
struct ScratchPlan : ScratchDir {
  std::string dir = file("rec");
  ScratchPlan() { std::filesystem::copy(kPlanDir, dir, std::filesystem::copy_options::recursive); }
  std::string read(const std::string& rel) const { return get("rec/" + rel); }
};

RecordOptions options_at(const char* now) {
  RecordOptions o;
  o.today = kToday;
  int offset = 0;
  int64_t m = *parse_rfc3339(now, &offset);
  o.clock = [m] { return m; };
  o.names = kNames;
  return o;
}

}  // namespace

TEST_CASE("record: values convert to the indicator's unit") {
  CHECK(value_of(proposal("industry.bio-output", "1.8")) == "1.8");
  CHECK(value_of(proposal("industry.bio-output", "3.6亿元")) == "3.6");
  CHECK(value_of(proposal("industry.bio-output", "36000万元")) == "3.6");
  CHECK(value_of(proposal("industry.bio-output", "18000万")) == "1.8");
  CHECK(value_of(proposal("industry.jobs", "0.12万人")) == "1200");
  CHECK(value_of(proposal("industry.jobs", "1200人")) == "1200");
  CHECK(value_of(proposal("industry.invest-growth", "-2.5%")) == "-2.5");
  CHECK(value_of(proposal("industry.urban-rate", " 43.1 ")) == "43.1");
  CHECK(value_of(proposal("industry.museum", "done")) == "\"done\"");
  CHECK(value_of(proposal("industry.museum", "推进中")) == "\"in-progress\"");
  CHECK(value_of(proposal("industry.museum", "在建")) == "\"in-progress\"");
  CHECK(value_of(proposal("industry.museum", "60%")) == "\"60%\"");
}

TEST_CASE("record: defaults and names") {
  Actual a = accepted(proposal("industry.bio-output", "1.8"));
  CHECK(a.by == "gxj");  // the first lead
  CHECK(a.recorded.text() == "2024-07-15T10:02:00+08:00");
  ProposedActual p = proposal("industry.bio-output", "1.8", "last-month");
  p.by = "发改局";
  a = accepted(p);
  CHECK(a.by == "fgj");
  CHECK(a.period.str() == "2024-06");
  p.indicator = "industry.jobs";
  p.value = "120";
  p.by = "市人社局";
  p.period = "2024-07上旬";
  CHECK(accepted(p).by == "rsj");
  CHECK(accepted(p).period.str() == "2024-07-D1");
  // A period under way may be recorded.
  p.period = "2024-07";
  CHECK(accepted(p).period.str() == "2024-07");
}

TEST_CASE("record: who may report an indicator") {
  using V = std::vector<std::string>;
  // industry.jobs: lead rsj, no co; its action's office is fgj.
  ProposedActual p = proposal("industry.jobs", "1200");
  p.by = "rsj";
  CHECK(refusals(p).empty());
  p.by = "fgj";  // the office records for anyone
  CHECK(refusals(p).empty());
  p.by = "gxj";
  CHECK(refusals(p) ==
        V{"--by: 市工信局 (gxj) neither leads nor works on 'industry.jobs' (lead 市人社局; "
          "office 市发改局); name one of them, or give --force if it reports this figure"});
  CHECK(refusals(p, "2024-07-15T10:02:00+08:00", true).empty());
  // The second lead of industry.bio-output reports it too.
  p = proposal("industry.bio-output", "1.8");
  p.by = "fgj";
  CHECK(refusals(p).empty());
}

TEST_CASE("record: every refusal says what is wrong") {
  using V = std::vector<std::string>;
  CHECK(refusals(proposal("industry.bio-outpt", "1.8")) ==
        V{"INDICATOR: unknown indicator 'industry.bio-outpt' (did you mean "
          "'industry.bio-output'?); `tally list indicators` lists them"});
  CHECK(refusals(proposal("城镇新增就业", "1.8")) ==
        V{"INDICATOR: '城镇新增就业' is the name of 'industry.jobs'; give its id"});
  CHECK(refusals(proposal("", "1.8")) ==
        V{"INDICATOR: empty; give an indicator id such as industry.bio-output (`tally list "
          "indicators` lists them)"});
  CHECK(refusals(proposal("industry.jobs", "1", "2024-13")) ==
        V{"--period: '2024-13': there is no month 13"});
  CHECK(refusals(proposal("industry.jobs", "1", "June")) ==
        V{"--period: 'June' is not a period; use a period such as 2024-06 or a word: today, "
          "this-dekad, last-dekad, this-month, last-month, this-quarter, last-quarter, "
          "this-half, last-half, this-year, last-year, due"});
  CHECK(refusals(proposal("industry.jobs", "1", "")) ==
        V{"--period: empty; give the period the figure covers, e.g. 2024-06"});
  CHECK(refusals(proposal("industry.jobs", "1", "2023-12")) ==
        V{"--period: 2023-12 is outside the plan (2024-01-01 to 2024-12-31)"});
  CHECK(refusals(proposal("industry.jobs", "1", "2024-08")) ==
        V{"--period: 2024-08 has not started yet (it starts 2024-08-01; today is 2024-07-15); "
          "a figure can be recorded once its period has begun"});
  ProposedActual p = proposal("industry.jobs", "1");
  p.by = "gxjj";
  CHECK(refusals(p) == V{"--by: unknown bureau 'gxjj' (did you mean 'gxj'?); `tally list "
                         "bureaus` shows ids, names and aliases"});
  CHECK(refusals(proposal("industry.bio-output", "3.6亿美元")) ==
        V{"VALUE: '3.6亿美元' is in 亿美元, which does not convert to the indicator's unit 亿元"});
  CHECK(refusals(proposal("industry.jobs", "1.2万户")) ==
        V{"VALUE: '1.2万户' is in 万户, which does not convert to the indicator's unit 人"});
  CHECK(refusals(proposal("industry.jobs", "abc")) ==
        V{"VALUE: 'abc' is not a number; write a decimal such as 3.6, optionally with a unit "
          "such as 3.6亿元"});
  CHECK(refusals(proposal("industry.jobs", "nan")) ==
        V{"VALUE: 'nan' is not a number; write a decimal such as 3.6, optionally with a unit "
          "such as 3.6亿元"});
  CHECK(refusals(proposal("industry.jobs", "1,200")) ==
        V{"VALUE: '1,200' has a thousands separator; write the number without it, e.g. 1200"});
  CHECK(refusals(proposal("industry.jobs", "")) == V{"VALUE: empty; give the figure in 人"});
  // What an actuals file cannot keep exactly (a TOML float is a double).
  CHECK(refusals(proposal("industry.bio-output", "99999999999.99999亿元")) ==
        V{"VALUE: '99999999999.99999亿元' is 99999999999.99999亿元, more digits than an actuals "
          "file keeps exactly (15 significant digits, 18 in a whole number); round it"});
  CHECK(refusals(proposal("industry.jobs", "900000000000000万人")) ==
        V{"VALUE: '900000000000000万人' is 9000000000000000000人, more digits than an actuals "
          "file keeps exactly (15 significant digits, 18 in a whole number); round it"});
  // The most an actuals file keeps (far beyond any target: --force).
  const char* now = "2024-07-15T10:02:00+08:00";
  CHECK(refusals(proposal("industry.bio-output", "9999999999.99999"), now, true).empty());
  CHECK(refusals(proposal("industry.jobs", "999999999999999999"), now, true).empty());
  CHECK(refusals(proposal("industry.jobs", "-3")) ==
        V{"VALUE: '-3' is negative; a cumulative value cannot be below 0 (only growth rates "
          "can)"});
  CHECK(refusals(proposal("industry.museum", "finished")) ==
        V{"VALUE: 'finished' is not a stage of milestone 'industry.museum'; give not-started, "
          "in-progress, done or a percent such as 60%"});
  CHECK(refusals(proposal("industry.museum", "dne")) ==
        V{"VALUE: 'dne' is not a stage of milestone 'industry.museum'; give not-started, "
          "in-progress, done or a percent such as 60% (did you mean 'done'?)"});
  CHECK(refusals(proposal("industry.museum", "120%")) ==
        V{"VALUE: '120%' is not a percent between 0% and 100%"});
  CHECK(refusals(proposal("industry.museum", "0.123456723890123456%")) ==
        V{"VALUE: '0.123456723890123456%' has more digits than an actuals file keeps exactly "
          "(15 significant digits); round it"});
  CHECK(refusals(proposal("industry.museum", "33.3333333333333%")).empty());
  CHECK(refusals(proposal("industry.jobs", "1", "2024-06", " ")) ==
        V{"--source: empty; say where the figure comes from, e.g. 统计局6月月报"});
  // The test plan already holds industry.bio-output 2024-05 = 1.5.
  CHECK(refusals(proposal("industry.bio-output", "1.6", "2024-05")) ==
        V{"--reason: industry.bio-output 2024-05 already has 1.5亿元 (recorded "
          "2024-06-12T09:30:00+08:00 by gxj, source 统计局5月月报); a second record must give "
          "a reason saying why it replaces that one"});
  p = proposal("industry.bio-output", "1.6", "2024-05");
  p.reason = "统计局修订";
  CHECK(refusals(p).empty());
  CHECK(refusals(p, "2024-06-12T09:29:59+08:00") ==
        V{"--reason: the record in force for industry.bio-output 2024-05 was recorded "
          "2024-06-12T09:30:00+08:00, after this one (2024-06-12T09:29:59+08:00); a "
          "correction must be recorded after what it corrects"});
  // The same second: appended after it in gxj.toml, the correction is later.
  CHECK(refusals(p, "2024-06-12T09:30:00+08:00").empty());
  // By another bureau, it would go to another file, which has no order
  // against gxj.toml within one second.
  p.by = "fgj";
  CHECK(refusals(p, "2024-06-12T09:30:00+08:00") ==
        V{"--reason: the record in force for industry.bio-output 2024-05 was recorded in the "
          "same second (2024-06-12T09:30:00+08:00) by gxj in another file; a correction in the "
          "same second must be recorded by the same bureau, or a second later"});
  p.by.clear();
  // All problems of a proposal at once.
  p = proposal("industry.jobs", "x", "2025-01", "");
  p.by = "nobody";
  CHECK(refusals(p).size() == 4);
}

TEST_CASE("record: one batch holds one figure per indicator and period") {
  LoadResult r = load_rec();
  Ledger ledger(r.plan);
  std::vector<ProposedActual> rows = {proposal("industry.jobs", "1"),
                                      proposal("industry.jobs", "2"),
                                      proposal("industry.jobs", "3", "2024-Q2")};
  rows[0].line = 2;
  rows[1].line = 3;
  Prepared p = prepare_actuals(ledger, rows, kNames, kToday, at("2024-07-15T10:02:00+08:00"));
  REQUIRE(p.refusals.size() == 1);
  CHECK(p.refusals[0].row == 1);
  CHECK(p.refusals[0].message ==
        "--period: industry.jobs 2024-06 is also on line 2; one batch "
        "records one figure per indicator and period");
  CHECK(p.actuals.empty());
}

TEST_CASE("record_actuals: appends text, keeps every existing byte") {
  ScratchPlan s;
  const std::string before = s.read("actuals/gxj.toml");
  LoadResult r = load_rec(s.dir);
  REQUIRE_FALSE(r.diags.has_errors());
  ProposedActual p = proposal("industry.bio-output", "18000万元", "2024-06", "统计局6月月报");
  p.note = "1-6月累计";
  RecordOutcome out = record_actuals(r, {&p, 1}, options_at("2024-07-15T10:02:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  const std::string appended =
      "\n"  // the hand-edited file did not end with a newline
      "\n"
      "[[actual]]\n"
      "indicator = \"industry.bio-output\"\n"
      "period = \"2024-06\"\n"
      "value = 1.8\n"
      "unit = \"亿元\"\n"
      "recorded = 2024-07-15T10:02:00+08:00\n"
      "by = \"gxj\"\n"
      "source = \"统计局6月月报\"\n"
      "note = \"1-6月累计\"\n";
  CHECK(s.read("actuals/gxj.toml") == before + appended);
  REQUIRE(out.appended.size() == 1);
  CHECK(out.appended[0].appended == appended);
  CHECK(out.appended[0].path == s.dir + "/actuals/gxj.toml");
  CHECK(out.stored[0].loc.line == 12);
  CHECK(std::filesystem::exists(s.dir + "/actuals/.tally.lock"));

  // A new bureau file starts with a comment naming the bureau.
  LoadResult r2 = load_rec(s.dir);
  ProposedActual q = proposal("industry.jobs", "0.12万人");
  out = record_actuals(r2, {&q, 1}, options_at("2024-07-15T10:05:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  CHECK(s.read("actuals/rsj.toml") ==
        "# Actuals reported by 市人社局 (rsj). `tally record` and `tally import` append here;\n"
        "# what is already written is never rewritten.\n"
        "\n"
        "[[actual]]\n"
        "indicator = \"industry.jobs\"\n"
        "period = \"2024-06\"\n"
        "value = 1200\n"
        "unit = \"人\"\n"
        "recorded = 2024-07-15T10:05:00+08:00\n"
        "by = \"rsj\"\n"
        "source = \"统计局月报\"\n");
  LoadResult after = load_rec(s.dir);
  CHECK(after.diags.empty());
  CHECK(after.plan.actuals.size() == 3);
}

TEST_CASE("record_actuals: a dry run writes nothing") {
  ScratchPlan s;
  const std::string before = s.read("actuals/gxj.toml");
  LoadResult r = load_rec(s.dir);
  ProposedActual p = proposal("industry.bio-output", "1.8");
  RecordOptions o = options_at("2024-07-15T10:02:00+08:00");
  o.dry_run = true;
  RecordOutcome out = record_actuals(r, {&p, 1}, o);
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  CHECK(out.appended[0].appended.starts_with("\n\n[[actual]]\n"));
  CHECK(s.read("actuals/gxj.toml") == before);
  CHECK_FALSE(std::filesystem::exists(s.dir + "/actuals/.tally.lock"));
}

TEST_CASE("record_actuals: sees what another writer added after the load") {
  ScratchPlan s;
  LoadResult r = load_rec(s.dir);
  // Another process records industry.jobs 2024-06 meanwhile.
  {
    LoadResult other = load_rec(s.dir);
    ProposedActual p = proposal("industry.jobs", "1100");
    REQUIRE(record_actuals(other, {&p, 1}, options_at("2024-07-15T10:00:00+08:00")).status ==
            RecordOutcome::Status::kOk);
  }
  ProposedActual p = proposal("industry.jobs", "1200");
  RecordOutcome out = record_actuals(r, {&p, 1}, options_at("2024-07-15T10:01:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kRefused);
  REQUIRE(out.refusals.size() == 1);
  CHECK(out.refusals[0].message ==
        "--reason: industry.jobs 2024-06 already has 1100人 (recorded 2024-07-15T10:00:00+08:00 "
        "by rsj, source 统计局月报); a second record must give a reason saying why it replaces "
        "that one");
}

TEST_CASE("record_actuals: rows of several bureaus, all or none") {
  ScratchPlan s;
  const std::string gxj = s.read("actuals/gxj.toml");
  LoadResult r = load_rec(s.dir);
  std::vector<ProposedActual> rows = {proposal("industry.jobs", "1200"),
                                      proposal("industry.bio-output", "1.8"),
                                      proposal("industry.firms", "30100")};
  RecordOutcome out = record_actuals(r, rows, options_at("2024-07-15T10:02:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  REQUIRE(out.appended.size() == 3);
  CHECK(out.appended[0].path.ends_with("fgj.toml"));
  CHECK(out.appended[1].path.ends_with("gxj.toml"));
  CHECK(out.appended[2].path.ends_with("rsj.toml"));
  CHECK(out.stored[0].by == "rsj");
  CHECK(s.read("actuals/gxj.toml").starts_with(gxj));

  // One bad row: nothing is written.
  LoadResult r2 = load_rec(s.dir);
  rows = {proposal("industry.jobs", "1300", "2024-07"),
          proposal("industry.firms", "-1", "2024-07")};
  const std::string fgj = s.read("actuals/fgj.toml"), rsj = s.read("actuals/rsj.toml");
  out = record_actuals(r2, rows, options_at("2024-07-15T10:03:00+08:00"));
  CHECK(out.status == RecordOutcome::Status::kRefused);
  CHECK(s.read("actuals/fgj.toml") == fgj);
  CHECK(s.read("actuals/rsj.toml") == rsj);
}

TEST_CASE("record_actuals: a running total that falls is a warning") {
  ScratchPlan s;
  LoadResult r = load_rec(s.dir);
  ProposedActual p = proposal("industry.bio-output", "1.2");
  RecordOutcome out = record_actuals(r, {&p, 1}, options_at("2024-07-15T10:02:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  REQUIRE(out.diags.items().size() == 1);
  CHECK(format_diagnostic(out.diags.items()[0], out.files, false) ==
        s.dir +
            "/actuals/gxj.toml:15:9: warning: running total of 'industry.bio-output' falls "
            "from 1.5 (2024-05) to 1.2 (2024-06); a ytd value is the total since the plan "
            "start [ytd-decrease]\n"
            "  value = 1.2\n"
            "          ^\n");
}

TEST_CASE("record_actuals: an error the check finds in the new record refuses the write") {
  // Through the core API nothing stops a clock later than "today" (the
  // command line refuses such a TALLY_NOW): the new record is then
  // recorded in the future, which `tally check` calls an error.
  ScratchPlan s;
  const std::string gxj = s.read("actuals/gxj.toml");
  LoadResult r = load_rec(s.dir);
  ProposedActual p = proposal("industry.bio-output", "1.8");
  RecordOutcome out = record_actuals(r, {&p, 1}, options_at("2024-07-20T10:02:00+08:00"));
  CHECK(out.status == RecordOutcome::Status::kRefused);
  CHECK(out.diags.error_count() == 1);
  REQUIRE(out.diags.items().size() == 1);
  CHECK(out.diags.items()[0].code == "recorded-future");
  CHECK(s.read("actuals/gxj.toml") == gxj);
}

TEST_CASE("record_actuals: a back-filled month warns about the later record in its own file") {
  // April, recorded by fgj, comes before May's 1.5 in gxj.toml: May's
  // running total now falls. The warning is located on the old record,
  // in a file this write does not touch (it writes fgj.toml and rsj.toml),
  // and must show that file's line.
  ScratchPlan s;
  LoadResult r = load_rec(s.dir);
  std::vector<ProposedActual> rows = {proposal("industry.bio-output", "2", "2024-04"),
                                      proposal("industry.jobs", "1200")};
  rows[0].by = "fgj";
  RecordOutcome out = record_actuals(r, rows, options_at("2024-07-15T10:02:00+08:00"));
  REQUIRE(out.status == RecordOutcome::Status::kOk);
  REQUIRE(out.appended.size() == 2);
  CHECK(out.appended[0].path == s.dir + "/actuals/fgj.toml");
  CHECK(out.appended[1].path == s.dir + "/actuals/rsj.toml");
  REQUIRE(out.diags.items().size() == 1);
  CHECK(format_diagnostic(out.diags.items()[0], out.files, false) ==
        s.dir +
            "/actuals/gxj.toml:6:15: warning: running total of 'industry.bio-output' falls "
            "from 2 (2024-04) to 1.5 (2024-05); a ytd value is the total since the plan "
            "start [ytd-decrease]\n"
            "  value       = 1.5\n"
            "                ^\n");
  // The new record's location is in the file written.
  CHECK(out.files.path(out.stored[0].loc.file) == s.dir + "/actuals/fgj.toml");
}

TEST_CASE("moment_on and make_timestamp") {
  int offset = 0;
  int64_t now = *parse_rfc3339("2024-11-27T23:30:05Z", &offset);
  // 07:30:05 on 28 November in +08:00; put on 15 July.
  CHECK(make_timestamp(moment_on(Date{2024, 7, 15}, now, 480), 480).text() ==
        "2024-07-15T07:30:05+08:00");
  CHECK(make_timestamp(now, 0).text() == "2024-11-27T23:30:05+00:00");
  CHECK(make_timestamp(now, -330).text() == "2024-11-27T18:00:05-05:30");
}

TEST_CASE("text_refusal: finds every control character, in any script") {
  CHECK_FALSE(text_refusal("统计局6月月报 (初步) ¢£ é"));
  // U+00A0 and U+00BF are written C2 A0 and C2 BF: not controls.
  CHECK_FALSE(
      text_refusal("a\xC2\xA0"
                   "b\xC2\xBF"));
  // A tab, DEL, U+0085 (NEL) and U+009F (written C2 85 and C2 9F), by the
  // character they are.
  const std::pair<std::string_view, std::string_view> controls[] = {
      {"统计\t局", "character 3 "},
      {"月报\x7F", "character 3 "},
      {"统计局\xC2\x85", "character 4 "},
      {"x\xC2\x9F", "character 2 "}};
  for (const auto& [text, which] : controls) {
    auto why = text_refusal(text);
    REQUIRE(why);
    CHECK(why->starts_with(std::string(which) + "is the control character"));
  }
  CHECK(text_refusal("a\xC2")->starts_with("byte 2 is not UTF-8"));
}
