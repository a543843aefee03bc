// tally log: the records in the order they were recorded.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/render/data_problems.h"
#include "core/render/log.h"

namespace tally {

namespace {

struct LogArgs {
  std::string indicator;
  std::string since;
  std::string format = "table";
  bool bom = false;
  bool strict = false;
};

int run_log(const LogArgs& args, Context& ctx) {
  const Plan& plan = ctx.plan();
  Ledger ledger(plan);
  LogFilter filter;
  if (!args.indicator.empty()) {
    size_t i = ledger.indicator_index(args.indicator);
    size_t t = ledger.task_index(args.indicator);
    if (i == Ledger::npos && t == Ledger::npos) {
      std::vector<std::string> ids = plan.indicator_ids();
      for (const auto& task : plan.tasks) ids.push_back(task.id);
      ctx.error(with_suggestion(fmt::format("unknown indicator '{}'", args.indicator),
                                args.indicator, ids) +
                "; `tally list indicators` lists them");
      return kExitUsage;
    }
    if (i != Ledger::npos) {
      filter.indicator = i;
    } else {
      filter.task = t;
    }
  }
  if (!args.since.empty()) {
    // A date, or a period (or relative word) meaning its first day.
    if (auto d = parse_date(args.since)) {
      filter.since = *d;
    } else if (auto p = resolve_period(args.since, ctx.today, plan.header.cadence,
                                       plan.header.timely_days, nullptr)) {
      filter.since = p->start();
    } else {
      ctx.error(
          fmt::format("--since '{}' is not a date such as 2024-07-01 or a period such as "
                      "2024-07 or last-month",
                      args.since));
      return kExitUsage;
    }
  }
  std::vector<LogEntry> entries = build_log(ledger, filter);
  // The records left out (of this indicator, with one given): after the
  // table and CSV; JSON stays an array of records, and stderr counts them.
  std::vector<ExcludedRecord> excluded = ctx.excluded;
  if (!args.indicator.empty()) {
    excluded.clear();
    for (const ExcludedRecord* r : excluded_for(ctx.excluded, args.indicator)) {
      excluded.push_back(*r);
    }
  }
  if (args.format == "json") {
    fmt::print(ctx.out, "{}", render_log_json(ledger, entries, ctx.loaded->files));
  } else if (args.format == "csv") {
    fmt::print(ctx.out, "{}{}",
               render_csv_table(log_table(ledger, entries, ctx.en(), true), args.bom),
               problems_csv(excluded, ctx.en()));
  } else {
    if (entries.empty()) {
      ctx.note("no records");
    } else {
      fmt::print(ctx.out, "{}", log_text(ledger, entries, ctx.en(), ctx.width));
    }
    fmt::print(ctx.out, "{}", problems_text(excluded, ctx.en(), ctx.width));
  }
  return after_excluded(ctx, excluded.size(), args.strict, kExitOk);
}

}  // namespace

Runner setup_log(CLI::App& app) {
  auto args = std::make_shared<LogArgs>();
  app.add_option("INDICATOR", args->indicator,
                 "Only the records of this indicator, or the progress reports of this task");
  app.add_option("--since", args->since,
                 "Only records recorded on or after DATE (or the start of a period)");
  app.add_option("--format", args->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  app.add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  app.add_flag("--strict", args->strict,
               "Exit 1 when an actuals record breaks a rule (it is left out either way)");
  return [args](Context& ctx) { return run_log(*args, ctx); };
}

}  // namespace tally
