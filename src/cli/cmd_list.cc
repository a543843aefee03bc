// tally list actions|bureaus|indicators: the plan's registry.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "core/json.h"
#include "core/table.h"

namespace tally {

namespace {

struct ListArgs {
  std::string what;
  std::string format = "table";
  bool bom = false;
};

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
}

// Bureau ids as the short names a reader knows (市发改局), joined with 、.
std::string bureau_names(const Plan& plan, const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const Bureau* b = plan.find_bureau(id);
    names.push_back(b ? b->name : id);
  }
  return join(names, "、");
}

std::string target_text(const Indicator& ind) {
  if (ind.kind == Kind::kMilestone) return ind.due ? format_date(*ind.due) : "";
  return ind.target ? ind.target->str() : "";
}

// How many indicators each action reports: its own plus `also`.
size_t reported_count(const Plan& plan, size_t action) {
  size_t n = plan.actions[action].also.size();
  for (const auto& ind : plan.indicators) n += ind.action == action ? 1 : 0;
  return n;
}

Table actions_table(const Context& ctx) {
  const Plan& p = ctx.plan();
  Table t;
  t.header = {ctx.label("编号", "no."),          "id",
              ctx.label("行动", "action"),       ctx.label("牵头单位", "lead"),
              ctx.label("专班办公室", "office"), ctx.label("指标数", "indicators"),
              ctx.label("附件", "annex")};
  t.right = {true, false, false, false, false, true, false};
  for (size_t i = 0; i < p.actions.size(); ++i) {
    const Action& a = p.actions[i];
    t.rows.push_back({std::to_string(a.number), a.id,
                      ctx.en() && !a.name_en.empty() ? a.name_en : a.name, bureau_names(p, a.lead),
                      bureau_names(p, {a.office}), std::to_string(reported_count(p, i)), a.annex});
  }
  return t;
}

Table bureaus_table(const Context& ctx) {
  const Plan& p = ctx.plan();
  Table t;
  t.header = {"id",
              ctx.label("简称", "name"),
              ctx.label("全称", "full name"),
              ctx.label("类别", "kind"),
              ctx.label("牵头指标", "leads"),
              ctx.label("别名", "aliases")};
  t.right = {false, false, false, false, true, false};
  for (const auto& b : p.bureaus) {
    size_t leads = 0;
    for (const auto& ind : p.indicators)
      for (const auto& l : ind.lead) leads += l == b.id ? 1 : 0;
    t.rows.push_back(
        {b.id, b.name, b.full_name, b.kind, std::to_string(leads), join(b.aliases, "、")});
  }
  return t;
}

Table indicators_table(const Context& ctx, bool full) {
  const Plan& p = ctx.plan();
  Table t;
  t.header = {"id",
              ctx.label("指标", "indicator"),
              ctx.label("类型", "kind"),
              ctx.label("目标", "target"),
              ctx.label("单位", "unit"),
              ctx.label("方向", "direction"),
              ctx.label("牵头", "lead")};
  if (full) {
    t.header.push_back(ctx.label("配合", "co"));
    t.header.push_back(ctx.label("出处", "source"));
  }
  t.right = {false, false, false, true};
  for (const auto& ind : p.indicators) {
    std::vector<std::string> row = {ind.id,
                                    ind.name,
                                    std::string(kind_name(ind.kind)),
                                    target_text(ind),
                                    ind.unit,
                                    std::string(direction_name(ind.direction)),
                                    full ? join(ind.lead, ",") : bureau_names(p, ind.lead)};
    if (full) {
      row.push_back(join(ind.co, ","));
      row.push_back(ind.source);
    }
    t.rows.push_back(std::move(row));
  }
  return t;
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

std::string indicators_json(const Plan& p) {
  JsonWriter w;
  w.begin_array();
  for (const auto& ind : p.indicators) {
    w.begin_object()
        .field("id", ind.id)
        .field("action", p.actions[ind.action].id)
        .field("name", ind.name)
        .field("kind", kind_name(ind.kind))
        .field("unit", ind.unit)
        .field("target", ind.target)
        .field("direction", direction_name(ind.direction));
    w.key("lead").strings(ind.lead);
    w.key("co").strings(ind.co);
    w.field("cadence", cadence_name(p.cadence_of(ind)));
    // As written in the plan: a profile's name, "even", "end", the shares,
    // or { "step": date }.
    w.key("schedule");
    if (!ind.schedule.profile.empty()) {
      w.value(ind.schedule.profile);
    } else if (ind.schedule.type == Schedule::Type::kShares) {
      w.begin_array();
      for (double s : ind.schedule.shares) w.number(s);
      w.end_array();
    } else if (ind.schedule.type == Schedule::Type::kStep) {
      w.begin_object().field("step", format_date(ind.schedule.step)).end_object();
    } else {
      w.value(ind.schedule.type == Schedule::Type::kEnd ? "end" : "even");
    }
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
    w.end_object();
  }
  w.end_array();
  return w.str();
}

int run_list(const ListArgs& args, Context& ctx) {
  const Plan& p = ctx.plan();
  if (args.format == "json") {
    std::string out = args.what == "actions"   ? actions_json(p)
                      : args.what == "bureaus" ? bureaus_json(p)
                                               : indicators_json(p);
    fmt::print(ctx.out, "{}", out);
    return kExitOk;
  }
  bool csv = args.format == "csv";
  Table t = args.what == "actions"   ? actions_table(ctx)
            : args.what == "bureaus" ? bureaus_table(ctx)
                                     : indicators_table(ctx, csv);
  fmt::print(ctx.out, "{}", csv ? render_csv_table(t, args.bom) : render_text_table(t, ctx.width));
  return kExitOk;
}

}  // namespace

Runner setup_list(CLI::App& app) {
  auto args = std::make_shared<ListArgs>();
  app.add_option("what", args->what, "actions, bureaus or indicators")
      ->required()
      ->check(CLI::IsMember({"actions", "bureaus", "indicators"}));
  app.add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  return [args](Context& ctx) { return run_list(*args, ctx); };
}

}  // namespace tally
