// Units travel with records: a record keeps the unit it was recorded in,
// and a later change of the plan's unit converts it when read instead of
// rescaling it, or refuses it when the units do not convert.

#include <catch2/catch.hpp>

#include "core/read/actuals.h"
#include "plan_fixture.h"

using namespace tally;

namespace {

// The fixture's plan with a.output in `unit` (target `target`), and one
// record of it: value 2 in `recorded_unit` (none when empty).
struct Loaded {
  std::vector<std::string> values;  // each record's value and unit as read
  std::vector<std::string> diags;
};

Loaded load_with(const std::string& unit, const std::string& target,
                 const std::string& recorded_unit) {
  test::TestPlan t;
  std::string action = test::kActionToml;
  const std::string old_unit = "unit = \"亿元\"", old_target = "target = 3.6";
  action.replace(action.find(old_unit), old_unit.size(), "unit = \"" + unit + "\"");
  action.replace(action.find(old_target), old_target.size(), "target = " + target);
  t.put("actions/01-a.toml", action);
  t.put("actuals/gxj.toml",
        "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-05\"\nvalue = 2\n" +
            (recorded_unit.empty() ? "" : "unit = \"" + recorded_unit + "\"\n") +
            "recorded = 2024-06-10T10:00:00+08:00\nby = \"gxj\"\nsource = \"x\"\n");
  LoadResult r = t.load();
  Loaded out;
  for (const Actual& a : r.plan.actuals) {
    out.values.push_back(a.value.number->str() + " " + a.unit.str());
  }
  out.diags = test::lines(r.diags, r.files);
  return out;
}

}  // namespace

TEST_CASE("a record in another unit of the same base is converted exactly", "[units]") {
  // 水果产量 57万吨 restated as 570000吨: the stored 2万吨 reads as 20000吨.
  Loaded l = load_with("吨", "570000", "万吨");
  CHECK(l.diags.empty());
  CHECK(l.values == std::vector<std::string>{"20000 万吨"});
  // And back: 2 亿元 recorded, the plan now in 万元.
  CHECK(load_with("万元", "36000", "亿元").values == std::vector<std::string>{"20000 亿元"});
  // 2元 in an indicator of 亿元: 0.00000002.
  CHECK(load_with("亿元", "3.6", "元").values == std::vector<std::string>{"0.00000002 元"});
  // The same unit, or none (read in the indicator's unit), is left as written.
  CHECK(load_with("亿元", "3.6", "亿元").values == std::vector<std::string>{"2 亿元"});
  CHECK(load_with("吨", "570000", "").values == std::vector<std::string>{"2 "});
}

TEST_CASE("a record whose unit does not convert is reported and not read", "[units]") {
  Loaded l = load_with("公顷", "500", "亩");
  CHECK(l.values.empty());
  CHECK(l.diags ==
        std::vector<std::string>{
            "p/actuals/gxj.toml:5:8: unit-mismatch: 'a.output' was recorded in 亩, which "
            "does not convert to its unit in the plan, 公顷; give the plan its unit "
            "back, or restate this record's value and unit in 公顷"});
}

TEST_CASE("record writes the indicator's unit with every number", "[units]") {
  Actual a;
  a.indicator = "a.output";
  a.value.number = Decimal{18, 1};
  a.unit = "亿元";
  a.period = Period{Cadence::kMonth, 2024, 6};
  a.recorded = make_timestamp(Date{2024, 7, 15}, 10, 2, 0, 480);
  a.by = "gxj";
  a.source = "统计局";
  CHECK(format_actual(a) ==
        "\n[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-06\"\nvalue = 1.8\nunit = "
        "\"亿元\"\nrecorded = 2024-07-15T10:02:00+08:00\nby = \"gxj\"\nsource = \"统计局\"\n");
}
