// The report as sheets: one table per view (actions, bureaus, indicators,
// the 催报 list) with raw values, as the CSV bulletin prints them and the
// workbook holds them, and what each column and row is (a number, a share,
// a status), so that the workbook can write numbers as numbers and fill
// status cells. Formatting only: every figure is computed in compute/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/compute/overdue.h"
#include "core/compute/report.h"
#include "core/render/table.h"

namespace tally {

/// What a column holds, for a spreadsheet.
enum class CellKind {
  kText,    ///< written as text (ids, names, periods, dates)
  kNumber,  ///< a number; an empty cell stays empty
  kShare,   ///< a fraction shown as a percentage (0.472222 as 47.2%)
};

/// One view of a report as a table of raw values (named Worksheet, not
/// Sheet: render/text.cc has a Sheet of its own, a two-column table).
struct Worksheet {
  std::string name;  ///< the sheet's name: 按行动, 按牵头单位, 全部指标, 催报清单
  Table table;       ///< heading row and raw values (csv.h prints them as they are)
  std::vector<CellKind> kinds;  ///< per column
  /// Per row: the status the row's status cell shows, if the sheet has one.
  std::vector<std::optional<Status>> row_status;
  /// The column of `row_status`; nullopt when rows have no status.
  std::optional<size_t> status_column;
  /// Per column: the status a count column counts (the eight status
  /// columns of the action and bureau sheets); nullopt for the others.
  std::vector<std::optional<Status>> column_status;
  /// Fill-in sheets (`tally template`): per column, whether its cells are
  /// for the bureau to fill (unlocked while the sheet is protected); empty
  /// for a bulletin, which is not protected.
  std::vector<bool> input;
  /// Cells that take one of a few words (a drop-down list): a row of
  /// `table.rows` and a column.
  struct Choice {
    size_t row = 0;
    size_t column = 0;
    std::vector<std::string> words;
  };
  std::vector<Choice> choices;
  /// Columns kept in view when scrolling right (ids and names).
  size_t frozen_columns = 0;
};

/// One row per indicator: id, name, action, lead names, lead ids, kind, …
/// (docs/commands/report.md, "csv").
Worksheet indicator_sheet(const Report& r, bool en);

/// One row per action with its status counts and rates.
Worksheet action_sheet(const Report& r, bool en);

/// One row per lead bureau in rank order with its counts and rates.
Worksheet bureau_sheet(const Report& r, bool en);

/// One row per overdue actual.
Worksheet overdue_sheet(const OverdueReport& r, bool en);

}  // namespace tally
