// Plain tables and their text and CSV forms, aligned by display width so
// Chinese text (two columns a character) lines up in a terminal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// Per column: align right (numbers). Missing entries mean left.
  std::vector<bool> right;
  /// Per row, per cell: a colour (an ANSI escape such as "\x1b[31m") the
  /// text form puts around the cell. Cells are data and never carry escapes
  /// themselves: the renderers show their control characters (see inert()).
  std::vector<std::vector<std::string>> styles;
  /// Sets the colour of one cell of `rows`.
  void style(size_t row, size_t col, std::string escape);
};

/// The widest a text-table cell is shown, in display columns: a longer
/// value (a megabyte-long note) is cut with "…".
inline constexpr size_t kMaxCellWidth = 500;

/// Columns separated by two spaces, the header underlined with dashes.
/// Cells are shown inert() and cut to kMaxCellWidth; `styles` colour them.
/// `max_width` cuts the widest columns of names (with "…", to no less than
/// 8 columns, or 4 when 8 is not enough) until the table fits; columns of
/// ids, periods, dates and figures are never cut, so a table of them may
/// stay wider. 0 means no limit.
std::string render_text_table(const Table& t, size_t max_width = 0);

/// The display width render_text_table would give the table without a limit.
size_t text_table_width(const Table& t);

/// True when render_text_table(t, width) would cut a column of names below
/// `room` display columns, or could not fit the table at all (its ids,
/// periods and figures alone are wider). Never when `width` is 0.
bool names_cut_short(const Table& t, size_t width, size_t room);

/// Leaves out of `t` the columns headed `gives_way`, in turn, while
/// `too_wide(t)`; returns the headings left out, for left_out_note().
std::vector<std::string> leave_out(Table& t, const std::vector<std::string>& gives_way,
                                   const std::function<bool(const Table&)>& too_wide);

/// The line under a table that left `columns` out to fit `width` columns:
/// "（为适应 80 列宽省略：方向、类型；--wide 显示全部）"; "" when none.
std::string left_out_note(const std::vector<std::string>& columns, size_t width, bool en);

/// `t` as text fitted to `width` columns (0: no limit): while its names
/// would be cut below `room` columns, the `gives_way` columns are left out
/// in turn; then the names are cut (render_text_table) and the columns
/// left out are named under the table (left_out_note).
std::string render_fitted_table(Table t, size_t width, const std::vector<std::string>& gives_way,
                                bool en, size_t room = 16);

/// RFC 4180 CSV with a header row; `bom` prefixes a UTF-8 byte-order mark
/// so spreadsheet programs detect the encoding. Each cell goes through
/// csv_cell(), so no text from data opens in a spreadsheet as a formula.
std::string render_csv_table(const Table& t, bool bom);

/// A GitHub-flavoured Markdown table: `|`, line ends and HTML (`<`, `>`,
/// `&`) inside cells are escaped, control characters shown (inert()),
/// right-aligned columns get `--:`.
std::string render_markdown_table(const Table& t);

/// Text from data for Markdown outside a table (a heading, a list item):
/// control characters shown (inert()), a line end as a space, `<`, `>` and
/// `&` escaped so no HTML from a name or note is rendered.
std::string markdown_text(std::string_view s);

}  // namespace tally
