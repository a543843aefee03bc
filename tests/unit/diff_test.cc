#include "core/compute/diff.h"

#include <catch2/catch.hpp>

#include "core/base/fs.h"
#include "core/read/load.h"
#include "core/render/diff.h"

using namespace tally;

namespace {

const char* kDiffPlanToml = R"([plan]
id = "t-2024"
title = "测试方案"
start = 2024-01-01
end = 2024-12-31
[reporting]
cadence = "month"
timely_days = 10
)";

const char* kBureaus = R"([bureau.fgj]
name = "市发改局"
[bureau.gxj]
name = "市工信局"
aliases = ["工信局"]
)";

const char* kIndustry = R"([action]
id = "industry"
number = 1
name = "产业培塑行动"
lead = ["fgj"]
office = "fgj"

[[indicator]]
id = "industry.output"
name = "规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 3.6
lead = "gxj"
co = ["fgj"]
source = "附件1 一"

[[indicator]]
id = "industry.museum"
name = "建成博物馆"
kind = "milestone"
lead = "fgj"
due = 2024-06-30
source = "附件1 二"
)";

// A plan in memory: the defaults above with some files replaced.
struct Files {
  std::map<std::string, std::string> files = {{"p/plan.toml", kDiffPlanToml},
                                              {"p/bureaus.toml", kBureaus},
                                              {"p/actions/01-industry.toml", kIndustry}};
};

Plan load(const Files& f) {
  MemoryFileSystem fs;
  for (const auto& [path, text] : f.files) fs.put(path, text);
  LoadOptions options;
  options.plan_dir = "p";
  options.skip_actuals = true;
  LoadResult r = load_plan(fs, options);
  for (const auto& d : r.diags.items()) INFO(d.message);
  REQUIRE_FALSE(r.diags.has_errors());
  return r.plan;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

PlanDiff diff_with(const std::string& path, const std::string& from, const std::string& to) {
  Files before, after;
  after.files[path] = replaced(after.files[path], from, to);
  return diff_plans(load(before), load(after));
}

}  // namespace

TEST_CASE("diff: identical plans have no changes") {
  PlanDiff d = diff_plans(load(Files{}), load(Files{}));
  CHECK(d.empty());
  CHECK(d.targets.empty());
}

TEST_CASE("diff: a changed target is a 调标 with old → new and the relative change") {
  PlanDiff d = diff_with("p/actions/01-industry.toml", "target = 3.6", "target = 4");
  REQUIRE(d.targets.size() == 1);
  const TargetChange& t = d.targets[0];
  CHECK(t.indicator == "industry.output");
  CHECK(t.name == "规模工业总产值");
  CHECK(t.action == "industry");
  CHECK(t.action_name == "产业培塑行动");
  CHECK(t.field == "target");
  CHECK(t.before == "3.6亿元");
  CHECK(t.after == "4亿元");
  REQUIRE(t.percent);
  CHECK(*t.percent == Approx(11.111).epsilon(1e-4));
  REQUIRE(d.indicators.size() == 1);
  CHECK(d.indicators[0].change == ChangeKind::kChanged);
  REQUIRE(d.indicators[0].fields.size() == 1);
  CHECK(d.indicators[0].fields[0].field == "target");
  CHECK(d.indicators[0].fields[0].is_target);
}

TEST_CASE("diff: the same target in another scale is not a 调标") {
  PlanDiff d = diff_with("p/actions/01-industry.toml", "unit = \"亿元\"\ntarget = 3.6",
                         "unit = \"万元\"\ntarget = 36000");
  CHECK(d.targets.empty());
  REQUIRE(d.indicators.size() == 1);
  REQUIRE(d.indicators[0].fields.size() == 2);
  CHECK(d.indicators[0].fields[0].field == "target");
  CHECK(d.indicators[0].fields[0].before == "3.6亿元");
  CHECK(d.indicators[0].fields[0].after == "36000万元");
  CHECK_FALSE(d.indicators[0].fields[0].is_target);
  CHECK(d.indicators[0].fields[1].field == "unit");
}

