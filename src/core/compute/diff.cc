#include "core/compute/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/base/json.h"

namespace tally {

namespace {

std::string join(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string date_text(const std::optional<Date>& d) {
  return d ? format_date(*d) : "";
}

// The target as the plan document states it: "3.6亿元", "10%", "0".
std::string target_text(const Indicator& ind) {
  return ind.target ? ind.target->str() + ind.unit : "";
}

// The path as text: its kind and figures, and the profile it comes from,
// so an edit of a profile shows on every indicator that follows it.
std::string schedule_text(const Schedule& s) {
  std::string path;
  switch (s.type) {
    case Schedule::Type::kEven:
      path = "even";
      break;
    case Schedule::Type::kEnd:
      path = "end";
      break;
    case Schedule::Type::kStep:
      path = "step " + format_date(s.step);
      break;
    case Schedule::Type::kShares: {
      std::vector<std::string> shares;
      for (double v : s.shares) shares.push_back(format_number(v, 6));
      path = "[" + join(shares) + "]";
      break;
    }
  }
  return s.profile.empty() ? path : s.profile + " = " + path;
}

std::string stages_text(const std::vector<StagePoint>& stages) {
  std::vector<std::string> parts;
  for (const auto& s : stages)
    parts.push_back(format_date(s.date) + " " + std::string(stage_name(s.stage)));
  return join(parts);
}

std::string baseline_text(const std::optional<Baseline>& b) {
  return b ? fmt::format("{} ({})", b->value.str(), b->year) : "";
}

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return items;
}

// Appends a field change when the two texts differ.
void compare(std::vector<FieldChange>& out, std::string_view field, std::string before,
             std::string after) {
  if (before != after) out.push_back({std::string(field), std::move(before), std::move(after)});
}

// A list whose order carries no meaning (co-bureaus, aliases, also):
// reordering it is not a change.
void compare_set(std::vector<FieldChange>& out, std::string_view field,
                 const std::vector<std::string>& before, const std::vector<std::string>& after) {
  if (sorted(before) != sorted(after)) compare(out, field, join(before), join(after));
}

// An optional key whose absence means the plan's default: leaving it unset
// on both sides is no change even when the default itself changed (that
// shows once, under plan.toml).
template <typename T, typename Text>
void compare_defaulted(std::vector<FieldChange>& out, std::string_view field,
                       const std::optional<T>& before, const std::optional<T>& after,
                       const T& before_default, const T& after_default, Text text) {
  if (!before && !after) return;
  compare(out, field, text(before.value_or(before_default)), text(after.value_or(after_default)));
}

// The old target expressed in the new target's unit, when they convert.
std::optional<Decimal> in_unit(const Indicator& ind, const std::string& unit) {
  if (!ind.target) return std::nullopt;
  if (ind.unit == unit) return ind.target;
  return convert_value(ind.target->str() + ind.unit, unit, nullptr);
}

std::optional<TargetChange> target_change(const Plan& before_plan, const Indicator& before,
                                          const Plan& after_plan, const Indicator& after) {
  TargetChange t;
  bool milestones = before.kind == Kind::kMilestone && after.kind == Kind::kMilestone;
  if (milestones) {
    Date b = before.due.value_or(before_plan.header.end);
    Date a = after.due.value_or(after_plan.header.end);
    if (b == a) return std::nullopt;
    t.field = "due";
    t.before = format_date(b);
    t.after = format_date(a);
    t.days = days_between(b, a);
  } else {
    t.field = "target";
    t.before = target_text(before);
    t.after = target_text(after);
    if (t.before == t.after) return std::nullopt;
    auto converted = in_unit(before, after.unit);
    // 36000万元 rewritten as 3.6亿元 states the same target.
    if (converted && after.target && *converted == *after.target) return std::nullopt;
    t.target_before = before.target;
    t.target_after = after.target;
    t.unit_before = before.unit;
    t.unit_after = after.unit;
    bool rates = before.kind == Kind::kGrowth || after.kind == Kind::kGrowth;
    if (converted && after.target && !converted->is_zero() && !rates) {
      double old_value = converted->to_double();
      t.percent = (after.target->to_double() - old_value) / std::fabs(old_value) * 100.0;
    }
  }
  return t;
}

void compare_indicators(const Plan& bp, const Indicator& b, const Plan& ap, const Indicator& a,
                        std::vector<FieldChange>& out) {
  compare(out, "target", target_text(b), target_text(a));
  compare(out, "unit", b.unit, a.unit);
  compare(out, "direction", std::string(direction_name(b.direction)),
          std::string(direction_name(a.direction)));
  compare(out, "kind", std::string(kind_name(b.kind)), std::string(kind_name(a.kind)));
  if (b.kind == Kind::kMilestone || a.kind == Kind::kMilestone) {
    compare(out, "due", format_date(b.due.value_or(bp.header.end)),
            format_date(a.due.value_or(ap.header.end)));
  } else {
    compare(out, "due", date_text(b.due), date_text(a.due));
  }
  compare(out, "stages", stages_text(b.stages), stages_text(a.stages));
  compare(out, "lead", join(b.lead), join(a.lead));  // order matters: the first leads
  compare_set(out, "co", b.co, a.co);
  compare(out, "schedule", schedule_text(b.schedule), schedule_text(a.schedule));
  compare_defaulted(out, "cadence", b.cadence, a.cadence, bp.header.cadence, ap.header.cadence,
                    [](Cadence c) { return std::string(cadence_name(c)); });
  if (b.kind == Kind::kCumulative || a.kind == Kind::kCumulative) {
    compare(out, "basis", std::string(basis_name(b.basis)), std::string(basis_name(a.basis)));
  }
  compare(out, "baseline", baseline_text(b.baseline), baseline_text(a.baseline));
  compare(out, "name", b.name, a.name);
  std::string b_action = b.action < bp.actions.size() ? bp.actions[b.action].id : "";
  std::string a_action = a.action < ap.actions.size() ? ap.actions[a.action].id : "";
  compare(out, "action", b_action, a_action);
  compare(out, "metric", b.metric, a.metric);
  compare(out, "source", b.source, a.source);
  compare(out, "note", b.note, a.note);
}

void describe_indicator(const Plan& p, const Indicator& ind, ChangeKind change, ItemChange& c) {
  c.name = ind.name;
  if (ind.action < p.actions.size()) {
    c.action = p.actions[ind.action].id;
    c.action_name = p.actions[ind.action].name;
  }
  bool added = change == ChangeKind::kAdded;
  auto side = [&](std::string text) {
    return added ? FieldChange{"", "", std::move(text)} : FieldChange{"", std::move(text), ""};
  };
  FieldChange target = ind.kind == Kind::kMilestone
                           ? side(format_date(ind.due.value_or(p.header.end)))
                           : side(target_text(ind));
  target.field = ind.kind == Kind::kMilestone ? "due" : "target";
  FieldChange lead = side(join(ind.lead));
  lead.field = "lead";
  c.fields = {target, lead};
}

void compare_actions(const Action& b, const Action& a, std::vector<FieldChange>& out) {
  compare(out, "name", b.name, a.name);
  compare(out, "name_en", b.name_en, a.name_en);
  compare(out, "number", std::to_string(b.number), std::to_string(a.number));
  compare(out, "annex", b.annex, a.annex);
  compare(out, "lead", join(b.lead), join(a.lead));
  compare(out, "office", b.office, a.office);
  compare_set(out, "also", b.also, a.also);
  compare(out, "file", b.file, a.file);
}

void compare_bureaus(const Bureau& b, const Bureau& a, std::vector<FieldChange>& out) {
  compare(out, "name", b.name, a.name);
  compare(out, "full_name", b.full_name, a.full_name);
  compare_set(out, "aliases", b.aliases, a.aliases);
  compare(out, "kind", b.kind, a.kind);
}

std::vector<FieldChange> compare_headers(const PlanHeader& b, const PlanHeader& a) {
  std::vector<FieldChange> out;
  compare(out, "id", b.id, a.id);
  compare(out, "title", b.title, a.title);
  compare(out, "document", b.document, a.document);
  compare(out, "issued", date_text(b.issued), date_text(a.issued));
  compare(out, "start", format_date(b.start), format_date(a.start));
  compare(out, "end", format_date(b.end), format_date(a.end));
  compare(out, "utc_offset", b.utc_offset, a.utc_offset);
  compare(out, "cadence", std::string(cadence_name(b.cadence)),
          std::string(cadence_name(a.cadence)));
  compare(out, "timely_days", std::to_string(b.timely_days), std::to_string(a.timely_days));
  compare(out, "behind", format_number(b.behind, 6), format_number(a.behind, 6));
  // The weights of `tally rank`: a change re-ranks every bureau.
  auto weights = [&](std::string key, double Evaluation::*w) {
    compare(out, key, format_number(b.evaluation.*w, 6), format_number(a.evaluation.*w, 6));
  };
  weights("evaluation.progress", &Evaluation::progress);
  weights("evaluation.reporting", &Evaluation::reporting);
  weights("evaluation.tasks", &Evaluation::tasks);
  weights("evaluation.problems", &Evaluation::problems);
  return out;
}

template <typename T>
std::unordered_map<std::string_view, const T*> index_by_id(const std::vector<T>& items) {
  std::unordered_map<std::string_view, const T*> ids;
  for (const auto& item : items) ids.emplace(item.id, &item);  // the first of an id wins
  return ids;
}

// Matches two lists by id: removed items in the old order, then added ones
// and changed ones, each in the new order. `fields` compares a matched pair;
// `describe` names an item and lists what an added or removed one carries.
template <typename T, typename Fields, typename Describe>
std::vector<ItemChange> diff_items(const std::vector<T>& before, const std::vector<T>& after,
                                   Fields fields, Describe describe) {
  auto before_ids = index_by_id(before);
  auto after_ids = index_by_id(after);
  std::vector<ItemChange> out, changed;
  for (const auto& b : before) {
    if (after_ids.count(b.id) || before_ids.at(b.id) != &b) continue;
    ItemChange c;
    c.change = ChangeKind::kRemoved;
    c.id = b.id;
    describe(b, false, c);
    out.push_back(std::move(c));
  }
  for (const auto& a : after) {
    if (after_ids.at(a.id) != &a) continue;
    auto it = before_ids.find(a.id);
    ItemChange c;
    c.change = it == before_ids.end() ? ChangeKind::kAdded : ChangeKind::kChanged;
    c.id = a.id;
    describe(a, true, c);
    if (c.change == ChangeKind::kChanged) {
      c.fields.clear();
      fields(*it->second, a, c.fields);
      if (!c.fields.empty()) changed.push_back(std::move(c));
      continue;
    }
    out.push_back(std::move(c));
  }
  out.insert(out.end(), std::make_move_iterator(changed.begin()),
             std::make_move_iterator(changed.end()));
  return out;
}

}  // namespace

std::string_view change_kind_name(ChangeKind c) {
  switch (c) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kChanged:
      return "changed";
  }
  return "";
}

