// Reports as JSON, in the versioned schema of docs/report-json.md. Keys are
// SPEC's names and do not depend on the language.
#pragma once

#include <string>
#include <vector>

#include "core/base/json.h"
#include "core/check/isolate.h"
#include "core/compute/report.h"

namespace tally {

/// The version of the report schema; raised when a key changes meaning or
/// goes away (new keys do not raise it).
inline constexpr int kReportSchemaVersion = 3;
/// The version of the tally.overdue JSON schema (docs/report-json.md).
inline constexpr int kOverdueSchemaVersion = 1;

/// The keys a target's form adds to an indicator's object, after "target":
/// "about" and "tolerance" (3左右), "range" ([3, 4]), "stretch" (力争),
/// "change" (percentage points from the baseline);
/// none for a single figure.
void target_form_json(JsonWriter& w, const TargetForm& form);

/// The whole report: plan, period, totals, actions, bureaus, indicators,
/// and the records left out (`data_problems`).
std::string render_json(const Report& r, const std::vector<ExcludedRecord>& excluded = {});

/// The 催报 list, and the records left out (`data_problems`).
std::string render_json(const OverdueReport& r, const std::vector<ExcludedRecord>& excluded = {});

}  // namespace tally
