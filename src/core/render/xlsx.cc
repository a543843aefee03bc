#include "core/render/xlsx.h"

#include <fmt/format.h>

#include "core/base/text.h"

#ifdef TALLY_HAVE_XLSX
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/base/shared_library.h"
#endif

namespace tally {

#ifndef TALLY_HAVE_XLSX

std::optional<std::string> render_xlsx(const std::vector<Worksheet>&, const WorkbookInfo&,
                                       std::string* error) {
  *error = xlsx_missing();
  return std::nullopt;
}

#else

namespace {

// The functions of libxlsxwriter tally calls, opened with the library when
// a workbook is written (core/base/shared_library.h).
#define TALLY_XLSXWRITER_FUNCTIONS(X) \
  X(workbook_new_opt)                 \
  X(workbook_add_worksheet)           \
  X(workbook_add_format)              \
  X(workbook_set_properties)          \
  X(workbook_close)                   \
  X(lxw_strerror)                     \
  X(format_set_bold)                  \
  X(format_set_bottom)                \
  X(format_set_text_wrap)             \
  X(format_set_align)                 \
  X(format_set_font_color)            \
  X(format_set_bg_color)              \
  X(format_set_num_format)            \
  X(format_set_unlocked)              \
  X(format_set_border)                \
  X(worksheet_write_string)           \
  X(worksheet_set_column)             \
  X(worksheet_write_number)           \
  X(worksheet_write_blank)            \
  X(worksheet_data_validation_cell)   \
  X(worksheet_freeze_panes)           \
  X(worksheet_set_landscape)          \
  X(worksheet_set_paper)              \
  X(worksheet_fit_to_pages)           \
  X(worksheet_repeat_rows)            \
  X(worksheet_set_header)             \
  X(worksheet_set_footer)             \
  X(worksheet_protect)

struct XlsxWriter {
  TALLY_XLSXWRITER_FUNCTIONS(TALLY_LIBRARY_FUNCTION)
};

// Opens libxlsxwriter; false with `*error` set when it or a function is
// missing.
bool open_xlsxwriter(XlsxWriter& x, std::string* error) {
  auto bind = [](SharedLibrary& lib, XlsxWriter& api) {
    TALLY_XLSXWRITER_FUNCTIONS(TALLY_BIND_FUNCTION)
  };
  return open_library(TALLY_XLSXWRITER_SONAME, "libxlsxwriter4", x, bind, error);
}

// The colours of a status cell: those of the HTML report's .s-<status>
// classes (render/html.cc), text on fill.
struct Colours {
  lxw_color_t fg;
  lxw_color_t bg;
};

Colours status_colours(Status s) {
  switch (s) {
    case Status::kDone:
      return {0x0f5323, 0xccf1d6};
    case Status::kOnTrack:
      return {0x116329, 0xe4f7e9};
    case Status::kBehind:
      return {0x6f4400, 0xfff1c2};
    case Status::kOffTrack:
      return {0x9a1127, 0xffe1df};
    case Status::kBreached:
      return {0xffffff, 0xa40e26};
    case Status::kOverdue:
      return {0x8a2a0a, 0xffdccc};
    case Status::kMissing:
      return {0x0b4f8a, 0xdcebfb};
    case Status::kNotDue:
      break;
  }
  return {0x57606a, 0xeef1f4};
}

// "&" starts a code in a page header; a literal one is doubled.
std::string header_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

// The formats of one workbook, made once each.
class Formats {
 public:
  Formats(const XlsxWriter& x, lxw_workbook* wb) : x_(x), wb_(wb) {}

  lxw_format* heading(std::optional<Status> s) {
    return get(fmt::format("h{}", s ? static_cast<int>(*s) : -1), [&](lxw_format* f) {
      x_.format_set_bold(f);
      x_.format_set_bottom(f, LXW_BORDER_THIN);
      x_.format_set_text_wrap(f);
      x_.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      if (s) {
        x_.format_set_font_color(f, status_colours(*s).fg);
        x_.format_set_bg_color(f, status_colours(*s).bg);
      } else {
        x_.format_set_bg_color(f, 0xf3f5f8);
      }
    });
  }

