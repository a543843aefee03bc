// tally diff [REV1 [REV2]]: what changed in the plan between two git
// revisions, or between a revision and the working tree.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "core/base/git.h"
#include "core/check/check.h"
#include "core/compute/diff.h"
#include "core/render/diff.h"

namespace tally {

namespace {

struct DiffArgs {
  std::vector<std::string> revs;
  std::string format = "table";
};

// One side, loaded: the plan and what the loader read, kept for diagnostics.
struct LoadedSide {
  DiffSide side;
  LoadResult result;
};

// Loads the plan definitions at `rev` (or from the working tree when `rev` is
// empty). Returns an exit code other than 0 after printing why it failed.
int load_side(const std::string& rev, const GitRepo& repo, const std::string& plan_dir,
              Context& ctx, LoadedSide& out) {
  LoadOptions options;
  options.skip_actuals = true;  // a diff compares definitions, not reported values
  out.side.rev = rev;
  if (rev.empty()) {
    options.plan_dir = plan_dir;
    out.result = load_plan(DiskFileSystem(), options);
  } else {
    std::string error;
    auto commit = resolve_commit(repo, rev, &error);
    if (!commit) {
      ctx.error(error);
      return kExitEnvironment;
    }
    out.side.commit = *commit;
    // Only the definitions: reading the actuals out of git would be wasted.
    std::vector<std::string> paths;
    for (const char* name : {"plan.toml", "bureaus.toml", "actions"})
      paths.push_back(repo.prefix.empty() ? name : repo.prefix + "/" + name);
    // Links may lead anywhere inside the plan, as on disk.
    auto fs = GitTreeFileSystem::open(repo, *commit, rev, paths, &error,
                                      repo.prefix.empty() ? "." : repo.prefix);
    if (!fs) {
      ctx.error(error);
      return kExitEnvironment;
    }
    options.plan_dir = fs->path_of(repo.prefix);
    if (!fs->is_file(join_path(options.plan_dir, "plan.toml"))) {
      ctx.error(fmt::format("the plan {} does not exist at {} ({}): there is no {}",
                            repo.prefix.empty() ? "." : repo.prefix, rev, commit->substr(0, 7),
                            join_path(options.plan_dir, "plan.toml")));
      return kExitEnvironment;
    }
    out.result = load_plan(*fs, options);
  }
  LoadResult& r = out.result;
  // Items are matched by id, so ids must be unique for the diff to mean anything.
  if (!r.fatal) check_unique_ids(r.plan, r.diags);
  if (!r.diags.has_errors()) return kExitOk;
  r.diags.sort(r.files);
  for (const auto& d : r.diags.items()) {
    if (d.severity == Severity::kError) {
      fmt::print(ctx.err, "{}", format_diagnostic(d, r.files, ctx.color_err));
    }
  }
  ctx.error(fmt::format("the plan {} does not load ({} error{}); fix it before comparing",
                        rev.empty() ? "in the working tree" : "at " + rev, r.diags.error_count(),
                        r.diags.error_count() == 1 ? "" : "s"));
  return kExitInvalid;
}

int run_diff(const DiffArgs& args, Context& ctx) {
  // Find the plan and the repository that holds it.
  std::string error;
  auto plan_dir = find_plan_dir(ctx.options.plan_dir, &error);
  if (!plan_dir) {
    ctx.error(error);
    return kExitUsage;
  }
  // Default: HEAD against the working tree; one REV: REV against the working tree.
  std::string before_rev = args.revs.empty() ? "HEAD" : args.revs[0];
  std::string after_rev = args.revs.size() > 1 ? args.revs[1] : "";
  auto repo = open_repo(*plan_dir, &error, before_rev);
  if (!repo) {
    ctx.error(fmt::format("{}; tally diff compares versions of a plan kept in git", error));
    return kExitEnvironment;
  }
  LoadedSide before, after;
  if (int rc = load_side(before_rev, *repo, *plan_dir, ctx, before)) return rc;
  if (int rc = load_side(after_rev, *repo, *plan_dir, ctx, after)) return rc;

  PlanDiff diff = diff_plans(before.result.plan, after.result.plan);
  DiffHeading heading{repo->prefix, before.side, after.side, ctx.en(), ctx.color_out, ctx.width};
  std::string out = args.format == "json" ? render_diff_json(diff, heading)
                    : args.format == "md" ? render_diff_markdown(diff, heading)
                                          : render_diff_text(diff, heading);
  fmt::print(ctx.out, "{}", out);
  return kExitOk;
}

}  // namespace

Runner setup_diff(CLI::App& app) {
  auto args = std::make_shared<DiffArgs>();
  app.add_option("revs", args->revs,
                 "REV1 [REV2]: compare REV1 with REV2, or with the working tree (default HEAD)")
      ->expected(0, 2);
  app.add_option("--format", args->format, "table, json or md")
      ->check(CLI::IsMember({"table", "json", "md"}));
  return [args](Context& ctx) { return run_diff(*args, ctx); };
}

}  // namespace tally
