#include "core/render/figures.h"

#include <fmt/format.h>

#include "core/base/json.h"

namespace tally {

namespace {

// One decimal, never "-0.0".
std::string one_decimal(double v) {
  std::string s = fmt::format("{:.1f}", v);
  return s == "-0.0" ? "0.0" : s;
}

}  // namespace

std::string format_share(double share) {
  return one_decimal(share * 100.0) + "%";
}

std::string format_points(double points) {
  std::string s = one_decimal(points);
  return s[0] == '-' || s == "0.0" ? s : "+" + s;
}

std::string format_quantity(double v) {
  return format_number(v, 2);
}

}  // namespace tally
