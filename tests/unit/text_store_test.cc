#include "core/base/text_store.h"

#include <catch2/catch.hpp>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/read/load.h"
#include "plan_fixture.h"

using namespace tally;

// A view of a temporary std::string would dangle as soon as the statement
// ends; Text refuses to be made from one.
static_assert(!std::is_constructible_v<Text, std::string&&>);
static_assert(std::is_constructible_v<Text, const std::string&>);
static_assert(std::is_constructible_v<Text, std::string_view>);

TEST_CASE("TextStore: equal texts are kept once, and views outlive moves of the store") {
  TextStore store;
  const Text a = store.keep(std::string("统计局6月月报"));
  const Text b = store.keep("统计局6月月报");
  CHECK(a == "统计局6月月报");
  CHECK(a.data() == b.data());  // one copy
  CHECK(store.bytes() == std::string("统计局6月月报").size());
  CHECK(store.keep("").empty());

  // Enough texts to fill several blocks, and one longer than a block.
  std::vector<Text> views;
  std::vector<std::string> expected;
  for (int i = 0; i < 20000; ++i) {
    expected.push_back("note " + std::to_string(i) + " 完成园区道路招标");
    views.push_back(store.keep(expected.back()));
  }
  const std::string big(200 * 1024, 'x');
  const Text large = store.keep(big);

  TextStore moved = std::move(store);
  std::vector<TextStore> many;
  many.push_back(std::move(moved));
  many.resize(64);  // the vector reallocates and moves the store again
  for (size_t i = 0; i < views.size(); ++i) REQUIRE(views[i] == expected[i]);
  CHECK(large == big);
  CHECK(many[0].keep("note 7 完成园区道路招标").data() == views[7].data());

  // Each again, in any slot and order, after the table grew many times:
  // the same copy, and no byte more.
  const size_t bytes = many[0].bytes();
  for (size_t i = views.size(); i-- > 0;)
    REQUIRE(many[0].keep(expected[i], i).data() == views[i].data());
  CHECK(many[0].bytes() == bytes);
  // The last text of a slot is no other slot's.
  CHECK(many[0].keep("a", 1) == "a");
  CHECK(many[0].keep("b", 2) == "b");
  CHECK(many[0].keep("a", 2).data() == many[0].keep("a", 1).data());
}

TEST_CASE("TextStore: a loaded plan's records view texts it keeps") {
  test::TestPlan t;
  t.put("actuals/gxj.toml",
        "[[actual]]\nindicator = \"a.output\"\nperiod = \"2024-05\"\nvalue = 2\n"
        "recorded = 2024-06-10T10:00:00+08:00\nby = \"gxj\"\nsource = \"统计局5月月报\"\n"
        "note = \"1-5月累计\"\n");
  Plan kept;
  {
    LoadResult r = t.load();
    REQUIRE(r.plan.actuals.size() == 1);
    kept = std::move(r.plan);  // the LoadResult, and its file texts, are gone
  }
  Plan copy = kept;  // a copy shares the stores
  kept = Plan{};
  REQUIRE(copy.actuals.size() == 1);
  const Actual& a = copy.actuals[0];
  CHECK(a.indicator == "a.output");
  CHECK(a.by == "gxj");
  CHECK(a.source == "统计局5月月报");
  CHECK(a.note == "1-5月累计");
  CHECK(a.recorded.text() == "2024-06-10T10:00:00+08:00");
}
