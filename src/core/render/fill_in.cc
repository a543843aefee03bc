#include "core/render/fill_in.h"

#include <fmt/format.h>

#include "core/base/json.h"
#include "core/render/figures.h"
#include "core/render/words.h"

namespace tally {

namespace {

// The headings, Chinese and English; the English ones of the columns that
// are read back are the import keys.
struct Heading {
  const char* zh;
  const char* en;
  CellKind kind;
  bool input;
};

constexpr Heading kHeadings[] = {
    {"指标编号", "indicator", CellKind::kText, false},
    {"指标", "name", CellKind::kText, false},
    {"计量单位", "unit", CellKind::kText, false},
    {"目标", "target", CellKind::kNumber, false},
    {"最近实绩", "last value", CellKind::kNumber, false},
    {"最近期别", "last period", CellKind::kText, false},
    {"应完成", "expected value", CellKind::kNumber, false},
    {"期别", "period", CellKind::kText, false},
    {"本期实绩/状态", "value", CellKind::kText, true},
    {"来源", "source", CellKind::kText, true},
    {"备注", "note", CellKind::kText, true},
    {"更正原因", "reason", CellKind::kText, true},
};
constexpr size_t kValueColumn = 8;

// A value as the bureau would write it back: a number, a stage word of the
// sheet's language (推进中, in-progress), or a percent (60%).
std::string sheet_value_cell(const ActualValue& v, bool en) {
  if (v.stage && !v.percent && !en) return std::string(stage_label(*v.stage, false));
  return value_text(v);
}

}  // namespace

const std::vector<std::string>& fill_in_informative_headings() {
  static const std::vector<std::string> kInformative = [] {
    std::vector<std::string> out;
    for (size_t c : {1, 2, 3, 4, 5, 6}) {
      out.emplace_back(kHeadings[c].zh);
      out.emplace_back(kHeadings[c].en);
    }
    return out;
  }();
  return kInformative;
}

Worksheet fill_in_sheet(const FillIn& f, bool en) {
  Worksheet s;
  s.name = term(Term::kFillIn, en);
  for (const Heading& h : kHeadings) {
    s.table.header.emplace_back(en ? h.en : h.zh);
    s.kinds.push_back(h.kind);
    s.input.push_back(h.input);
  }
  s.column_status.assign(s.table.header.size(), std::nullopt);
  s.frozen_columns = 2;
  std::vector<std::string> stages, states;
  for (Stage st : {Stage::kNotStarted, Stage::kInProgress, Stage::kDone})
    stages.emplace_back(en ? stage_name(st) : stage_label(st, false));
  for (Stage st : {Stage::kInProgress, Stage::kDone, Stage::kStalled})
    states.emplace_back(en ? stage_name(st) : stage_label(st, false));
  for (const FillInRow& row : f.rows) {
    const bool milestone = row.kind == Kind::kMilestone;
    std::string target = row.target ? row.target->str() : "";
    if ((milestone || row.task) && row.due) target = format_date(*row.due);
    std::string expected;
    if (row.expected_value) expected = format_number(*row.expected_value, 6);
    if (row.required_stage) {
      expected = en ? stage_name(*row.required_stage) : stage_label(*row.required_stage, false);
    }
    s.table.rows.push_back({row.indicator, row.name, row.unit, target,
                            row.last_value ? sheet_value_cell(*row.last_value, en) : "",
                            row.last_period ? row.last_period->str() : "", expected,
                            row.period.str(), "", "", "", ""});
    s.row_status.push_back(std::nullopt);
    if (milestone || row.task) {
      s.choices.push_back({s.table.rows.size() - 1, kValueColumn, row.task ? states : stages});
    }
  }
  return s;
}

Worksheet fill_in_instructions(const FillIn& f, bool en) {
  Worksheet s;
  s.name = term(Term::kInstructions, en);
  s.table.header.emplace_back(term(Term::kInstructions, en));
  s.kinds.push_back(CellKind::kText);
  s.column_status.assign(1, std::nullopt);
  std::vector<std::string> lines;
  if (en) {
    lines = {
        f.plan_title,
        fmt::format("Bureau: {} ({}) · period {} · due {}", f.bureau_name, f.bureau, f.period.str(),
                    format_date(f.due)),
        fmt::format("{} report(s) owed, one row each, as of {}.", f.rows.size(),
                    format_date(f.today)),
        "Fill the yellow cells: value and source (required), note and reason (optional).",
        "value: a number without its unit (see unit); a milestone: pick not-started,",
        "in-progress or done from the list, or a percent such as 60%.",
        "A task (重点任务): pick in-progress, done or stalled, and say how it went in note",
        "(required for tasks).",
        "reason: only when correcting a figure already reported for that period.",
        "The other columns are locked: do not change them, nor add or delete rows.",
        "A row left blank is not imported; the bureau can report it later.",
        "Save as .xlsx and return it; the office imports it with tally import.",
        "If any row is wrong, nothing is imported and every problem is named by row.",
    };
  } else {
    lines = {
        f.plan_title,
        fmt::format("填报单位：{}（{}） · 报告期 {} · 报送截止 {}", f.bureau_name, f.bureau,
                    f.period.str(), format_date(f.due)),
        fmt::format("截至 {} 应报 {} 项，每项一行。", format_date(f.today), f.rows.size()),
        "请填写黄色格：本期实绩/状态、来源（必填），备注、更正原因（选填）。",
        "本期实绩填数字，不带单位（单位见“计量单位”列）；",
        "里程碑类指标从下拉列表选 未开始、推进中 或 已完成，也可填百分比如 60%。",
        "重点任务从下拉列表选 推进中、已完成 或 滞后，并在备注中写明进展情况（必填）。",
        "更正原因：仅在更正该期已报数字时填写。",
        "其余各列已锁定，请勿改动，也不要增删行。",
        "某行留空即不导入，可以以后再报。",
        "填好后保存为 .xlsx 交回，由专班办公室用 tally import 导入。",
        "任何一行有误则整表不导入，并逐行说明原因。",
    };
  }
  for (auto& line : lines) {
    s.table.rows.push_back({std::move(line)});
    s.row_status.push_back(std::nullopt);
  }
  return s;
}

}  // namespace tally
