#include "core/render/table.h"

#include <catch2/catch.hpp>

using namespace tally;

namespace {

// An id of 20 columns, a name of 16 (8 characters), a unit of 4 and a
// direction of 4: 20 + 16 + 4 + 4 + 3 × 2 = 50 columns at full width.
Table sample_table() {
  Table t;
  t.header = {"id", "指标", "单位", "方向"};
  t.rows = {{"economy.gdp-growth-x", "地区生产总值增速", "万元", "up"}};
  return t;
}

}  // namespace

TEST_CASE("render_text_table: names are cut, ids never") {
  // At 44 the name gives 6 columns: 16 - 6 = 10, cut to 9 and "…".
  CHECK(render_text_table(sample_table(), 44) ==
        "id                    指标        单位  方向\n"
        "--------------------  ----------  ----  ----\n"
        "economy.gdp-growth-x  地区生产…   万元  up\n");
  // At 30 even 8 columns are too many: the name goes down to 4, "地…",
  // and the table is 20 + 4 + 4 + 4 + 6 = 38 wide: the id is not cut.
  CHECK(render_text_table(sample_table(), 30) ==
        "id                    指标  单位  方向\n"
        "--------------------  ----  ----  ----\n"
        "economy.gdp-growth-x  地…   万元  up\n");
}

TEST_CASE("names_cut_short: would the names be cut below the room") {
  CHECK_FALSE(names_cut_short(sample_table(), 0, 16));   // no limit
  CHECK_FALSE(names_cut_short(sample_table(), 50, 16));  // fits whole
  // 20 + min(16, 8) + 4 + 4 + 6 = 42: at 42 the name keeps 8 columns.
  CHECK_FALSE(names_cut_short(sample_table(), 42, 8));
  CHECK(names_cut_short(sample_table(), 41, 8));
  // The unit is a name too (non-ASCII): 20 + 16 + min(4, 16) + 4 + 6.
  CHECK(names_cut_short(sample_table(), 49, 16));
}

TEST_CASE("render_fitted_table: columns give way in turn, named under the table") {
  // At 40: 20 + 16 + 4 + 4 + 6 = 50 is over, 方向 out (44), still over
  // (the name would get 10 of 16), 单位 out: 20 + 16 + 2 = 38. The note
  // is wider than 40, so its hint goes on a line of its own.
  CHECK(render_fitted_table(sample_table(), 40, {"方向", "单位"}, false) ==
        "id                    指标\n"
        "--------------------  ----------------\n"
        "economy.gdp-growth-x  地区生产总值增速\n"
        "（为适应 40 列宽省略：方向、单位；\n--wide 显示全部）\n");
  CHECK(render_fitted_table(sample_table(), 46, {"方向", "单位"}, true) ==
        "id                    指标              单位\n"
        "--------------------  ----------------  ----\n"
        "economy.gdp-growth-x  地区生产总值增速  万元\n"
        "(left out to fit 46 columns: 方向;\n--wide shows them)\n");
  // No limit: nothing left out, no note.
  CHECK(render_fitted_table(sample_table(), 0, {"方向", "单位"}, false) ==
        render_text_table(sample_table()));
}

TEST_CASE("left_out_note: the hint on a line of its own when the note is too wide") {
  CHECK(left_out_note({}, 80, false).empty());
  // The note is 51 columns.
  CHECK(left_out_note({"方向", "类型"}, 51, false) ==
        "（为适应 51 列宽省略：方向、类型；--wide 显示全部）\n");
  CHECK(left_out_note({"方向", "类型"}, 50, false) ==
        "（为适应 50 列宽省略：方向、类型；\n--wide 显示全部）\n");
  CHECK(left_out_note({"direction", "kind"}, 40, true) ==
        "(left out to fit 40 columns: direction, kind;\n--wide shows them)\n");
}
