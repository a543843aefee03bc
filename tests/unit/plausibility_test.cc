#include "core/compute/plausibility.h"

#include <catch2/catch.hpp>

#include "core/compute/proposal.h"
#include "plan_fixture.h"

using namespace tally;

namespace {

// a.output (cumulative, 3.6亿元, up) of the fixture, and one indicator of
// each kind the rule must not doubt wrongly.
const char* const kIndicators = R"(
[[indicator]]
id = "a.rate"
name = "城镇化率"
kind = "level"
unit = "%"
target = 58
lead = "gxj"

[[indicator]]
id = "a.fires"
name = "较大火灾"
kind = "cumulative"
unit = "起"
target = 2
direction = "down"
lead = "gxj"

[[indicator]]
id = "a.debt"
name = "新增隐性债务"
kind = "cumulative"
unit = "万元"
target = 0
lead = "gxj"

[[indicator]]
id = "a.growth"
name = "规上工业增加值增速"
kind = "growth"
unit = "%"
target = 8
lead = "gxj"
)";

// The refusals of recording `value` for `indicator` in 2024-06, with the
// records of `actuals` (gxj.toml) on file.
std::vector<std::string> refused(const std::string& indicator, const std::string& value,
                                 const std::string& actuals = "", bool force = false) {
  test::TestPlan t;
  t.add_indicator(kIndicators);
  if (!actuals.empty()) t.put("actuals/gxj.toml", actuals);
  LoadResult r = t.load();
  INFO(fmt::format("{}", fmt::join(test::lines(r.diags, r.files), "\n")));
  REQUIRE_FALSE(r.diags.has_errors());
  Ledger ledger(r.plan);
  ProposedActual p;
  p.indicator = indicator;
  p.value = value;
  p.period = "2024-06";
  p.source = "统计局";
  const Timestamp now = make_timestamp(Date{2024, 7, 15}, 10, 0, 0, 480);
  const FieldNames names = FieldNames::options({ActualKey::kIndicator, ActualKey::kValue});
  Prepared prepared =
      prepare_actuals(ledger, {&p, 1}, names, Date{2024, 7, 15}, now, &r.files, force);
  std::vector<std::string> out;
  for (const auto& x : prepared.refusals) out.push_back(x.message);
  return out;
}

std::string record(const char* indicator, const char* period, const char* value) {
  return fmt::format(
      "[[actual]]\nindicator = \"{}\"\nperiod = \"{}\"\nvalue = {}\n"
      "recorded = 2024-06-10T10:00:00+08:00\nby = \"gxj\"\nsource = \"x\"\n\n",
      indicator, period, value);
}

using Messages = std::vector<std::string>;

}  // namespace

TEST_CASE("a figure 10× the target is refused with the likely scale", "[plausibility]") {
  // 106000 / 3.6 = 29444.4; read as 万元 it is 10.6亿元, within 0.36–36.
  CHECK(refused("a.output", "106000") ==
        Messages{"VALUE: '106000' is 106000亿元, 29444× the target 3.6亿元 (did you mean "
                 "106000万元 = 10.6亿元?); give --force if the figure is right"});
  // Typed with its unit, the same.
  CHECK(refused("a.output", "106000亿元").size() == 1);
  // 40 / 3.6 = 11.1; 40万元 = 0.004亿元 is no likelier, so no suggestion.
  CHECK(refused("a.output", "40") ==
        Messages{"VALUE: '40' is 40亿元, 11.1× the target 3.6亿元; give --force if the figure "
                 "is right"});
  // Exactly 10× is still plausible; --force records anything.
  CHECK(refused("a.output", "36").empty());
  CHECK(refused("a.output", "106000", "", true).empty());
}

TEST_CASE("the largest figure on record is a reference too", "[plausibility]") {
  // A level: 62% against a target of 58% is fine; 5800 / 58 = 100.
  CHECK(refused("a.rate", "62").empty());
  CHECK(refused("a.rate", "5800") ==
        Messages{"VALUE: '5800' is 5800%, 100× the target 58%; give --force if the figure is "
                 "right"});
  // The reference is the larger of the two: with 30亿元 on record, 40 is
  // plausible, and 400 / 30 = 13.3; 400万元 = 0.04亿元 is no likelier.
  const std::string on_record = record("a.output", "2024-05", "30");
  CHECK(refused("a.output", "40", on_record).empty());
  CHECK(refused("a.output", "400", on_record) ==
        Messages{"VALUE: '400' is 400亿元, 13.3× the largest figure on record, 30亿元 (2024-05); "
                 "give --force if the figure is right"});
}

TEST_CASE("a ceiling, a zero target and growth rates are not doubted wrongly", "[plausibility]") {
  // A ceiling may be breached by any amount: 25 fires against at most 2,
  // or after 1 on record.
  CHECK(refused("a.fires", "25").empty());
  CHECK(refused("a.fires", "25", record("a.fires", "2024-05", "1")).empty());
  // A target of 0 gives no scale until a figure is on record: then 1200 /
  // 50 = 24, and 1200元 = 0.12万元 is no likelier.
  CHECK(refused("a.debt", "1200").empty());
  CHECK(refused("a.debt", "1200", record("a.debt", "2024-05", "50")) ==
        Messages{"VALUE: '1200' is 1200万元, 24× the largest figure on record, 50万元 "
                 "(2024-05); give --force if the figure is right"});
  // Growth: within ±100% is plausible, beyond it is doubted.
  CHECK(refused("a.growth", "-100").empty());
  CHECK(refused("a.growth", "99.5").empty());
  CHECK(refused("a.growth", "150") ==
        Messages{"VALUE: '150' is a growth rate of 150%, outside ±100%; give --force if the "
                 "figure is right"});
  CHECK(refused("a.growth", "-150").size() == 1);
}
