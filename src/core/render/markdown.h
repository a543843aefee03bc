// Reports as Markdown: a bulletin (通报) ready to paste into a document, a
// chat or a merge request.
#pragma once

#include <string>

#include "core/compute/report.h"
#include "core/render/report_tables.h"

namespace tally {

/// A title, the header as a list, then by action: the table of actions and
/// a section per action with its indicators; by bureau: the ranked table and
/// a section per bureau; by indicator: one table. Every column is printed
/// (Markdown has no width to fit).
std::string render_md(const Report& r, const RenderOptions& o);

/// The 催报 list: a title, then a section per bureau with its table.
std::string render_md(const OverdueReport& r, const RenderOptions& o);

}  // namespace tally
