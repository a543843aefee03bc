// tally record: validate one actual, or one progress report of a task, and
// append it to its bureau's file.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/recording.h"
#include "core/base/text.h"
#include "core/read/actuals.h"

namespace tally {

namespace {

struct RecordArgs {
  ProposedActual proposed;
  bool dry_run = false;
  bool commit = false;
  bool by_given = false;  // --by was on the command line, even as ''
  bool force = false;
};

// What the command line typed is UTF-8, and `--by ''` names no bureau
// (leaving --by out is how to say "the lead"). false after saying what is
// wrong.
bool arguments_ok(const RecordArgs& args, const Context& ctx) {
  const ProposedActual& p = args.proposed;
  const std::pair<const char*, const std::string*> texts[] = {
      {"INDICATOR", &p.indicator}, {"VALUE", &p.value}, {"--period", &p.period},
      {"--source", &p.source},     {"--by", &p.by},     {"--note", &p.note},
      {"--reason", &p.reason}};
  for (const auto& [name, text] : texts) {
    if (auto bad = find_invalid_utf8(*text)) {
      ctx.error(
          fmt::format("{}: byte {} is not UTF-8; type the text in UTF-8 (a terminal set to "
                      "GBK sends GBK)",
                      name, *bad + 1));
      return false;
    }
  }
  if (args.by_given && trim(p.by).empty()) {
    ctx.error(
        "--by: empty; name the reporting bureau (`tally list bureaus`), or leave --by out "
        "for the indicator's lead");
    return false;
  }
  return true;
}

// git add and commit the file the record went to, with a message naming the
// record: "industry.bio-output 2024-06 = 1.8亿元 (gxj)".
int commit_record(Context& ctx, const std::string& path, const Actual& a) {
  const Indicator* ind = ctx.plan().find_indicator(a.indicator);
  return commit_written(ctx, path,
                        fmt::format("{} {} = {} ({})", a.indicator, a.period.str(),
                                    value_with_unit(a.value, ind ? ind->unit : ""), a.by),
                        "record");
}

int run_record(const RecordArgs& args, Context& ctx) {
  if (!arguments_ok(args, ctx)) return kExitUsage;
  auto options = write_options(ctx, FieldNames::options({ActualKey::kIndicator, ActualKey::kValue}),
                               args.dry_run);
  if (!options) return kExitUsage;
  options->force = args.force;
  RecordOutcome outcome = record_actuals(*ctx.loaded, {&args.proposed, 1}, *options);
  if (outcome.status != RecordOutcome::Status::kOk) {
    return report_not_written(ctx, outcome, [&](const Refusal& r) { ctx.error(r.message); });
  }
  const AppendedFile& file = outcome.appended.front();
  if (args.dry_run) {
    // Exactly the bytes that would be appended.
    fmt::print(ctx.out, "{}", file.appended);
    ctx.note(fmt::format("dry run: nothing was written; {} would get the text above", file.path));
  } else {
    const Actual& a = outcome.stored.front();
    fmt::print(ctx.out, "{}", format_actual(a).substr(1));
    ctx.note(fmt::format("recorded in {}:{}{}", file.path, a.loc.line,
                         file.created ? " (new file)" : ""));
  }
  report_warnings(ctx, outcome);
  if (args.commit && !args.dry_run) {
    return commit_record(ctx, file.path, outcome.stored.front());
  }
  return kExitOk;
}

}  // namespace

// The records a write of INDICATOR needs: those of the indicator (or task)
// the proposal names, as validation resolves it.
std::vector<std::string> record_indicators(const CLI::App& app) {
  const CLI::Option* opt = app.get_option_no_throw("INDICATOR");
  if (!opt || opt->count() == 0) return {};
  return {std::string(trim(opt->as<std::string>()))};
}

Runner setup_record(CLI::App& app) {
  auto args = std::make_shared<RecordArgs>();
  ProposedActual& p = args->proposed;
  app.add_option("INDICATOR", p.indicator,
                 "Indicator id, e.g. industry.bio-output, or a task's id (tally list tasks)")
      ->required();
  app.add_option("VALUE", p.value,
                 "The figure in the indicator's unit, or with a scale (3.6亿元, 36000万元); "
                 "milestones: not-started, in-progress, done or a percent; tasks: "
                 "in-progress, done or stalled (推进中, 已完成, 滞后)")
      ->required();
  app.add_option("--period", p.period,
                 "The period the figure covers: 2024-06, 2024-Q2, last-month…")
      ->required();
  app.add_option("--source", p.source, "Where the figure comes from, e.g. 统计局6月月报")
      ->required();
  CLI::Option* by = app.add_option(
      "--by", p.by, "Reporting bureau: id, name or alias (default: the indicator's lead)");
  app.add_option("--note", p.note,
                 "A note kept with the record, e.g. 1-6月累计; for a task, what was done "
                 "(required)");
  app.add_option("--reason", p.reason,
                 "Why this record replaces an earlier one for the same indicator and period");
  app.add_flag_function(
      "--highlight", [args](int64_t) { args->proposed.highlight = "true"; },
      "Mark the note an example worth spreading (特色亮点); the bulletin collects them");
  app.add_flag("--dry-run", args->dry_run, "Print the text that would be appended; write nothing");
  app.add_flag("--force", args->force,
               "Record a figure far outside the indicator's range (10× its target or largest "
               "figure; a growth rate beyond ±100%)");
  app.add_flag("--commit", args->commit,
               "After appending, git add and commit the actuals file alone");
  return [args, by](Context& ctx) {
    args->by_given = by->count() > 0;
    return run_record(*args, ctx);
  };
}

}  // namespace tally
