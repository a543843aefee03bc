// tally overdue: the 催报 list — per bureau, each actual that is due and not
// recorded, with its due date and days late.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/ledger/ledger.h"
#include "core/render/csv.h"
#include "core/render/data_problems.h"
#include "core/render/json.h"
#include "core/render/markdown.h"
#include "core/render/text.h"
#include "core/render/xlsx.h"

namespace tally {

namespace {

struct OverdueArgs {
  std::string as_of;
  std::string bureau;
  std::string format = "table";
  std::string output;
  bool bom = false;
  bool strict = false;
};

int run_overdue(const OverdueArgs& args, Context& ctx) {
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  if (args.format == "xlsx" && !can_write_workbook(ctx, args.output, "催报.xlsx"))
    return kExitUsage;
  Ledger ledger(ctx.plan());
  OverdueReport list = compute_overdue(ledger, *as_of);
  if (!args.bureau.empty()) {
    const std::string id = bureau_id(ctx, args.bureau);
    if (id.empty()) return kExitUsage;
    std::erase_if(list.items, [&](const OverdueItem& item) { return item.bureau != id; });
  }
  RenderOptions o;
  o.en = ctx.en();
  o.color = ctx.color_out && args.output.empty();
  o.bom = args.bom;
  o.width = args.output.empty() ? ctx.width : 0;
  o.excluded = ctx.excluded;
  if (args.format == "xlsx") {
    const bool en = o.en;
    WorkbookInfo info{en ? "Overdue · " + list.plan_title : "催报清单 · " + list.plan_title,
                      std::string(en ? "as of " : "截至 ") + format_date(list.as_of), list.as_of,
                      en};
    std::string error;
    std::vector<Worksheet> sheets = {overdue_sheet(list, en)};
    // The records left out, as the other formats' 数据问题 section names them.
    if (auto problems = problems_sheet(o.excluded, en)) sheets.push_back(std::move(*problems));
    auto bytes = render_xlsx(sheets, info, &error);
    if (!bytes) {
      ctx.error(fmt::format("--format xlsx: {}", error));
      return kExitEnvironment;
    }
    if (int rc = emit(ctx, *bytes, args.output); rc != kExitOk) return rc;
    return after_excluded(ctx, o.excluded.size(), args.strict, kExitOk);
  }
  std::string text = args.format == "md"     ? render_md(list, o)
                     : args.format == "csv"  ? render_csv(list, o)
                     : args.format == "json" ? render_json(list, o.excluded)
                                             : render_text(list, o);
  if (int rc = emit(ctx, text, args.output); rc != kExitOk) return rc;
  return after_excluded(ctx, o.excluded.size(), args.strict, kExitOk);
}

}  // namespace

Runner setup_overdue(CLI::App& app) {
  auto args = std::make_shared<OverdueArgs>();
  app.add_option("--as-of", args->as_of,
                 "List what was overdue on DATE (records made later are ignored)");
  app.add_option("--bureau", args->bureau, "Only what this bureau owes (id, name or alias)");
  app.add_option("--format", args->format, "table, md, csv, json, or xlsx (with --output)")
      ->check(CLI::IsMember({"table", "md", "csv", "json", "xlsx"}));
  app.add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  app.add_flag("--strict", args->strict,
               "Exit 1 when an actuals record breaks a rule (it is left out either way)");
  return [args](Context& ctx) { return run_overdue(*args, ctx); };
}

}  // namespace tally
