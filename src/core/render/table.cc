#include "core/render/table.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/base/text.h"

namespace tally {

namespace {

// The cells as a terminal shows them: control characters visible, each
// cut to kMaxCellWidth, so one huge note cannot widen every row.
Table shown(const Table& t) {
  auto cell = [](const std::string& s) {
    std::string v = inert(s);
    // A cell has at most two columns a byte, so a short one needs no width.
    return v.size() <= kMaxCellWidth ? v : truncate_to_width(v, kMaxCellWidth);
  };
  Table out;
  out.right = t.right;
  out.styles = t.styles;
  for (const auto& h : t.header) out.header.push_back(cell(h));
  out.rows.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    std::vector<std::string> r;
    r.reserve(row.size());
    for (const auto& c : row) r.push_back(cell(c));
    out.rows.push_back(std::move(r));
  }
  return out;
}

// The display width of each column: its widest cell.
std::vector<size_t> column_widths(const Table& t) {
  const size_t n = t.header.size();
  std::vector<size_t> width(n, 0);
  for (size_t c = 0; c < n; ++c) width[c] = display_width(t.header[c]);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < n && c < row.size(); ++c)
      width[c] = std::max(width[c], display_width(row[c]));
  return width;
}

// Only names are cut: ids, periods, dates, times and figures are copied or
// read whole (a cut id cannot be typed back), so a column is cut only when
// some cell is a name: one with a non-ASCII character, or with a space and
// a letter.
bool is_name(const std::string& cell) {
  bool space = false, letter = false;
  for (char ch : cell) {
    if (static_cast<unsigned char>(ch) >= 0x80) return true;
    space = space || ch == ' ';
    letter = letter || std::isalpha(static_cast<unsigned char>(ch));
  }
  return space && letter;
}

// Per column: whether render_text_table may cut it.
std::vector<bool> name_columns(const Table& t) {
  const size_t n = t.header.size();
  std::vector<bool> prose(n, false);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < n && c < row.size(); ++c) prose[c] = prose[c] || is_name(row[c]);
  return prose;
}

}  // namespace

void Table::style(size_t row, size_t col, std::string escape) {
  if (styles.size() <= row) styles.resize(row + 1);
  if (styles[row].size() <= col) styles[row].resize(col + 1);
  styles[row][col] = std::move(escape);
}

size_t text_table_width(const Table& t) {
  size_t total = t.header.empty() ? 0 : 2 * (t.header.size() - 1);
  for (size_t w : column_widths(shown(t))) total += w;
  return total;
}

std::string render_text_table(const Table& table, size_t max_width) {
  const Table t = shown(table);
  const size_t n = t.header.size();
  std::vector<size_t> width = column_widths(t);
  if (max_width > 0) {
    // Shrink the widest column step by step until the table fits.
    auto total = [&] {
      size_t s = n > 0 ? 2 * (n - 1) : 0;
      for (size_t w : width) s += w;
      return s;
    };
    const std::vector<bool> prose = name_columns(t);
    // Names are cut to 8 columns at the least; only when that is not
    // enough (ids leave little room) to 4, a character and "…".
    for (size_t least : {8, 4}) {
      while (total() > max_width) {
        size_t widest = n;
        for (size_t c = 0; c < n; ++c)
          if (prose[c] && width[c] > least && (widest == n || width[c] > width[widest])) widest = c;
        if (widest == n) break;
        --width[widest];
      }
    }
  }
  auto line = [&](const std::vector<std::string>& cells, const std::vector<std::string>* styles) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      std::string cell = c < cells.size() ? cells[c] : std::string();
      // The cell's width, taken once: a style's escapes add none.
      size_t w = display_width(cell);
      if (w > width[c]) {
        cell = truncate_to_width(cell, width[c]);
        w = display_width(cell);
      }
      if (styles && c < styles->size() && !(*styles)[c].empty() && !cell.empty())
        cell = (*styles)[c] + cell + "\x1b[0m";
      bool right = c < t.right.size() && t.right[c];
      bool last = c + 1 == n;
      const size_t fill = last && !right ? 0 : width[c] - std::min(w, width[c]);
      if (right) out.append(fill, ' ');
      out += cell;
      if (!right) out.append(fill, ' ');
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.header, nullptr);
  std::vector<std::string> rule;
  for (size_t w : width) rule.emplace_back(w, '-');
  out += line(rule, nullptr);
  for (size_t r = 0; r < t.rows.size(); ++r)
    out += line(t.rows[r], r < t.styles.size() ? &t.styles[r] : nullptr);
  return out;
}

