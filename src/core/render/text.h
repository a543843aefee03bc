// Reports as aligned text for a terminal: tables aligned by display width
// (a Chinese character is two columns), fitted to the terminal's width,
// coloured only when asked.
#pragma once

#include <string>

#include "core/compute/detail.h"
#include "core/compute/report.h"
#include "core/render/report_tables.h"

namespace tally {

/// The header block (plan, period, expected share, counts per status), then
/// by action: the table of actions and one table of indicators per action;
/// by bureau: the ranked table of lead bureaus and one table per bureau; by
/// indicator: one table of every indicator.
std::string render_text(const Report& r, const RenderOptions& o);

/// The 催报 list: a heading, then per bureau a table of the actuals it owes.
std::string render_text(const OverdueReport& r, const RenderOptions& o);

/// `tally show`: the definition, every record (superseded ones marked), the
/// expected path by period, and where the indicator stands now.
std::string render_text(const IndicatorDetail& d, const RenderOptions& o);

/// `tally show TASK`: the definition, every progress report (superseded
/// ones marked), and where the task stands now: its state, its latest note
/// and the reports it owes.
std::string render_text(const TaskDetail& d, const RenderOptions& o);

}  // namespace tally
