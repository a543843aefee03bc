// tally list actions|bureaus|indicators|tasks: the plan's registry.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/render/list.h"

namespace tally {

namespace {

struct ListArgs {
  std::string what;
  std::string bureau;
  std::string format = "table";
  bool bom = false;
};

int run_list(const ListArgs& args, Context& ctx) {
  const Registry what = args.what == "actions"   ? Registry::kActions
                        : args.what == "bureaus" ? Registry::kBureaus
                        : args.what == "tasks"   ? Registry::kTasks
                                                 : Registry::kIndicators;
  // --bureau: only the rows the bureau leads (or the bureau itself), from a
  // copy of the plan with the other rows of that registry left out.
  Plan only = ctx.plan();
  if (!args.bureau.empty()) {
    const std::string id = bureau_id(ctx, args.bureau);
    if (id.empty()) return kExitUsage;
    auto leads = [&](const std::vector<std::string>& lead) {
      return std::find(lead.begin(), lead.end(), id) != lead.end();
    };
    if (what == Registry::kActions) {
      std::erase_if(only.actions, [&](const Action& a) { return !leads(a.lead); });
    } else if (what == Registry::kIndicators) {
      std::erase_if(only.indicators, [&](const Indicator& i) { return !leads(i.lead); });
    } else if (what == Registry::kTasks) {
      std::erase_if(only.tasks, [&](const Task& t) { return !leads(t.lead); });
    } else {
      std::erase_if(only.bureaus, [&](const Bureau& b) { return b.id != id; });
    }
  }
  const Plan& plan = args.bureau.empty() ? ctx.plan() : only;
  if (args.format == "json") {
    fmt::print(ctx.out, "{}", registry_json(plan, what));
    return kExitOk;
  }
  const bool csv = args.format == "csv";
  fmt::print(ctx.out, "{}",
             csv ? render_csv_table(registry_table(plan, what, ctx.en(), true), args.bom)
                 : registry_text(plan, what, ctx.en(), ctx.width));
  return kExitOk;
}

}  // namespace

Runner setup_list(CLI::App& app) {
  auto args = std::make_shared<ListArgs>();
  app.add_option("what", args->what, "actions, bureaus, indicators or tasks")
      ->required()
      ->check(CLI::IsMember({"actions", "bureaus", "indicators", "tasks"}));
  app.add_option("--bureau", args->bureau, "Only what this bureau leads (id, name or alias)");
  app.add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  return [args](Context& ctx) { return run_list(*args, ctx); };
}

}  // namespace tally