TEST_CASE("diff: a milestone's due date moved is a 调标 counted in days") {
  PlanDiff d = diff_with("p/actions/01-industry.toml", "due = 2024-06-30", "due = 2024-09-30");
  REQUIRE(d.targets.size() == 1);
  CHECK(d.targets[0].field == "due");
  CHECK(d.targets[0].before == "2024-06-30");
  CHECK(d.targets[0].after == "2024-09-30");
  CHECK(d.targets[0].days == 92);
  CHECK_FALSE(d.targets[0].percent);
}

TEST_CASE("diff: every changed field of an indicator, old → new, target first") {
  PlanDiff d =
      diff_with("p/actions/01-industry.toml", "target = 3.6\nlead = \"gxj\"\nco = [\"fgj\"]",
                "target = 3.8\nlead = \"fgj\"\nco = [\"gxj\"]\ndirection = \"down\"\n"
                "cadence = \"quarter\"\nschedule = [0.1, 0.4, 0.7, 1.0]\n"
                "baseline = { value = 3.27, year = 2023 }\nmetric = \"output\"");
  REQUIRE(d.indicators.size() == 1);
  std::vector<std::string> fields;
  for (const auto& f : d.indicators[0].fields)
    fields.push_back(f.field + ": " + f.before + " → " + f.after);
  CHECK(fields == std::vector<std::string>{
                      "target: 3.6亿元 → 3.8亿元", "direction: up → down", "lead: gxj → fgj",
                      "co: fgj → gxj", "schedule: even → [0.1, 0.4, 0.7, 1]",
                      "cadence: month → quarter", "baseline:  → 3.27 (2023)", "metric:  → output"});
}

TEST_CASE("diff: reordering co-bureaus is no change, reordering leads is") {
  Files before, after;
  before.files["p/actions/01-industry.toml"] =
      replaced(kIndustry, "lead = \"gxj\"\nco = [\"fgj\"]",
               "lead = [\"gxj\", \"fgj\"]\nco = [\"fgj\", \"gxj\"]");
  after.files["p/actions/01-industry.toml"] =
      replaced(kIndustry, "lead = \"gxj\"\nco = [\"fgj\"]",
               "lead = [\"fgj\", \"gxj\"]\nco = [\"gxj\", \"fgj\"]");
  PlanDiff d = diff_plans(load(before), load(after));
  REQUIRE(d.indicators.size() == 1);
  REQUIRE(d.indicators[0].fields.size() == 1);
  CHECK(d.indicators[0].fields[0].field == "lead");
  CHECK(d.indicators[0].fields[0].before == "gxj, fgj");
  CHECK(d.indicators[0].fields[0].after == "fgj, gxj");
}

TEST_CASE("diff: indicators added and removed are matched by id, with their target") {
  PlanDiff d =
      diff_with("p/actions/01-industry.toml", "id = \"industry.museum\"", "id = \"industry.hall\"");
  REQUIRE(d.indicators.size() == 2);
  CHECK(d.indicators[0].change == ChangeKind::kRemoved);
  CHECK(d.indicators[0].id == "industry.museum");
  CHECK(d.indicators[0].fields[0].field == "due");
  CHECK(d.indicators[0].fields[0].before == "2024-06-30");
  CHECK(d.indicators[1].change == ChangeKind::kAdded);
  CHECK(d.indicators[1].id == "industry.hall");
  CHECK(d.indicators[1].fields[1].field == "lead");
  CHECK(d.indicators[1].fields[1].after == "fgj");
  CHECK(d.targets.empty());
  CHECK(count_changes(d.indicators, ChangeKind::kAdded) == 1);
  CHECK(count_changes(d.indicators, ChangeKind::kRemoved) == 1);
}

TEST_CASE("diff: a renamed action file changes only the action's file") {
  Files before, after;
  after.files.erase("p/actions/01-industry.toml");
  after.files["p/actions/01-industry-cultivation.toml"] = kIndustry;
  PlanDiff d = diff_plans(load(before), load(after));
  CHECK(d.indicators.empty());
  REQUIRE(d.actions.size() == 1);
  CHECK(d.actions[0].change == ChangeKind::kChanged);
  REQUIRE(d.actions[0].fields.size() == 1);
  CHECK(d.actions[0].fields[0].field == "file");
  CHECK(d.actions[0].fields[0].before == "actions/01-industry.toml");
  CHECK(d.actions[0].fields[0].after == "actions/01-industry-cultivation.toml");
}

