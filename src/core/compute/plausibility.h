// Plausibility: a figure typed for an indicator that is far outside what
// the indicator has ever been, most often a slip of scale (万元 typed where
// the unit is 亿元). `record` and `import` refuse it unless --force.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/units.h"
#include "core/ledger/ledger.h"

namespace tally {

/// How many times its reference a figure may be before it is doubted.
inline constexpr double kPlausibleFactor = 10;

/// Why `value` (in the indicator's unit; `typed` as the user wrote it) is
/// not plausible for indicator `indicator` of `ledger`, or empty when it is:
///  - a growth rate outside ±100 %;
///  - a figure of an indicator going up more than kPlausibleFactor times its
///    reference, the larger of the target and the largest figure on record
///    for the indicator. With a target of 0 and no record yet there is no
///    scale, and every figure is plausible. A ceiling (direction = "down")
///    has no upper bound: it may be breached by any amount.
/// The message names the ratio and, when the typed number read in another
/// scale of the unit (元, 万元, 亿元; the same for 吨, 人, 亩 …) is within
/// range, that reading: "'106000' is 106000亿元, 5300× the target 20亿元
/// (did you mean 106000万元 = 10.6亿元?)".
std::string implausible_value(const Ledger& ledger, size_t indicator, const Decimal& value,
                              std::string_view typed);

}  // namespace tally
