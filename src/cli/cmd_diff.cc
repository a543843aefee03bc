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

// Where one side's definitions are read: the working tree, or the files of
// a commit fetched from git.
struct OpenedSide {
  DiffSide side;
  std::optional<GitTreeFileSystem> tree;  // empty for the working tree
  std::string plan_dir;                   // as load_plan is to read it
  const FileSystem& fs() const {
    static const DiskFileSystem disk;
    return tree ? static_cast<const FileSystem&>(*tree) : disk;
  }
};

// Finds the files of the plan at `rev` (or in the working tree when `rev`
// is empty). Returns an exit code other than 0 after printing why it failed.
int open_side(const std::string& rev, const GitRepo& repo, const std::string& plan_dir,
              Context& ctx, OpenedSide& out) {
  out.side.rev = rev;
  if (rev.empty()) {
    out.plan_dir = plan_dir;
    return kExitOk;
  }
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
  out.tree = GitTreeFileSystem::open(repo, *commit, rev, paths, &error,
                                     repo.prefix.empty() ? "." : repo.prefix);
  if (!out.tree) {
    ctx.error(error);
    return kExitEnvironment;
  }
  out.plan_dir = out.tree->path_of(repo.prefix);
  if (!out.tree->is_file(join_path(out.plan_dir, "plan.toml"))) {
    ctx.error(fmt::format("the plan {} does not exist at {} ({}): there is no {}",
                          repo.prefix.empty() ? "." : repo.prefix, rev, commit->substr(0, 7),
                          join_path(out.plan_dir, "plan.toml")));
    return kExitEnvironment;
  }
  return kExitOk;
}

// One side's definitions, with the one check a diff needs.
LoadResult load_side(const OpenedSide& opened) {
  LoadOptions options;
  options.plan_dir = opened.plan_dir;
  options.skip_actuals = true;  // a diff compares definitions, not reported values
  LoadResult r = load_plan(opened.fs(), options);
  // Items are matched by id, so ids must be unique for the diff to mean anything.
  if (!r.fatal) check_unique_ids(r.plan, r.diags);
  return r;
}

// 0 when the side loaded; else prints why not and returns an exit code.
int refuse_unloaded(const OpenedSide& opened, LoadResult& r, Context& ctx) {
  if (!r.diags.has_errors()) return kExitOk;
  r.diags.sort(r.files);
  for (const auto& d : r.diags.items()) {
    if (d.severity == Severity::kError) {
      fmt::print(ctx.err, "{}", format_diagnostic(d, r.files, ctx.color_err));
    }
  }
  const std::string& rev = opened.side.rev;
  ctx.error(fmt::format("the plan {} does not load ({} error{}); fix it before comparing",
                        rev.empty() ? "in the working tree" : "at " + rev, r.diags.error_count(),
                        r.diags.error_count() == 1 ? "" : "s"));
  return kExitInvalid;
}

// Whether the two sides hold the same definition files, byte for byte
// (plan.toml, bureaus.toml and the .toml files of actions/, by name). Then
// they load to the same plan, which need be loaded only once: the common
// case of `tally diff` on a working tree whose plan is as committed.
bool same_definitions(const OpenedSide& a, const OpenedSide& b) {
  auto names = [](const OpenedSide& s) {
    std::vector<std::string> out;
    for (auto& name : s.fs().list(join_path(s.plan_dir, "actions")))
      if (name.size() > 5 && name.ends_with(".toml")) out.push_back("actions/" + name);
    return out;
  };
  std::vector<std::string> files = names(a);
  if (files != names(b)) return false;
  files.insert(files.begin(), {"plan.toml", "bureaus.toml"});
  for (const auto& file : files) {
    auto x = a.fs().read(join_path(a.plan_dir, file), nullptr);
    if (!x) return false;
    auto y = b.fs().read(join_path(b.plan_dir, file), nullptr);
    if (!y || *x != *y) return false;
  }
  return true;
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
  OpenedSide before, after;
  if (int rc = open_side(before_rev, *repo, *plan_dir, ctx, before)) return rc;
  if (int rc = open_side(after_rev, *repo, *plan_dir, ctx, after)) return rc;
  // The same files load once; a plan that does not load is loaded on both
  // sides as usual, so that what is printed is the same.
  LoadResult before_result, after_result;
  bool once = same_definitions(before, after);
  if (once) {
    after_result = load_side(after);
    once = !after_result.diags.has_errors();
  }
  if (!once) {
    before_result = load_side(before);
    if (int rc = refuse_unloaded(before, before_result, ctx)) return rc;
    after_result = load_side(after);
    if (int rc = refuse_unloaded(after, after_result, ctx)) return rc;
  }
  PlanDiff diff = diff_plans(once ? after_result.plan : before_result.plan, after_result.plan);
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
