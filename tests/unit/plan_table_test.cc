#include "core/read/plan_table.h"

#include <catch2/catch.hpp>

using namespace tally;

namespace {

// A target's text read: "kind value unit direction", or "problem: …".
std::string reading(std::string_view text) {
  TargetReading r = read_target_text(text);
  if (!r.problem.empty()) return "problem: " + r.problem;
  if (!r.value) return "none";
  return std::string(kind_name(r.kind)) + " " + r.value->str() + " " + r.unit + " " +
         std::string(direction_name(r.direction));
}

std::string due(std::string_view text, int year = 2024) {
  auto d = read_due_text(text, year);
  return d ? format_date(*d) : "none";
}

std::vector<CsvRow> rows(std::vector<std::vector<std::string>> cells) {
  std::vector<CsvRow> out;
  uint32_t line = 0;
  for (auto& c : cells) out.push_back({std::move(c), ++line});
  return out;
}

}  // namespace

TEST_CASE("plan_table: the figure, unit and direction of a target's text") {
  // The forms the issue names, each with what a supervisor reads in it.
  CHECK(reading("规模以上工业增加值增长8.5%") == "growth 8.5 % up");
  CHECK(reading("新增银行贷款20亿元") == "cumulative 20 亿元 up");
  CHECK(reading("居民消费价格涨幅控制在3%以内") == "level 3 % down");  // a ceiling
  CHECK(reading("森林覆盖率达到95%以上") == "level 95 % up");          // a floor
  CHECK(reading("单位地区生产总值能耗下降3%") == "growth -3 % down");
  CHECK(reading("生产安全事故死亡人数控制在5人以内") == "cumulative 5 人 down");
  CHECK(reading("完成棚户区改造2836户") == "cumulative 2836 户 up");
  CHECK(reading("新建2座人行天桥") == "cumulative 2 座 up");
  CHECK(reading("规模工业企业总数达到120家") == "level 120 家 up");
  CHECK(reading("新增就业2000人以上") == "cumulative 2000 人 up");
  CHECK(reading("实施土壤培肥3万亩") == "cumulative 3 万亩 up");
  // Full-width digits and ％ as a Chinese keyboard types them.
  CHECK(reading("增长８．５％") == "growth 8.5 % up");
  // Years, months and names with digits are not figures.
  CHECK(reading("2024年底前建成投产") == "none");
  CHECK(reading("新建5G基站") == "none");
  // What cannot be one target.
  CHECK(reading("城乡居民人均可支配收入分别增长6%、6.5%") ==
        "problem: 2 figures in one target (6%、6.5%): give each its own row");
  CHECK(reading("城镇化率提高2个百分点") ==
        "problem: a change of 2个百分点 needs the baseline it starts from: write the level it "
        "reaches (达到…%) as the target");
}

TEST_CASE("plan_table: due dates of 完成时限") {
  CHECK(due("年底前建成投产") == "2024-12-31");
  CHECK(due("6月底前完成") == "2024-06-30");
  CHECK(due("2月底") == "2024-02-29");  // 2024 is a leap year
  CHECK(due("9月投入使用") == "2024-09-30");
  CHECK(due("6月30日前") == "2024-06-30");
  CHECK(due("上半年") == "2024-06-30");
  CHECK(due("三季度") == "2024-09-30");
  CHECK(due("2024-10-15") == "2024-10-15");
  CHECK(due("2025年底前") == "2025-12-31");
  CHECK(due("6月底前启动，12月底前完成") == "2024-12-31");  // the last date named
  CHECK(due("长期坚持") == "none");
  CHECK(due("13月") == "none");
}

TEST_CASE("plan_table: bureau names of a cell") {
  CHECK(split_bureau_names("市发改局、市工信局") ==
        std::vector<std::string>{"市发改局", "市工信局"});
  CHECK(split_bureau_names("县水务局\n县住建局，县护城河指挥部") ==
        std::vector<std::string>{"县水务局", "县住建局", "县护城河指挥部"});
  CHECK(bureau_key("县住建局") == "住建局");
  CHECK(bureau_key("市局") == "市局");  // too short to be a prefix and a name
}

