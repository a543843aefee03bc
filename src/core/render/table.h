// Plain tables and their text and CSV forms, aligned by display width so
// Chinese text (two columns a character) lines up in a terminal.
#pragma once

#include <string>
#include <vector>

namespace tally {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  /// Per column: align right (numbers). Missing entries mean left.
  std::vector<bool> right;
};

/// Columns separated by two spaces, the header underlined with dashes.
/// `max_width` cuts the widest columns of names (with "…", to no less than
/// 8 columns) until the table fits; columns of ids, periods, dates and
/// figures are never cut, so a table of them may stay wider. 0 means no
/// limit.
std::string render_text_table(const Table& t, size_t max_width = 0);

/// The display width render_text_table would give the table without a limit.
size_t text_table_width(const Table& t);

/// RFC 4180 CSV with a header row; `bom` prefixes a UTF-8 byte-order mark
/// so spreadsheet programs detect the encoding.
std::string render_csv_table(const Table& t, bool bom);

/// A GitHub-flavoured Markdown table: `|` and line ends inside cells are
/// escaped, right-aligned columns get `--:`.
std::string render_markdown_table(const Table& t);

}  // namespace tally
