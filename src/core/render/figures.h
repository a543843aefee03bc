// How reports write derived figures: shares as percents, gaps in points
// with a sign, quantities with at most two decimals. Every renderer writes
// a figure the same way.
#pragma once

#include <string>

namespace tally {

/// Formats a share as a percent with one decimal: 0.4722 → "47.2%".
std::string format_share(double share);
/// Formats percentage points with one decimal and a sign: "+3.5", "-12.0", "0.0".
std::string format_points(double points);
/// Formats a derived quantity (expected value, pace, projection) with at most
/// two decimals and no trailing zeros: 1.8, 0.27, 30951.
std::string format_quantity(double v);

}  // namespace tally