  // A body cell: its kind, its status fill if any, unlocked for input.
  lxw_format* cell(CellKind kind, std::optional<Status> s, bool input) {
    const std::string key =
        fmt::format("c{}.{}.{}", static_cast<int>(kind), s ? static_cast<int>(*s) : -1, input);
    return get(key, [&](lxw_format* f) {
      x_.format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      if (kind == CellKind::kShare) x_.format_set_num_format(f, "0.0%");
      if (kind == CellKind::kText) x_.format_set_num_format(f, "@");
      if (s) {
        x_.format_set_font_color(f, status_colours(*s).fg);
        x_.format_set_bg_color(f, status_colours(*s).bg);
      }
      if (input) {
        x_.format_set_unlocked(f);
        x_.format_set_bg_color(f, 0xfffbe6);
        x_.format_set_border(f, LXW_BORDER_HAIR);
      }
    });
  }

 private:
  template <typename Setup>
  lxw_format* get(const std::string& key, Setup setup) {
    auto it = formats_.find(key);
    if (it != formats_.end()) return it->second;
    lxw_format* f = x_.workbook_add_format(wb_);
    setup(f);
    formats_[key] = f;
    return f;
  }

  const XlsxWriter& x_;
  lxw_workbook* wb_;
  std::map<std::string, lxw_format*> formats_;
};

// A cell's text as a number, if the whole of it is one.
std::optional<double> as_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) return std::nullopt;
  return d;
}

// The width of a column in Excel's units (the width of a digit): its widest
// cell by display width (a Chinese character is two), with a margin.
double column_width(const Worksheet& s, size_t c) {
  size_t widest = display_width(s.table.header[c]) / 2 + 2;  // headings wrap to two lines
  for (const auto& row : s.table.rows) {
    if (c >= row.size()) continue;
    size_t w = display_width(row[c]);
    if (s.kinds[c] == CellKind::kShare && as_number(row[c])) w = 6;  // 100.0%
    widest = std::max(widest, w);
  }
  for (const Worksheet::Choice& choice : s.choices) {
    if (choice.column != c) continue;
    for (const auto& word : choice.words)
      widest = std::max(widest, display_width(word) + 3);  // the drop-down arrow
  }
  return static_cast<double>(std::min<size_t>(widest, 80) + 2);
}

