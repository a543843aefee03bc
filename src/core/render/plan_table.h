// `tally plan export`: a plan as the 分工方案 table `tally plan import`
// reads, one row per indicator and task, so a plan can go out to bureaus as
// a spreadsheet and come back.
#pragma once

#include <string>

#include "core/model/model.h"
#include "core/render/sheets.h"

namespace tally {

/// The table of `plan`'s indicators and tasks (of the action `action` only,
/// when not empty), in the order of the files: 序号, 行动, id, 目标任务,
/// 工作内容, 类型, 目标值, 单位, 方向, 牵头单位, 配合单位, 完成时限, 出处, 备注.
/// Bureaus are written by name; a milestone's 完成时限 is its due date (the
/// plan's end when it has none), a task's its due date if it has one.
/// Stages, schedules, cadences, baselines and metrics are not in the table.
Worksheet plan_sheet(const Plan& plan, const std::string& action);

}  // namespace tally
