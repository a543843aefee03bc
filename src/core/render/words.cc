#include "core/render/words.h"

#include <fmt/format.h>

#include <utility>

namespace tally {

namespace {

struct Word {
  Term term;
  std::string_view zh;
  std::string_view en;
};

constexpr Word kWords[] = {
    {Term::kIndicator, "指标", "indicator"},
    {Term::kIndicatorId, "指标编号", "id"},
    {Term::kAction, "行动", "action"},
    {Term::kNumber, "编号", "no."},
    {Term::kBureau, "单位", "bureau"},
    {Term::kLead, "牵头", "lead"},
    {Term::kKind, "类型", "kind"},
    {Term::kUnit, "计量单位", "unit"},
    {Term::kActual, "实绩", "actual"},
    {Term::kPeriod, "期别", "period"},
    {Term::kTarget, "目标", "target"},
    {Term::kBaseline, "基数", "baseline"},
    {Term::kExpected, "序时进度", "expected"},
    {Term::kExpectedValue, "应完成", "expected value"},
    {Term::kCompletion, "完成率", "completion"},
    {Term::kGap, "差距", "gap"},
    {Term::kStatus, "状态", "status"},
    {Term::kPace, "每期需完成", "pace needed"},
    {Term::kProjection, "预计全年", "projection"},
    {Term::kDirection, "方向", "direction"},
    {Term::kCadence, "报送周期", "cadence"},
    {Term::kDuePeriod, "应报期", "due period"},
    {Term::kPeriodsLeft, "剩余期数", "periods left"},
    {Term::kRecordedAt, "录入时间", "recorded"},
    {Term::kBy, "报送单位", "by"},
    {Term::kSource, "来源", "source"},
    {Term::kCount, "指标数", "indicators"},
    {Term::kWithDue, "有应报事项", "with something due"},
    {Term::kOnTrackRate, "达序时率", "on-track rate"},
    {Term::kMeanCompletion, "平均完成率", "mean completion"},
    {Term::kRank, "名次", "rank"},
    {Term::kLed, "牵头指标", "led"},
    {Term::kLedCount, "指标", "led"},
    {Term::kActualsDue, "应报", "due"},
    {Term::kActualsOnTime, "按时报送", "on time"},
    {Term::kOnTimeRate, "按时报送率", "on-time rate"},
    {Term::kDueDate, "应报日期", "due date"},
    {Term::kDaysLate, "逾期天数", "days late"},
    {Term::kLastPeriod, "最近报送", "last reported"},
    {Term::kMissed, "连续未报", "missed"},
    {Term::kFirstMissed, "最早未报", "first missed"},
    {Term::kReportPeriod, "报告期", "period"},
    {Term::kAsOf, "截至", "as of"},
    {Term::kDue, "完成时限", "due"},
    {Term::kRequiredStage, "应达阶段", "required stage"},
    {Term::kByAction, "按行动", "By action"},
    {Term::kByBureau, "按牵头单位", "By lead bureau"},
    {Term::kByIndicator, "全部指标", "All indicators"},
    {Term::kSelection, "筛选", "selection"},
    {Term::kAttention, "需关注", "Needs attention"},
    {Term::kNewlyOverdue, "新增逾期", "Newly overdue"},
    {Term::kReportedAt, "报送时间", "recorded"},
    {Term::kStatusChart, "指标状态分布", "Indicators by status"},
    {Term::kByActionList, "各行动指标", "Indicators by action"},
    {Term::kByBureauList, "各牵头单位指标", "Indicators by lead bureau"},
    {Term::kOverdueList, "催报清单", "Overdue"},
    {Term::kFillIn, "填报表", "To fill"},
    {Term::kInstructions, "填报说明", "Instructions"},
    {Term::kLastValue, "最近实绩", "last value"},
    {Term::kLastValueAt, "最近期别", "last period"},
    {Term::kValueToFill, "本期实绩/状态", "value"},
    {Term::kDataProblems, "数据问题", "Data problems"},
    {Term::kRecordAt, "记录位置", "record"},
    {Term::kProblem, "问题", "problem"},
    {Term::kItem, "项目", "field"},
    {Term::kContent, "内容", "value"},
    {Term::kStages, "阶段", "stages"},
    {Term::kCo, "配合", "co"},
    {Term::kReporting, "报送", "reporting"},
    {Term::kScheduleShown, "序时安排", "schedule"},
    {Term::kCited, "出处", "source"},
    {Term::kNote, "备注", "note"},
    {Term::kRecords, "报送记录", "Records"},
    {Term::kNoRecords, "(无)", "(none)"},
    {Term::kRemark, "说明", "remark"},
    {Term::kSuperseded, "已被更正", "superseded"},
    {Term::kLate, "逾期报送", "late"},
    {Term::kExpectedPath, "序时路径", "Expected path"},
    {Term::kPathBar, "路径图", "path"},
    {Term::kNow, "当前", "Now"},
    {Term::kTaskText, "任务内容", "task"},
    {Term::kTaskState, "进展状态", "state"},
    {Term::kProgressNote, "进展情况", "progress"},
    {Term::kLoggedAt, "登记时间", "recorded"},
    {Term::kLogPeriod, "期间", "period"},
    {Term::kLogValue, "数值", "value"},
    {Term::kReason, "更正原因", "reason"},
    {Term::kInForce, "现行", "in force"},
    {Term::kId, "id", "id"},
    {Term::kLeadBureau, "牵头单位", "lead"},
    {Term::kOffice, "专班办公室", "office"},
    {Term::kAnnex, "附件", "annex"},
    {Term::kShortName, "简称", "name"},
    {Term::kFullName, "全称", "full name"},
    {Term::kBureauKind, "类别", "kind"},
    {Term::kLeads, "牵头指标", "leads"},
    {Term::kAliases, "别名", "aliases"},
    {Term::kUnitInList, "单位", "unit"},
    {Term::kPlanChanges, "方案变更", "Plan changes"},
    {Term::kNoChanges, "没有变化", "no changes"},
    {Term::kAdded, "新增", "added"},
    {Term::kRemoved, "删除", "removed"},
    {Term::kChanged, "修改", "changed"},
    {Term::kIndicators, "指标", "indicators"},
    {Term::kActions, "行动", "actions"},
    {Term::kBureaus, "单位", "bureaus"},
    {Term::kPlanFile, "方案（plan.toml）", "plan.toml"},
    {Term::kName, "名称", "name"},
    {Term::kTargetBefore, "原目标", "before"},
    {Term::kTargetAfter, "新目标", "after"},
    {Term::kMovement, "变化", "change"},
    {Term::kField, "字段", "field"},
    {Term::kBefore, "原值", "before"},
    {Term::kAfter, "新值", "after"},
    {Term::kChange, "变更", "change"},
    {Term::kTargetChange, "调标", "TARGET"},
    {Term::kWorkingTree, "工作区", "working tree"},
    {Term::kUnset, "（无）", "(none)"},
    {Term::kProblemId, "问题编号", "problem"},
    {Term::kConcerns, "涉及", "concerns"},
    {Term::kFoundBy, "发现途径", "found by"},
    {Term::kOpenedOn, "交办日期", "opened"},
    {Term::kDueBy, "整改时限", "due"},
    {Term::kProblemState, "销号状态", "state"},
    {Term::kProblemOpen, "未销号", "open"},
    {Term::kProblemOverdue, "逾期未销号", "overdue"},
    {Term::kProblemClosed, "已销号", "closed"},
    {Term::kClosedOn, "销号日期", "closed"},
    {Term::kEvidence, "销号依据", "evidence"},
    {Term::kProblemList, "问题清单", "Problems"},
    {Term::kSectionIndicators, "一、重要指标", "1. Key indicators"},
    {Term::kSectionTasks, "二、重点任务", "2. Key tasks"},
    {Term::kSectionProblems, "三、突出问题", "3. Problems"},
    {Term::kSectionHighlights, "四、特色亮点", "4. Highlights"},
    {Term::kTask, "任务", "task"},
    {Term::kTaskId, "任务编号", "task id"},
    {Term::kStalledTasks, "滞后任务", "Stalled tasks"},
    {Term::kUnreportedTasks, "未按时报送进展的任务", "Tasks whose progress report is overdue"},
    {Term::kOpenedInPeriod, "本期交办", "Opened this period"},
    {Term::kClosedInPeriod, "本期销号", "Closed this period"},
    {Term::kOpenByBureau, "各单位未销号问题", "Open problems by bureau"},
    {Term::kHighlightNote, "亮点", "highlight"},
    {Term::kIndicatorOrTask, "指标或任务", "indicator or task"},
    {Term::kRanking, "季讲评排名", "Ranking"},
    {Term::kRankProgress, "序时达标", "on path"},
    {Term::kRankReporting, "及时报送", "on time"},
    {Term::kRankTasks, "任务推进", "tasks"},
    {Term::kRankProblems, "问题销号", "closed"},
    {Term::kOverdueProblems, "逾期问题", "overdue"},
    {Term::kScore, "得分", "score"},
    {Term::kDone, "已完成", "done"},
    {Term::kOnTrack, "达序时", "on track"},
    {Term::kBehind, "欠序时", "behind"},
    {Term::kOffTrack, "严重滞后", "off track"},
    {Term::kBreached, "已突破", "breached"},
    {Term::kOverdue, "逾期", "overdue"},
    {Term::kMissing, "未报送", "missing"},
    {Term::kNotDue, "未到期", "not due"},
    {Term::kNotStarted, "未开始", "not started"},
    {Term::kInProgress, "推进中", "in progress"},
    {Term::kStageDone, "已完成", "done"},
    {Term::kStalled, "滞后", "stalled"},
    {Term::kYear, "年", "year"},
    {Term::kHalf, "半年", "half"},
    {Term::kQuarter, "季", "quarter"},
    {Term::kMonth, "月", "month"},
    {Term::kDekad, "旬", "dekad"},
};

constexpr bool words_in_term_order() {
  for (size_t i = 0; i < std::size(kWords); ++i)
    if (static_cast<size_t>(kWords[i].term) != i) return false;
  return static_cast<size_t>(Term::kDekad) + 1 == std::size(kWords);
}
static_assert(words_in_term_order(), "kWords has one row per Term, in Term order");

// The word of value `e` of an enum whose words are a run of Terms, in the
// enum's order, from `first`.
template <typename E>
Term nth(Term first, E e) {
  return static_cast<Term>(static_cast<size_t>(first) + static_cast<size_t>(e));
}
static_assert(static_cast<size_t>(Term::kNotDue) - static_cast<size_t>(Term::kDone) + 1 ==
              kStatusCount);
static_assert(static_cast<int>(Stage::kStalled) == 3 && static_cast<int>(Cadence::kDekad) == 4);

// The keys of the TOML files as a Chinese report names them.
constexpr std::pair<std::string_view, std::string_view> kKeysZh[] = {
    {"target", "目标"},
    {"unit", "计量单位"},
    {"direction", "方向"},
    {"kind", "类型"},
    {"due", "完成时限"},
    {"stages", "阶段节点"},
    {"lead", "牵头"},
    {"co", "配合"},
    {"schedule", "进度安排"},
    {"cadence", "报送频次"},
    {"basis", "统计口径"},
    {"baseline", "基数"},
    {"name", "名称"},
    {"action", "所属行动"},
    {"metric", "同口径指标"},
    {"source", "出处"},
    {"note", "备注"},
    {"name_en", "英文名"},
    {"number", "序号"},
    {"annex", "附件"},
    {"office", "专班办公室"},
    {"also", "兼报指标"},
    {"file", "文件"},
    {"full_name", "全称"},
    {"aliases", "别名"},
    {"id", "方案编号"},
    {"title", "标题"},
    {"document", "文号"},
    {"issued", "印发日期"},
    {"start", "起始日期"},
    {"end", "截止日期"},
    {"utc_offset", "时区"},
    {"timely_days", "报送时限（天）"},
    {"behind", "欠序时阈值"},
    {"evaluation.progress", "权重·序时进度达标率"},
    {"evaluation.reporting", "权重·按时报送率"},
    {"evaluation.tasks", "权重·任务推进率"},
    {"evaluation.problems", "权重·问题销号率"},
};

}  // namespace

std::string_view term(Term t, bool en) {
  const Word& w = kWords[static_cast<size_t>(t)];
  return en ? w.en : w.zh;
}

std::vector<std::string> headings(std::initializer_list<Term> terms, bool en) {
  std::vector<std::string> out;
  for (Term t : terms) out.emplace_back(term(t, en));
  return out;
}

std::string_view status_label(Status s, bool en) {
  return term(nth(Term::kDone, s), en);
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses) {
    if (s == status_name(st) || s == status_label(st, false)) return st;
  }
  return std::nullopt;
}

std::string_view stage_label(Stage s, bool en) {
  return term(nth(Term::kNotStarted, s), en);
}

std::string_view cadence_label(Cadence c, bool en) {
  return term(nth(Term::kYear, c), en);
}

std::string name_list(const std::vector<std::string>& names, bool en) {
  return fmt::format("{}", fmt::join(names, en ? ", " : "、"));
}

std::string key_label(std::string_view key, bool en) {
  if (!en) {
    for (const auto& [k, zh] : kKeysZh)
      if (k == key) return std::string(zh);
  }
  return std::string(key);
}

}  // namespace tally