bool names_cut_short(const Table& table, size_t width, size_t room) {
  if (width == 0) return false;
  const Table t = shown(table);
  const std::vector<size_t> w = column_widths(t);
  const std::vector<bool> prose = name_columns(t);
  size_t need = w.empty() ? 0 : 2 * (w.size() - 1);
  for (size_t c = 0; c < w.size(); ++c) need += prose[c] ? std::min(w[c], room) : w[c];
  return need > width;
}

std::vector<std::string> leave_out(Table& t, const std::vector<std::string>& gives_way,
                                   const std::function<bool(const Table&)>& too_wide) {
  std::vector<std::string> left_out;
  for (const std::string& column : gives_way) {
    if (!too_wide(t)) break;
    const auto it = std::find(t.header.begin(), t.header.end(), column);
    if (it == t.header.end()) continue;
    const auto c = it - t.header.begin();
    left_out.push_back(*it);
    t.header.erase(it);
    if (static_cast<size_t>(c) < t.right.size()) t.right.erase(t.right.begin() + c);
    for (auto& row : t.rows)
      if (static_cast<size_t>(c) < row.size()) row.erase(row.begin() + c);
    for (auto& row : t.styles)
      if (static_cast<size_t>(c) < row.size()) row.erase(row.begin() + c);
  }
  return left_out;
}

std::string left_out_note(const std::vector<std::string>& columns, size_t width, bool en) {
  if (columns.empty()) return {};
  std::string note = en ? fmt::format("(left out to fit {} columns: {}; --wide shows them)", width,
                                      fmt::join(columns, ", "))
                        : fmt::format("（为适应 {} 列宽省略：{}；--wide 显示全部）", width,
                                      fmt::join(columns, "、"));
  // Too long for the terminal itself: the hint goes on a line of its own.
  if (width > 0 && display_width(note) > width) {
    const size_t hint = note.rfind("--wide");
    if (note[hint - 1] == ' ') {
      note[hint - 1] = '\n';
    } else {
      note.insert(hint, "\n");
    }
  }
  return note + "\n";
}

std::string render_fitted_table(Table t, size_t width, const std::vector<std::string>& gives_way,
                                bool en, size_t room) {
  const auto left_out = leave_out(
      t, gives_way, [&](const Table& table) { return names_cut_short(table, width, room); });
  return render_text_table(t, width) + left_out_note(left_out, width, en);
}

std::string render_csv_table(const Table& t, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) out += ',';
      out += csv_field(csv_cell(cells[c]));
    }
    out += "\r\n";
  };
  line(t.header);
  for (const auto& row : t.rows) line(row);
  return out;
}

namespace {

// Text from data for Markdown: control characters shown, HTML escaped so
// none is rendered; in a table cell `|` is escaped and a line end is <br>,
// elsewhere a line end is a space.
std::string markdown_escaped(std::string_view s, bool in_cell) {
  std::string out;
  for (char c : inert(s, true)) {
    if (c == '|' && in_cell) {
      out += "\\|";
    } else if (c == '\n') {
      out += in_cell ? "<br>" : " ";
    } else if (c == '\r') {
      if (!in_cell) out += ' ';
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_markdown_table(const Table& t) {
  auto cell = [](std::string_view s) { return markdown_escaped(s, true); };
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (size_t c = 0; c < t.header.size(); ++c) {
      out += " " + cell(c < cells.size() ? cells[c] : std::string()) + " |";
    }
    return out + "\n";
  };
  std::string out = line(t.header) + "|";
  for (size_t c = 0; c < t.header.size(); ++c) {
    out += c < t.right.size() && t.right[c] ? "--:|" : "---|";
  }
  out += "\n";
  for (const auto& row : t.rows) out += line(row);
  return out;
}

std::string markdown_text(std::string_view s) {
  return markdown_escaped(s, false);
}

}  // namespace tally
