#include "core/model/actual_fields.h"

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "core/compute/proposal.h"
#include "core/read/actuals.h"
#include "test_texts.h"

using namespace tally;

namespace {

// A record with a value of its own in every text key of the table, so that
// a key added to kActualFields is written and read back here too.
Actual every_key() {
  Actual a;
  for (const ActualField& f : kActualFields) {
    if (f.type == FieldType::kText)
      a.*f.text = test_texts().keep(fmt::format("{} “{}”", f.key, f.key));
  }
  a.value.number = Decimal{18, 1};
  a.period = Period{Cadence::kMonth, 2024, 6};
  a.recorded = make_timestamp(Date{2024, 7, 15}, 10, 2, 0, 480);
  a.highlight = true;
  return a;
}

}  // namespace

TEST_CASE("actual fields: the keys, in the order record writes them") {
  std::vector<std::string> keys;
  for (std::string_view k : actual_keys()) keys.emplace_back(k);
  CHECK(keys == std::vector<std::string>{"indicator", "period", "value", "unit", "recorded", "by",
                                         "source", "note", "reason", "highlight"});
  CHECK(typed_keys() == std::vector<std::string>{"indicator", "period", "value", "by", "source",
                                                 "note", "reason", "highlight"});
}

TEST_CASE("actual fields: every key is written and read back by both readers") {
  const Actual a = every_key();
  const std::string text = format_actual(a).substr(1);
  for (const ActualField& f : kActualFields) {
    INFO(f.key);
    CHECK(text.find(fmt::format("\n{} = ", f.key)) != std::string::npos);
  }
  Plan plan;
  for (bool fast : {true, false}) {
    INFO((fast ? "canonical reader" : "toml++"));
    std::vector<Actual> read;
    Diagnostics diags;
    ActualsReadStats stats;
    if (fast) {
      load_actuals_text(text, 1, plan, test_texts(), read, diags, &stats);
      CHECK(stats.canonical_records == 1);
    } else {
      load_actuals_text_toml(text, 1, plan, test_texts(), read, diags);
    }
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(read.size() == 1);
    for (const ActualField& f : kActualFields) {
      INFO(f.key);
      if (f.text) CHECK(read[0].*f.text == a.*f.text);
      if (f.type == FieldType::kFlag) CHECK(read[0].highlight);
      // Every located key points at its own line.
      if (f.at) CHECK(read[0].at(read[0].*f.at).line == 1 + static_cast<uint32_t>(f.id) + 1);
    }
    CHECK(format_actual(read[0]) == format_actual(a));
  }
}

TEST_CASE("actual fields: a refusal names the field as it was typed") {
  const FieldNames columns = FieldNames::columns();
  const FieldNames options = FieldNames::options({ActualKey::kIndicator, ActualKey::kValue});
  for (const ActualField& f : kActualFields) {
    INFO(f.key);
    CHECK(columns[f.id] == f.key);
  }
  CHECK(options[ActualKey::kIndicator] == "INDICATOR");
  CHECK(options[ActualKey::kValue] == "VALUE");
  CHECK(options[ActualKey::kPeriod] == "--period");
  CHECK(options[ActualKey::kReason] == "--reason");
}
