// What every report renderer takes besides the report (language, colour,
// grouping, format details) and the cells, tables and lines they share, so
// text, Markdown, CSV and HTML print the same figures under the same words
// (render/words.h). Formatting only: every figure is computed in
// compute/report.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check/isolate.h"
#include "core/compute/report.h"
#include "core/render/figures.h"
#include "core/render/table.h"
#include "core/render/words.h"

namespace tally {

/// How a report groups its indicators (`--by`).
enum class GroupBy { kAction, kBureau, kIndicator };

struct RenderOptions {
  bool en = false;     ///< English labels (`--lang en`); zh otherwise
  bool color = false;  ///< ANSI colours (text only; never for files or NO_COLOR)
  GroupBy by = GroupBy::kAction;
  bool bom = false;    ///< CSV: start with a UTF-8 byte-order mark
  size_t width = 120;  ///< text: the terminal width tables are fitted to
  /// The records left out because they break a rule: every format ends
  /// with a 数据问题 section naming them (render/data_problems.h).
  std::vector<ExcludedRecord> excluded;
};

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

/// A value as a report shows it: 1.8; a milestone's stage label, with its
/// percent when one was given (推进中 60%).
std::string value_cell(const ActualValue& v, bool en);

/// A target as the plan states it, with `unit`: 3.6亿元; 3%左右 (en "about
/// 3%"); 3–4%; 8%（力争8.5%） (en "8% (stretch 8.5%)"), with "，已达"
/// (", reached") when `reached`; +2个百分点 (en "+2 pp"); a rank 前10名 (en
/// "top 10"). `target` is the figure judged on, shown
/// when the form is a single figure.
std::string target_cell(const TargetForm& form, const Decimal& target, std::string_view unit,
                        bool en, bool reached = false);

/// A milestone's due date; one after `plan_end` (续建, continued after the
/// plan) says so: 2025-06-30（续建） (en "2025-06-30 (continued)").
std::string due_cell(Date due, Date plan_end, bool en);

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

/// The columns of a bulletin's full indicator tables: every lead and the
/// expected path; and the same without the lead, for a table of one bureau.
inline constexpr IndicatorColumns kAllColumns{IndicatorColumns::Lead::kAll, true};
inline constexpr IndicatorColumns kNoLead{IndicatorColumns::Lead::kNone, true};

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

/// The bulletin's number (期数): "第6期" ("No. 6"); "" when it has none.
std::string number_text(const Report& r, bool en);

/// The 落款 at the end of a bulletin: the issuing unit, then the report's
/// date in Chinese ("2024年7月25日"; in English as 2024-07-25); none when
/// the plan names no issuer.
std::vector<std::string> signature_lines(const Report& r, bool en);

/// The records made since the last brief: indicator, period, value, by, when.
Table changed_records_table(const Changes& c, bool en);

/// The reports newly overdue since the last brief.
Table newly_overdue_table(const Changes& c, bool en);

/// The 工作月报's 重点任务 in one line: "共 121 项 · 推进中 80 · 已完成 10 ·
/// 滞后 5 · 未报送 26" (未报送: no report for any period yet).
std::string task_counts_line(const TaskSection& s, bool en);

/// Tasks as the bulletin lists them: task, lead, state, last reported
/// period, its note, task id.
Table bulletin_tasks_table(const std::vector<BulletinTask>& tasks, bool en);

/// 突出问题 in one line: opened and closed this period, open (overdue).
std::string problem_counts_line(const ProblemSection& s, bool en);

/// Problems as the bulletin lists them: id, bureau, problem, due, state,
/// closed on.
Table bulletin_problems_table(const std::vector<ProblemRow>& rows, bool en);

/// Bureaus with open problems: bureau, open, overdue.
Table problems_by_bureau_table(const ProblemSection& s, bool en);

/// 特色亮点: bureau, indicator or task, period, the note.
Table highlights_table(const std::vector<Highlight>& highlights, bool en);

}  // namespace tally
