#include "core/check/isolate.h"

#include <catch2/catch.hpp>

namespace tally {

TEST_CASE("a record with an error is left out and named; a file-wide error stays", "[isolate]") {
  Plan plan;
  plan.actuals_dir = "p/actuals";
  SourceFiles files;
  const uint32_t defs = files.add("p/plan.toml", "x\n");
  // Two records in gxj.toml: the first (lines 2-3) is fine, the second
  // (lines 5-6) names an unknown indicator; an indented header still counts.
  const uint32_t gxj = files.add("p/actuals/gxj.toml",
                                 "# header\n[[actual]]\nindicator = \"a\"\n\n  [[ actual ]]\n"
                                 "indicator = \"zz\"\n");
  // A file that is not TOML keeps its finding.
  const uint32_t broken = files.add("p/actuals/fgj.toml", "[[actual]\n");
  Actual good;
  good.indicator = "a";
  good.loc = {gxj, 2, 1};
  Actual bad;
  bad.indicator = "zz";
  bad.loc = {gxj, 5, 3};
  plan.actuals = {good, bad};
  Diagnostics diags;
  diags.error({gxj, 6, 13}, "unknown-indicator", "unknown indicator 'zz'");
  diags.error({gxj, 5, 3}, "recorded-future",
              "recorded 2030-01-01T00:00:00+08:00 is in the future");
  diags.error({broken, 1, 9}, "toml-syntax", "TOML syntax: expected ']]'");
  diags.error({defs, 1, 1}, "unknown-key", "unknown key 'x'");
  diags.warning({gxj, 3, 1}, "ytd-decrease", "falls");

  auto out = isolate_bad_records(plan, files, diags);

  REQUIRE(out.size() == 1);
  CHECK(out[0].where() == "p/actuals/gxj.toml:5");
  CHECK(out[0].indicator == "zz");
  CHECK(out[0].read);
  CHECK(out[0].reason() ==
        "unknown indicator 'zz'; recorded 2030-01-01T00:00:00+08:00 is in the future");
  CHECK(out[0].codes == std::vector<std::string>{"unknown-indicator", "recorded-future"});
  REQUIRE(plan.actuals.size() == 1);
  CHECK(plan.actuals[0].indicator == "a");
  // The definitions' error, the file's syntax error and the warning stay.
  CHECK(diags.error_count() == 2);
  CHECK(diags.warning_count() == 1);

  CHECK(excluded_for(out, "zz").size() == 1);
  CHECK(excluded_for(out, "a").empty());
}

TEST_CASE("a record the reader dropped is named with the indicator its text gives", "[isolate]") {
  Plan plan;
  plan.actuals_dir = "p/actuals";
  SourceFiles files;
  const uint32_t f = files.add("p/actuals/gxj.toml",
                               "[[actual]]\nindicator = \"industry.x\"\nperiod = \"2024-13\"\n");
  Diagnostics diags;
  diags.error({f, 3, 10}, "bad-period", "'2024-13': there is no month 13");
  auto out = isolate_bad_records(plan, files, diags);
  REQUIRE(out.size() == 1);
  CHECK(out[0].where() == "p/actuals/gxj.toml:1");
  CHECK(out[0].indicator == "industry.x");
  CHECK_FALSE(out[0].read);
  CHECK_FALSE(diags.has_errors());
  // A record whose indicator is not known concerns every indicator.
  out[0].indicator.clear();
  CHECK(excluded_for(out, "anything").size() == 1);
}

}  // namespace tally
