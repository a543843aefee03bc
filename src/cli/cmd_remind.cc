// tally remind: the 催报通知 — one notice per bureau, to paste into a work
// group: what is late (as `tally overdue` lists it) and what falls due by
// the next deadline.

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/report_io.h"
#include "core/compute/remind.h"
#include "core/ledger/ledger.h"
#include "core/render/remind.h"

namespace tally {

namespace {

struct RemindArgs {
  std::string bureau;
  std::string as_of;
  std::string format = "text";
  std::string output;
};

int run_remind(const RemindArgs& args, Context& ctx) {
  auto as_of = as_of_date(ctx, args.as_of);
  if (!as_of) return kExitUsage;
  std::string bureau;
  if (!args.bureau.empty()) {
    bureau = bureau_id(ctx, args.bureau);
    if (bureau.empty()) return kExitUsage;
  }
  Ledger ledger(ctx.plan());
  Reminders r = compute_reminders(ledger, *as_of);
  if (!bureau.empty())
    std::erase_if(r.notices, [&](const Notice& n) { return n.bureau != bureau; });
  if (r.notices.empty()) {
    ctx.note(fmt::format("{} owes nothing as of {}; no notice",
                         bureau.empty() ? "no bureau" : ctx.plan().bureau_name(bureau),
                         format_date(*as_of)));
    return kExitOk;
  }
  return emit(ctx, render_remind(r, ctx.en(), args.format == "md"), args.output);
}

}  // namespace

Runner setup_remind(CLI::App& app) {
  auto args = std::make_shared<RemindArgs>();
  app.add_option("--bureau", args->bureau, "Only this bureau's notice (id, name or alias)");
  app.add_option("--as-of", args->as_of,
                 "Remind as of DATE (default today; records made later are ignored)");
  app.add_option("--format", args->format, "text (default) or md")
      ->check(CLI::IsMember({"text", "md"}));
  app.add_option("--output", args->output, "Write to FILE (atomically) instead of stdout");
  return [args](Context& ctx) { return run_remind(*args, ctx); };
}

}  // namespace tally
