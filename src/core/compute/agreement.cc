#include "core/compute/agreement.h"

#include <fmt/format.h>

#include <algorithm>

namespace tally {

namespace {

std::string names(const Plan& plan, const std::vector<std::string>& ids, bool as_set) {
  auto n = plan.bureau_names(ids);
  if (as_set) std::sort(n.begin(), n.end());
  return fmt::format("{}", fmt::join(n, "、"));
}

std::string agreed_target_text(const Indicator& i) {
  return i.target ? i.target->str() : "";
}

std::string due_text(const Plan& plan, const Indicator& i) {
  if (i.kind != Kind::kMilestone) return "";
  return format_date(i.due.value_or(plan.header.end));
}

}  // namespace

Agreement compare_targets(const Plan& before, const Plan& after, const std::string& action) {
  Agreement out;
  auto in_scope = [&](size_t a) { return action.empty() || before.actions[a].id == action; };
  auto field = [&](const std::string& id, const std::string& name, const char* key,
                   const std::string& b, const std::string& a) {
    if (b != a) out.differences.push_back({id, name, key, b, a});
  };
  for (const auto& b : before.indicators) {
    if (!in_scope(b.action)) continue;
    const Indicator* a = after.find_indicator(b.id);
    if (!a) {
      out.only_before.push_back({b.id, b.name});
      continue;
    }
    ++out.indicators;
    const bool measured = b.kind != Kind::kMilestone || a->kind != Kind::kMilestone;
    field(b.id, b.name, "kind", std::string(kind_name(b.kind)), std::string(kind_name(a->kind)));
    if (measured) {
      // 3.60 and 3.6 are one target: compared as numbers, shown as written.
      if (!(b.target && a->target && *b.target == *a->target))
        field(b.id, b.name, "target", agreed_target_text(b), agreed_target_text(*a));
      field(b.id, b.name, "unit", b.unit, a->unit);
      field(b.id, b.name, "direction", std::string(direction_name(b.direction)),
            std::string(direction_name(a->direction)));
    }
    field(b.id, b.name, "lead", names(before, b.lead, false), names(after, a->lead, false));
    field(b.id, b.name, "co", names(before, b.co, true), names(after, a->co, true));
    field(b.id, b.name, "due", due_text(before, b), due_text(after, *a));
  }
  for (const auto& b : before.tasks) {
    if (!in_scope(b.action)) continue;
    const Task* a = after.find_task(b.id);
    if (!a) {
      out.only_before.push_back({b.id, b.name});
      continue;
    }
    ++out.tasks;
    field(b.id, b.name, "lead", names(before, b.lead, false), names(after, a->lead, false));
    field(b.id, b.name, "co", names(before, b.co, true), names(after, a->co, true));
    field(b.id, b.name, "due", b.due ? format_date(*b.due) : "",
          a->due ? format_date(*a->due) : "");
  }
  auto known = [&](const std::string& id) {
    const Indicator* i = before.find_indicator(id);
    const Task* t = before.find_task(id);
    return (i && in_scope(i->action)) || (t && in_scope(t->action));
  };
  for (const auto& a : after.indicators)
    if (!known(a.id)) out.only_after.push_back({a.id, a.name});
  for (const auto& a : after.tasks)
    if (!known(a.id)) out.only_after.push_back({a.id, a.name});
  return out;
}

}  // namespace tally
