// tally show INDICATOR: one indicator's definition, records, expected path,
// required pace and projection; or one task's definition, progress reports
// and what it owes.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/compute/detail.h"
#include "core/ledger/ledger.h"
#include "core/render/html.h"
#include "core/render/text.h"

namespace tally {

namespace {

struct ShowArgs {
  std::string indicator;
  std::string as_of;
  std::string format = "table";
  std::string output;
  bool strict = false;
};

int run_show(const ShowArgs& args, Context& ctx) {
  const Plan& plan = ctx.plan();
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  Ledger ledger(plan);
  size_t i = ledger.indicator_index(args.indicator);
  const size_t t = ledger.task_index(args.indicator);
  if (i == Ledger::npos && t == Ledger::npos) {
    std::vector<std::string> ids = plan.indicator_ids();
    for (const auto& task : plan.tasks) ids.push_back(task.id);
    ctx.error(with_suggestion(
        fmt::format("'{}' is not an indicator or a task of the plan", args.indicator),
        args.indicator, ids));
    return kExitUsage;
  }
  RenderOptions o;
  o.en = ctx.en();
  o.color = ctx.color_out;
  o.width = ctx.width;
  // Only the records left out that concern this indicator or task.
  for (const ExcludedRecord* r : excluded_for(ctx.excluded, args.indicator)) {
    o.excluded.push_back(*r);
  }
  if (args.format == "html" || !args.output.empty()) o.color = false;
  std::string text;
  if (t != Ledger::npos) {
    const TaskDetail detail = compute_task_detail(ledger, t, *as_of);
    text = args.format == "html" ? render_html(detail, o) : render_text(detail, o);
  } else {
    const IndicatorDetail detail = compute_detail(ledger, i, *as_of);
    text = args.format == "html" ? render_html(detail, o) : render_text(detail, o);
  }
  if (int rc = emit(ctx, text, args.output); rc != kExitOk) return rc;
  return after_excluded(ctx, o.excluded.size(), args.strict, kExitOk);
}

}  // namespace

Runner setup_show(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  app.add_option("indicator", args->indicator,
                 "Indicator id, e.g. industry.bio-output, or a task's id")
      ->required();
  app.add_option("--as-of", args->as_of, "Show it as it stood on DATE");
  app.add_option("--format", args->format, "table or html (with a chart of the path)")
      ->check(CLI::IsMember({"table", "html"}));
  app.add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  app.add_flag("--strict", args->strict,
               "Exit 1 when a record of it breaks a rule (it is left out either way)");
  return [args](Context& ctx) { return run_show(*args, ctx); };
}

}  // namespace tally
