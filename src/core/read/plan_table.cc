#include "core/read/plan_table.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <regex>

#include "core/base/text.h"
#include "core/read/definitions.h"
#include "core/read/fast_toml.h"
#include "core/read/toml_fields.h"

namespace tally {

namespace {

// The roles a column can have, and the headers that name each (compared
// without white space, ASCII letters in lower case). Earlier names win when
// a table has two columns of one role.
enum Role {
  kNumber,
  kAction,
  kId,
  kText,
  kBody,
  kKind,
  kValue,
  kUnit,
  kDirection,
  kLead,
  kResponsible,
  kCo,
  kDue,
  kSource,
  kNote,
  kRoles
};

struct RoleNames {
  Role role;
  std::vector<std::string_view> names;
};

const std::vector<RoleNames>& role_names() {
  static const std::vector<RoleNames> kNames = {
      {kNumber, {"序号", "编号", "no", "no.", "number", "#"}},
      {kAction, {"行动", "类别", "分类", "领域", "板块", "所属行动", "行动名称", "action"}},
      {kId, {"id"}},
      {kText,
       {"目标任务", "指标", "指标名称", "目标", "工作目标", "任务", "工作任务", "重点任务",
        "主要任务", "民生实事", "实事项目", "项目名称", "名称", "indicator", "name", "task"}},
      {kBody, {"工作内容", "任务内容", "具体内容", "主要内容", "text"}},
      {kKind, {"类型", "指标类型", "kind"}},
      {kValue, {"目标值", "目标数", "指标值", "目标数值", "target", "value"}},
      {kUnit, {"单位", "计量单位", "unit"}},
      {kDirection, {"方向", "direction"}},
      {kLead, {"牵头单位", "牵头部门", "牵头", "lead"}},
      {kResponsible, {"责任单位", "责任部门", "主责单位", "承办单位"}},
      {kCo, {"配合单位", "配合部门", "协同单位", "协办单位", "参与单位", "co"}},
      {kDue, {"完成时限", "时限", "完成时间", "时间节点", "时间要求", "due"}},
      {kSource, {"出处", "来源", "依据", "source"}},
      {kNote, {"备注", "说明", "note"}},
  };
  return kNames;
}

// `s` with full-width digits, ％, ．, and the ideographic space as ASCII.
std::string ascii_forms(std::string_view s) {
  std::string out;
  for (char32_t c : decode_utf8(s)) {
    if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
    if (c == U'％') c = U'%';
    if (c == U'．') c = U'.';
    if (c == U'\u3000') c = U' ';
    append_utf8(out, c);
  }
  return out;
}

// A header as compared: no white space, ASCII letters in lower case.
std::string header_key(std::string_view s) {
  std::string out;
  for (char32_t c : decode_utf8(s)) {
    if (c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000' || c == U'\uFEFF')
      continue;
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
    append_utf8(out, c);
  }
  return out;
}

// The text of a cell: trimmed, line breaks kept as one space.
std::string cell_text(std::string_view s) {
  return std::string(trim(ascii_forms(one_line(s))));
}

std::string_view trim_end_stop(std::string_view s) {
  for (std::string_view stop : {"。", ".", "；", ";"}) {
    while (s.ends_with(stop)) s.remove_suffix(stop.size());
  }
  return trim(s);
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return s.starts_with(w); });
}

// The units a figure in a target's text may carry, after an optional 万 or 亿.
constexpr std::array<std::string_view, 42> kBaseUnits = {
    "平方公里", "平方米", "公里", "千米", "千瓦", "兆瓦", "公顷", "人次", "元", "米", "亩",
    "吨",       "人",     "名",   "户",   "家",   "个",   "所",   "座",   "处", "项", "套",
    "张",       "台",     "辆",   "条",   "间",   "场",   "次",   "件",   "株", "棵", "盏",
    "块",       "栋",     "幢",   "宗",   "批",   "床",   "头",   "只",   "册"};

// One figure of a text: where it is, its number and unit.
struct Figure {
  size_t begin = 0;
  size_t end = 0;
  std::string number;
  std::string unit;
  bool points = false;  // 个百分点
};

std::vector<Figure> figures_of(const std::string& t) {
  std::vector<Figure> out;
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  size_t i = 0;
  while (i < t.size()) {
    if (!is_digit(t[i]) || (i > 0 && (is_alpha(t[i - 1]) || t[i - 1] == '.'))) {
      ++i;
      continue;
    }
    Figure f;
    f.begin = i;
    size_t j = i;
    while (j < t.size() &&
           (is_digit(t[j]) || (t[j] == '.' && j + 1 < t.size() && is_digit(t[j + 1]) && j > i))) {
      ++j;
    }
    f.number = t.substr(i, j - i);
    // A number followed by a letter is a name (5G), not a figure.
    if (j < t.size() && is_alpha(t[j])) {
      i = j;
      continue;
    }
    size_t k = j;
    while (k < t.size() && t[k] == ' ') ++k;
    std::string_view rest(t.data() + k, t.size() - k);
    if (rest.starts_with("个百分点")) {
      f.points = true;
      f.unit = "个百分点";
      f.end = k + std::string_view("个百分点").size();
    } else if (rest.starts_with("%")) {
      f.unit = "%";
      f.end = k + 1;
    } else {
      std::string scale;
      for (std::string_view s : {"万", "亿"}) {
        if (rest.starts_with(s)) {
          scale = s;
          rest.remove_prefix(s.size());
        }
      }
      for (std::string_view u : kBaseUnits) {
        if (rest.starts_with(u)) {
          f.unit = scale + std::string(u);
          break;
        }
      }
      f.end = k + f.unit.size();
    }
    if (!f.unit.empty()) out.push_back(f);
    i = f.unit.empty() ? j : f.end;
  }
  return out;
}

std::optional<Date> date_of(int y, int m, int d) {
  if (!is_valid_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

int to_int(const std::string& s) {
  return s.empty() ? 0 : std::stoi(s);
}

// The words of each kind, direction and of a task, in Chinese and English.
std::optional<std::string> kind_word(std::string_view s) {
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"累计", "cumulative"},  {"存量", "level"},    {"增速", "growth"},
      {"里程碑", "milestone"}, {"任务", "task"},     {"cumulative", "cumulative"},
      {"level", "level"},      {"growth", "growth"}, {"milestone", "milestone"},
      {"task", "task"}};
  auto it = kWords.find(s);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::string one_line(std::string_view s) {
  std::string out;
  for (char32_t c : decode_utf8(s)) {
    // Line breaks, Word's vertical tab and every other control character.
    append_utf8(out, c < 0x20 || (c >= 0x7F && c <= 0x9F) ? U' ' : c);
  }
  return out;
}

TargetReading read_target_text(std::string_view text_in) {
  TargetReading r;
  const std::string t = ascii_forms(text_in);
  auto figs = figures_of(t);
  r.figures = figs.size();
  if (figs.empty()) return r;
  if (figs.size() > 1) {
    std::vector<std::string> shown;
    for (const auto& f : figs) shown.push_back(f.number + f.unit);
    r.problem = fmt::format("{} figures in one target ({}): give each its own row", figs.size(),
                            fmt::join(shown, "、"));
    return r;
  }
  const Figure& f = figs.front();
  if (f.points) {
    r.problem = fmt::format(
        "a change of {}个百分点 needs the baseline it starts from: write the level it reaches "
        "(达到…%) as the target",
        f.number);
    return r;
  }
  r.value = parse_decimal(f.number);
  if (!r.value) {
    r.problem = fmt::format("'{}' is not a number tally can keep exactly", f.number);
    return r;
  }
  r.unit = f.unit;
  std::string_view before(t.data(), f.begin);
  std::string_view after(t.data() + f.end, t.size() - f.end);
  const bool percent = f.unit == "%";
  const bool ceiling = starts_with_any(after, {"以内", "以下", "之内"}) ||
                       contains_any(before, {"控制在", "不超过", "不高于", "低于", "少于"});
  if (percent && contains_any(before, {"增长", "增速", "增幅"})) {
    r.kind = Kind::kGrowth;
  } else if (percent && contains_any(before, {"下降", "降低", "减少"})) {
    r.kind = Kind::kGrowth;
    r.direction = Direction::kDown;
    r.value = Decimal{-r.value->mantissa, r.value->scale};
  } else if (ceiling) {
    r.kind = percent ? Kind::kLevel : Kind::kCumulative;
    r.direction = Direction::kDown;
  } else if (percent) {
    r.kind = Kind::kLevel;
  } else if (contains_any(before, {"达到", "保持", "稳定在", "提高到", "提升到", "提高至", "提升至",
                                   "总数", "总量"}) &&
             !contains_any(before, {"新增", "累计", "新建", "完成"})) {
    r.kind = Kind::kLevel;
  }
  return r;
}

std::optional<Date> read_due_text(std::string_view text_in, int year) {
  const std::string t = ascii_forms(text_in);
  static const std::regex kDate(
      R"((\d{4})-(\d{1,2})-(\d{1,2})|(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?|(?:(\d{4})(?:年)?)?(年底|年末|年内|全年|上半年|下半年|一季度|二季度|三季度|四季度))");
  std::optional<Date> last;
  for (auto it = std::sregex_iterator(t.begin(), t.end(), kDate); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    std::optional<Date> d;
    if (m[1].matched) {
      d = date_of(to_int(m[1]), to_int(m[2]), to_int(m[3]));
    } else if (m[5].matched) {
      int y = m[4].matched ? to_int(m[4]) : year;
      int month = to_int(m[5]);
      if (month < 1 || month > 12) continue;
      d = m[6].matched ? date_of(y, month, to_int(m[6]))
                       : date_of(y, month, days_in_month(y, month));
    } else if (m[8].matched) {
      int y = m[7].matched ? to_int(m[7]) : year;
      const std::string w = m[8];
      int month = w == "上半年" || w == "二季度" ? 6 : w == "一季度" ? 3 : w == "三季度" ? 9 : 12;
      d = date_of(y, month, days_in_month(y, month));
    }
    if (d) last = d;
  }
  return last;
}

bool says_milestone(std::string_view text) {
  return contains_any(text, {"建成", "投产", "完成", "开工", "竣工", "投入使用", "启动", "迁建",
                             "通车", "运营", "验收", "挂牌", "落地", "投用"});
}

std::vector<std::string> split_bureau_names(std::string_view cell) {
  std::string s(cell);
  for (std::string_view sep : {"、", "，", "；", "\n", "\r", "　"}) {
    for (size_t p = s.find(sep); p != std::string::npos; p = s.find(sep, p + 1))
      s.replace(p, sep.size(), ",");
  }
  for (char& c : s) {
    if (c == ';' || c == ' ' || c == '\t') c = ',';
  }
  return split_list(s);
}

std::string bureau_key(std::string_view name) {
  for (std::string_view p : {"县", "市", "区"}) {
    if (name.starts_with(p) && name.size() > p.size() + 3)
      return std::string(name.substr(p.size()));
  }
  return std::string(name);
}

LoadResult read_bureau_registry(const std::string& text, const std::string& shown_path) {
  LoadResult r;
  uint32_t file = r.files.add(shown_path, text);
  if (!check_utf8(text, file, r.diags)) return r;
  try {
    toml::table root = parse_toml(strip_bom(text), shown_path);
    read_bureaus_toml(root, file, r.plan, r.diags);
  } catch (const toml::parse_error& e) {
    syntax_error(file, strip_bom(text), e, r.diags);
  }
  return r;
}

std::optional<PlanTable> read_plan_table(const std::vector<CsvRow>& rows, std::optional<int> year,
                                         std::string* error, uint32_t* line) {
  // The header: the first of the first rows that names a target column.
  std::array<int, kRoles> col;
  col.fill(-1);
  size_t header_row = rows.size();
  for (size_t r = 0; r < rows.size() && r < 5 && header_row == rows.size(); ++r) {
    std::array<int, kRoles> found;
    found.fill(-1);
    for (const auto& rn : role_names()) {
      for (auto name : rn.names) {
        for (size_t c = 0; c < rows[r].fields.size() && found[rn.role] < 0; ++c) {
          if (header_key(rows[r].fields[c]) == name) found[rn.role] = static_cast<int>(c);
        }
      }
    }
    if (found[kText] >= 0) {
      col = found;
      header_row = r;
    }
  }
  if (header_row == rows.size()) {
    *line = rows.empty() ? 1 : rows.front().line;
    *error =
        "no header row names the targets: the first rows should hold column names such as "
        "序号, 目标任务 (or 指标, 民生实事), 牵头单位, 完成时限";
    return std::nullopt;
  }
  PlanTable table;
  table.header = rows[header_row].fields;
  for (size_t r = 0; r < header_row; ++r) {
    for (const auto& f : rows[r].fields) {
      if (!trim(f).empty() && table.title.empty()) table.title = cell_text(f);
    }
  }
  // The year: given, else the one the title names, else the one the cells name most.
  if (year) {
    table.year = *year;
  } else {
    static const std::regex kYear(R"((\d{4})(?:年|-\d{1,2}-\d{1,2}))");
    auto years_in = [](const std::string& s, std::map<int, int>& count) {
      const std::string t = ascii_forms(s);
      for (auto it = std::sregex_iterator(t.begin(), t.end(), kYear); it != std::sregex_iterator();
           ++it) {
        int y = std::stoi((*it)[1]);
        if (y >= 1990 && y <= 2200) ++count[y];
      }
    };
    std::map<int, int> in_title, in_cells;
    years_in(table.title, in_title);
    for (size_t r = header_row + 1; r < rows.size(); ++r) {
      for (const auto& f : rows[r].fields) years_in(f, in_cells);
    }
    const auto& count = in_title.empty() ? in_cells : in_title;
    int best = 0;
    for (const auto& [y, n] : count) {
      if (best == 0 || n > count.at(best)) best = y;
    }
    if (best == 0) {
      *line = rows[header_row].line;
      *error =
          "the table names no year (such as 2024年 in its title or 2024年6月底 in 完成时限); "
          "give the plan's year with --year";
      return std::nullopt;
    }
    table.year = best;
  }
  const int y = table.year;
  const bool has_lead = col[kLead] >= 0;
  const int lead_col = has_lead ? col[kLead] : col[kResponsible];
  const int co_col = col[kCo] >= 0 ? col[kCo] : (has_lead ? col[kResponsible] : -1);
  auto header_of = [&](int c) { return cell_text(table.header[static_cast<size_t>(c)]); };

  std::string action;      // the last 行动 seen, or the last section heading
  std::string lead_above;  // the lead cell of the row above, for a merged cell
  std::string number_above;
  for (size_t r = header_row + 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    auto cell = [&](Role role) -> std::string {
      int c = role == kLead ? lead_col : role == kCo ? co_col : col[role];
      if (c < 0 || static_cast<size_t>(c) >= row.fields.size()) return "";
      return cell_text(row.fields[static_cast<size_t>(c)]);
    };
    size_t filled = 0;
    std::string only;
    for (const auto& f : row.fields) {
      if (!trim(f).empty()) {
        ++filled;
        only = cell_text(f);
      }
    }
    if (filled == 0) continue;
    TableEntry e;
    e.line = row.line;
    e.cells = row.fields;
    e.number = cell(kNumber);
    const std::string text = cell(kText);
    // A row with one cell and no lead (一、产业培育) heads the rows below.
    if (filled == 1 && cell(kLead).empty()) {
      if (col[kAction] >= 0 && !cell(kAction).empty()) {
        action = cell(kAction);
        lead_above.clear();
        number_above.clear();
        continue;
      }
      if (col[kAction] < 0) {
        action = only;
        lead_above.clear();
        number_above.clear();
        continue;
      }
    }
    if (!cell(kAction).empty()) {
      action = cell(kAction);
    } else if (!action.empty() && col[kAction] >= 0) {
      e.from_above.push_back(header_of(col[kAction]));
    }
    e.action = action;
    e.id = cell(kId);
    e.name = std::string(trim_end_stop(text));
    e.text = cell(kBody);
    e.source = cell(kSource);
    e.note = cell(kNote);
    std::string lead_cell = cell(kLead);
    if (lead_cell.empty() && !text.empty() && (col[kNumber] < 0 || e.number.empty()) &&
        !lead_above.empty()) {
      lead_cell = lead_above;
      if (lead_col >= 0) e.from_above.push_back(header_of(lead_col));
      // The 序号 was merged with the lead: the row is part of the one above.
      if (e.number.empty() && col[kNumber] >= 0) {
        e.number = number_above;
        e.from_above.push_back(header_of(col[kNumber]));
      }
    }
    lead_above = lead_cell;
    number_above = e.number;
    auto leads = split_bureau_names(lead_cell);
    auto cos = split_bureau_names(cell(kCo));
    if (!has_lead && leads.size() > 1) {
      // Only 责任单位: the first named leads, the others work with it.
      cos.insert(cos.begin(), leads.begin() + 1, leads.end());
      leads.resize(1);
    }
    e.lead = leads;
    e.co = cos;
    auto stub = [&](std::string reason) {
      e.what = TableEntry::What::kStub;
      e.reason = std::move(reason);
      table.entries.push_back(e);
    };
    if (text.empty()) {
      stub(fmt::format("no target: the {} cell is empty", header_of(col[kText])));
      continue;
    }
    // A cell of only full stops (……, ...) names nothing once its stop is cut.
    if (e.name.empty()) {
      stub(fmt::format("no target: the {} cell '{}' holds no words", header_of(col[kText]), text));
      continue;
    }
    if (e.lead.empty()) {
      stub(lead_col < 0 ? "no lead bureau: the table has no 牵头单位 or 责任单位 column"
                        : fmt::format("no lead bureau: the {} cell is empty", header_of(lead_col)));
      continue;
    }
    const std::string due_cell = cell(kDue);
    std::optional<Date> due = read_due_text(due_cell, y);
    if (!due) due = read_due_text(text, y);
    std::optional<std::string> kind;
    if (const std::string k = cell(kKind); !k.empty()) {
      kind = kind_word(k);
      if (!kind) {
        stub(fmt::format("{} '{}' is not a kind: write 累计, 存量, 增速, 里程碑 or 任务",
                         header_of(col[kKind]), k));
        continue;
      }
    }
    const std::string value_cell = cell(kValue);
    TargetReading reading = read_target_text(text);
    if (!value_cell.empty() && (!kind || (*kind != "milestone" && *kind != "task"))) {
      auto [number, unit] = split_number_unit(value_cell);
      auto value = parse_decimal(number);
      if (!value) {
        stub(fmt::format("{} '{}' is not a number", header_of(col[kValue]), value_cell));
        continue;
      }
      reading.value = value;
      reading.unit = cell(kUnit).empty() ? std::string(trim(unit)) : cell(kUnit);
      if (reading.unit.empty()) {
        stub(fmt::format("no unit for the target {}: fill in the {} cell", value_cell,
                         col[kUnit] >= 0 ? header_of(col[kUnit]) : "单位"));
        continue;
      }
      reading.problem.clear();
      reading.figures = 1;
    }
    if (const std::string d = cell(kDirection); !d.empty()) {
      if (d == "上升" || d == "up") {
        reading.direction = Direction::kUp;
      } else if (d == "下降" || d == "down") {
        reading.direction = Direction::kDown;
      } else {
        stub(fmt::format("{} '{}' is not a direction: write 上升 or 下降",
                         header_of(col[kDirection]), d));
        continue;
      }
    }
    if (kind == "task" || (!kind && reading.figures == 0 && !due && !says_milestone(text))) {
      e.what = TableEntry::What::kTask;
      if (e.text.empty()) e.text = e.name;
      e.due = due;
    } else if (kind == "milestone" || (!kind && reading.figures == 0)) {
      e.what = TableEntry::What::kIndicator;
      e.kind = Kind::kMilestone;
      e.due = due.value_or(Date{y, 12, 31});
      // 建成… with 5月底前动工: the date is for starting the work, not for
      // finishing it. Judged done by then, the bureau would be behind for
      // what the plan does not ask; it is in progress by then, due at the
      // year's end.
      const bool starts = contains_any(due_cell, {"动工", "开工", "启动", "开建"});
      if (starts && !contains_any(text, {"动工", "开工", "启动", "开建"}) && !kind && due &&
          *due != Date{y, 12, 31}) {
        e.in_progress_by = due;
        e.due = Date{y, 12, 31};
      }
    } else {
      if (!reading.problem.empty()) {
        stub(reading.problem);
        continue;
      }
      if (!reading.value) {
        stub(fmt::format("no figure: the {} is {}, which needs a target",
                         col[kKind] >= 0 ? header_of(col[kKind]) : "kind", *kind));
        continue;
      }
      e.what = TableEntry::What::kIndicator;
      e.kind = kind ? *parse_kind(*kind) : reading.kind;
      e.target = reading.value;
      e.unit = reading.unit;
      e.direction = reading.direction;
      // A count keeps no due date: a 完成时限 before the year's end is kept in the note.
      if (due && !(due->month == 12 && due->day == 31)) {
        std::string said = fmt::format("{}: {}", header_of(col[kDue] >= 0 ? col[kDue] : col[kText]),
                                       due_cell.empty() ? text : due_cell);
        e.note = e.note.empty() ? said : e.note + "; " + said;
      }
    }
    if (e.due && e.due->year != y) {
      stub(fmt::format("due {} is outside the plan's year {}", format_date(*e.due), y));
      continue;
    }
    table.entries.push_back(std::move(e));
  }
  return table;
}

}  // namespace tally
