// tally rank: the 季讲评 ranking — per bureau or per action, the four rates
// of 三看三评三比 judged at a period's end, their weighted score and the rank.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/compute/rank.h"
#include "core/ledger/ledger.h"
#include "core/render/html.h"
#include "core/render/rank.h"
#include "core/render/xlsx.h"

namespace tally {

namespace {

struct RankArgs {
  std::string period = "last-quarter";
  std::string by = "bureau";
  std::string format = "table";
  std::string output;
  bool bom = false;
  bool strict = false;
};

int run_rank(const RankArgs& args, Context& ctx) {
  if (args.format == "xlsx" && !can_write_workbook(ctx, args.output, "排名.xlsx"))
    return kExitUsage;
  // Outside the plan, or not begun, there is nothing to judge: every row
  // would be —.
  const auto period = plan_period(ctx, args.period);
  if (!period) return kExitUsage;
  if (ctx.today < period->start()) {
    ctx.error(fmt::format("--period {} begins {}, after today ({}); rank a period that has begun",
                          period->str(), format_date(period->start()), format_date(ctx.today)));
    return kExitUsage;
  }
  Ledger ledger(ctx.plan());
  const Ranking ranking = compute_ranking(ledger, *period, ctx.today,
                                          args.by == "action" ? RankBy::kAction : RankBy::kBureau);
  RenderOptions o;
  o.en = ctx.en();
  o.bom = args.bom;
  o.width = args.output.empty() ? ctx.width : 0;
  o.excluded = ctx.excluded;
  if (args.format == "xlsx") {
    const std::vector<std::string> header = ranking_header(ranking, o.en);
    WorkbookInfo info{header[0], header[1], ranking.as_of, o.en};
    std::string error;
    auto bytes = render_xlsx({ranking_sheet(ranking, o.en)}, info, &error);
    if (!bytes) {
      ctx.error(fmt::format("--format xlsx: {}", error));
      return kExitEnvironment;
    }
    return emit(ctx, *bytes, args.output);
  }
  const std::string text = args.format == "md"     ? render_md(ranking, o)
                           : args.format == "csv"  ? render_csv(ranking, o)
                           : args.format == "json" ? render_json(ranking, o)
                           : args.format == "html" ? render_html(ranking, o)
                                                   : render_text(ranking, o);
  if (int rc = emit(ctx, text, args.output); rc != kExitOk) return rc;
  return after_excluded(ctx, o.excluded.size(), args.strict, kExitOk);
}

}  // namespace

Runner setup_rank(CLI::App& app) {
  auto args = std::make_shared<RankArgs>();
  app.add_option("--period", args->period,
                 "The period ranked, judged when its own reports fall due: 2024-Q2, 2024-06, … "
                 "or a word such as last-quarter (the default) or last-month");
  app.add_option("--by", args->by, "Rank bureaus (the default) or actions")
      ->check(CLI::IsMember({"bureau", "action"}));
  app.add_option("--format", args->format, "table, md, csv, json, html, or xlsx (with --output)")
      ->check(CLI::IsMember({"table", "md", "csv", "json", "html", "xlsx"}));
  app.add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  app.add_flag("--strict", args->strict,
               "Exit 1 when an actuals record breaks a rule (it is left out either way)");
  return [args](Context& ctx) { return run_rank(*args, ctx); };
}

}  // namespace tally
