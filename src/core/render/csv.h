// Reports as CSV for spreadsheets: one row per indicator, action or bureau,
// with raw numbers (shares as fractions, gaps in percentage points).
#pragma once

#include <string>

#include "core/compute/report.h"
#include "core/render/report_tables.h"

namespace tally {

/// By indicator: one row per indicator; by action: one row per action; by
/// bureau: one row per lead bureau in rank order. Headings follow the
/// language; values are raw (ids, exact figures, fractions). `o.bom` starts
/// the file with a UTF-8 byte-order mark.
std::string render_csv(const Report& r, const RenderOptions& o);

/// One row per overdue actual.
std::string render_csv(const OverdueReport& r, const RenderOptions& o);

}  // namespace tally
