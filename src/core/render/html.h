// Reports as one self-contained HTML page: inline CSS and inline SVG, no
// scripts, fonts or other requests, every text escaped, printable on A4.
#pragma once

#include <string>

#include "core/compute/detail.h"
#include "core/compute/rank.h"
#include "core/compute/report.h"
#include "core/render/report_tables.h"

namespace tally {

/// The page: a header with the plan, period, as-of date, expected share and
/// the count of indicators in each status; an SVG chart of each action's
/// mean completion against the expected share, and of its indicators by
/// status; the table of actions and the ranked table of lead bureaus; then
/// the indicators, grouped as `o.by` says, with status colours (missing is
/// blue, never red). Each part starts a new page when printed. The same
/// report gives the same bytes.
std::string render_html(const Report& r, const RenderOptions& o);

/// One indicator (`tally show --format html`): its definition, an SVG chart
/// of the expected path (a line to the target, per period of its cadence)
/// with the figures reported for each period as dots coloured by status,
/// and the table of the path. Milestones have no chart.
std::string render_html(const IndicatorDetail& d, const RenderOptions& o);

/// `tally show TASK --format html`: the task, its lead and state, its
/// clause, and every progress report with its note.
std::string render_html(const TaskDetail& d, const RenderOptions& o);

/// `tally rank --format html`: the ranking's title and period, its table
/// (each rate with its fraction) and the formula under it.
std::string render_html(const Ranking& r, const RenderOptions& o);

}  // namespace tally