lxw_error write_sheet(const XlsxWriter& x, lxw_workbook* wb, Formats& formats, const Worksheet& s,
                      const WorkbookInfo& info) {
  lxw_worksheet* ws = x.workbook_add_worksheet(wb, s.name.c_str());
  if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  const Table& t = s.table;
  auto status_of_column = [&](size_t c) -> std::optional<Status> {
    return c < s.column_status.size() ? s.column_status[c] : std::nullopt;
  };
  auto is_input = [&](size_t c) { return c < s.input.size() && s.input[c]; };

  for (size_t c = 0; c < t.header.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    x.worksheet_write_string(ws, 0, col, t.header[c].c_str(), formats.heading(status_of_column(c)));
    x.worksheet_set_column(ws, col, col, column_width(s, c), nullptr);
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.header.size(); ++c) {
      const std::string& text = c < t.rows[r].size() ? t.rows[r][c] : std::string();
      const auto col = static_cast<lxw_col_t>(c);
      std::optional<Status> fill;
      if (s.status_column == c && r < s.row_status.size()) fill = s.row_status[r];
      if (auto cs = status_of_column(c); cs && text != "0" && !text.empty()) fill = cs;
      const CellKind kind = s.kinds[c];
      auto number = kind == CellKind::kText ? std::nullopt : as_number(text);
      lxw_format* f = formats.cell(number ? kind : CellKind::kText, fill, is_input(c));
      lxw_error e = LXW_NO_ERROR;
      if (number) {
        e = x.worksheet_write_number(ws, row, col, *number, f);
      } else if (!text.empty()) {
        e = x.worksheet_write_string(ws, row, col, text.c_str(), f);
      } else {
        e = x.worksheet_write_blank(ws, row, col, f);
      }
      if (e != LXW_NO_ERROR) return e;
    }
  }

  // Drop-down lists on the cells that take one of a few words.
  for (const Worksheet::Choice& choice : s.choices) {
    std::vector<const char*> list;
    for (const auto& word : choice.words) list.push_back(word.c_str());
    list.push_back(nullptr);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = const_cast<char**>(list.data());
    v.ignore_blank = LXW_VALIDATION_ON;
    lxw_error e = x.worksheet_data_validation_cell(ws, static_cast<lxw_row_t>(choice.row + 1),
                                                   static_cast<lxw_col_t>(choice.column), &v);
    if (e != LXW_NO_ERROR) return e;
  }

  x.worksheet_freeze_panes(ws, 1, static_cast<lxw_col_t>(s.frozen_columns));
  x.worksheet_set_landscape(ws);
  x.worksheet_set_paper(ws, 9);  // A4
  x.worksheet_fit_to_pages(ws, 1, 0);
  x.worksheet_repeat_rows(ws, 0, 0);
  // The page header holds at most 255 characters with its codes.
  std::string head = "&L" + header_text(info.title) + "&R" + header_text(info.period);
  if (head.size() > 250) head = "&L" + header_text(info.period);
  if (lxw_error e = x.worksheet_set_header(ws, head.c_str()); e != LXW_NO_ERROR) return e;
  x.worksheet_set_footer(ws, info.en ? "&CPage &P of &N" : "&C第 &P 页，共 &N 页");
  if (std::find(s.input.begin(), s.input.end(), true) != s.input.end()) {
    lxw_protection p{};
    p.format_columns = 1;  // the bureau may widen a column to read a long name
    p.format_rows = 1;
    x.worksheet_protect(ws, nullptr, &p);
  }
  return LXW_NO_ERROR;
}

// Removes a temporary directory and the workbook file in it.
struct TempDir {
  std::string path;
  ~TempDir() {
    if (path.empty()) return;
    ::unlink((path + "/book.xlsx").c_str());
    ::rmdir(path.c_str());
  }
};

}  // namespace

std::optional<std::string> render_xlsx(const std::vector<Worksheet>& sheets,
                                       const WorkbookInfo& info, std::string* error) {
  XlsxWriter x;
  if (!open_xlsxwriter(x, error)) return std::nullopt;
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/tally-xlsx-XXXXXX";
  TempDir dir;
  if (!::mkdtemp(pattern.data())) {
    *error = fmt::format("cannot make a temporary directory {}: {}", pattern, std::strerror(errno));
    return std::nullopt;
  }
  dir.path = pattern;
  const std::string file = dir.path + "/book.xlsx";

  lxw_workbook_options options{};
  options.tmpdir = dir.path.data();
  lxw_workbook* wb = x.workbook_new_opt(file.c_str(), &options);
  if (!wb) {
    *error = fmt::format("cannot start a workbook in {}", dir.path);
    return std::nullopt;
  }
  lxw_doc_properties props{};
  props.title = const_cast<char*>(info.title.c_str());
  props.created = static_cast<time_t>(days_from_civil(info.created) * 86400);
  x.workbook_set_properties(wb, &props);

  Formats formats(x, wb);
  lxw_error failed = LXW_NO_ERROR;
  for (const Worksheet& s : sheets) {
    failed = write_sheet(x, wb, formats, s, info);
    if (failed != LXW_NO_ERROR) break;
  }
  lxw_error closed = x.workbook_close(wb);
  if (failed == LXW_NO_ERROR) failed = closed;
  if (failed != LXW_NO_ERROR) {
    *error = fmt::format("cannot write the workbook: {}", x.lxw_strerror(failed));
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    *error = fmt::format("cannot read back the workbook {}", file);
    return std::nullopt;
  }
  return bytes.str();
}

#endif

}  // namespace tally
