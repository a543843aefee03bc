// tally new DIR: scaffold a plan that `tally check` passes.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "core/base/fs.h"
#include "core/write/scaffold.h"

namespace tally {

namespace {

struct NewArgs {
  std::string dir;
  int year = 0;
  std::string title;
};

int run_new(const NewArgs& args, Context& ctx) {
  ScaffoldOptions o;
  o.year = args.year != 0 ? args.year : ctx.today.year;
  o.id = scaffold_id(args.dir, o.year);
  o.title = args.title.empty() ? fmt::format("{}年重点工作", o.year) : args.title;
  std::string error;
  if (!write_scaffold(args.dir, o, &error)) {
    ctx.error(error);
    return kExitEnvironment;
  }
  for (const auto& file : scaffold_files(o)) {
    fmt::print(ctx.out, "{}\n", join_path(args.dir, file.path));
  }
  ctx.note(
      fmt::format("tally: plan {} ({}-01-01 to {}-12-31) made in {}; next: add bureaus and "
                  "actions, then `tally check --plan {}`",
                  o.id, o.year, o.year, args.dir, args.dir));
  return kExitOk;
}

}  // namespace

Runner setup_new(CLI::App& app) {
  auto args = std::make_shared<NewArgs>();
  app.add_option("DIR", args->dir, "The new plan's directory (made if missing; must be empty)")
      ->required();
  app.add_option("--year", args->year, "The plan's year (default: this year)")
      ->check(CLI::Range(1900, 9999));
  app.add_option("--title", args->title, "The programme's title (default: YEAR年重点工作)");
  return [args](Context& ctx) { return run_new(*args, ctx); };
}

}  // namespace tally
