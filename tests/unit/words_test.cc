#include "core/render/words.h"

#include <catch2/catch.hpp>

using namespace tally;

TEST_CASE("words: every word has both languages") {
  for (size_t t = 0; t <= static_cast<size_t>(Term::kDekad); ++t) {
    INFO(t);
    CHECK_FALSE(term(static_cast<Term>(t), false).empty());
    CHECK_FALSE(term(static_cast<Term>(t), true).empty());
  }
}

TEST_CASE("words: 单位 alone is a bureau, a unit of measure is 计量单位") {
  CHECK(term(Term::kBureau, false) == "单位");
  CHECK(term(Term::kBureau, true) == "bureau");
  CHECK(term(Term::kUnit, false) == "计量单位");
  CHECK(key_label("unit", false) == "计量单位");
  CHECK(key_label("unit", true) == "unit");
  CHECK(key_label("no-such-key", false) == "no-such-key");
  // The one exception, kept as tally list's golden output prints it.
  CHECK(term(Term::kUnitInList, false) == "单位");
}

TEST_CASE("words: statuses, stages and cadences") {
  CHECK(status_label(Status::kDone, false) == "已完成");
  CHECK(status_label(Status::kOffTrack, true) == "off track");
  CHECK(status_label(Status::kNotDue, false) == "未到期");
  for (Status s : kAllStatuses) {
    INFO(status_name(s));
    CHECK(parse_status(status_name(s)) == s);
    CHECK(parse_status(status_label(s, false)) == s);
  }
  CHECK_FALSE(parse_status("on track"));
  CHECK(stage_label(Stage::kInProgress, false) == "推进中");
  CHECK(stage_label(Stage::kDone, true) == "done");
  CHECK(cadence_label(Cadence::kYear, false) == "年");
  CHECK(cadence_label(Cadence::kDekad, false) == "旬");
  CHECK(cadence_label(Cadence::kQuarter, true) == "quarter");
}

TEST_CASE("words: headings and lists of names") {
  CHECK(headings({Term::kIndicator, Term::kStatus}, false) ==
        std::vector<std::string>{"指标", "状态"});
  CHECK(name_list({"市发改局", "市财政局"}, false) == "市发改局、市财政局");
  CHECK(name_list({"a", "b"}, true) == "a, b");
}
