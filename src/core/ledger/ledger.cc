#include "core/ledger/ledger.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "core/base/parallel.h"

namespace tally {

namespace {

// The order of an indicator's records: by period (end date, then coarser
// first, as Period orders them), recorded time (to the nanosecond), file
// and line. Computed once
// per record: comparing Periods computes their end dates, and sorting a
// million records compared them twenty million times.
struct RecordOrder {
  int32_t end;  // the period's end as YYYYMMDD
  int32_t cadence;
  int64_t recorded;
  int32_t nanos;
  uint32_t file;
  uint32_t line;
  const Actual* actual;

  auto key() const { return std::tie(end, cadence, recorded, nanos, file, line); }
  bool operator<(const RecordOrder& o) const { return key() < o.key(); }
};

RecordOrder order_of(const Actual& a) {
  const Date e = a.period.end();
  const int32_t end = e.year * 10000 + e.month * 100 + e.day;
  return RecordOrder{end,
                     static_cast<int32_t>(a.period.cadence),
                     a.recorded.epoch_seconds,
                     a.recorded.nanos,
                     a.loc.file,
                     a.loc.line,
                     &a};
}

}  // namespace

Ledger::Ledger(const Plan& plan) : plan_(plan) {
  const size_t indicators = plan.indicators.size();
  const size_t n = indicators + plan.tasks.size();
  ids_.reserve(indicators);
  for (size_t i = 0; i < indicators; ++i) ids_.emplace(plan.indicators[i].id, i);
  task_ids_.reserve(plan.tasks.size());
  for (size_t t = 0; t < plan.tasks.size(); ++t) task_ids_.emplace(plan.tasks[t].id, t);
  records_.resize(n);
  in_force_.resize(n);
  superseded_.resize(plan.actuals.size());
  // Each share of the records is sorted out to its indicators on a core of
  // its own (finding the indicator and the period's end date are most of
  // the work), then each indicator's records are put in order, again on
  // every core (kParallelRecords).
  const size_t shares = plan.actuals.size() < kParallelRecords ? 1 : parallel_shares();
  std::vector<std::vector<std::vector<RecordOrder>>> orders(shares);
  auto sort_out = [&](size_t s) {
    orders[s].resize(n);
    const size_t from = plan.actuals.size() * s / shares;
    const size_t to = plan.actuals.size() * (s + 1) / shares;
    for (size_t k = from; k < to; ++k) {
      const Actual& a = plan.actuals[k];
      if (auto it = ids_.find(a.indicator); it != ids_.end()) {
        orders[s][it->second].push_back(order_of(a));
      } else if (auto t = task_ids_.find(a.indicator); t != task_ids_.end()) {
        orders[s][indicators + t->second].push_back(order_of(a));
      }
    }
  };
  if (shares == 1) {
    sort_out(0);
  } else {
    parallel_for(shares, sort_out);
  }
  auto put_in_order = [&](size_t i) {
    std::vector<RecordOrder> order = std::move(orders[0][i]);
    for (size_t s = 1; s < shares; ++s) {
      order.insert(order.end(), orders[s][i].begin(), orders[s][i].end());
      std::vector<RecordOrder>().swap(orders[s][i]);
    }
    std::sort(order.begin(), order.end());
    records_[i].reserve(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      records_[i].push_back(order[k].actual);
      bool last_of_period = k + 1 == order.size() || order[k + 1].end != order[k].end ||
                            order[k + 1].cadence != order[k].cadence;
      if (last_of_period) {
        in_force_[i].push_back(order[k].actual);
      } else {
        superseded_[static_cast<size_t>(order[k].actual - plan.actuals.data())] = 1;
      }
    }
  };
  if (shares == 1) {
    for (size_t i = 0; i < n; ++i) put_in_order(i);
  } else {
    parallel_for(n, put_in_order);
  }
}

size_t Ledger::indicator_index(std::string_view id) const {
  auto it = ids_.find(id);
  return it == ids_.end() ? npos : it->second;
}

size_t Ledger::task_index(std::string_view id) const {
  auto it = task_ids_.find(id);
  return it == task_ids_.end() ? npos : it->second;
}

std::span<const Actual* const> Ledger::task_records(size_t task) const {
  return records_[plan_.indicators.size() + task];
}

std::span<const Actual* const> Ledger::task_in_force(size_t task) const {
  return in_force_[plan_.indicators.size() + task];
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

bool Ledger::is_superseded(const Actual& a) const {
  // Only records of the plan can be superseded; compare addresses as
  // integers, which is defined for any pointer.
  const auto at = reinterpret_cast<uintptr_t>(&a);
  const auto begin = reinterpret_cast<uintptr_t>(plan_.actuals.data());
  if (at < begin || at >= begin + plan_.actuals.size() * sizeof(Actual)) return false;
  return superseded_[(at - begin) / sizeof(Actual)];
}

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
