// The checked plan with its actuals indexed: which records each indicator
// and each task has, and which record is in force for each period.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/model.h"

namespace tally {

/// An index over a loaded, checked plan. For one indicator and one period
/// the record with the latest `recorded` is in force; earlier ones are
/// superseded history (SPEC 2.4). Equal times: the later in file order wins.
class Ledger {
 public:
  explicit Ledger(const Plan& plan);

  static constexpr size_t npos = static_cast<size_t>(-1);

  const Plan& plan() const { return plan_; }
  /// The index of an indicator id in plan().indicators, or npos.
  size_t indicator_index(std::string_view id) const;
  /// Every record of an indicator, ordered by period, then recorded time.
  std::span<const Actual* const> records(size_t indicator) const;
  /// The records in force of an indicator, one per period, ordered by period.
  std::span<const Actual* const> in_force(size_t indicator) const;
  /// The record in force for exactly this period, or nullptr.
  const Actual* in_force(size_t indicator, const Period& p) const;
  /// True when a later record for the same indicator and period replaces it.
  bool is_superseded(const Actual& a) const;
  /// The index of a task id in plan().tasks, or npos.
  size_t task_index(std::string_view id) const;
  /// Every progress report of a task, ordered by period, then recorded time.
  std::span<const Actual* const> task_records(size_t task) const;
  /// The reports in force of a task, one per period, ordered by period.
  std::span<const Actual* const> task_in_force(size_t task) const;
  /// Indices of the indicators an action reports: its own, then `also`.
  std::vector<size_t> action_indicators(size_t action) const;

 private:
  const Plan& plan_;
  std::unordered_map<std::string_view, size_t> ids_;
  // Tasks' records follow the indicators' in records_ and in_force_.
  std::unordered_map<std::string_view, size_t> task_ids_;
  std::vector<std::vector<const Actual*>> records_;
  std::vector<std::vector<const Actual*>> in_force_;
  /// By position in plan().actuals; a byte each, not a bit, so that the
  /// threads that fill it never write the same byte.
  std::vector<uint8_t> superseded_;
};

}  // namespace tally
