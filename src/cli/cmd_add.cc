// tally add indicator|task|bureau: one entry appended to the plan's files,
// checked with the plan before anything is written.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "core/write/add.h"

namespace tally {

namespace {

struct AddArgs {
  CLI::App* indicator = nullptr;
  CLI::App* task = nullptr;
  CLI::App* bureau = nullptr;
  std::string action, id, name, kind, unit, target, direction, due, cadence, source, note, text;
  std::vector<std::string> lead, co, aliases;
  std::string full_name, bureau_kind;
};

// The ids of the bureaus `given` names (an id, name or alias); a name no
// bureau has is kept as typed, for the check to report with a suggestion.
std::vector<std::string> bureau_ids(const Plan& plan, const std::vector<std::string>& given) {
  std::vector<std::string> ids;
  for (const auto& g : given) {
    const Bureau* b = plan.resolve_bureau_name(g);
    ids.push_back(b ? b->id : g);
  }
  return ids;
}

ProposedEntry proposed(const AddArgs& a, const Plan& plan) {
  ProposedEntry e;
  auto put = [&](const char* key, const std::string& value, std::string (*as)(const std::string&)) {
    if (!value.empty()) e.keys.emplace_back(key, as(value));
  };
  if (a.bureau->parsed()) {
    e.what = ProposedEntry::What::kBureau;
    e.bureau_id = a.id;
    put("name", a.name, toml_string);
    put("full_name", a.full_name, toml_string);
    e.keys.emplace_back("aliases", toml_strings(a.aliases));
    put("kind", a.bureau_kind, toml_string);
    return e;
  }
  e.what = a.task->parsed() ? ProposedEntry::What::kTask : ProposedEntry::What::kIndicator;
  e.action = a.action;
  // An id without its action's prefix gets it: --id new-jobs is <action>.new-jobs.
  put("id", a.id.find('.') == std::string::npos ? a.action + "." + a.id : a.id, toml_string);
  put("name", a.name, toml_string);
  put("text", a.text, toml_string);
  put("kind", a.kind, toml_string);
  put("unit", a.unit, toml_string);
  put("target", a.target, toml_number);
  put("direction", a.direction, toml_string);
  put("due", a.due, toml_date);
  // Bureaus only when given: an action's or the plan's [defaults] may give
  // them, and `co = []` would override a default.
  if (!a.lead.empty()) {
    auto lead = bureau_ids(plan, a.lead);
    e.keys.emplace_back("lead", lead.size() == 1 && e.what == ProposedEntry::What::kIndicator
                                    ? toml_string(lead[0])
                                    : toml_strings(lead));
  }
  if (!a.co.empty()) e.keys.emplace_back("co", toml_strings(bureau_ids(plan, a.co)));
  put("cadence", a.cadence, toml_string);
  put("source", a.source, toml_string);
  put("note", a.note, toml_string);
  return e;
}

int run_add(const AddArgs& args, Context& ctx) {
  const ProposedEntry entry = proposed(args, ctx.plan());
  AddOutcome out = add_entry(*ctx.loaded, entry, ctx.today, 30000);
  for (const auto& r : out.recovered) ctx.note(fmt::format("tally: {}", r));
  if (out.status == AddOutcome::Status::kFailed) {
    ctx.error(fmt::format("{}; nothing was written", out.error));
    return kExitEnvironment;
  }
  if (out.status == AddOutcome::Status::kRefused) {
    if (!out.refusal.empty()) {
      ctx.error(out.refusal);
      return kExitUsage;
    }
    for (const auto& d : out.diags.items())
      fmt::print(ctx.err, "{}", format_diagnostic(d, out.files, ctx.color_err));
    const size_t n = out.diags.error_count();
    ctx.error(fmt::format("the plan with this entry would have {} error{}; nothing was written", n,
                          n == 1 ? "" : "s"));
    return kExitInvalid;
  }
  const char* what = entry.what == ProposedEntry::What::kBureau ? "bureau"
                     : entry.what == ProposedEntry::What::kTask ? "task"
                                                                : "indicator";
  const std::string id =
      entry.what == ProposedEntry::What::kBureau
          ? entry.bureau_id
          : entry.keys.front().second.substr(1, entry.keys.front().second.size() - 2);
  fmt::print(ctx.out, "{}\n", out.path);
  ctx.note(fmt::format("tally: {} {} added to {}", what, id, out.path));
  return kExitOk;
}

}  // namespace

Runner setup_add(CLI::App& app) {
  auto args = std::make_shared<AddArgs>();
  app.require_subcommand(1, 1);
  auto common = [&](CLI::App* sub, const char* what) {
    sub->add_option("--action", args->action, "The action it belongs to (its id)")->required();
    sub->add_option("--id", args->id,
                    fmt::format("The {}'s id: ACTION.SLUG, or SLUG (the action's id is put "
                                "before it)",
                                what))
        ->required();
    sub->add_option("--name", args->name, "Its name (名称)")->required();
    sub->add_option("--lead", args->lead,
                    "The lead bureau(s): id, name or alias; the first leads (default: "
                    "[defaults])")
        ->delimiter(',');
    sub->add_option("--co", args->co, "Co-working bureaus (配合单位): ids, names or aliases")
        ->delimiter(',');
    sub->add_option("--due", args->due, "Due date, YYYY-MM-DD");
    sub->add_option("--cadence", args->cadence, "How often it is reported, if not the plan's");
    sub->add_option("--source", args->source, "Where in the document it comes from");
    sub->add_option("--note", args->note, "A note");
  };

  args->indicator = app.add_subcommand("indicator", "Add an [[indicator]] to an action's file");
  common(args->indicator, "indicator");
  args->indicator->add_option("--kind", args->kind, "cumulative, level, growth or milestone")
      ->required();
  args->indicator->add_option("--unit", args->unit, "Its unit (亿元, %, 户)");
  args->indicator->add_option("--target", args->target, "Its target, a number");
  args->indicator->add_option("--direction", args->direction, "up (default) or down");

  args->task = app.add_subcommand("task", "Add a [[task]] to an action's file");
  common(args->task, "task");
  args->task->add_option("--text", args->text, "What the task is (its text in the document)")
      ->required();

  args->bureau = app.add_subcommand("bureau", "Add a bureau to bureaus.toml");
  args->bureau->add_option("--id", args->id, "Its id: lower-case ASCII letters, digits and '-'")
      ->required();
  args->bureau->add_option("--name", args->name, "Its short name (市发改局)")->required();
  args->bureau->add_option("--full-name", args->full_name, "Its full name");
  args->bureau->add_option("--alias", args->aliases, "Another name it goes by (repeatable)");
  args->bureau->add_option("--kind", args->bureau_kind, "department, town, company, …");

  return [args](Context& ctx) { return run_add(*args, ctx); };
}

}  // namespace tally