TEST_CASE("diff: bureaus by name and aliases, the plan header by field") {
  Files before, after;
  after.files["p/bureaus.toml"] =
      replaced(kBureaus, "aliases = [\"工信局\"]", "aliases = [\"工信局\", \"市工业和信息化局\"]") +
      "[bureau.kjj]\nname = \"市科技局\"\n";
  after.files["p/plan.toml"] = replaced(kDiffPlanToml, "timely_days = 10", "timely_days = 15");
  PlanDiff d = diff_plans(load(before), load(after));
  REQUIRE(d.bureaus.size() == 2);
  CHECK(d.bureaus[0].id == "kjj");
  CHECK(d.bureaus[0].change == ChangeKind::kAdded);
  CHECK(d.bureaus[0].name == "市科技局");
  CHECK(d.bureaus[1].id == "gxj");
  CHECK(d.bureaus[1].change == ChangeKind::kChanged);
  REQUIRE(d.bureaus[1].fields.size() == 1);
  CHECK(d.bureaus[1].fields[0].field == "aliases");
  CHECK(d.bureaus[1].fields[0].after == "工信局, 市工业和信息化局");
  REQUIRE(d.plan.size() == 1);
  CHECK(d.plan[0].field == "timely_days");
  CHECK(d.plan[0].before == "10");
  CHECK(d.plan[0].after == "15");
}

TEST_CASE("diff: a changed plan default is not repeated under each indicator") {
  PlanDiff d = diff_with("p/plan.toml", "cadence = \"month\"", "cadence = \"dekad\"");
  CHECK(d.indicators.empty());
  REQUIRE(d.plan.size() == 1);
  CHECK(d.plan[0].field == "cadence");
}

TEST_CASE("render_diff: the 调标 section comes first in every format") {
  PlanDiff d = diff_with("p/actions/01-industry.toml", "target = 3.6\nlead = \"gxj\"",
                         "target = 4\nlead = \"fgj\"");
  DiffHeading h{"p", {"HEAD", "0123456789abcdef"}, {}, false, false};
  CHECK(render_diff_text(d, h) ==
        "p：HEAD (0123456) → 工作区\n"
        "调标 1 项；指标 修改 1\n"
        "\n"
        "!! 调标（目标变更）1 项\n"
        "指标             名称            行动           原目标  新目标    变化\n"
        "---------------  --------------  ------------  -------  ------  ------\n"
        "industry.output  规模工业总产值  产业培塑行动  3.6亿元   4亿元  +11.1%\n"
        "\n"
        "指标\n"
        "变更  id               名称            行动          字段  原值     新值\n"
        "----  ---------------  --------------  ------------  ----  -------  -----\n"
        "调标  industry.output  规模工业总产值  产业培塑行动  目标  3.6亿元  4亿元\n"
        "                                                     牵头  gxj      fgj\n");
  h.en = true;
  std::string md = render_diff_markdown(d, h);
  CHECK(md.find("## !! TARGET CHANGES (调标): 1\n") < md.find("## indicators\n"));
  CHECK(md.find("| **TARGET** | industry.output |") != std::string::npos);
  std::string json = render_diff_json(d, h);
  CHECK(json.find("\"targets\": [") < json.find("\"indicators\": ["));
  CHECK(json.find("\"percent\": 11.11") != std::string::npos);
  CHECK(json.find("\"target_change\": true") != std::string::npos);
}

TEST_CASE("render_diff: no changes") {
  PlanDiff d;
  DiffHeading h{"p", {"v1", "0123456789abcdef"}, {"v2", "fedcba9876543210"}, true, false};
  CHECK(render_diff_text(d, h) == "p: v1 (0123456) → v2 (fedcba9)\nno changes\n");
}

