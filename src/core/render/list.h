// The plan's registry as `tally list` prints it: its actions, bureaus or
// indicators as a table (for text and CSV) or as JSON.
#pragma once

#include <string>

#include "core/model/model.h"
#include "core/render/table.h"

namespace tally {

/// What `tally list` lists.
enum class Registry { kActions, kBureaus, kIndicators, kTasks };

/// The table of one registry, labels in Chinese unless `en`. Actions: number,
/// id, name, lead bureaus, office, indicators reported, annex. Bureaus: id,
/// name, full name, kind, indicators led, aliases. Indicators: id, name,
/// kind, target (a milestone's due date), unit, direction, lead bureaus
/// (names; with `full` the ids, then co-bureaus and the source). Tasks: id,
/// name, action, due date, lead bureaus (with `full` as for indicators).
Table registry_table(const Plan& plan, Registry what, bool en, bool full);

/// The registry's table as text fitted to `width` columns (0: no limit):
/// when its names would be cut below 8 characters, columns give way in
/// turn and are named under it: indicators' direction, kind, then lead;
/// tasks' action, then lead; bureaus' aliases, then kind; actions' annex,
/// then office. Ids are never cut or left out.
std::string registry_text(const Plan& plan, Registry what, bool en, size_t width);

/// The registry as a JSON array, keys in English.
std::string registry_json(const Plan& plan, Registry what);

}  // namespace tally
