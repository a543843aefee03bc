#include "core/compute/plausibility.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

namespace tally {

namespace {

// "5300", "12.5", "10.1": how many times, as a reader says it.
std::string times(double ratio) {
  if (ratio >= 100) return fmt::format("{:.0f}", ratio);
  std::string s = fmt::format("{:.1f}", ratio);
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
  return s;
}

// The reading of the typed number in another scale of the unit that lands
// closest to `reference` within the plausible range: "106000万元 = 10.6亿元",
// or empty when there is none.
std::string other_scale(const Indicator& ind, std::string_view typed, double reference) {
  const Unit unit = parse_unit(ind.unit);
  if (unit.base.empty() || unit.base == "%") return "";
  const NumberWithUnit split = split_number_unit(typed);
  const std::optional<Decimal> number = parse_decimal(split.number);
  if (!number) return "";
  // The scale the number was read in: the unit typed after it, else the
  // indicator's own.
  const int read_in = split.unit.empty() ? unit.exponent : parse_unit(split.unit).exponent;
  std::string best;
  double best_distance = 0;
  for (const auto& [prefix, exponent] :
       {std::pair<std::string_view, int>{"", 0}, {"万", 4}, {"亿", 8}}) {
    if (exponent == read_in) continue;
    const std::optional<Decimal> in_unit = number->shifted(exponent - unit.exponent);
    if (!in_unit || in_unit->is_zero()) continue;
    const double v = std::fabs(in_unit->to_double());
    if (v > kPlausibleFactor * reference || v * kPlausibleFactor < reference) continue;
    const double distance = std::fabs(std::log10(v / reference));
    if (best.empty() || distance < best_distance) {
      best =
          fmt::format("{}{}{} = {}{}", split.number, prefix, unit.base, in_unit->str(), ind.unit);
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::string implausible_value(const Ledger& ledger, size_t indicator, const Decimal& value,
                              std::string_view typed) {
  const Indicator& ind = ledger.plan().indicators[indicator];
  const double v = value.to_double();
  if (ind.kind == Kind::kMilestone) return "";
  if (ind.kind == Kind::kGrowth) {
    if (std::fabs(v) <= 100) return "";
    return fmt::format("'{}' is a growth rate of {}{}, outside ±100%", typed, value.str(),
                       ind.unit);
  }
  // A ceiling may be breached by any amount: a count of accidents or an
  // amount of pollution can jump by any factor, and the bulletin must show it.
  if (ind.direction == Direction::kDown) return "";
  // The reference: the target, and the largest figure on record.
  const double target = ind.target && !ind.target->is_negative() ? ind.target->to_double() : 0;
  const Actual* largest = nullptr;
  for (const Actual* a : ledger.in_force(indicator)) {
    if (a->value.number && (!largest || std::fabs(a->value.number->to_double()) >
                                            std::fabs(largest->value.number->to_double()))) {
      largest = a;
    }
  }
  const double on_record = largest ? std::fabs(largest->value.number->to_double()) : 0;
  const double reference = std::max(target, on_record);
  if (reference <= 0 || std::fabs(v) <= kPlausibleFactor * reference) return "";
  std::string message =
      target >= on_record
          ? fmt::format("'{}' is {}{}, {}× the target {}{}", typed, value.str(), ind.unit,
                        times(std::fabs(v) / reference), ind.target->str(), ind.unit)
          : fmt::format("'{}' is {}{}, {}× the largest figure on record, {}{} ({})", typed,
                        value.str(), ind.unit, times(std::fabs(v) / reference),
                        largest->value.number->str(), ind.unit, largest->period.str());
  if (std::string other = other_scale(ind, typed, reference); !other.empty()) {
    message += fmt::format(" (did you mean {}?)", other);
  }
  return message;
}

}  // namespace tally
