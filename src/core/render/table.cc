#include "core/render/table.h"

#include <algorithm>
#include <cctype>

#include "core/base/text.h"

namespace tally {

namespace {

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

}  // namespace

size_t text_table_width(const Table& t) {
  size_t total = t.header.empty() ? 0 : 2 * (t.header.size() - 1);
  for (size_t w : column_widths(t)) total += w;
  return total;
}

std::string render_text_table(const Table& t, size_t max_width) {
  const size_t n = t.header.size();
  std::vector<size_t> width = column_widths(t);
  if (max_width > 0) {
    // Shrink the widest column step by step until the table fits.
    auto total = [&] {
      size_t s = n > 0 ? 2 * (n - 1) : 0;
      for (size_t w : width) s += w;
      return s;
    };
    // Only names are cut: ids, periods, dates, times and figures are
    // copied or read whole (a cut id cannot be typed back), so a column is
    // cut only when some cell is a name: one with a non-ASCII character, or
    // with a space and a letter.
    auto is_name = [](const std::string& cell) {
      bool space = false, letter = false;
      for (char ch : cell) {
        if (static_cast<unsigned char>(ch) >= 0x80) return true;
        space = space || ch == ' ';
        letter = letter || std::isalpha(static_cast<unsigned char>(ch));
      }
      return space && letter;
    };
    std::vector<bool> prose(n, false);
    for (const auto& row : t.rows)
      for (size_t c = 0; c < n && c < row.size(); ++c) prose[c] = prose[c] || is_name(row[c]);
    while (total() > max_width) {
      size_t widest = n;
      for (size_t c = 0; c < n; ++c)
        if (prose[c] && width[c] > 8 && (widest == n || width[c] > width[widest])) widest = c;
      if (widest == n) break;
      --width[widest];
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t c = 0; c < n; ++c) {
      std::string cell = c < cells.size() ? cells[c] : std::string();
      if (display_width(cell) > width[c]) cell = truncate_to_width(cell, width[c]);
      bool right = c < t.right.size() && t.right[c];
      bool last = c + 1 == n;
      out += last && !right ? cell : pad(cell, width[c], right);
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(t.header);
  std::vector<std::string> rule;
  for (size_t w : width) rule.emplace_back(w, '-');
  out += line(rule);
  for (const auto& row : t.rows) out += line(row);
  return out;
}

std::string render_csv_table(const Table& t, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) out += ',';
      out += csv_field(cells[c]);
    }
    out += "\r\n";
  };
  line(t.header);
  for (const auto& row : t.rows) line(row);
  return out;
}

std::string render_markdown_table(const Table& t) {
  auto cell = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (c == '|') {
        out += "\\|";
      } else if (c == '\n') {
        out += "<br>";
      } else if (c != '\r') {
        out += c;
      }
    }
    return out;
  };
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

}  // namespace tally
