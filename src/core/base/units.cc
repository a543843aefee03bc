#include "core/base/units.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/base/text.h"

namespace tally {

namespace {

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

Decimal normalized(Decimal d) {
  while (d.scale > 0 && d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    --d.scale;
  }
  return d;
}

struct Prefix {
  std::string_view text;
  int exponent;
};
// Longest first, so 千万 wins over 万.
constexpr Prefix kPrefixes[] = {{"千万", 7}, {"百万", 6}, {"十万", 5}, {"亿", 8}, {"万", 4}};

// Units whose first character looks like a prefix but is part of the unit.
constexpr std::string_view kAtomic[] = {"百分点", "万分之", "千米", "千克", "千瓦", "千瓦时"};

}  // namespace

double Decimal::to_double() const {
  return static_cast<double>(mantissa) / static_cast<double>(kPow10[scale]);
}

std::string Decimal::str() const {
  Decimal d = normalized(*this);
  if (d.scale == 0) return fmt::format("{}", d.mantissa);
  bool neg = d.mantissa < 0;
  uint64_t m =
      neg ? static_cast<uint64_t>(-(d.mantissa + 1)) + 1 : static_cast<uint64_t>(d.mantissa);
  std::string digits = fmt::format("{}", m);
  if (digits.size() <= static_cast<size_t>(d.scale)) {
    digits.insert(0, static_cast<size_t>(d.scale) - digits.size() + 1, '0');
  }
  digits.insert(digits.size() - static_cast<size_t>(d.scale), ".");
  return neg ? "-" + digits : digits;
}

std::optional<Decimal> Decimal::shifted(int k) const {
  Decimal d = *this;
  if (k < 0) {
    d.scale += -k;
    if (d.scale > 18) {
      d = normalized(d);
      if (d.scale > 18) return std::nullopt;
    }
    return normalized(d);
  }
  while (k > 0 && d.scale > 0) {
    --d.scale;
    --k;
  }
  if (k > 18) return std::nullopt;
  int64_t limit = INT64_MAX / kPow10[k];
  if (d.mantissa > limit || d.mantissa < -limit) return std::nullopt;
  d.mantissa *= kPow10[k];
  return normalized(d);
}

bool Decimal::operator==(const Decimal& o) const {
  Decimal a = normalized(*this), b = normalized(o);
  return a.mantissa == b.mantissa && a.scale == b.scale;
}

bool Decimal::is_integer() const {
  int64_t m = mantissa;
  for (int k = 0; k < scale; ++k) {
    if (m % 10 != 0) return false;
    m /= 10;
  }
  return true;
}

bool at_least(double a, double b) {
  return a >= b - 1e-9 * std::max(1.0, std::fabs(b));
}

bool at_most(double a, double b) {
  return a <= b + 1e-9 * std::max(1.0, std::fabs(b));
}

std::optional<Decimal> add_decimals(const Decimal& a, const Decimal& b) {
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  int64_t x = a.mantissa, y = b.mantissa, sum = 0;
  for (int k = a.scale; k < scale; ++k)
    if (__builtin_mul_overflow(x, 10, &x)) return std::nullopt;
  for (int k = b.scale; k < scale; ++k)
    if (__builtin_mul_overflow(y, 10, &y)) return std::nullopt;
  if (__builtin_add_overflow(x, y, &sum)) return std::nullopt;
  return normalized(Decimal{sum, scale});
}

std::optional<Decimal> parse_decimal(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    ++i;
  }
  int64_t m = 0;
  int scale = 0, digits = 0;
  bool seen_point = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any = true;
    if (digits > 0 || c != '0') ++digits;
    if (digits > 18) return std::nullopt;
    m = m * 10 + (c - '0');
    if (seen_point) ++scale;
  }
  if (!any || scale > 18) return std::nullopt;
  return normalized(Decimal{neg ? -m : m, scale});
}

bool fits_toml_number(const Decimal& d) {
  const Decimal n = normalized(d);
  const uint64_t m = n.mantissa < 0 ? static_cast<uint64_t>(-(n.mantissa + 1)) + 1
                                    : static_cast<uint64_t>(n.mantissa);
  if (n.scale == 0) return m <= 999999999999999999ULL;
  return m <= 999999999999999ULL;
}

std::optional<Decimal> decimal_from_double(double v) {
  if (!std::isfinite(v)) return std::nullopt;
  std::string s = fmt::format("{}", v);
  // fmt writes the shortest form, with an exponent for small and large
  // values (5e-05, 1e+17): the mantissa shifted by it is still exact.
  size_t e = s.find('e');
  if (e == std::string::npos) return parse_decimal(s);
  auto mantissa = parse_decimal(std::string_view(s).substr(0, e));
  int exponent = std::atoi(s.c_str() + e + 1);
  if (!mantissa || exponent < -36 || exponent > 36) return std::nullopt;
  return mantissa->shifted(exponent);
}

Unit parse_unit(std::string_view unit) {
  for (auto a : kAtomic) {
    if (unit == a) return Unit{0, std::string(unit)};
  }
  for (const auto& p : kPrefixes) {
    if (unit.substr(0, p.text.size()) == p.text) {
      return Unit{p.exponent, std::string(unit.substr(p.text.size()))};
    }
  }
  return Unit{0, std::string(unit)};
}

NumberWithUnit split_number_unit(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                             ((text[i] == '-' || text[i] == '+') && i == 0))) {
    ++i;
  }
  return {std::string(text.substr(0, i)), std::string(text.substr(i))};
}

std::optional<Decimal> convert_value(std::string_view text, std::string_view target_unit,
                                     std::string* error) {
  auto fail = [&](std::string msg) -> std::optional<Decimal> {
    if (error) *error = std::move(msg);
    return std::nullopt;
  };
  auto [number, unit_text] = split_number_unit(text);
  // "3.6 亿元" is 3.6亿元; "1,200" is not 1 in a unit called ",200".
  std::string unit(trim(unit_text));
  auto value = parse_decimal(number);
  const auto first = unit.empty() ? 'a' : static_cast<unsigned char>(unit[0]);
  const bool stray = first != '%' && (std::isdigit(first) || std::ispunct(first));
  if (!value && !stray) {
    // Well-formed but too long for an exact decimal (a 19-digit figure):
    // say so rather than "not a number", and never round it silently.
    size_t digits = 0;
    for (char c : number) digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    if (digits > 18 && std::count(number.begin(), number.end(), '.') <= 1)
      return fail(
          fmt::format("'{}' has {} digits, more than an actuals file keeps exactly (15 "
                      "significant digits, 18 in a whole number); round it",
                      text, digits));
  }
  if (!value || stray) {
    return fail(
        fmt::format("'{}' is not a number; write a decimal such as 3.6, optionally with "
                    "a unit such as 3.6亿元",
                    text));
  }
  if (unit.empty() || unit == target_unit) return value;
  Unit from = parse_unit(unit);
  Unit to = parse_unit(target_unit);
  // A bare scale (36000万) is taken in the target's base unit.
  if (from.base.empty()) from.base = to.base;
  if (from.base != to.base) {
    return fail(fmt::format("'{}' is in {}, which does not convert to the indicator's unit {}",
                            text, unit, target_unit.empty() ? "(none)" : target_unit));
  }
  auto converted = value->shifted(from.exponent - to.exponent);
  if (!converted) return fail(fmt::format("'{}' is out of range in {}", text, target_unit));
  return converted;
}

}  // namespace tally
