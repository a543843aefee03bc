// Reading a 分工方案 table (目标任务, 牵头单位, 完成时限 …), as counties
// publish their targets in Word or Excel, into the entries of a plan:
// columns found by their headers, the figure, unit and direction read out of
// the target's text, due dates out of 完成时限. `tally plan import` writes
// the entries as plan files (write/plan_import.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"
#include "core/read/csv.h"
#include "core/read/load.h"

namespace tally {

/// What one row of the table became.
struct TableEntry {
  enum class What { kIndicator, kTask, kStub };
  What what = What::kStub;
  uint32_t line = 0;               ///< the row's line (CSV) or row number (workbook)
  std::vector<std::string> cells;  ///< the row as it stands in the table
  std::string number;              ///< 序号
  std::string action;              ///< 行动 / 类别: the action it belongs to
  std::string id;                  ///< 编号, as written (tally's own export)
  std::string name;                ///< the target's text, without its closing 。
  std::string text;                ///< a task's text (工作内容), else empty
  Kind kind = Kind::kCumulative;
  std::optional<Decimal> target;
  std::string unit;
  Direction direction = Direction::kUp;
  std::optional<Date> due;
  /// A milestone whose 完成时限 is for starting the work (建成… with
  /// 5月底前动工): in progress by this date, due at the year's end.
  std::optional<Date> in_progress_by;
  std::vector<std::string> lead;  ///< bureau names as written, the first leads
  std::vector<std::string> co;
  std::string source;  ///< 出处
  std::string note;    ///< 备注, and what the import adds (a due date a count does not keep)
  /// Stubs: why the row could not be read.
  std::string reason;
  /// The headers of the cells taken from the row above (a merged cell).
  std::vector<std::string> from_above;
};

/// A table read: its title (a line above the header, such as
/// 2016年民生实事目标任务分解表), the plan year and every row after the header.
struct PlanTable {
  std::string title;
  int year = 0;
  std::vector<std::string> header;
  std::vector<TableEntry> entries;
};

/// Reads the rows of a table. The header is the first of the first five
/// rows that names a target column (目标任务, 指标, 民生实事, 任务 …);
/// rows above it are the title. The year is `year` when given, else the
/// year the title or the cells name most (2016年, 2024-06-30). nullopt with
/// `*error` and `*line` when no header or no year is found.
std::optional<PlanTable> read_plan_table(const std::vector<CsvRow>& rows, std::optional<int> year,
                                         std::string* error, uint32_t* line);

/// A figure read out of a target's text.
struct TargetReading {
  std::optional<Decimal> value;
  std::string unit;
  Kind kind = Kind::kCumulative;
  Direction direction = Direction::kUp;
  /// Why it cannot be read as one target (two figures, 个百分点); empty when it can.
  std::string problem;
  /// How many figures the text holds (0: a milestone or a task).
  size_t figures = 0;
};

/// The figure, unit, kind and direction of a target's text:
/// "增长8.5%" growth 8.5 % up; "下降3%" growth -3 % down; "控制在3%以内"
/// level 3 % down (a ceiling); "达到95%以上" level 95 % up (a floor);
/// "新增银行贷款20亿元" cumulative 20 亿元 up; "死亡人数控制在5人以内"
/// cumulative 5 人 down. Full-width digits and ％ are read as ASCII.
TargetReading read_target_text(std::string_view text);

/// The due date a 完成时限 or a target's text names, in `year` unless it
/// says another: 2024-06-30; 6月30日前; 6月底前, 6月份, 6月 (the month's
/// last day); 年底前, 年内, 年末 (31 December); 上半年; 一季度 … 四季度.
/// The last date named counts ("6月底前启动，12月底前完成" is 12-31).
std::optional<Date> read_due_text(std::string_view text, int year);

/// Whether a target's text says work to be finished (建成, 投产, 完成,
/// 开工, 竣工, 投入使用 …): a milestone, due at the year's end when no date is named.
bool says_milestone(std::string_view text);

/// A cell's text on one line: line breaks (and Word's vertical tab) and
/// every other control character as a space, so it can stand in a name or
/// a comment of a TOML file.
std::string one_line(std::string_view s);

/// The bureau names of a cell: split on 、，,；; and line breaks, each trimmed.
std::vector<std::string> split_bureau_names(std::string_view cell);

/// A bureau name as a registry made from a table matches it: without a
/// leading 县, 市 or 区 (县住建局 and 住建局 are one bureau).
std::string bureau_key(std::string_view name);

/// Reads a bureaus.toml given to `plan import --bureaus`: the bureaus in
/// r.plan.bureaus, what is wrong in r.diags (with r.files for excerpts).
LoadResult read_bureau_registry(const std::string& text, const std::string& shown_path);

}  // namespace tally
