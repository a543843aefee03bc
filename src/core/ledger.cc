#include "core/ledger.h"

#include <algorithm>

namespace tally {

namespace {

bool before(const Actual* a, const Actual* b) {
  if (!(a->period == b->period)) return a->period < b->period;
  if (a->recorded.epoch_seconds != b->recorded.epoch_seconds)
    return a->recorded.epoch_seconds < b->recorded.epoch_seconds;
  if (a->loc.file != b->loc.file) return a->loc.file < b->loc.file;
  return a->loc.line < b->loc.line;
}

}  // namespace

Ledger::Ledger(const Plan& plan) : plan_(plan) {
  const size_t n = plan.indicators.size();
  ids_.reserve(n);
  for (size_t i = 0; i < n; ++i) ids_.emplace(plan.indicators[i].id, i);
  records_.resize(n);
  in_force_.resize(n);
  for (const auto& a : plan.actuals) {
    auto it = ids_.find(a.indicator);
    if (it != ids_.end()) records_[it->second].push_back(&a);
  }
  for (size_t i = 0; i < n; ++i) {
    auto& recs = records_[i];
    std::sort(recs.begin(), recs.end(), before);
    for (size_t k = 0; k < recs.size(); ++k) {
      bool last_of_period = k + 1 == recs.size() || !(recs[k + 1]->period == recs[k]->period);
      if (last_of_period) {
        in_force_[i].push_back(recs[k]);
      } else {
        superseded_[recs[k]] = true;
      }
    }
  }
}

size_t Ledger::indicator_index(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? npos : it->second;
}

std::span<const Actual* const> Ledger::records(size_t indicator) const {
  return records_[indicator];
}

std::span<const Actual* const> Ledger::in_force(size_t indicator) const {
  return in_force_[indicator];
}

const Actual* Ledger::in_force(size_t indicator, const Period& p) const {
  for (const Actual* a : in_force_[indicator])
    if (a->period == p) return a;
  return nullptr;
}

bool Ledger::is_superseded(const Actual& a) const { return superseded_.count(&a) > 0; }

std::vector<size_t> Ledger::action_indicators(size_t action) const {
  std::vector<size_t> out;
  for (size_t i = 0; i < plan_.indicators.size(); ++i)
    if (plan_.indicators[i].action == action) out.push_back(i);
  for (const auto& id : plan_.actions[action].also) {
    size_t i = indicator_index(id);
    if (i != npos) out.push_back(i);
  }
  return out;
}

}  // namespace tally