TEST_CASE("diff: a step and a profile are paths too; a profile's edit shows where it is used") {
  PlanDiff d = diff_with("p/actions/01-industry.toml", "target = 3.6",
                         "target = 3.6\nschedule = { step = 2024-07-01 }");
  REQUIRE(d.indicators.size() == 1);
  CHECK(d.indicators[0].fields[0].field == "schedule");
  CHECK(d.indicators[0].fields[0].before == "even");
  CHECK(d.indicators[0].fields[0].after == "step 2024-07-01");
  // The same indicator on a profile, before and after the profile is edited.
  Files before, after;
  const std::string profile = "\n[profile.harvest]\nshares = [0, 0.2, 0.9, 1]\n";
  for (Files* f : {&before, &after}) {
    f->files["p/plan.toml"] += profile;
    f->files["p/actions/01-industry.toml"] =
        replaced(f->files["p/actions/01-industry.toml"], "target = 3.6",
                 "target = 3.6\nschedule = \"harvest\"");
  }
  after.files["p/plan.toml"] =
      replaced(after.files["p/plan.toml"], "[0, 0.2, 0.9, 1]", "[0, 0.3, 0.9, 1]");
  d = diff_plans(load(before), load(after));
  REQUIRE(d.indicators.size() == 1);
  CHECK(d.indicators[0].fields[0].before == "harvest = [0, 0.2, 0.9, 1]");
  CHECK(d.indicators[0].fields[0].after == "harvest = [0, 0.3, 0.9, 1]");
}

TEST_CASE("diff: a unit change says what it does to the records on file") {
  // 3.6亿元 restated as 36000万元: not a 调标, but each record with a unit
  // is converted, 1亿元 = 10000万元.
  PlanDiff d = diff_with("p/actions/01-industry.toml", "unit = \"亿元\"\ntarget = 3.6",
                         "unit = \"万元\"\ntarget = 36000");
  CHECK(d.targets.empty());
  REQUIRE(d.units.size() == 1);
  CHECK(d.units[0].indicator == "industry.output");
  CHECK(d.units[0].before == "亿元");
  CHECK(d.units[0].after == "万元");
  CHECK(d.units[0].converts);
  CHECK(d.units[0].factor == "10000");
  DiffHeading h{"p", {"HEAD", "0123456789abcdef"}, {}, false, false};
  const std::string text = render_diff_text(d, h);
  CHECK(text.substr(0, text.find("\n指标\n")) ==
        "p：HEAD (0123456) → 工作区\n"
        "计量单位变更 1 项；指标 修改 1\n"
        "\n"
        "!! 计量单位变更 1 项\n"
        "指标             名称            行动          原值  新值  报送记录\n"
        "---------------  --------------  ------------  ----  ----  " +
            std::string(71, '-') +  // the last cell is 71 columns wide
            "\n"
            "industry.output  规模工业总产值  产业培塑行动  亿元  万元  带 unit 的记录按 1亿元 = "
            "10000万元 换算；无 unit 的记录按 万元 原样读取\n");
  // 亿元 to 公顷 does not convert: records in 亿元 are no longer read.
  d = diff_with("p/actions/01-industry.toml", "unit = \"亿元\"", "unit = \"公顷\"");
  REQUIRE(d.units.size() == 1);
  CHECK_FALSE(d.units[0].converts);
  h.en = true;
  const std::string json = render_diff_json(d, h);
  CHECK(json.find("\"converts\": false,\n      \"factor\": null") != std::string::npos);
  CHECK(render_diff_text(d, h).find(
            "records in 亿元 no longer convert and are not read (unit-mismatch); records without "
            "a unit are read in 公顷 as they stand") != std::string::npos);
}

TEST_CASE("diff: a changed weight of [evaluation] is a change of the plan header") {
  Files before, after;
  after.files["p/plan.toml"] = std::string(kDiffPlanToml) + "[evaluation]\nprogress = 50\n";
  PlanDiff d = diff_plans(load(before), load(after));
  REQUIRE(d.plan.size() == 1);
  CHECK(d.plan[0].field == "evaluation.progress");
  CHECK(d.plan[0].before == "40");
  CHECK(d.plan[0].after == "50");
}
