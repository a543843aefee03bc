#include "core/render/diff.h"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "core/base/json.h"
#include "core/render/table.h"
#include "core/render/words.h"

namespace tally {

namespace {

// The language of the labels, and how a target change is marked: in red in
// a colour terminal, in bold in Markdown.
struct Labels {
  bool en;
  enum class Mark { kPlain, kAnsi, kMarkdown } mark = Mark::kPlain;

  std::string_view operator()(Term t) const { return term(t, en); }
  std::string alert(const std::string& text) const {
    if (text.empty() || mark == Mark::kPlain) return text;
    return mark == Mark::kAnsi ? "\x1b[1;31m" + text + "\x1b[0m" : "**" + text + "**";
  }
};

std::string shown(const std::string& value, bool en) {
  return value.empty() ? std::string(term(Term::kUnset, en)) : value;
}

std::string side_label(const DiffSide& s, bool en) {
  if (s.rev.empty()) return std::string(term(Term::kWorkingTree, en));
  return fmt::format("{} ({})", s.rev, s.commit.substr(0, 7));
}

std::string change_label(ChangeKind c, Labels L) {
  switch (c) {
    case ChangeKind::kAdded:
      return std::string(L(Term::kAdded));
    case ChangeKind::kRemoved:
      return std::string(L(Term::kRemoved));
    case ChangeKind::kChanged:
      return std::string(L(Term::kChanged));
  }
  return "";
}

// "+11.1%", "-30%"; a milestone moved: "+30天" / "+30 days".
std::string movement(const TargetChange& t, Labels L) {
  if (t.percent) {
    std::string n = format_number(*t.percent, 1);
    return (*t.percent > 0 ? "+" : "") + n + "%";
  }
  if (t.days) {
    return fmt::format("{}{}{}", *t.days > 0 ? "+" : "", *t.days, L.en ? " days" : "天");
  }
  return "";
}

std::string heading_line(const DiffHeading& h) {
  return fmt::format("{}{}{} → {}", h.plan_dir.empty() ? "." : h.plan_dir, h.en ? ": " : "：",
                     side_label(h.before, h.en), side_label(h.after, h.en));
}

// "调标 1 项；指标 新增 1、修改 2；单位 新增 1" — only what is there.
std::string summary_line(const PlanDiff& d, Labels L) {
  if (d.empty()) return std::string(L(Term::kNoChanges));
  std::vector<std::string> parts;
  if (!d.targets.empty()) {
    parts.push_back(
        L.en ? fmt::format("{} target change{}", d.targets.size(), d.targets.size() == 1 ? "" : "s")
             : fmt::format("调标 {} 项", d.targets.size()));
  }
  if (!d.units.empty()) {
    parts.push_back(
        L.en ? fmt::format("{} unit change{}", d.units.size(), d.units.size() == 1 ? "" : "s")
             : fmt::format("计量单位变更 {} 项", d.units.size()));
  }
  if (!d.plan.empty()) {
    parts.push_back(L.en ? fmt::format("plan.toml: {} field{} changed", d.plan.size(),
                                       d.plan.size() == 1 ? "" : "s")
                         : fmt::format("方案 修改 {} 项", d.plan.size()));
  }
  auto items = [&](const std::vector<ItemChange>& list, Term what) {
    std::vector<std::string> counts;
    for (ChangeKind c : {ChangeKind::kAdded, ChangeKind::kRemoved, ChangeKind::kChanged}) {
      size_t n = count_changes(list, c);
      if (n == 0) continue;
      counts.push_back(L.en ? fmt::format("{} {}", n, change_label(c, L))
                            : fmt::format("{} {}", change_label(c, L), n));
    }
    if (counts.empty()) return;
    parts.push_back(L.en ? fmt::format("{}: {}", L(what), fmt::join(counts, ", "))
                         : fmt::format("{} {}", L(what), fmt::join(counts, "、")));
  };
  items(d.indicators, Term::kIndicators);
  items(d.actions, Term::kActions);
  items(d.bureaus, Term::kBureaus);
  return fmt::format("{}", fmt::join(parts, L.en ? "; " : "；"));
}

/// One titled table of the output.
struct Section {
  std::string title;
  bool alert = false;  // the 调标 section
  Table table;

