// The 季讲评 ranking (三看三评三比, quantified): per bureau or per action,
// four rates judged at a period's end — 序时进度达标率, 按时报送率, 任务推进率
// and 问题销号率 — their weighted score (plan.toml [evaluation]) and the rank.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/ledger/ledger.h"
#include "core/model/model.h"

namespace tally {

/// What the ranking groups by.
enum class RankBy { kBureau, kAction };

/// The components of the score, in the order tables show them.
enum class Component { kProgress, kReporting, kTasks, kProblems };
inline constexpr size_t kComponentCount = 4;
inline constexpr std::array<Component, kComponentCount> kAllComponents = {
    Component::kProgress, Component::kReporting, Component::kTasks, Component::kProblems};

/// "progress", "reporting", "tasks", "problems": the keys of [evaluation].
std::string_view component_name(Component c);

/// A share: `met` of `of`. Nothing to judge when `of` is 0.
struct Rate {
  size_t met = 0;
  size_t of = 0;
  /// met ÷ of, 0..1; unset when of is 0.
  std::optional<double> value() const;
};

/// One bureau or action.
struct RankRow {
  std::string id;
  std::string name;  ///< the bureau's short name, or the action's name
  int number = 0;    ///< an action's number (0 for a bureau)
  /// Indexed by Component:
  /// - progress: indicators led in status done or on-track, of those the
  ///   report judges against their path (every status but not-due and
  ///   missing: a missing figure counts under reporting);
  /// - reporting: reports of its indicators and tasks recorded by their due
  ///   date, of those for the periods inside the period (each due
  ///   timely_days after its own end, all of them by `as_of`);
  /// - tasks: tasks led whose latest report for a period ending by the
  ///   period's end says done or in progress, of those with a report or a
  ///   report due (stalled and never reported do not count as met);
  /// - problems: problems due within the period, on or before `as_of`,
  ///   that stand closed on `as_of` and were closed by their due date, of
  ///   those (a problem not yet due is not counted).
  std::array<Rate, kComponentCount> rates;
  /// Open problems past their due date at the period's end (or today).
  size_t overdue_problems = 0;
  /// 100 × Σ weight × rate ÷ Σ weight, over the components with something
  /// to judge; unset when none has (or their weights are all 0).
  std::optional<double> score;
  /// 1 = best; rows whose scores are equal to one decimal share a rank and
  /// the next rank skips (1, 2, 2, 4). 0 when there is no score.
  int rank = 0;
};

/// The ranking.
struct Ranking {
  std::string plan_title;
  Period period;
  /// The day everything is judged on: the due date of the period's own
  /// reports (its end + timely_days), when the last figures for it are in,
  /// or today when that is earlier. Records and problem events made after
  /// it are ignored.
  Date as_of;
  /// The day overdue problems are counted on: the period's end, or today.
  Date period_end;
  RankBy by = RankBy::kBureau;
  Evaluation weights;
  /// By rank; equal ranks in the order of bureaus.toml (bureaus) or by
  /// number (actions); rows without a score last.
  std::vector<RankRow> rows;
};

/// A score as it is shown and compared for ties: in tenths, rounded half
/// up (72.25 → 723, shown 72.3).
int64_t score_tenths(double score);

/// The weight of component `c`.
double weight_of(const Evaluation& e, Component c);

/// Ranks the bureaus that lead an indicator or a task or were handed a
/// problem (or every action) for `period`: indicators judged against the
/// expected path at its end, as of Ranking::as_of. The ledger must index a
/// plan that passed check_plan.
Ranking compute_ranking(const Ledger& ledger, const Period& period, Date today, RankBy by);

}  // namespace tally
