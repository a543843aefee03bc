#include "cli/recording.h"

#include <fmt/format.h>

#include <csignal>
#include <cstdlib>

#include "core/base/git.h"

namespace tally {

std::optional<RecordOptions> write_options(const Context& ctx, FieldNames names, bool dry_run) {
  // A write past the file-size limit (ulimit -f) must fail with EFBIG and be
  // undone, not kill the process half-way through a transaction.
  std::signal(SIGXFSZ, SIG_IGN);
  const int offset = ctx.plan().header.utc_offset_minutes;
  RecordOptions o;
  o.names = std::move(names);
  o.dry_run = dry_run;
  o.excluded = ctx.excluded;
  const char* today_env = std::getenv("TALLY_TODAY");
  const bool today_fixed = !ctx.options.today.empty() || (today_env && *today_env);
  if (today_fixed) o.today = ctx.today;
  const char* now_env = std::getenv("TALLY_NOW");
  if (now_env && *now_env) {
    int written_offset = 0;
    auto moment = parse_rfc3339(now_env, &written_offset);
    if (!moment) {
      ctx.error(
          fmt::format("TALLY_NOW '{}' is not a time such as 2024-07-15T10:02:00+08:00", now_env));
      return std::nullopt;
    }
    if (today_fixed && ctx.today < local_date(*moment, offset)) {
      ctx.error(
          fmt::format("TALLY_NOW {} is after today ({}); a record cannot be stamped in "
                      "the future",
                      now_env, format_date(ctx.today)));
      return std::nullopt;
    }
    o.clock = [m = *moment] { return m; };
  } else if (today_fixed) {
    o.clock = [day = ctx.today, offset] { return moment_on(day, now_epoch_seconds(), offset); };
  } else {
    o.clock = [] { return now_epoch_seconds(); };
  }
  return o;
}

void report_recovered(const Context& ctx, const RecordOutcome& outcome) {
  // A recovery changes files the user did not name: said even with --quiet.
  for (const auto& r : outcome.recovered) fmt::print(ctx.err, "tally: recovery: {}\n", r);
}

int report_not_written(const Context& ctx, const RecordOutcome& outcome,
                       const std::function<void(const Refusal&)>& print_refusal) {
  report_recovered(ctx, outcome);
  if (outcome.status == RecordOutcome::Status::kFailed) {
    ctx.error(fmt::format("{}; nothing was written, the actuals are as they were", outcome.error));
    return kExitEnvironment;
  }
  for (const auto& r : outcome.refusals) print_refusal(r);
  for (const auto& d : outcome.diags.items()) {
    fmt::print(ctx.err, "{}", format_diagnostic(d, outcome.files, ctx.color_err));
  }
  if (outcome.refusals.empty()) {
    ctx.error(
        "nothing was written: the records above must be fixed first (`tally check` lists "
        "every finding)");
  }
  return kExitInvalid;
}

void report_warnings(const Context& ctx, const RecordOutcome& outcome) {
  report_recovered(ctx, outcome);
  for (const auto& d : outcome.diags.items()) {
    fmt::print(ctx.err, "{}", format_diagnostic(d, outcome.files, ctx.color_err));
  }
  // Records of other indicators that break a rule did not stop this write.
  if (const size_t n = ctx.excluded.size(); n > 0) {
    fmt::print(ctx.err,
               "{}tally: warning:{} {} other record{} of the actuals break{} a rule ({}{}); "
               "{} left out of bulletins until fixed (`tally check` shows the finding{})\n",
               ctx.color_err ? "\x1b[1;33m" : "", ctx.color_err ? "\x1b[0m" : "", n,
               n == 1 ? "" : "s", n == 1 ? "s" : "", ctx.excluded.front().where(),
               n == 1 ? "" : ", …", n == 1 ? "it is" : "they are", n == 1 ? "" : "s");
  }
}

int commit_written(const Context& ctx, const std::string& path, const std::string& message,
                   std::string_view what) {
  std::string error;
  if (!commit_file(path, message, &error)) {
    ctx.error(fmt::format("{}; the {} is written in {} but not committed", error, what, path));
    return kExitEnvironment;
  }
  ctx.note(fmt::format("committed: {}", message));
  return kExitOk;
}

}  // namespace tally
