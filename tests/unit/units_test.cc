#include "core/base/units.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

using namespace tally;

namespace {

Decimal dec(std::string_view s) {
  auto d = parse_decimal(s);
  INFO(s);
  REQUIRE(d);
  return *d;
}

std::string converted(std::string_view text, std::string_view unit) {
  std::string error;
  auto d = convert_value(text, unit, &error);
  INFO(text << " → " << unit << ": " << error);
  REQUIRE(d);
  return d->str();
}

std::string refusal(std::string_view text, std::string_view unit) {
  std::string error;
  auto d = convert_value(text, unit, &error);
  INFO(text << " → " << unit);
  REQUIRE_FALSE(d);
  return error;
}

}  // namespace

TEST_CASE("Decimal: parse keeps the value exactly as written") {
  CHECK(dec("3.6").mantissa == 36);
  CHECK(dec("3.6").scale == 1);
  CHECK(dec("3.6").str() == "3.6");
  CHECK(dec("-50").str() == "-50");
  CHECK(dec("+12").str() == "12");
  CHECK(dec("30951").str() == "30951");
  CHECK(dec("43.59").str() == "43.59");
  CHECK(dec("0.0012").str() == "0.0012");
  CHECK(dec("1.50").str() == "1.5");
  CHECK(dec("1.50").scale == 1);
  CHECK(dec("1.0").str() == "1");
  CHECK(dec("007").str() == "7");
  CHECK(dec(".5").str() == "0.5");
  CHECK(dec("5.").str() == "5");
  CHECK(dec("-0").str() == "0");
  CHECK(dec("-0").is_zero());
  CHECK(dec("-0.5").is_negative());
  CHECK(dec("123456789012345678").str() == "123456789012345678");
  CHECK(dec("0.000000000000000001").str() == "0.000000000000000001");
  CHECK(dec("0.000000000000000001").scale == 18);
  CHECK(dec("3.6").to_double() == Approx(3.6));
  CHECK(dec("-0.005").to_double() == Approx(-0.005));
}

TEST_CASE("Decimal: parse refuses what is not a plain decimal") {
  for (const char* s : {"", "+", "-", ".", "1,200", "1e5", "nan", "inf", " 1", "1 ", "1.2.3",
                        "0x10", "--1", "１２", "1234567890123456789", "0.0000000000000000001"}) {
    INFO(s);
    CHECK_FALSE(parse_decimal(s));
  }
}

TEST_CASE("Decimal: str of negative fractions and the extremes") {
  CHECK((Decimal{-5, 3}).str() == "-0.005");
  CHECK((Decimal{-1234, 2}).str() == "-12.34");
  CHECK((Decimal{INT64_MIN, 0}).str() == "-9223372036854775808");
  CHECK((Decimal{INT64_MIN, 18}).str() == "-9.223372036854775808");
}

TEST_CASE("Decimal: shifted is exact") {
  CHECK(dec("3.6").shifted(4)->str() == "36000");
  CHECK(dec("36000").shifted(-4)->str() == "3.6");
  CHECK(dec("0.12").shifted(4)->str() == "1200");
  CHECK(dec("1200").shifted(-4)->str() == "0.12");
  CHECK(dec("2.5").shifted(0)->str() == "2.5");
  CHECK(dec("1").shifted(18)->str() == "1000000000000000000");
  CHECK_FALSE(dec("10").shifted(18));
  CHECK_FALSE(dec("1").shifted(19));
  CHECK_FALSE(dec("-10").shifted(18));
  CHECK(dec("1").shifted(-18)->str() == "0.000000000000000001");
  CHECK_FALSE(dec("1").shifted(-19));
  // Trailing zeros make room: 10 × 10^-19 = 10^-18.
  CHECK((Decimal{10, 0}).shifted(-19)->str() == "0.000000000000000001");
}

TEST_CASE("Decimal: equality ignores trailing zeros") {
  CHECK(Decimal{150, 2} == Decimal{15, 1});
  CHECK(dec("1.50") == dec("1.5"));
  CHECK(dec("36000") == *dec("3.6").shifted(4));
  CHECK_FALSE(dec("1.5") == dec("1.05"));
  CHECK_FALSE(dec("-1") == dec("1"));
}

TEST_CASE("decimal_from_double: the number as it was written in TOML") {
  CHECK(decimal_from_double(3.6)->str() == "3.6");
  CHECK(decimal_from_double(0.9)->str() == "0.9");
  CHECK(decimal_from_double(43.59)->str() == "43.59");
  CHECK(decimal_from_double(-50.0)->str() == "-50");
  CHECK(decimal_from_double(0.1 + 0.2)->str() == "0.30000000000000004");
  CHECK(decimal_from_double(0.0001)->str() == "0.0001");
  // Small and large values are printed with an exponent; they are still exact.
  CHECK(decimal_from_double(0.00005)->str() == "0.00005");
  CHECK(decimal_from_double(1.5e-7)->str() == "0.00000015");
  CHECK(decimal_from_double(1e17)->str() == "100000000000000000");
  CHECK(decimal_from_double(1.25e16)->str() == "12500000000000000");
  CHECK_FALSE(decimal_from_double(1e19));
  CHECK_FALSE(decimal_from_double(1e-19));
  CHECK_FALSE(decimal_from_double(std::numeric_limits<double>::quiet_NaN()));
  CHECK_FALSE(decimal_from_double(std::numeric_limits<double>::infinity()));
  CHECK_FALSE(decimal_from_double(-std::numeric_limits<double>::infinity()));
}

