// The words tally prints, in Chinese and English: column headings, section
// titles and the names of statuses, stages, cadences and TOML keys. One
// table, so a word means one thing wherever it is printed; sentences are
// written where they are printed.
//
// 单位 alone means a bureau (kBureau); a unit of measure is 计量单位 (kUnit).
// `tally list indicators` still heads its unit column 单位 (kUnitInList), as
// its golden output and scripts that read it expect.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/period.h"
#include "core/compute/status.h"
#include "core/model/model.h"

namespace tally {

/// A word: a heading or a fixed phrase. The comments give the zh text.
enum class Term {
  // Reports: indicators.
  kIndicator,      ///< 指标
  kIndicatorId,    ///< 指标编号
  kAction,         ///< 行动
  kNumber,         ///< 编号
  kBureau,         ///< 单位 (a bureau)
  kLead,           ///< 牵头
  kKind,           ///< 类型
  kUnit,           ///< 计量单位 (a unit of measure)
  kActual,         ///< 实绩
  kPeriod,         ///< 期别 (the period an actual covers)
  kTarget,         ///< 目标
  kBaseline,       ///< 基数
  kExpected,       ///< 序时进度
  kExpectedValue,  ///< 应完成
  kCompletion,     ///< 完成率
  kGap,            ///< 差距 (in percentage points)
  kStatus,         ///< 状态
  kPace,           ///< 每期需完成
  kProjection,     ///< 预计全年
  kDirection,      ///< 方向
  kCadence,        ///< 报送周期
  kDuePeriod,      ///< 应报期
  kPeriodsLeft,    ///< 剩余期数
  kRecordedAt,     ///< 录入时间 (when the actual in force was recorded)
  kBy,             ///< 报送单位 (the bureau that reported a figure)
  kSource,         ///< 来源 (where a figure comes from)
  // Reports: roll-ups.
  kCount,           ///< 指标数
  kWithDue,         ///< 有应报事项
  kOnTrackRate,     ///< 达序时率
  kMeanCompletion,  ///< 平均完成率
  kRank,            ///< 名次
  kLed,             ///< 牵头指标 (indicators a bureau leads)
  kLedCount,        ///< 指标 (the column of indicators led, kept narrow)
  kActualsDue,      ///< 应报
  kActualsOnTime,   ///< 按时报送
  kOnTimeRate,      ///< 按时报送率
  // The 催报 list.
  kDueDate,      ///< 应报日期
  kDaysLate,     ///< 逾期天数
  kLastPeriod,   ///< 最近报送
  kMissed,       ///< 连续未报 (periods owed in a row)
  kFirstMissed,  ///< 最早未报
  // Report headers and sections.
  kReportPeriod,   ///< 报告期
  kAsOf,           ///< 截至
  kDue,            ///< 完成时限 (a milestone's due date)
  kRequiredStage,  ///< 应达阶段
  kByAction,       ///< 按行动
  kByBureau,       ///< 按牵头单位
  kByIndicator,    ///< 全部指标
  kSelection,      ///< 筛选
  kAttention,      ///< 需关注
  kNewlyOverdue,   ///< 新增逾期
  kReportedAt,     ///< 报送时间 (a record of a dekad brief's changes)
  kStatusChart,    ///< 指标状态分布
  kByActionList,   ///< 各行动指标
  kByBureauList,   ///< 各牵头单位指标
  kOverdueList,    ///< 催报清单 (the 催报 list, as a sheet's name)
  // `tally template`.
  kFillIn,        ///< 填报表 (the sheet a bureau fills)
  kInstructions,  ///< 填报说明
  kLastValue,     ///< 最近实绩 (the latest figure on record)
  kLastValueAt,   ///< 最近期别 (the period of that figure)
  kValueToFill,   ///< 本期实绩/状态 (the figure or stage to report)
  kDataProblems,  ///< 数据问题 (records left out because they break a rule)
  kRecordAt,      ///< 记录位置 (file:line of a record)
  kProblem,       ///< 问题
  // `tally show`.
  kItem,           ///< 项目 (the left column of a definition)
  kContent,        ///< 内容
  kStages,         ///< 阶段
  kCo,             ///< 配合
  kReporting,      ///< 报送
  kScheduleShown,  ///< 序时安排
  kCited,          ///< 出处 (where the plan document states an indicator)
  kNote,           ///< 备注
  kRecords,        ///< 报送记录
  kNoRecords,      ///< (无)
  kRemark,         ///< 说明
  kSuperseded,     ///< 已被更正
  kLate,           ///< 逾期报送
  kExpectedPath,   ///< 序时路径
  kPathBar,        ///< 路径图
  kNow,            ///< 当前
  kTaskText,       ///< 任务内容 (the clause a task carries out)
  kTaskState,      ///< 进展状态 (a task's state)
  kProgressNote,   ///< 进展情况 (the note of a task's progress report)
  // `tally log`.
  kLoggedAt,   ///< 登记时间
  kLogPeriod,  ///< 期间
  kLogValue,   ///< 数值
  kReason,     ///< 更正原因
  kInForce,    ///< 现行
  // `tally list`.
  kId,          ///< id (the same in both languages)
  kLeadBureau,  ///< 牵头单位
  kOffice,      ///< 专班办公室
  kAnnex,       ///< 附件
  kShortName,   ///< 简称
  kFullName,    ///< 全称
  kBureauKind,  ///< 类别
  kLeads,       ///< 牵头指标 (indicators a bureau leads, in the registry)
  kAliases,     ///< 别名
  kUnitInList,  ///< 单位 (a unit of measure, in `tally list indicators` only)
  // `tally diff`.
  kPlanChanges,   ///< 方案变更
  kNoChanges,     ///< 没有变化
  kAdded,         ///< 新增
  kRemoved,       ///< 删除
  kChanged,       ///< 修改
  kIndicators,    ///< 指标 (a section of indicators)
  kActions,       ///< 行动
  kBureaus,       ///< 单位 (a section of bureaus)
  kPlanFile,      ///< 方案（plan.toml）
  kName,          ///< 名称
  kTargetBefore,  ///< 原目标
  kTargetAfter,   ///< 新目标
  kMovement,      ///< 变化
  kField,         ///< 字段
  kBefore,        ///< 原值
  kAfter,         ///< 新值
  kChange,        ///< 变更
  kTargetChange,  ///< 调标
  kWorkingTree,   ///< 工作区
  kUnset,         ///< （无）
  // Problems (问题交办).
  kProblemId,       ///< 问题编号
  kConcerns,        ///< 涉及 (the indicator or task a problem concerns)
  kFoundBy,         ///< 发现途径
  kOpenedOn,        ///< 交办日期
  kDueBy,           ///< 整改时限
  kProblemState,    ///< 销号状态
  kProblemOpen,     ///< 未销号
  kProblemOverdue,  ///< 逾期未销号
  kProblemClosed,   ///< 已销号
  kClosedOn,        ///< 销号日期
  kEvidence,        ///< 销号依据
  kProblemList,     ///< 问题清单
  // The sections of the 工作月报.
  kSectionIndicators,  ///< 一、重要指标
  kSectionTasks,       ///< 二、重点任务
  kSectionProblems,    ///< 三、突出问题
  kSectionHighlights,  ///< 四、特色亮点
  kTask,               ///< 任务
  kTaskId,             ///< 任务编号
  kStalledTasks,       ///< 滞后任务
  kUnreportedTasks,    ///< 未按时报送进展的任务
  kOpenedInPeriod,     ///< 本期交办
  kClosedInPeriod,     ///< 本期销号
  kOpenByBureau,       ///< 各单位未销号问题
  kHighlightNote,      ///< 亮点
  kIndicatorOrTask,    ///< 指标或任务
  // The 季讲评 ranking (`tally rank`).
  kRanking,          ///< 季讲评排名
  kRankProgress,     ///< 序时达标 (序时进度达标率)
  kRankReporting,    ///< 及时报送 (按时报送率)
  kRankTasks,        ///< 任务推进 (任务推进率)
  kRankProblems,     ///< 问题销号 (问题销号率)
  kOverdueProblems,  ///< 逾期问题
  kScore,            ///< 得分
  // Statuses, in Status order.
  kDone,      ///< 已完成
  kOnTrack,   ///< 达序时
  kBehind,    ///< 欠序时
  kOffTrack,  ///< 严重滞后
  kBreached,  ///< 已突破
  kOverdue,   ///< 逾期
  kMissing,   ///< 未报送
  kNotDue,    ///< 未到期
  // Stages, in Stage order (the last a task's state only).
  kNotStarted,  ///< 未开始
  kInProgress,  ///< 推进中
  kStageDone,   ///< 已完成
  kStalled,     ///< 滞后
  // What one period of a cadence is called, in Cadence order.
  kYear,     ///< 年
  kHalf,     ///< 半年
  kQuarter,  ///< 季
  kMonth,    ///< 月
  kDekad,    ///< 旬
};

/// The word in zh, or in en.
std::string_view term(Term t, bool en);

/// The words of `terms`, for the heading of a table.
std::vector<std::string> headings(std::initializer_list<Term> terms, bool en);

/// The label of a status: zh 已完成 达序时 欠序时 严重滞后 已突破 逾期 未报送
/// 未到期; en "done", "on track", "behind", "off track", "breached",
/// "overdue", "missing", "not due".
std::string_view status_label(Status s, bool en);

/// A status as the user writes it: its SPEC name or its zh label; nullopt
/// when unknown.
std::optional<Status> parse_status(std::string_view s);

/// 未开始 / 推进中 / 已完成; "not started" / "in progress" / "done".
std::string_view stage_label(Stage s, bool en);

/// What one period of a cadence is called after a pace: 月, 季, 旬, 半年, 年;
/// month, quarter, dekad, half, year.
std::string_view cadence_label(Cadence c, bool en);

/// Names as a list reads: 市发改局、市财政局; "a, b" in English.
std::string name_list(const std::vector<std::string>& names, bool en);

/// What a key of the TOML files is called in a Chinese report (目标 for
/// "target", 计量单位 for "unit", …); English, and a key not listed, show
/// the key itself.
std::string key_label(std::string_view key, bool en);

}  // namespace tally
