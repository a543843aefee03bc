#include "core/base/packed_optional.h"

#include <catch2/catch.hpp>
#include <optional>

#include "core/model/model.h"

using namespace tally;

static_assert(sizeof(PackedOptional<Decimal>) == sizeof(Decimal));
static_assert(sizeof(PackedOptional<double>) == sizeof(double));
// number 16, stage 2 (padded to 8), percent 8: 48 bytes as std::optionals.
static_assert(sizeof(ActualValue) == 32);

TEST_CASE("PackedOptional: reads and assigns as std::optional does") {
  PackedOptional<Decimal> n;
  CHECK_FALSE(n);
  CHECK_FALSE(n.has_value());
  CHECK(n == std::nullopt);
  CHECK(n.value_or(Decimal{7, 0}).str() == "7");
  CHECK_THROWS_AS(n.value(), std::bad_optional_access);
  CHECK(std::optional<Decimal>(n) == std::nullopt);

  n = Decimal{36, 1};  // 3.6
  REQUIRE(n);
  CHECK(n->str() == "3.6");
  CHECK((*n).mantissa == 36);
  CHECK(n.value_or(Decimal{7, 0}).str() == "3.6");
  CHECK(std::optional<Decimal>(n) == std::optional<Decimal>(Decimal{36, 1}));
  // Equal as the decimals are: 3.60 is 3.6.
  CHECK(n == PackedOptional<Decimal>(Decimal{360, 2}));
  CHECK_FALSE(n == PackedOptional<Decimal>());
  CHECK_FALSE(n == PackedOptional<Decimal>(Decimal{0, 0}));

  // Zero, the value most likely to be confused with "none", is a value.
  n = Decimal{0, 0};
  CHECK(n);
  CHECK(n->str() == "0");

  n.reset();
  CHECK_FALSE(n);
  n = std::optional<Decimal>(Decimal{5, 0});
  CHECK(n->str() == "5");
  n = std::optional<Decimal>();
  CHECK_FALSE(n);
  n.emplace(Decimal{-18, 0});
  CHECK(n->str() == "-18");
}

TEST_CASE("PackedOptional: a percent of 0 is a value, a NaN none") {
  PackedOptional<double> p;
  CHECK_FALSE(p);
  p = 0.0;
  REQUIRE(p);
  CHECK(*p == 0.0);
  p = 60.0;
  CHECK(*p == 60.0);
  CHECK(p == PackedOptional<double>(60.0));
  p = PackedEmpty<double>::empty();
  CHECK_FALSE(p);
  CHECK(p == PackedOptional<double>());
}

TEST_CASE("PackedOptional: an ActualValue is empty until given a value") {
  ActualValue v;
  CHECK_FALSE(v.number);
  CHECK_FALSE(v.stage);
  CHECK_FALSE(v.percent);
  v.stage = Stage::kInProgress;
  v.percent = 60.0;
  CHECK(value_text(v) == "60%");
}
