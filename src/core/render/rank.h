// `tally rank`: the 季讲评 ranking as a table (text, Markdown, CSV), as JSON
// and with the formula of its score. No arithmetic: compute/rank.h made the
// rows and their scores.
#pragma once

#include <string>
#include <vector>

#include "core/compute/rank.h"
#include "core/render/report_tables.h"
#include "core/render/sheets.h"
#include "core/render/table.h"

namespace tally {

/// One row per bureau or action: rank, name, the four rates (percent, one
/// decimal; "—" when there is nothing to judge), overdue problems and the
/// score. With `counts`, each rate also shows its fraction: 85.7% (6/7).
Table ranking_table(const Ranking& r, bool en, bool counts);

/// The ranking with raw values, as CSV prints it and a workbook holds it:
/// rank, id, name, each rate as a fraction (empty when there is nothing to
/// judge) with its met and of, overdue problems, the four weights of
/// plan.toml [evaluation] and the score (one decimal).
Worksheet ranking_sheet(const Ranking& r, bool en);

/// The title line and the line under it: plan, period, as-of date, grouping.
std::vector<std::string> ranking_header(const Ranking& r, bool en);

/// The sentences printed under the table: the formula with the plan's
/// weights, what each column counts, and how "—" and ties are treated.
std::vector<std::string> ranking_formula(const Ranking& r, bool en);

/// Text for a terminal, the table fitted to `o.width` (names are cut first).
std::string render_text(const Ranking& r, const RenderOptions& o);
std::string render_md(const Ranking& r, const RenderOptions& o);
std::string render_csv(const Ranking& r, const RenderOptions& o);
/// {"schema": "tally.rank", "version": 1, plan, period, as_of, by, weights,
/// formula, rows: [{rank, id, name, progress, reporting, tasks, problems
/// (each {rate, met, of}, rate null when of is 0), overdue_problems,
/// score}], data_problems}.
std::string render_json(const Ranking& r, const RenderOptions& o);

}  // namespace tally
