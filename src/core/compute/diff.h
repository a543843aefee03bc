// The semantic difference of two versions of a plan: which actions,
// indicators and bureaus were added, removed or changed, and for each
// change every field old → new. Items are matched by id, so renaming an
// action's file is a change of its `file`, not an add and a remove.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace tally {

/// Whether an item exists only on the new side, only on the old side, or on
/// both with different fields.
enum class ChangeKind { kAdded, kRemoved, kChanged };

/// "added", "removed", "changed".
std::string_view change_kind_name(ChangeKind c);

/// One field that differs, by the key it has in the TOML files ("target",
/// "lead", …). The values are as a reader would write them; "" when the
/// field is not set on that side.
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
  /// This field carries the indicator's target change (调标).
  bool is_target = false;
};

/// One action, indicator or bureau that differs.
struct ItemChange {
  ChangeKind change = ChangeKind::kChanged;
  std::string id;
  /// The name on the new side (the old side's when removed).
  std::string name;
  /// Indicators: the id and name of the action they belong to.
  std::string action;
  std::string action_name;
  /// Changed items: every field that differs, in a fixed order with the
  /// target first. Added and removed indicators: their target (or due
  /// date) and lead, so what came or went is visible.
  std::vector<FieldChange> fields;
};

/// A changed target (调标) of an indicator present on both sides: the number
/// or its unit changed in substance, or a milestone's due date moved.
/// Rewriting 36000万元 as 3.6亿元 is not a target change.
struct TargetChange {
  /// "target", or "due" for a milestone.
  std::string field;
  std::string indicator;
  std::string name;
  std::string action;
  std::string action_name;
  /// "3.6亿元", or a milestone's due date such as "2024-12-31".
  std::string before;
  std::string after;
  /// Numeric targets: the exact values and units on both sides.
  std::optional<Decimal> target_before;
  std::optional<Decimal> target_after;
  std::string unit_before;
  std::string unit_after;
  /// The relative change in percent when both sides are numbers in units
  /// that convert and the old target is not zero (3.6 → 4: 11.11…).
  std::optional<double> percent;
  /// Milestones: how many days the due date moved (positive: later).
  std::optional<int64_t> days;
};

/// A changed unit of a numeric indicator present on both sides, and what
/// it does to the figures on record: a record carries the unit it was
/// recorded in, and is converted when its unit shares the new one's base
/// (万吨 → 吨), or no longer read (unit-mismatch) when it does not (亩 →
/// 公顷); a record without a unit is read in the new unit as it stands.
struct UnitChange {
  std::string indicator;
  std::string name;
  std::string action;
  std::string action_name;
  std::string before;
  std::string after;
  /// The two units share a base: records are converted.
  bool converts = false;
  /// With `converts`: one of the old unit in the new, "10000" for 万吨 → 吨.
  std::string factor;
};

/// Everything that differs between two plans; empty when they agree.
struct PlanDiff {
  /// plan.toml: [plan], [reporting] and [thresholds] fields.
  std::vector<FieldChange> plan;
  /// Target changes, in the new plan's indicator order. Each is also one of
  /// the fields of its entry in `indicators`.
  std::vector<TargetChange> targets;
  /// Unit changes, in the new plan's indicator order; each is also the
  /// `unit` field of its entry in `indicators`.
  std::vector<UnitChange> units;
  /// Removed (in the old order), then added, then changed (in the new order).
  std::vector<ItemChange> indicators;
  std::vector<ItemChange> actions;
  std::vector<ItemChange> bureaus;

  bool empty() const {
    return plan.empty() && indicators.empty() && actions.empty() && bureaus.empty();
  }
};

/// Compares two loaded plans. Both should have unique ids (check_unique_ids);
/// with duplicates the first item of an id is compared.
PlanDiff diff_plans(const Plan& before, const Plan& after);

/// How many items of `items` have change kind `c`.
size_t count_changes(const std::vector<ItemChange>& items, ChangeKind c);

}  // namespace tally
