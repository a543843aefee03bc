// Reading the definitions of a plan: plan.toml ([plan], [reporting],
// [thresholds], [units], [profile.NAME]), bureaus.toml and the action files
// with their indicators. Type and schema errors become diagnostics; the
// rules that relate one definition to another live in check/check.h.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/diagnostic.h"
#include "core/model/model.h"
#include "core/read/toml.h"

namespace tally {

/// Reads plan.toml into `out.header` and `out.profiles`. Returns whether the
/// plan's start and end were read and are in order (when not, the header
/// holds a one-year plan from whichever date was read).
bool read_plan_toml(const toml::table& root, uint32_t file, Plan& out, Diagnostics& diags);

/// Reads bureaus.toml into `plan.bureaus`. Returns false when there is no
/// table of bureaus to read.
bool read_bureaus_toml(const toml::table& root, uint32_t file, Plan& plan, Diagnostics& diags);

/// Reads one action file (`rel_path` inside the plan directory): its
/// [action] into `plan.actions` and its [[indicator]] tables into
/// `plan.indicators`. Profiles must have been read (plan.toml) first.
void read_action_toml(const toml::table& root, uint32_t file, const std::string& rel_path,
                      Plan& plan, Diagnostics& diags);

}  // namespace tally
