// Exact decimal numbers and units with Chinese scale prefixes (万, 亿).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tally {

/// An exact decimal: mantissa × 10^-scale. Values in the plan and in actuals
/// are kept exactly as written, so 36000万元 converts to exactly 3.6亿元.
struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;  // digits after the decimal point, 0..18

  double to_double() const;
  /// The shortest plain notation: 3.6, 30951, -50, 0.0012.
  std::string str() const;
  /// Multiplies by 10^k exactly; nullopt on overflow.
  std::optional<Decimal> shifted(int k) const;
  bool operator==(const Decimal& o) const;
  bool is_zero() const { return mantissa == 0; }
  /// True when it has no fraction: 30951, 4.0 (but not 4.13).
  bool is_integer() const;
  bool is_negative() const { return mantissa < 0; }
};

/// a ≥ b and a ≤ b for derived figures: equal to within a relative margin
/// of 1e-9 counts as equal, so a figure exactly on a line (1.8 of 3.6 at
/// 50%) meets it despite binary rounding.
bool at_least(double a, double b);
bool at_most(double a, double b);

/// The exact sum a + b; nullopt on overflow.
std::optional<Decimal> add_decimals(const Decimal& a, const Decimal& b);

/// Parses "3.6", "-50", "+12", "30951", "1,200" is refused; nullopt if not a
/// finite plain decimal with at most 18 significant digits.
std::optional<Decimal> parse_decimal(std::string_view s);

/// True when `d`, written as d.str() in a TOML file, reads back as exactly
/// `d`: a whole number of at most 18 digits (a TOML integer), or a number with
/// a fraction of at most 15 significant digits (a TOML float is a double,
/// which keeps 15).
bool fits_toml_number(const Decimal& d);

/// The exact decimal a double written in TOML stands for: its shortest
/// round-trip notation (3.6 stays 3.6). nullopt for NaN or infinity.
std::optional<Decimal> decimal_from_double(double v);

/// A unit split into its scale and base: 亿元 → {8, 元}, 万亩 → {4, 亩},
/// % → {0, %}. Units without a known prefix have exponent 0.
struct Unit {
  int exponent = 0;
  std::string base;
};

Unit parse_unit(std::string_view unit);

/// Splits a value as typed ("3.6亿元", "0.12万人", "15%", "36000万") into its
/// number and the unit text after it (possibly empty).
struct NumberWithUnit {
  std::string number;
  std::string unit;
};
NumberWithUnit split_number_unit(std::string_view text);

/// Converts `text` (a number, optionally followed by a unit or a bare scale
/// such as 万) into `target_unit`. On failure returns nullopt and sets
/// `*error` to a message naming both units.
std::optional<Decimal> convert_value(std::string_view text, std::string_view target_unit,
                                     std::string* error);

}  // namespace tally
