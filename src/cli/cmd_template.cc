// tally template: the sheet a bureau fills for a period (xlsx or CSV),
// which `tally import` reads back.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/compute/fill_in.h"
#include "core/ledger/ledger.h"
#include "core/render/fill_in.h"
#include "core/render/table.h"
#include "core/render/words.h"
#include "core/render/xlsx.h"

namespace tally {

namespace {

struct TemplateArgs {
  std::string bureau;
  std::string period;
  std::string format = "xlsx";
  std::string output;
};

int run_template(const TemplateArgs& args, Context& ctx) {
  const std::string bureau = bureau_id(ctx, args.bureau);
  if (bureau.empty()) return kExitUsage;
  const auto period = plan_period(ctx, args.period);
  if (!period) return kExitUsage;
  const bool xlsx = args.format == "xlsx";
  if (xlsx && !xlsx_supported()) {
    ctx.error(fmt::format("--format xlsx: {}", xlsx_missing()));
    return kExitUsage;
  }

  Ledger ledger(ctx.plan());
  FillIn fill = compute_fill_in(ledger, bureau, *period, ctx.today);
  if (fill.rows.empty()) {
    ctx.note(fmt::format("{} ({}) owes nothing for {} as of {}; no sheet written", fill.bureau_name,
                         bureau, period->str(), format_date(ctx.today)));
    return kExitOk;
  }
  const bool en = ctx.en();
  if (!xlsx) return emit(ctx, render_csv_table(fill_in_sheet(fill, en).table, true), args.output);

  // A workbook goes to a file: --output, else <bureau>-<period>.xlsx here.
  const std::string output =
      args.output.empty() ? fmt::format("{}-{}.xlsx", bureau, period->str()) : args.output;
  WorkbookInfo info{fmt::format("{} · {}", term(Term::kFillIn, en), fill.bureau_name),
                    fmt::format("{} {} · {} {}", term(Term::kReportPeriod, en), period->str(),
                                en ? "due" : "报送截止", format_date(fill.due)),
                    ctx.today, en};
  std::string error;
  auto bytes = render_xlsx({fill_in_sheet(fill, en), fill_in_instructions(fill, en)}, info, &error);
  if (!bytes) {
    ctx.error(fmt::format("--format xlsx: {}", error));
    return kExitEnvironment;
  }
  if (int rc = emit(ctx, *bytes, output); rc != kExitOk) return rc;
  ctx.note(fmt::format("{}: {} row{} for {} ({}) to fill for {}", output, fill.rows.size(),
                       fill.rows.size() == 1 ? "" : "s", fill.bureau_name, bureau, period->str()));
  return kExitOk;
}

}  // namespace

Runner setup_template(CLI::App& app) {
  auto args = std::make_shared<TemplateArgs>();
  app.add_option("--bureau", args->bureau, "The bureau that fills the sheet (id, name or alias)")
      ->required();
  app.add_option("--period", args->period,
                 "The period to report: 2024-06, 2024-Q2, … or a word such as last-month")
      ->required();
  app.add_option("--format", args->format, "xlsx (default) or csv")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  app.add_option("--output", args->output,
                 "Write to FILE (xlsx default: <bureau>-<period>.xlsx; csv: stdout)");
  return [args](Context& ctx) { return run_template(*args, ctx); };
}

}  // namespace tally
