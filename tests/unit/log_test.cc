#include "core/render/log.h"

#include <algorithm>
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

const char* kLogActuals =
    "[[actual]]\nindicator = \"a.out\"\nperiod = \"2024-06\"\nvalue = 1.9\n"
    "recorded = 2024-07-20T09:00:00+08:00\nby = \"gxj\"\nsource = \"修订\"\nreason = "
    "\"统计局修订\"\n"
    "[[actual]]\nindicator = \"a.out\"\nperiod = \"2024-06\"\nvalue = 1.8\n"
    "recorded = 2024-07-15T10:02:00+08:00\nby = \"gxj\"\nsource = \"月报\"\n"
    "[[actual]]\nindicator = \"a.hall\"\nperiod = \"2024-06\"\nvalue = \"60%\"\n"
    "recorded = 2024-07-16T08:00:00+08:00\nby = \"gxj\"\nsource = \"现场\"\n";

}  // namespace

TEST_CASE("log: recorded order, superseded marked, filters") {
  LoadResult r = load_with(kLogActuals);
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
  LoadResult r = load_with(kLogActuals);
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

TEST_CASE("log: hostile text is shown, not obeyed") {
  // A source that retitles the terminal, a reason whose line end would print
  // a fake row, a note that is a live spreadsheet formula.
  LoadResult r = load_with(
      "[[actual]]\nindicator = \"a.out\"\nperiod = \"2024-06\"\nvalue = 1.8\n"
      "recorded = 2024-07-15T10:02:00+08:00\nby = \"gxj\"\nsource = \"x\\u001b]0;pwned\\u0007\"\n"
      "note = \"=HYPERLINK(\\\"http://e.x\\\",\\\"点击\\\")\"\n"
      "reason = \"a\\n2024-07-16 08:00  a.out\"\n");
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  auto entries = build_log(ledger, {});
  // Columns as wide as their cells shown: source 17 (x, \x1b, ]0;pwned,
  // \x07), note 31, reason 28.
  CHECK(render_text_table(log_table(ledger, entries, true, false)) ==
        "recorded          indicator  period     value  by   source             note     "
        "                        reason                        status\n"
        "----------------  ---------  -------  -------  ---  -----------------  ---------"
        "----------------------  ----------------------------  --------\n"
        "2024-07-15 10:02  a.out      2024-06  1.8亿元  gxj  x\\x1b]0;pwned\\x07  "
        "=HYPERLINK(\"http://e.x\",\"点击\")  a\\x0a2024-07-16 08:00  a.out  in force\n");
  CHECK(render_csv_table(log_table(ledger, entries, true, true), false) ==
        "recorded,indicator,period,value,unit,by,source,note,reason,status\r\n"
        "2024-07-15T10:02:00+08:00,a.out,2024-06,1.8,亿元,gxj,x\\x1b]0;pwned\\x07,"
        "\"'=HYPERLINK(\"\"http://e.x\"\",\"\"点击\"\")\",\"a\n2024-07-16 08:00  a.out\",in "
        "force\r\n");
  CHECK(render_markdown_table(log_table(ledger, entries, true, false))
            .find("| x\\x1b]0;pwned\\x07 | =HYPERLINK(\"http://e.x\",\"点击\") | a<br>2024-07-16 "
                  "08:00  "
                  "a.out |") != std::string::npos);
}

TEST_CASE("log: a megabyte note is cut, not padded into every row") {
  const std::string note(1000000, 'n');
  LoadResult r = load_with(std::string(kLogActuals) +
                           "[[actual]]\nindicator = \"a.hall\"\nperiod = \"2024-07\"\nvalue = "
                           "\"done\"\nrecorded = 2024-08-01T08:00:00+08:00\nby = \"gxj\"\n"
                           "source = \"现场\"\nnote = \"" +
                           note + "\"\n");
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  const std::string out = render_text_table(log_table(ledger, build_log(ledger, {}), true, false));
  // Four rows and two header lines; the note column is kMaxCellWidth (500)
  // wide: 499 'n' and "…".
  CHECK(std::count(out.begin(), out.end(), '\n') == 6);
  CHECK(out.find(std::string(499, 'n') + "…  ") != std::string::npos);
  CHECK(out.find(std::string(500, 'n')) == std::string::npos);
  CHECK(out.size() < 6 * 700);
}
