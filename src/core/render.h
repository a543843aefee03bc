// What every report renderer takes besides the report: language, colour,
// grouping and format details. Shared by render_text, render_md,
// render_csv, render_json and render_html.
#pragma once

#include <cstddef>

namespace tally {

/// How a report groups its indicators (`--by`).
enum class GroupBy { kAction, kBureau, kIndicator };

struct RenderOptions {
  bool en = false;     ///< English labels (`--lang en`); zh otherwise
  bool color = false;  ///< ANSI colours (text only; never for files or NO_COLOR)
  GroupBy by = GroupBy::kAction;
  bool bom = false;     ///< CSV: start with a UTF-8 byte-order mark
  size_t width = 120;  ///< text: the terminal width tables are fitted to
};

}  // namespace tally
