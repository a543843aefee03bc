// What every report renderer takes besides the report (language, colour,
// grouping, format details) and the words and cells they share, so text,
// Markdown, CSV and HTML print the same labels and the same figures.
// Formatting only: every figure is computed in compute/report.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/compute/report.h"
#include "core/render/figures.h"
#include "core/render/table.h"

namespace tally {

/// How a report groups its indicators (`--by`).
enum class GroupBy { kAction, kBureau, kIndicator };

struct RenderOptions {
  bool en = false;     ///< English labels (`--lang en`); zh otherwise
  bool color = false;  ///< ANSI colours (text only; never for files or NO_COLOR)
  GroupBy by = GroupBy::kAction;
  bool bom = false;    ///< CSV: start with a UTF-8 byte-order mark
  size_t width = 120;  ///< text: the terminal width tables are fitted to
};

/// The words reports print: column headings and fixed phrases.
enum class Term {
  kIndicator,       ///< 指标
  kIndicatorId,     ///< 指标编号
  kAction,          ///< 行动
  kNumber,          ///< 编号
  kBureau,          ///< 单位
  kLead,            ///< 牵头
  kKind,            ///< 类型
  kUnit,            ///< 单位 (of measure)
  kActual,          ///< 实绩
  kPeriod,          ///< 期别 (the period an actual covers)
  kTarget,          ///< 目标
  kBaseline,        ///< 基数
  kExpected,        ///< 序时进度
  kExpectedValue,   ///< 应完成
  kCompletion,      ///< 完成率
  kGap,             ///< 差距(百分点)
  kStatus,          ///< 状态
  kPace,            ///< 每期需完成
  kProjection,      ///< 预计全年
  kCount,           ///< 指标数
  kOnTrackRate,     ///< 达序时率
  kMeanCompletion,  ///< 平均完成率
  kRank,            ///< 名次
  kLed,             ///< 牵头指标
  kLedCount,        ///< 指标 (the column of indicators led, kept narrow)
  kActualsDue,      ///< 应报
  kActualsOnTime,   ///< 按时报送
  kOnTimeRate,      ///< 按时报送率
  kMissingCount,    ///< 未报送
  kDueDate,         ///< 应报日期
  kDaysLate,        ///< 逾期天数
  kLastPeriod,      ///< 最近报送
  kMissed,          ///< 连续未报 (periods owed in a row)
  kReportPeriod,    ///< 报告期
  kAsOf,            ///< 截至
  kDue,             ///< 完成时限 (a milestone's due date)
  kRequiredStage,   ///< 应达阶段
  kByAction,        ///< 按行动
  kByBureau,        ///< 按牵头单位
  kByIndicator,     ///< 全部指标
  kSelection,       ///< 筛选
  kAttention,       ///< 需关注
  kNone,            ///< what an empty list prints
};

/// The label of a term in zh or en.
std::string_view term(Term t, bool en);

/// 未开始 / 推进中 / 已完成; "not started" / "in progress" / "done".
std::string_view stage_label(Stage s, bool en);

/// What one period of a cadence is called after a pace: 月, 季, 旬, 半年, 年;
/// month, quarter, dekad, half, year.
std::string_view cadence_label(Cadence c, bool en);

/// An action's heading: "一、产业培塑行动" (zh), "1. Industry cultivation" (en,
/// falling back to the Chinese name).
std::string action_heading(const ActionRow& a, bool en);

/// The cells of one indicator as text, Markdown and HTML print them; empty
/// where there is nothing to show.
struct IndicatorCells {
  std::string name;            ///< the indicator's name
  std::string lead;            ///< lead bureau names joined with "、"
  std::string actual;          ///< 1.8, or a stage label ("推进中 60%")
  std::string period;          ///< the period the actual covers: 2024-06
  std::string target;          ///< 3.6亿元; milestones: the due date
  std::string expected;        ///< 50.0%; milestones: the stage required by now
  std::string expected_value;  ///< 1.8亿元
  std::string completion;      ///< 47.2%
  std::string gap;             ///< -2.8
  std::string status;          ///< 欠序时
  std::string pace;            ///< 0.32/月
  std::string projection;      ///< 3.4亿元
};

/// Formats one indicator row.
IndicatorCells indicator_cells(const IndicatorRow& row, bool en);

/// A share for a roll-up cell: "45.0%", or "-" when unset.
std::string rate_cell(const std::optional<double>& share);

/// "已完成 3 · 达序时 12 · …" over every status, zero counts included.
std::string status_summary(const StatusCounts& counts, bool en);

/// Which columns an indicator table has besides the name, actual, period,
/// target, completion, gap, status and pace.
struct IndicatorColumns {
  enum class Lead { kNone, kPrimary, kAll } lead = Lead::kPrimary;
  bool expected = false;   ///< 序时进度 and 应完成
  bool projection = true;  ///< 预计全年
};

/// The ANSI colour of a status: green met, yellow behind, red what needs
/// action, cyan missing (never red), dim not due.
std::string_view status_color(Status s);

/// A table of the indicators `which` (indices into r.indicators). With
/// `ansi` the status cells are coloured.
Table indicator_table(const Report& r, const std::vector<size_t>& which,
                      const IndicatorColumns& columns, bool en, bool ansi);

/// One row per action: heading, indicator count, counts per status,
/// 达序时率, mean completion.
Table action_table(const Report& r, bool en);

/// One row per lead bureau in rank order: rank, name, indicators led,
/// on-time rate with on-time/due, counts per status, 达序时率.
Table bureau_table(const Report& r, bool en);

/// "指标数 40 · 达序时率 45.0% · 平均完成率 50.1%", under a group's heading.
std::string group_line(const Rollup& g, bool en);

/// What a bulletin puts first (需关注): the indicators (indices into
/// r.indicators) whose limits are breached, then milestones overdue, then
/// those far behind (off-track), then reports missing.
std::vector<size_t> attention_indicators(const Report& r);

/// The runs of the 催报 list that belong to one bureau: [begin, end) each.
std::vector<std::pair<size_t, size_t>> overdue_groups(const OverdueReport& r);

/// The table of one run of the 催报 list: indicator, period, due date, days
/// late, periods missed in a row (and since when), last period reported,
/// indicator id.
Table overdue_table(const OverdueReport& r, std::pair<size_t, size_t> run, bool en);

/// The report's header as plain lines: title and document; period, as-of
/// date and expected share; the counts per status with 达序时率; and the
/// selection when there is one.
std::vector<std::string> report_header(const Report& r, bool en);

/// The 序时进度 of the header: the share at the report period's end, or,
/// when some cadence is compared elsewhere (a dekad brief's monthly
/// indicators), each share with the period it is taken at.
std::string expected_text(const Report& r, bool en);

/// The one-line summary of a dekad brief's changes; empty when the report
/// has none.
std::vector<std::string> changes_lines(const Report& r, bool en);

/// The records made since the last brief: indicator, period, value, by, when.
Table changed_records_table(const Changes& c, bool en);

/// The reports newly overdue since the last brief.
Table newly_overdue_table(const Changes& c, bool en);

}  // namespace tally
