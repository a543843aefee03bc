// Whether two plans set the same targets: `tally plan compare`, which checks
// a plan made from a table (`tally plan import`) against the plan the table
// came from. Items are matched by id; what is compared is what a 分工方案
// table carries: kind, target, unit, direction, lead and co (by bureau name,
// as the two plans may give a bureau different ids) and due dates.
#pragma once

#include <string>
#include <vector>

#include "core/model/model.h"

namespace tally {

/// One field of an item that the two plans set differently.
struct Disagreement {
  std::string id;
  std::string name;
  std::string field;  ///< kind, target, unit, direction, lead, co, due
  std::string before;
  std::string after;
};

/// An indicator or task only one of the plans has.
struct UnmatchedItem {
  std::string id;
  std::string name;
};

struct Agreement {
  size_t indicators = 0;  ///< matched by id
  size_t tasks = 0;
  std::vector<Disagreement> differences;
  std::vector<UnmatchedItem> only_before;
  std::vector<UnmatchedItem> only_after;

  bool equal() const { return differences.empty() && only_before.empty() && only_after.empty(); }
};

/// Compares the indicators and tasks of `before` (of its action `action`
/// only, when not empty) with those of `after`, in `before`'s order. A
/// milestone without a due date is due at its plan's end.
Agreement compare_targets(const Plan& before, const Plan& after, const std::string& action);

}  // namespace tally