  /// Marks cell `col` of the last row as a target change: bold in
  /// Markdown, red through the table's styles in a colour terminal (a
  /// cell's text is data and never carries an escape of its own).
  void alert_cell(size_t col, Labels L) {
    std::string& cell = table.rows.back()[col];
    if (cell.empty() || L.mark == Labels::Mark::kPlain) return;
    if (L.mark == Labels::Mark::kMarkdown) {
      cell = "**" + cell + "**";
    } else {
      table.style(table.rows.size() - 1, col, "\x1b[1;31m");
    }
  }
};

Section targets_section(const PlanDiff& d, Labels L) {
  Section s{L.en ? fmt::format("!! TARGET CHANGES (调标): {}", d.targets.size())
                 : fmt::format("!! 调标（目标变更）{} 项", d.targets.size()),
            true,
            {}};
  for (Term t : {Term::kIndicator, Term::kName, Term::kAction, Term::kTargetBefore,
                 Term::kTargetAfter, Term::kMovement})
    s.table.header.emplace_back(L(t));
  s.table.right = {false, false, false, true, true, true};
  for (const auto& t : d.targets) {
    s.table.rows.push_back({t.indicator, t.name, t.action_name.empty() ? t.action : t.action_name,
                            shown(t.before, L.en), shown(t.after, L.en), movement(t, L)});
    s.alert_cell(4, L);
  }
  return s;
}

// What a unit change does to the records: "带 unit 的记录按 1万吨 = 10000吨
// 换算；无 unit 的记录按 吨 读取".
std::string unit_effect(const UnitChange& u, Labels L) {
  const std::string before = shown(u.before, L.en), after = shown(u.after, L.en);
  if (u.converts) {
    return L.en ? fmt::format(
                      "records with a unit are converted (1{} = {}{}); records without one are "
                      "read in {} as they stand",
                      before, u.factor, after, after)
                : fmt::format("带 unit 的记录按 1{} = {}{} 换算；无 unit 的记录按 {} 原样读取",
                              before, u.factor, after, after);
  }
  return L.en ? fmt::format(
                    "records in {} no longer convert and are not read (unit-mismatch); records "
                    "without a unit are read in {} as they stand",
                    before, after)
              : fmt::format(
                    "以 {} 记录的数据无法换算，不再读取（unit-mismatch）；无 unit 的记录按 {} "
                    "原样读取",
                    before, after);
}

Section units_section(const PlanDiff& d, Labels L) {
  Section s{L.en ? fmt::format("!! UNIT CHANGES: {}", d.units.size())
                 : fmt::format("!! 计量单位变更 {} 项", d.units.size()),
            true,
            {}};
  for (Term t :
       {Term::kIndicator, Term::kName, Term::kAction, Term::kBefore, Term::kAfter, Term::kRecords})
    s.table.header.emplace_back(L(t));
  for (const auto& u : d.units) {
    s.table.rows.push_back({u.indicator, u.name, u.action_name.empty() ? u.action : u.action_name,
                            shown(u.before, L.en), L.alert(shown(u.after, L.en)),
                            unit_effect(u, L)});
  }
  return s;
}

Section plan_section(const PlanDiff& d, Labels L) {
  Section s{std::string(L(Term::kPlanFile)), false, {}};
  for (Term t : {Term::kField, Term::kBefore, Term::kAfter}) s.table.header.emplace_back(L(t));
  for (const auto& f : d.plan) {
    s.table.rows.push_back({key_label(f.field, L.en), shown(f.before, L.en), shown(f.after, L.en)});
  }
  return s;
}

// Indicators, actions or bureaus: one row per field, the item named on its
// first row only. A target field is marked 调标 in the change column.
Section items_section(const std::vector<ItemChange>& items, Term title, Labels L,
                      bool with_action) {
  Section s{std::string(L(title)), false, {}};
  std::vector<Term> columns = {Term::kChange, Term::kId, Term::kName};
  if (with_action) columns.push_back(Term::kAction);
  columns.insert(columns.end(), {Term::kField, Term::kBefore, Term::kAfter});
  for (Term t : columns) s.table.header.emplace_back(L(t));
  for (const auto& item : items) {
    bool first = true;
    auto row = [&](const FieldChange* f) {
      std::string change = first ? change_label(item.change, L) : "";
      const bool target = f && f->is_target;
      if (target) change = L(Term::kTargetChange);
      std::vector<std::string> cells = {change, first ? item.id : "", first ? item.name : ""};
      if (with_action) cells.push_back(first ? item.action_name : "");
      cells.push_back(f ? key_label(f->field, L.en) : "");
      bool changed = item.change == ChangeKind::kChanged;
      cells.push_back(f && (changed || item.change == ChangeKind::kRemoved) ? shown(f->before, L.en)
                                                                            : "");
      cells.push_back(f && (changed || item.change == ChangeKind::kAdded) ? shown(f->after, L.en)
                                                                          : "");
      s.table.rows.push_back(std::move(cells));
      if (target) s.alert_cell(0, L);
      first = false;
    };
    if (item.fields.empty()) row(nullptr);
    for (const auto& f : item.fields) row(&f);
  }
  return s;
}

std::vector<Section> sections(const PlanDiff& d, Labels L) {
  std::vector<Section> out;
  if (!d.targets.empty()) out.push_back(targets_section(d, L));
  if (!d.units.empty()) out.push_back(units_section(d, L));
  if (!d.plan.empty()) out.push_back(plan_section(d, L));
  if (!d.indicators.empty()) out.push_back(items_section(d.indicators, Term::kIndicators, L, true));
  if (!d.actions.empty()) out.push_back(items_section(d.actions, Term::kActions, L, false));
  if (!d.bureaus.empty()) out.push_back(items_section(d.bureaus, Term::kBureaus, L, false));
  return out;
}

void field_json(JsonWriter& w, const FieldChange& f) {
  w.begin_object().field("field", f.field);
  w.field("before", f.before).field("after", f.after).field("target_change", f.is_target);
  w.end_object();
}

void items_json(JsonWriter& w, std::string_view key, const std::vector<ItemChange>& items,
                bool with_action) {
  w.key(key).begin_array();
  for (const auto& item : items) {
    w.begin_object().field("change", change_kind_name(item.change)).field("id", item.id);
    w.field("name", item.name);
    if (with_action) w.field("action", item.action).field("action_name", item.action_name);
    w.key("fields").begin_array();
    for (const auto& f : item.fields) field_json(w, f);
    w.end_array().end_object();
  }
  w.end_array();
}

void side_json(JsonWriter& w, std::string_view key, const DiffSide& s) {
  w.key(key).begin_object().field("working_tree", s.rev.empty());
  if (s.rev.empty()) {
    w.key("rev").null().key("commit").null();
  } else {
    w.field("rev", s.rev).field("commit", s.commit);
  }
  w.end_object();
}

}  // namespace

std::string render_diff_text(const PlanDiff& diff, const DiffHeading& heading) {
  Labels L{heading.en, heading.color ? Labels::Mark::kAnsi : Labels::Mark::kPlain};
  std::string out = heading_line(heading) + "\n" + summary_line(diff, L) + "\n";
  for (const auto& s : sections(diff, L)) {
    out += fmt::format("\n{}\n", s.alert ? L.alert(s.title) : s.title);
    // Ids are never cut: in a narrow terminal the action and then the name
    // give way (the id names the item), said under the table.
    out += render_fitted_table(s.table, heading.width,
                               headings({Term::kAction, Term::kName}, heading.en), heading.en);
  }
  return out;
}

std::string render_diff_markdown(const PlanDiff& diff, const DiffHeading& heading) {
  Labels L{heading.en, Labels::Mark::kMarkdown};
  std::string out = fmt::format("# {} {}\n\n{}\n", L(Term::kPlanChanges), heading_line(heading),
                                summary_line(diff, L));
  for (const auto& s : sections(diff, L)) {
    out += fmt::format("\n## {}\n\n", s.title);
    out += render_markdown_table(s.table);
  }
  return out;
}

std::string render_diff_json(const PlanDiff& diff, const DiffHeading& heading) {
  JsonWriter w;
  w.begin_object().field("plan", heading.plan_dir);
  side_json(w, "before", heading.before);
  side_json(w, "after", heading.after);
  w.key("summary").begin_object().field("targets", diff.targets.size());
  w.field("units", diff.units.size());
  w.field("plan_fields", diff.plan.size());
  for (auto [key, items] :
       {std::pair{"indicators", &diff.indicators}, std::pair{"actions", &diff.actions},
        std::pair{"bureaus", &diff.bureaus}}) {
    w.key(key).begin_object();
    for (ChangeKind c : {ChangeKind::kAdded, ChangeKind::kRemoved, ChangeKind::kChanged})
      w.field(change_kind_name(c), count_changes(*items, c));
    w.end_object();
  }
  w.end_object();
  w.key("targets").begin_array();
  for (const auto& t : diff.targets) {
    w.begin_object().field("indicator", t.indicator).field("name", t.name);
    w.field("action", t.action).field("action_name", t.action_name).field("field", t.field);
    w.field("before", t.before).field("after", t.after);
    if (t.field == "target") {
      w.field("target_before", t.target_before).field("unit_before", t.unit_before);
      w.field("target_after", t.target_after).field("unit_after", t.unit_after);
      w.key("percent");
      if (t.percent) {
        w.number(*t.percent, 2);
      } else {
        w.null();
      }
    } else {
      w.field("days", t.days);
    }
    w.end_object();
  }
  w.end_array();
  w.key("units").begin_array();
  for (const auto& u : diff.units) {
    w.begin_object().field("indicator", u.indicator).field("name", u.name);
    w.field("action", u.action).field("action_name", u.action_name);
    w.field("before", u.before).field("after", u.after).field("converts", u.converts);
    w.key("factor");
    if (u.converts) {
      w.value(u.factor);
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  w.key("plan_fields").begin_array();
  for (const auto& f : diff.plan) field_json(w, f);
  w.end_array();
  items_json(w, "indicators", diff.indicators, true);
  items_json(w, "actions", diff.actions, false);
  items_json(w, "bureaus", diff.bureaus, false);
  w.end_object();
  return w.str();
}

}  // namespace tally