size_t count_changes(const std::vector<ItemChange>& items, ChangeKind c) {
  return static_cast<size_t>(std::count_if(items.begin(), items.end(),
                                           [c](const ItemChange& i) { return i.change == c; }));
}

namespace {

// What a change of unit does to the figures on record.
std::optional<UnitChange> unit_change(const Indicator& before, const Indicator& after) {
  if (before.unit == after.unit || before.kind == Kind::kMilestone ||
      after.kind == Kind::kMilestone) {
    return std::nullopt;
  }
  UnitChange u;
  u.before = before.unit;
  u.after = after.unit;
  const Unit b = parse_unit(before.unit), a = parse_unit(after.unit);
  if (!b.base.empty() && b.base == a.base) {
    if (auto one = Decimal{1, 0}.shifted(b.exponent - a.exponent)) {
      u.converts = true;
      u.factor = one->str();
    }
  }
  return u;
}

}  // namespace

PlanDiff diff_plans(const Plan& before, const Plan& after) {
  PlanDiff d;
  d.plan = compare_headers(before.header, after.header);
  d.indicators = diff_items(
      before.indicators, after.indicators,
      [&](const Indicator& b, const Indicator& a, std::vector<FieldChange>& out) {
        compare_indicators(before, b, after, a, out);
      },
      [&](const Indicator& ind, bool new_side, ItemChange& c) {
        describe_indicator(new_side ? after : before, ind, c.change, c);
      });
  auto before_ids = index_by_id(before.indicators);
  for (auto& c : d.indicators) {
    if (c.change != ChangeKind::kChanged) continue;
    const Indicator* a = after.find_indicator(c.id);
    if (auto t = target_change(before, *before_ids.at(c.id), after, *a)) {
      for (auto& f : c.fields) f.is_target = f.is_target || f.field == t->field;
      t->indicator = c.id;
      t->name = c.name;
      t->action = c.action;
      t->action_name = c.action_name;
      d.targets.push_back(std::move(*t));
    }
    if (auto u = unit_change(*before_ids.at(c.id), *a)) {
      u->indicator = c.id;
      u->name = c.name;
      u->action = c.action;
      u->action_name = c.action_name;
      d.units.push_back(std::move(*u));
    }
  }
  d.actions = diff_items(before.actions, after.actions, compare_actions,
                         [](const Action& a, bool, ItemChange& c) { c.name = a.name; });
  d.bureaus = diff_items(before.bureaus, after.bureaus, compare_bureaus,
                         [](const Bureau& b, bool, ItemChange& c) { c.name = b.name; });
  return d;
}

}  // namespace tally
