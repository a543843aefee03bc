// tally check: validate the plan and all actuals.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/context.h"

namespace tally {

namespace {

struct CheckArgs {
  bool strict = false;
  std::string format = "text";
};

// Once, not per record: figures recorded before records kept their unit
// are read in their indicator's unit, so a change of that unit in the plan
// would rescale them (a record with `unit` is converted instead).
void note_records_without_unit(const Context& ctx, const Plan& p) {
  size_t n = 0;
  for (const Actual& a : p.actuals) n += a.value.number && a.unit.empty() ? 1 : 0;
  if (n == 0) return;
  fmt::print(ctx.err,
             "note: {} record{} {} no unit = \"…\" (recorded before records kept their unit); "
             "{} read in {} indicator's unit, so changing that unit in the plan would rescale "
             "{}\n",
             n, n == 1 ? "" : "s", n == 1 ? "has" : "have", n == 1 ? "it is" : "they are",
             n == 1 ? "its" : "their", n == 1 ? "it" : "them");
}

int run_check(const CheckArgs& args, Context& ctx) {
  const LoadResult& r = *ctx.loaded;
  if (args.format == "json") {
    fmt::print(ctx.out, "{}", format_diagnostics_json(r.diags, r.files));
  } else {
    const auto& items = r.diags.items();
    const size_t shown = std::min(items.size(), kMaxPrintedDiagnostics);
    for (size_t i = 0; i < shown; ++i) {
      fmt::print(ctx.out, "{}", format_diagnostic(items[i], r.files, ctx.color_out));
    }
    if (shown < items.size()) {
      fmt::print(ctx.out, "… {} more finding{} not shown; `tally check --format json` lists all\n",
                 items.size() - shown, items.size() - shown == 1 ? "" : "s");
    }
    if (!ctx.options.quiet) {
      std::fflush(ctx.out);  // keep the summary after the findings in a terminal
      const Plan& p = r.plan;
      fmt::print(ctx.err,
                 "{}: {} error{}, {} warning{} ({} actions, {} indicators, {} tasks, {} bureaus, "
                 "{} actuals)\n",
                 p.dir == "." && !p.header.id.empty() ? p.header.id : p.dir, r.diags.error_count(),
                 r.diags.error_count() == 1 ? "" : "s", r.diags.warning_count(),
                 r.diags.warning_count() == 1 ? "" : "s", p.actions.size(), p.indicators.size(),
                 p.tasks.size(), p.bureaus.size(), p.actuals.size());
      note_records_without_unit(ctx, p);
    }
  }
  if (r.diags.has_errors()) return kExitInvalid;
  if (args.strict && r.diags.warning_count() > 0) return kExitInvalid;
  return kExitOk;
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  app.add_flag("--strict", args->strict, "Fail on warnings too");
  app.add_option("--format", args->format, "Output format")->check(CLI::IsMember({"text", "json"}));
  return [args](Context& ctx) { return run_check(*args, ctx); };
}

}  // namespace tally
