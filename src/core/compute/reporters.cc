#include "core/compute/reporters.h"

#include <fmt/format.h>

#include <algorithm>

namespace tally {

namespace {

const std::string& office_of(const Plan& plan, const Indicator& ind) {
  static const std::string none;
  return ind.action < plan.actions.size() ? plan.actions[ind.action].office : none;
}

}  // namespace

bool may_report(const Plan& plan, const Indicator& ind, const std::string& by) {
  auto in = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), by) != ids.end();
  };
  const std::string& office = office_of(plan, ind);
  return in(ind.lead) || in(ind.co) || (!office.empty() && office == by);
}

std::string not_a_reporter(const Plan& plan, const Indicator& ind, const std::string& by) {
  if (may_report(plan, ind, by)) return "";
  std::string who = fmt::format("lead {}", fmt::join(plan.bureau_names(ind.lead), "、"));
  if (!ind.co.empty()) who += fmt::format("; co {}", fmt::join(plan.bureau_names(ind.co), "、"));
  if (const std::string& office = office_of(plan, ind); !office.empty()) {
    who += fmt::format("; office {}", plan.bureau_name(office));
  }
  return fmt::format("{} ({}) neither leads nor works on '{}' ({})", plan.bureau_name(by), by,
                     ind.id, who);
}

}  // namespace tally