TEST_CASE("units: scale prefixes") {
  auto unit = [](std::string_view u) {
    Unit x = parse_unit(u);
    return std::to_string(x.exponent) + " " + x.base;
  };
  CHECK(unit("亿元") == "8 元");
  CHECK(unit("万元") == "4 元");
  CHECK(unit("千万元") == "7 元");
  CHECK(unit("百万元") == "6 元");
  CHECK(unit("十万人") == "5 人");
  CHECK(unit("万亩") == "4 亩");
  CHECK(unit("万") == "4 ");
  CHECK(unit("元") == "0 元");
  CHECK(unit("%") == "0 %");
  CHECK(unit("人") == "0 人");
  CHECK(unit("") == "0 ");
  // Units whose first character only looks like a prefix.
  CHECK(unit("百分点") == "0 百分点");
  CHECK(unit("万分之") == "0 万分之");
  CHECK(unit("千米") == "0 千米");
  CHECK(unit("千瓦时") == "0 千瓦时");
}

TEST_CASE("units: split a typed value into number and unit") {
  auto split = [](std::string_view s) {
    auto x = split_number_unit(s);
    return x.number + "|" + x.unit;
  };
  CHECK(split("3.6亿元") == "3.6|亿元");
  CHECK(split("36000万") == "36000|万");
  CHECK(split("-50%") == "-50|%");
  CHECK(split("+12人") == "+12|人");
  CHECK(split("15") == "15|");
  CHECK(split("万元") == "|万元");
  CHECK(split("") == "|");
}

TEST_CASE("units: convert_value is exact across 万 and 亿") {
  CHECK(converted("36000万元", "亿元") == "3.6");
  CHECK(converted("3.6亿元", "万元") == "36000");
  CHECK(converted("3.6亿元", "亿元") == "3.6");
  CHECK(converted("0.12万人", "人") == "1200");
  CHECK(converted("1200人", "万人") == "0.12");
  CHECK(converted("1200", "人") == "1200");
  CHECK(converted("3.6", "亿元") == "3.6");
  CHECK(converted("36000万", "亿元") == "3.6");  // a bare scale takes the target's base
  CHECK(converted("1.5亿", "万元") == "15000");
  CHECK(converted("2.45万亩", "万亩") == "2.45");
  CHECK(converted("24500亩", "万亩") == "2.45");
  CHECK(converted("15%", "%") == "15");
  CHECK(converted("-50%", "%") == "-50");
  CHECK(converted("0.1千万元", "万元") == "100");
  CHECK(converted("3.6 亿元", "万元") == "36000");  // a space before the unit
  CHECK(converted("1.2千瓦时", "千瓦时") == "1.2");
}

TEST_CASE("units: refusals name both units") {
  CHECK(refusal("3.6亿元", "人") ==
        "'3.6亿元' is in 亿元, which does not convert to the indicator's unit 人");
  CHECK(refusal("5百分点", "%") ==
        "'5百分点' is in 百分点, which does not convert to the indicator's unit %");
  CHECK(refusal("12人", "") ==
        "'12人' is in 人, which does not convert to the indicator's unit (none)");
  CHECK(refusal("3千米", "万米") ==
        "'3千米' is in 千米, which does not convert to the indicator's unit 万米");
  CHECK(refusal("abc", "人") ==
        "'abc' is not a number; write a decimal such as 3.6, optionally with a unit such as "
        "3.6亿元");
  CHECK(refusal("亿元", "亿元") ==
        "'亿元' is not a number; write a decimal such as 3.6, optionally with a unit such as "
        "3.6亿元");
  CHECK(refusal("1,200", "人") ==
        "'1,200' is not a number; write a decimal such as 3.6, optionally with a unit such as "
        "3.6亿元");
  CHECK(refusal("1.2.3万元", "亿元") ==
        "'1.2.3万元' is not a number; write a decimal such as 3.6, optionally with a unit such as "
        "3.6亿元");
  CHECK(refusal("99999999999999999亿元", "元") == "'99999999999999999亿元' is out of range in 元");
}

TEST_CASE("fits_toml_number: what a TOML integer or float keeps exactly") {
  CHECK(fits_toml_number(*parse_decimal("999999999999999999")));
  CHECK(fits_toml_number(*parse_decimal("-999999999999999999")));
  CHECK_FALSE(fits_toml_number(Decimal{1000000000000000000, 0}));
  CHECK_FALSE(fits_toml_number(Decimal{INT64_MIN, 0}));
  CHECK(fits_toml_number(*parse_decimal("99999999999.9999")));
  CHECK(fits_toml_number(*parse_decimal("-0.000000000000000001")));
  CHECK(fits_toml_number(*parse_decimal("1.50000000000000000")));
  CHECK_FALSE(fits_toml_number(*parse_decimal("99999999999.99999")));
  CHECK_FALSE(fits_toml_number(*parse_decimal("0.1234567890123456")));
  // Every number with a fraction it accepts reads back from a double as
  // itself, as the actuals reader decodes it.
  for (const char* s : {"99999999999.9999", "0.000123456789012345", "123456789.012345",
                        "0.000000000000000001", "-5.55555555555555"}) {
    INFO(s);
    Decimal d = *parse_decimal(s);
    REQUIRE(fits_toml_number(d));
    CHECK(decimal_from_double(std::stod(s)) == d);
  }
}

TEST_CASE("units: whole decimals") {
  CHECK(parse_decimal("30951")->is_integer());
  CHECK(parse_decimal("4.0")->is_integer());
  CHECK_FALSE(parse_decimal("4.13")->is_integer());
  CHECK(parse_decimal("-50")->is_integer());
  CHECK_FALSE(parse_decimal("0.5")->is_integer());
}
