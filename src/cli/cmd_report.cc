// tally report: the variance report for a period, in the office's formats.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/compute/overdue.h"
#include "core/compute/report.h"
#include "core/ledger/ledger.h"
#include "core/render/csv.h"
#include "core/render/data_problems.h"
#include "core/render/html.h"
#include "core/render/json.h"
#include "core/render/markdown.h"
#include "core/render/text.h"
#include "core/render/xlsx.h"

namespace tally {

namespace {

struct ReportArgs {
  std::string period;
  std::string as_of;
  std::string by;  // empty: action, or indicator for CSV
  std::string action;
  std::string bureau;
  std::string status;
  std::string format = "table";
  std::string output;
  std::string fail_on;
  int number = 0;  // 0: the plan's [bulletin] number, or none
  bool bom = false;
  bool strict = false;
};

// The bulletin as a workbook: a sheet per view, the 催报 list of the same
// selection last. nullopt after printing why it could not be made.
std::optional<std::string> workbook(const Context& ctx, const Ledger& ledger, const Report& r,
                                    bool en) {
  OverdueReport overdue = compute_overdue(ledger, r.as_of);
  std::erase_if(overdue.items, [&](const OverdueItem& item) {
    return (!r.selection.action.empty() && item.action != r.selection.action) ||
           (!r.selection.bureau.empty() && item.bureau != r.selection.bureau);
  });
  const std::vector<std::string> header = report_header(r, en);
  const std::string number = number_text(r, en);
  WorkbookInfo info{number.empty() ? header.at(0) : header.at(0) + " · " + number, header.at(1),
                    r.as_of, en};
  std::string error;
  std::vector<Worksheet> sheets = {action_sheet(r, en), bureau_sheet(r, en), indicator_sheet(r, en),
                                   overdue_sheet(overdue, en)};
  // The records left out, as the other formats' 数据问题 section names them.
  if (auto problems = problems_sheet(ctx.excluded, en)) sheets.push_back(std::move(*problems));
  auto bytes = render_xlsx(sheets, info, &error);
  if (!bytes) ctx.error(fmt::format("--format xlsx: {}", error));
  return bytes;
}

// The text of the report in `format`.
std::string render(const Report& r, const RenderOptions& o, const std::string& format) {
  if (format == "md") return render_md(r, o);
  if (format == "csv") return render_csv(r, o);
  if (format == "json") return render_json(r, o.excluded);
  if (format == "html") return render_html(r, o);
  return render_text(r, o);
}

int run_report(const ReportArgs& args, Context& ctx) {
  const Plan& plan = ctx.plan();
  const PlanHeader& h = plan.header;

  // 1. When: --as-of judges as of that date and reports the period then due;
  //    --period names the period and judges as of today.
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  if (args.format == "xlsx" && !can_write_workbook(ctx, args.output, "通报.xlsx"))
    return kExitUsage;
  std::string error;
  auto period =
      resolve_period(args.period.empty() ? "due" : args.period,
                     args.period.empty() ? *as_of : ctx.today, h.cadence, h.timely_days, &error);
  if (!period) {
    ctx.error(fmt::format("--period {}", error));
    return kExitUsage;
  }
  // A period or date asked for outside the plan would show the plan's
  // statuses under another year's name. With neither, the default after
  // the plan's year keeps its note (below) and reports as asked.
  if (!args.period.empty() && !period_in_plan(ctx, "--period", *period)) return kExitUsage;
  if (!args.as_of.empty() &&
      !period_in_plan(ctx, fmt::format("--as-of {}: period", args.as_of), *period))
    return kExitUsage;

  // 2. What: the selection and the statuses that fail the run.
  Selection sel;
  if (!args.action.empty()) {
    if (!plan.find_action(args.action)) {
      ctx.error(
          with_suggestion(fmt::format("--action '{}' is not an action of the plan", args.action),
                          args.action, plan.action_ids()));
      return kExitUsage;
    }
    sel.action = args.action;
  }
  if (!args.bureau.empty()) {
    sel.bureau = bureau_id(ctx, args.bureau);
    if (sel.bureau.empty()) return kExitUsage;
  }
  auto statuses = status_list(ctx, "--status", args.status);
  auto fail_on = status_list(ctx, "--fail-on", args.fail_on);
  if (!statuses || !fail_on) return kExitUsage;
  sel.statuses = *statuses;

  // 3. Compute, render, write.
  Ledger ledger(plan);
  Report report = compute_report(ledger, ReportRequest{*period, *as_of}, sel);
  if (args.number > 0) report.number = args.number;
  RenderOptions o;
  o.en = ctx.en();
  o.color = ctx.color_out && args.output.empty();
  // A spreadsheet wants every indicator; a bulletin to read starts with the
  // actions.
  const std::string by = !args.by.empty() ? args.by : args.format == "csv" ? "indicator" : "action";
  o.by = by == "bureau"      ? GroupBy::kBureau
         : by == "indicator" ? GroupBy::kIndicator
                             : GroupBy::kAction;
  o.bom = args.bom;
  o.width = args.output.empty() ? ctx.width : 0;
  o.excluded = ctx.excluded;
  std::optional<std::string> text;
  if (args.format == "xlsx") {
    text = workbook(ctx, ledger, report, o.en);
    if (!text) return kExitEnvironment;
  } else {
    text = render(report, o, args.format);
  }
  if (int rc = emit(ctx, *text, args.output); rc != kExitOk) return rc;

  // 4. --fail-on: exit 1 when a reported indicator is in one of the statuses;
  //    --strict: exit 1 when a record was left out.
  int rc = kExitOk;
  for (const IndicatorRow& row : report.indicators) {
    if (std::find(fail_on->begin(), fail_on->end(), row.status) != fail_on->end())
      rc = kExitInvalid;
  }
  return after_excluded(ctx, o.excluded.size(), args.strict, rc);
}

}  // namespace

Runner setup_report(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  auto* period = app.add_option("--period", args->period,
                                "Report period: 2024-06, 2024-Q2, 2024-06-D2, … or a word such "
                                "as due, last-month (default: due)");
  auto* as_of = app.add_option("--as-of", args->as_of,
                               "Report as it stood on DATE: records made later are ignored");
  period->excludes(as_of);
  app.add_option("--by", args->by,
                 "Group by action, bureau or indicator (default: action; indicator for CSV)")
      ->check(CLI::IsMember({"action", "bureau", "indicator"}));
  app.add_option("--action", args->action, "Only the indicators this action reports");
  app.add_option("--bureau", args->bureau, "Only the indicators this bureau leads");
  app.add_option("--status", args->status, "Only indicators in these statuses (comma-separated)");
  app.add_option("--format", args->format,
                 "table, md, csv, json, html, or xlsx (a workbook, with --output)")
      ->check(CLI::IsMember({"table", "md", "csv", "json", "html", "xlsx"}));
  app.add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  app.add_option("--number", args->number,
                 "The bulletin's number (期数), printed as 第N期 under the title (default: the "
                 "plan's [bulletin] number, else none)")
      ->check(CLI::Range(1, 9999));
  app.add_option("--fail-on", args->fail_on,
                 "Exit 1 when an indicator has one of these statuses (comma-separated)");
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  app.add_flag("--strict", args->strict,
               "Exit 1 when an actuals record breaks a rule (it is left out either way)");
  return [args](Context& ctx) { return run_report(*args, ctx); };
}

}  // namespace tally
