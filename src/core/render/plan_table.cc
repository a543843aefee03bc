#include "core/render/plan_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace tally {

namespace {

std::string kind_word(Kind k) {
  switch (k) {
    case Kind::kCumulative:
      return "累计";
    case Kind::kLevel:
      return "存量";
    case Kind::kGrowth:
      return "增速";
    case Kind::kMilestone:
      return "里程碑";
  }
  return "";
}

std::string names(const Plan& plan, const std::vector<std::string>& ids) {
  return fmt::format("{}", fmt::join(plan.bureau_names(ids), "、"));
}

}  // namespace

Worksheet plan_sheet(const Plan& plan, const std::string& action) {
  Worksheet w;
  w.name = "分工方案";
  w.table.header = {"序号", "行动", "id",       "目标任务", "工作内容", "类型", "目标值",
                    "单位", "方向", "牵头单位", "配合单位", "完成时限", "出处", "备注"};
  w.kinds.assign(w.table.header.size(), CellKind::kText);
  w.kinds[6] = CellKind::kNumber;
  w.frozen_columns = 4;
  // Indicators and tasks in the order the files hold them.
  struct Item {
    size_t action;
    uint32_t line;
    const Indicator* ind;
    const Task* task;
  };
  std::vector<Item> items;
  for (const auto& ind : plan.indicators)
    items.push_back({ind.action, ind.loc.line, &ind, nullptr});
  for (const auto& t : plan.tasks) items.push_back({t.action, t.loc.line, nullptr, &t});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.action != b.action ? a.action < b.action : a.line < b.line;
  });
  size_t n = 0;
  for (const auto& it : items) {
    const Action& a = plan.actions[it.action];
    if (!action.empty() && a.id != action) continue;
    std::vector<std::string> row;
    row.push_back(std::to_string(++n));
    row.push_back(a.name);
    if (it.ind) {
      const Indicator& i = *it.ind;
      const bool milestone = i.kind == Kind::kMilestone;
      row.insert(row.end(), {i.id, i.name, "", kind_word(i.kind)});
      row.push_back(i.target ? i.target->str() : "");
      row.push_back(milestone ? "" : i.unit);
      row.push_back(milestone ? "" : i.direction == Direction::kUp ? "上升" : "下降");
      row.push_back(names(plan, i.lead));
      row.push_back(names(plan, i.co));
      row.push_back(milestone ? format_date(i.due.value_or(plan.header.end)) : "");
      row.push_back(i.source);
      row.push_back(i.note);
    } else {
      const Task& t = *it.task;
      row.insert(row.end(), {t.id, t.name, t.text, "任务", "", "", ""});
      row.push_back(names(plan, t.lead));
      row.push_back(names(plan, t.co));
      row.push_back(t.due ? format_date(*t.due) : "");
      row.push_back(t.source);
      row.push_back(t.note);
    }
    w.table.rows.push_back(std::move(row));
  }
  return w;
}

}  // namespace tally
