// The fill-in sheet of `tally template` as sheets: the rows a bureau owes,
// with the columns `tally import` reads back (指标编号/indicator, 期别/period,
// 本期实绩/状态/value, 来源/source, 备注/note, 更正原因/reason) and the
// columns it leaves aside (name, unit, target, last value and period,
// expected value), and the instructions.
#pragma once

#include <string>
#include <vector>

#include "core/compute/fill_in.h"
#include "core/render/sheets.h"

namespace tally {

/// The sheet to fill: one row per report owed; the key columns locked, the
/// four input columns unlocked, a milestone's value a drop-down of stages.
/// Headings in Chinese, or in English as the import keys (`indicator`,
/// `period`, `value`, …).
Worksheet fill_in_sheet(const FillIn& f, bool en);

/// The instructions: who fills what for which period by when, and how the
/// sheet comes back.
Worksheet fill_in_instructions(const FillIn& f, bool en);

/// The headings of fill_in_sheet that `tally import` reads past: the
/// columns that only inform the bureau, in both languages.
const std::vector<std::string>& fill_in_informative_headings();

}  // namespace tally
