#include "core/render/log.h"

#include <catch2/catch.hpp>

#include "core/base/fs.h"
#include "core/check/check.h"
#include "core/read/load.h"

using namespace tally;

namespace {

LoadResult load_with(const std::string& actuals) {
  MemoryFileSystem fs;
  fs.put("p/plan.toml",
         "[plan]\nid = \"p\"\ntitle = \"t\"\nstart = 2024-01-01\nend = 2024-12-31\n");
  fs.put("p/bureaus.toml", "[bureau.gxj]\nname = \"市工信局\"\n");
  fs.put("p/actions/01-a.toml",
         "[action]\nid = \"a\"\nnumber = 1\nname = \"行动\"\nlead = [\"gxj\"]\n"
         "[[indicator]]\nid = \"a.out\"\nname = \"产值\"\nkind = \"cumulative\"\nunit = "
         "\"亿元\"\ntarget = 3.6\nlead = \"gxj\"\n"
         "[[indicator]]\nid = \"a.hall\"\nname = \"建成展馆\"\nkind = \"milestone\"\nlead = "
         "\"gxj\"\n");
  fs.put("p/actuals/gxj.toml", actuals);
  return load_plan(fs, LoadOptions{"p", "", false});
}

const char* kActuals =
    "[[actual]]\nindicator = \"a.out\"\nperiod = \"2024-06\"\nvalue = 1.9\n"
    "recorded = 2024-07-20T09:00:00+08:00\nby = \"gxj\"\nsource = \"修订\"\nreason = "
    "\"统计局修订\"\n"
    "[[actual]]\nindicator = \"a.out\"\nperiod = \"2024-06\"\nvalue = 1.8\n"
    "recorded = 2024-07-15T10:02:00+08:00\nby = \"gxj\"\nsource = \"月报\"\n"
    "[[actual]]\nindicator = \"a.hall\"\nperiod = \"2024-06\"\nvalue = \"60%\"\n"
    "recorded = 2024-07-16T08:00:00+08:00\nby = \"gxj\"\nsource = \"现场\"\n";

}  // namespace

TEST_CASE("log: recorded order, superseded marked, filters") {
  LoadResult r = load_with(kActuals);
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  auto all = build_log(ledger, {});
  REQUIRE(all.size() == 3);
  CHECK(all[0].actual->source == "月报");
  CHECK(all[0].superseded);
  CHECK(all[1].actual->source == "现场");
  CHECK_FALSE(all[1].superseded);
  CHECK(all[2].actual->source == "修订");
  CHECK_FALSE(all[2].superseded);

  CHECK(build_log(ledger, {ledger.indicator_index("a.hall"), std::nullopt}).size() == 1);
  CHECK(build_log(ledger, {std::nullopt, Date{2024, 7, 16}}).size() == 2);
  CHECK(build_log(ledger, {std::nullopt, Date{2024, 7, 21}}).empty());
}

TEST_CASE("log: the table and its CSV form") {
  LoadResult r = load_with(kActuals);
  Ledger ledger(r.plan);
  auto entries = build_log(ledger, {});
  CHECK(render_text_table(log_table(ledger, entries, true, false)) ==
        "recorded          indicator  period     value  by   source  note  reason      status\n"
        "----------------  ---------  -------  -------  ---  ------  ----  ----------  ----------\n"
        "2024-07-15 10:02  a.out      2024-06  1.8亿元  gxj  月报                      superseded\n"
        "2024-07-16 08:00  a.hall     2024-06      60%  gxj  现场                      in force\n"
        "2024-07-20 09:00  a.out      2024-06  1.9亿元  gxj  修订          统计局修订  in force\n");
  CHECK(render_csv_table(log_table(ledger, entries, false, true), false) ==
        "登记时间,指标,期间,数值,计量单位,报送单位,来源,备注,更正原因,状态\r\n"
        "2024-07-15T10:02:00+08:00,a.out,2024-06,1.8,亿元,gxj,月报,,,已被更正\r\n"
        "2024-07-16T08:00:00+08:00,a.hall,2024-06,60%,,gxj,现场,,,现行\r\n"
        "2024-07-20T09:00:00+08:00,a.out,2024-06,1.9,亿元,gxj,修订,,统计局修订,现行\r\n");
}
