// tally list actions|bureaus|indicators|tasks: the plan's registry.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "core/render/list.h"

namespace tally {

namespace {

struct ListArgs {
  std::string what;
  std::string format = "table";
  bool bom = false;
};

int run_list(const ListArgs& args, Context& ctx) {
  const Registry what = args.what == "actions"   ? Registry::kActions
                        : args.what == "bureaus" ? Registry::kBureaus
                        : args.what == "tasks"   ? Registry::kTasks
                                                 : Registry::kIndicators;
  if (args.format == "json") {
    fmt::print(ctx.out, "{}", registry_json(ctx.plan(), what));
    return kExitOk;
  }
  const bool csv = args.format == "csv";
  Table t = registry_table(ctx.plan(), what, ctx.en(), csv);
  fmt::print(ctx.out, "{}", csv ? render_csv_table(t, args.bom) : render_text_table(t, ctx.width));
  return kExitOk;
}

}  // namespace

Runner setup_list(CLI::App& app) {
  auto args = std::make_shared<ListArgs>();
  app.add_option("what", args->what, "actions, bureaus, indicators or tasks")
      ->required()
      ->check(CLI::IsMember({"actions", "bureaus", "indicators", "tasks"}));
  app.add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  return [args](Context& ctx) { return run_list(*args, ctx); };
}

}  // namespace tally
