// tally problem open|close|reopen|list: problems handed to bureaus (问题交办)
// and their closing (销号), kept as append-only files under problems/.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "cli/context.h"
#include "cli/recording.h"
#include "cli/report_io.h"
#include "core/render/problems.h"
#include "core/write/problem.h"

namespace tally {

namespace {

struct ProblemArgs {
  CLI::App* open = nullptr;
  CLI::App* close = nullptr;
  CLI::App* reopen = nullptr;
  ProposedProblem proposed;
  std::string id;
  std::string evidence;
  std::string reason;
  std::string by;
  bool dry_run = false;
  bool commit = false;
  // list
  bool only_open = false, only_overdue = false, only_closed = false;
  std::string bureau;
  std::string as_of;
  std::string format = "table";
  std::string output;
  bool bom = false;
};

// Who writes: --by, else TALLY_USER, else USER.
std::string writer(const std::string& given) {
  if (!given.empty()) return given;
  for (const char* name : {"TALLY_USER", "USER"})
    if (const char* v = std::getenv(name); v && *v) return v;
  return "";
}

// A recovery changes files the user did not name: said even with --quiet.
void report_recovered(const Context& ctx, const ProblemOutcome& out) {
  for (const auto& r : out.recovered) fmt::print(ctx.err, "tally: recovery: {}\n", r);
}

int report(Context& ctx, const ProblemOutcome& out) {
  report_recovered(ctx, out);
  if (out.status == ProblemOutcome::Status::kFailed) {
    ctx.error(fmt::format("{}; nothing was written, the problems are as they were", out.error));
    return kExitEnvironment;
  }
  for (const auto& r : out.refusals) {
    // A finding of the check comes with its excerpt, as `tally check` prints it.
    if (r.find('\n') != std::string::npos) {
      fmt::print(ctx.err, "{}", r);
    } else {
      ctx.error(r);
    }
  }
  return kExitInvalid;
}

int run_list(const ProblemArgs& args, Context& ctx) {
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  ProblemFilter filter{args.only_open, args.only_overdue, args.only_closed, ""};
  if (!args.bureau.empty()) {
    filter.bureau = bureau_id(ctx, args.bureau);
    if (filter.bureau.empty()) return kExitUsage;
  }
  const ProblemList list = compute_problems(ctx.plan(), *as_of, filter);
  if (args.format == "json") return emit(ctx, problems_json(list), args.output);
  const Table t = problems_table(list, ctx.en(), args.format == "csv");
  if (args.format == "csv") return emit(ctx, render_csv_table(t, args.bom), args.output);
  if (args.format == "md") return emit(ctx, render_markdown_table(t), args.output);
  if (list.rows.empty()) {
    ctx.note("no problems");
    return kExitOk;
  }
  return emit(ctx, problem_list_text(list, ctx.en(), args.output.empty() ? ctx.width : 0),
              args.output);
}

int run_problem(const ProblemArgs& args, Context& ctx) {
  if (!args.open->parsed() && !args.close->parsed() && !args.reopen->parsed())
    return run_list(args, ctx);
  auto options = write_options(ctx, FieldNames::options({}), args.dry_run);
  if (!options) return kExitUsage;
  const bool commit = args.commit && !args.dry_run;
  if (args.open->parsed()) {
    ProposedProblem p = args.proposed;
    p.by = writer(p.by);
    const ProblemOutcome out = open_problem(*ctx.loaded, p, *options);
    if (out.status != ProblemOutcome::Status::kOk) return report(ctx, out);
    report_recovered(ctx, out);
    if (args.dry_run) {
      // Exactly the bytes the new file would hold.
      fmt::print(ctx.out, "{}", out.appended);
      ctx.note(fmt::format(
          "dry run: nothing was written; {} would be created with the text above (the next "
          "free id now: a problem opened before yours would take it)",
          out.path));
      return kExitOk;
    }
    fmt::print(ctx.out, "{}\n", out.problem.id);
    ctx.note(fmt::format("opened in {}, due {}", out.path, format_date(out.problem.due)));
    if (!commit) return kExitOk;
    // The message names the step: "Q2024-0007 open: 围挡破损 (gxj, due 2024-08-15)".
    return commit_written(ctx, out.path,
                          fmt::format("{} open: {} ({}, due {})", out.problem.id, out.problem.text,
                                      out.problem.bureau, format_date(out.problem.due)),
                          "problem");
  }
  const bool close = args.close->parsed();
  const ProblemOutcome out =
      close ? close_problem(*ctx.loaded, args.id, args.evidence, writer(args.by), *options)
            : reopen_problem(*ctx.loaded, args.id, args.reason, writer(args.by), *options);
  if (out.status != ProblemOutcome::Status::kOk) return report(ctx, out);
  report_recovered(ctx, out);
  if (args.dry_run) {
    // Exactly the bytes that would be appended, the blank line before them
    // included.
    fmt::print(ctx.out, "{}", out.appended);
    ctx.note(fmt::format("dry run: nothing was written; {} would get the text above", out.path));
    return kExitOk;
  }
  fmt::print(ctx.out, "{}", out.appended.substr(1));
  ctx.note(fmt::format("{} {} in {}", close ? "closed" : "reopened", args.id, out.path));
  if (!commit) return kExitOk;
  const ProblemEvent& e = out.problem.events.back();
  return commit_written(
      ctx, out.path,
      fmt::format("{} {}: {} (by {})", args.id, close ? "close" : "reopen", e.text, e.by),
      "problem");
}

}  // namespace

Runner setup_problem(CLI::App& app) {
  auto args = std::make_shared<ProblemArgs>();
  app.require_subcommand(0, 1);

  CLI::App* open = app.add_subcommand("open", "Hand a problem to a bureau; prints its id");
  ProposedProblem& p = args->proposed;
  open->add_option("--bureau", p.bureau, "The bureau that must put it right (id, name or alias)")
      ->required();
  open->add_option("--due", p.due, "The date by which it must be put right, e.g. 2024-08-15")
      ->required();
  open->add_option("--text", p.text, "What the problem is")->required();
  open->add_option("--indicator", p.indicator, "The indicator it concerns");
  open->add_option("--task", p.task, "The task it concerns");
  open->add_option("--source", p.source, "How it was found: 督查, 暗访, 群众反映, …");
  open->add_option("--by", p.by, "Who opens it (default: $TALLY_USER, else $USER)");
  args->open = open;

  CLI::App* close = app.add_subcommand("close", "Close a problem (销号) with its evidence");
  close->add_option("ID", args->id, "The problem's id, e.g. Q2024-0007")->required();
  close->add_option("--evidence", args->evidence, "What shows it is put right (销号依据)")
      ->required();
  close->add_option("--by", args->by, "Who closes it (default: $TALLY_USER, else $USER)");
  args->close = close;

  CLI::App* reopen = app.add_subcommand("reopen", "Reopen a closed problem");
  reopen->add_option("ID", args->id, "The problem's id, e.g. Q2024-0007")->required();
  reopen->add_option("--reason", args->reason, "Why it is reopened")->required();
  reopen->add_option("--by", args->by, "Who reopens it (default: $TALLY_USER, else $USER)");
  args->reopen = reopen;
  // --dry-run and --commit, as `tally record` has them.
  for (CLI::App* sub : {open, close, reopen}) {
    sub->add_flag("--dry-run", args->dry_run,
                  "Print the text that would be written; take no lock, write nothing");
    sub->add_flag("--commit", args->commit,
                  "After writing, git add and commit the problem's file alone");
  }

  CLI::App* list = app.add_subcommand("list", "The problems and where they stand");
  list->add_flag("--open", args->only_open, "Only problems not closed (overdue ones included)");
  list->add_flag("--overdue", args->only_overdue, "Only open problems past their due date");
  list->add_flag("--closed", args->only_closed, "Only closed problems");
  list->add_option("--bureau", args->bureau, "Only this bureau's problems (id, name or alias)");
  list->add_option("--as-of", args->as_of, "As they stood on DATE");
  list->add_option("--format", args->format, "table, md, csv or json")
      ->check(CLI::IsMember({"table", "md", "csv", "json"}));
  list->add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  list->add_flag("--bom", args->bom, "Start CSV with a UTF-8 byte-order mark (for Excel)");
  return [args](Context& ctx) { return run_problem(*args, ctx); };
}

}  // namespace tally
