#include "core/render/list.h"

#include <fmt/format.h>

#include "core/base/json.h"
#include "core/render/json.h"
#include "core/render/report_tables.h"
#include "core/render/words.h"

namespace tally {

namespace {

// Bureau ids as the short names a reader knows (市发改局), joined with 、.
std::string bureau_names(const Plan& plan, const std::vector<std::string>& ids) {
  return fmt::format("{}", fmt::join(plan.bureau_names(ids), "、"));
}

std::string target_text(const Plan& p, const Indicator& ind, bool en) {
  if (ind.kind == Kind::kMilestone) return ind.due ? due_cell(*ind.due, p.header.end, en) : "";
  return ind.target ? target_cell(ind.form, *ind.target, "", en) : "";
}

// How many indicators each action reports: its own plus `also`.
size_t reported_count(const Plan& plan, size_t action) {
  size_t n = plan.actions[action].also.size();
  for (const auto& ind : plan.indicators) n += ind.action == action ? 1 : 0;
  return n;
}

Table actions_table(const Plan& p, bool en) {
  Table t;
  t.header = headings({Term::kNumber, Term::kId, Term::kAction, Term::kLeadBureau, Term::kOffice,
                       Term::kCount, Term::kAnnex},
                      en);
  t.right = {true, false, false, false, false, true, false};
  for (size_t i = 0; i < p.actions.size(); ++i) {
    const Action& a = p.actions[i];
    t.rows.push_back({std::to_string(a.number), a.id, en && !a.name_en.empty() ? a.name_en : a.name,
                      bureau_names(p, a.lead), bureau_names(p, {a.office}),
                      std::to_string(reported_count(p, i)), a.annex});
  }
  return t;
}

Table bureaus_table(const Plan& p, bool en) {
  Table t;
  t.header = headings({Term::kId, Term::kShortName, Term::kFullName, Term::kBureauKind,
                       Term::kLeads, Term::kAliases},
                      en);
  t.right = {false, false, false, false, true, false};
  for (const auto& b : p.bureaus) {
    size_t leads = 0;
    for (const auto& ind : p.indicators)
      for (const auto& l : ind.lead) leads += l == b.id ? 1 : 0;
    t.rows.push_back({b.id, b.name, b.full_name, b.kind, std::to_string(leads),
                      fmt::format("{}", fmt::join(b.aliases, "、"))});
  }
  return t;
}

Table indicators_table(const Plan& p, bool en, bool full) {
  Table t;
  t.header = headings({Term::kId, Term::kIndicator, Term::kKind, Term::kTarget, Term::kUnitInList,
                       Term::kDirection, Term::kLead},
                      en);
  if (full) {
    t.header.emplace_back(term(Term::kCo, en));
    t.header.emplace_back(term(Term::kCited, en));
  }
  t.right = {false, false, false, true};
  for (const auto& ind : p.indicators) {
    std::vector<std::string> row = {
        ind.id,
        ind.name,
        std::string(ind.form.rank ? "rank" : kind_name(ind.kind)),
        target_text(p, ind, en),
        ind.unit,
        std::string(direction_name(ind.direction)),
        full ? fmt::format("{}", fmt::join(ind.lead, ",")) : bureau_names(p, ind.lead)};
    if (full) {
      row.push_back(fmt::format("{}", fmt::join(ind.co, ",")));
      row.push_back(ind.source);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table tasks_table(const Plan& p, bool en, bool full) {
  Table t;
  t.header = headings({Term::kId, Term::kName, Term::kAction, Term::kDue, Term::kLead}, en);
  if (full) {
    t.header.emplace_back(term(Term::kCo, en));
    t.header.emplace_back(term(Term::kCited, en));
  }
  for (const auto& task : p.tasks) {
    std::vector<std::string> row = {
        task.id, task.name, p.actions[task.action].id, task.due ? format_date(*task.due) : "",
        full ? fmt::format("{}", fmt::join(task.lead, ",")) : bureau_names(p, task.lead)};
    if (full) {
      row.push_back(fmt::format("{}", fmt::join(task.co, ",")));
      row.push_back(task.source);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// "inherited": the keys an entry takes from [defaults], when it takes any.
void inherited_json(JsonWriter& w, const std::set<std::string, std::less<>>& keys) {
  if (keys.empty()) return;
  w.key("inherited").strings(std::vector<std::string>(keys.begin(), keys.end()));
}

std::string tasks_json(const Plan& p) {
  JsonWriter w;
  w.begin_array();
  for (const auto& task : p.tasks) {
    w.begin_object()
        .field("id", task.id)
        .field("action", p.actions[task.action].id)
        .field("name", task.name)
        .field("text", task.text);
    w.key("lead").strings(task.lead);
    w.key("co").strings(task.co);
    w.field("cadence", cadence_name(task.cadence.value_or(p.header.cadence)));
    w.field("due", task.due ? format_date(*task.due) : "");
    w.field("source", task.source).field("note", task.note);
    inherited_json(w, task.inherited);
    w.end_object();
  }
  w.end_array();
  return w.str();
}

std::string actions_json(const Plan& p) {
  JsonWriter w;
  w.begin_array();
  for (size_t i = 0; i < p.actions.size(); ++i) {
    const Action& a = p.actions[i];
    w.begin_object()
        .field("id", a.id)
        .field("number", a.number)
        .field("name", a.name)
        .field("name_en", a.name_en)
        .field("annex", a.annex);
    w.key("lead").strings(a.lead);
    w.field("office", a.office);
    w.key("also").strings(a.also);
    w.field("indicators", reported_count(p, i));
    w.field("file", a.file).end_object();
  }
  w.end_array();
  return w.str();
}

std::string bureaus_json(const Plan& p) {
  JsonWriter w;
  w.begin_array();
  for (const auto& b : p.bureaus) {
    w.begin_object().field("id", b.id).field("name", b.name).field("full_name", b.full_name);
    w.key("aliases").strings(b.aliases);
    w.field("kind", b.kind).end_object();
  }
  w.end_array();
  return w.str();
}

// `schedule` as written in the plan: a profile's name, "even", "end", the
// shares, or { "step": date }.
void schedule_json(JsonWriter& w, const Schedule& s) {
  if (!s.profile.empty()) {
    w.value(s.profile);
  } else if (s.type == Schedule::Type::kShares) {
    w.begin_array();
    for (double share : s.shares) w.number(share);
    w.end_array();
  } else if (s.type == Schedule::Type::kStep) {
    w.begin_object().field("step", format_date(s.step)).end_object();
  } else {
    w.value(s.type == Schedule::Type::kEnd ? "end" : "even");
  }
}

std::string indicators_json(const Plan& p) {
  JsonWriter w;
  w.begin_array();
  for (const auto& ind : p.indicators) {
    w.begin_object()
        .field("id", ind.id)
        .field("action", p.actions[ind.action].id)
        .field("name", ind.name)
        .field("kind", ind.form.rank ? "rank" : kind_name(ind.kind))
        .field("unit", ind.unit)
        .field("target", ind.target);
    target_form_json(w, ind.form);
    w.field("direction", direction_name(ind.direction));
    w.key("lead").strings(ind.lead);
    w.key("co").strings(ind.co);
    w.field("cadence", cadence_name(p.cadence_of(ind)));
    w.key("schedule");
    schedule_json(w, ind.schedule);
    if (ind.kind == Kind::kCumulative) w.field("basis", basis_name(ind.basis));
    if (ind.baseline) {
      w.key("baseline").begin_object().field("value", ind.baseline->value);
      w.field("year", ind.baseline->year).end_object();
    }
    if (ind.kind == Kind::kMilestone) {
      w.field("due", format_date(ind.due.value_or(p.header.end)));
      w.key("stages").begin_array();
      for (const auto& s : ind.stages) {
        w.begin_object().field("date", format_date(s.date)).field("stage", stage_name(s.stage));
        w.end_object();
      }
      w.end_array();
    }
    w.field("metric", ind.metric).field("source", ind.source).field("note", ind.note);
    inherited_json(w, ind.inherited);
    w.end_object();
  }
  w.end_array();
  return w.str();
}

}  // namespace

Table registry_table(const Plan& plan, Registry what, bool en, bool full) {
  switch (what) {
    case Registry::kActions:
      return actions_table(plan, en);
    case Registry::kBureaus:
      return bureaus_table(plan, en);
    case Registry::kTasks:
      return tasks_table(plan, en, full);
    case Registry::kIndicators:
      break;
  }
  return indicators_table(plan, en, full);
}

std::string registry_text(const Plan& plan, Registry what, bool en, size_t width) {
  std::vector<std::string> gives_way;
  switch (what) {
    case Registry::kActions:
      gives_way = headings({Term::kAnnex, Term::kOffice}, en);
      break;
    case Registry::kBureaus:
      gives_way = headings({Term::kAliases, Term::kBureauKind}, en);
      break;
    case Registry::kTasks:
      gives_way = headings({Term::kAction, Term::kLead}, en);
      break;
    case Registry::kIndicators:
      gives_way = headings({Term::kDirection, Term::kKind, Term::kLead}, en);
      break;
  }
  return render_fitted_table(registry_table(plan, what, en, false), width, gives_way, en);
}

std::string registry_json(const Plan& plan, Registry what) {
  switch (what) {
    case Registry::kActions:
      return actions_json(plan);
    case Registry::kBureaus:
      return bureaus_json(plan);
    case Registry::kTasks:
      return tasks_json(plan);
    case Registry::kIndicators:
      break;
  }
  return indicators_json(plan);
}

}  // namespace tally