TEST_CASE("plan_table: header, title, year and rows") {
  auto t =
      read_plan_table(rows({{"2016年民生实事目标任务分解表", "", "", ""},
                            {"序号", "民生实事", "责任单位", "完成时限"},
                            {"1", "新建2座人行天桥。", "县住建局", "9月投入使用"},
                            {"2", "建成县残疾人综合服务中心。", "县残联\n县代建中心", "5月底前"},
                            {"", "开工建设老年大学。", "", "12月底前"},
                            {"3", "加快推进水库建设", "县水务局", ""},
                            {"5", "建成县图书馆", "县文体局", "5月底前动工"},
                            {"6", "开工建设县养老院", "县民政局", "5月底前动工"},
                            {"4", "新建3所、改造5所幼儿园", "县教科局", ""}}),
                      std::nullopt, nullptr, nullptr);
  REQUIRE(t);
  CHECK(t->title == "2016年民生实事目标任务分解表");
  CHECK(t->year == 2016);
  REQUIRE(t->entries.size() == 7);
  const auto& e = t->entries;
  CHECK(e[0].what == TableEntry::What::kIndicator);
  CHECK(e[0].name == "新建2座人行天桥");
  CHECK(e[0].note == "完成时限: 9月投入使用");
  CHECK(e[1].kind == Kind::kMilestone);
  CHECK(format_date(*e[1].due) == "2016-05-31");
  // Only 责任单位: the first named leads.
  CHECK(e[1].lead == std::vector<std::string>{"县残联"});
  CHECK(e[1].co == std::vector<std::string>{"县代建中心"});
  // A merged 序号 and 责任单位 are the row above's.
  CHECK(e[2].lead == std::vector<std::string>{"县残联"});
  CHECK(e[2].number == "2");
  CHECK(e[2].from_above == std::vector<std::string>{"责任单位", "序号"});
  // No figure, no date, no word of completion: a task.
  CHECK(e[3].what == TableEntry::What::kTask);
  // 建成 with 5月底前动工: under way by the end of May, done by the year's end.
  CHECK(format_date(*e[4].due) == "2016-12-31");
  CHECK(format_date(*e[4].in_progress_by) == "2016-05-31");
  // 开工建设 with 5月底前动工: starting is the work, due by the end of May.
  CHECK(format_date(*e[5].due) == "2016-05-31");
  CHECK_FALSE(e[5].in_progress_by);
  CHECK(e[6].what == TableEntry::What::kStub);
  CHECK(e[6].reason == "2 figures in one target (3所、5所): give each its own row");
}

TEST_CASE("plan_table: no header, no year") {
  std::string error;
  uint32_t line = 0;
  CHECK_FALSE(read_plan_table(rows({{"a", "b"}, {"1", "2"}}), std::nullopt, &error, &line));
  CHECK(line == 1);
  CHECK(error ==
        "no header row names the targets: the first rows should hold column names such as 序号, "
        "目标任务 (or 指标, 民生实事), 牵头单位, 完成时限");
  CHECK_FALSE(read_plan_table(rows({{"指标", "牵头单位"}, {"新建2座桥", "县住建局"}}), std::nullopt,
                              &error, &line));
  CHECK(error ==
        "the table names no year (such as 2024年 in its title or 2024年6月底 in 完成时限); give "
        "the plan's year with --year");
  auto t =
      read_plan_table(rows({{"指标", "牵头单位"}, {"新建2座桥", "县住建局"}}), 2025, &error, &line);
  REQUIRE(t);
  CHECK(t->year == 2025);
}

// Found by fuzz_plan_table (regressions/plan_table/target-only-full-stops):
// a target cell of only full stops was a task named "" (name = "" in the
// plan, which `tally check` refuses).
TEST_CASE("plan_table: a target cell of only full stops is a stub") {
  auto t = read_plan_table(rows({{"2024年任务", "", ""},
                                 {"序号", "目标任务", "牵头单位"},
                                 {"1", "。。", "县发改局"},
                                 {"2", "...", "县发改局"},
                                 {"3", "新建2座桥。", "县住建局"}}),
                           std::nullopt, nullptr, nullptr);
  REQUIRE(t);
  REQUIRE(t->entries.size() == 3);
  CHECK(t->entries[0].reason == "no target: the 目标任务 cell '。。' holds no words");
  CHECK(t->entries[1].what == TableEntry::What::kStub);
  CHECK(t->entries[1].reason == "no target: the 目标任务 cell '...' holds no words");
  CHECK(t->entries[2].name == "新建2座桥");
}
