// tally show INDICATOR: one indicator's definition, records, expected path,
// required pace and projection.

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/ledger.h"
#include "core/render_text.h"

namespace tally {

namespace {

struct ShowArgs {
  std::string indicator;
  std::string as_of;
};

int run_show(const ShowArgs& args, Context& ctx) {
  const Plan& plan = ctx.plan();
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  Ledger ledger(plan);
  size_t i = ledger.indicator_index(args.indicator);
  if (i == Ledger::npos) {
    ctx.error(with_suggestion(fmt::format("'{}' is not an indicator of the plan", args.indicator),
                              args.indicator, plan.indicator_ids()));
    return kExitUsage;
  }
  RenderOptions o;
  o.en = ctx.en();
  o.color = ctx.color_out;
  o.width = ctx.width;
  return emit(ctx, render_text(compute_detail(ledger, i, *as_of), o), "");
}

}  // namespace

Runner setup_show(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  app.add_option("indicator", args->indicator, "Indicator id, e.g. industry.bio-output")
      ->required();
  app.add_option("--as-of", args->as_of, "Show it as it stood on DATE");
  return [args](Context& ctx) { return run_show(*args, ctx); };
}

}  // namespace tally
