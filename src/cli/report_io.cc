#include "cli/report_io.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/diagnostic.h"
#include "core/base/text.h"
#include "core/render/words.h"
#include "core/render/xlsx.h"
#include "core/write/transaction.h"

namespace tally {

int emit(const Context& ctx, const std::string& text, const std::string& path) {
  if (path.empty()) {
    fmt::print(ctx.out, "{}", text);
    return kExitOk;
  }
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "."
                          : slash == 0               ? "/"
                                                     : path.substr(0, slash);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") {
    ctx.error(fmt::format("--output {}: give a file name, not a directory", path));
    return kExitUsage;
  }
  std::string error;
  if (!replace_files(dir, {FileReplacement{name, text}}, &error)) {
    ctx.error(fmt::format("--output {}: {}", path, error));
    return kExitEnvironment;
  }
  return kExitOk;
}

bool can_write_workbook(const Context& ctx, const std::string& output, const std::string& example) {
  if (!xlsx_supported()) {
    ctx.error(fmt::format("--format xlsx: {}", xlsx_missing()));
    return false;
  }
  if (output.empty()) {
    ctx.error(fmt::format(
        "--format xlsx writes a workbook: give the file with --output, e.g. --output {}", example));
    return false;
  }
  return true;
}

int after_excluded(const Context& ctx, size_t shown, bool strict, int rc) {
  if (shown == 0) return rc;
  fmt::print(ctx.err,
             "{}tally: warning:{} {} record{} of the actuals break{} a rule and {} left out; "
             "the section {} names {} (`tally check` shows the finding{})\n",
             ctx.color_err ? "\x1b[1;33m" : "", ctx.color_err ? "\x1b[0m" : "", shown,
             shown == 1 ? "" : "s", shown == 1 ? "s" : "", shown == 1 ? "is" : "are",
             term(Term::kDataProblems, ctx.en()), shown == 1 ? "it" : "them",
             shown == 1 ? "" : "s");
  return rc == kExitOk && strict ? kExitInvalid : rc;
}

bool period_in_plan(const Context& ctx, const std::string& option, const Period& period) {
  const PlanHeader& h = ctx.plan().header;
  if (h.start <= period.end() && period.start() <= h.end) return true;
  std::string message = fmt::format("{} {} is outside the plan ({} to {})", option, period.str(),
                                    format_date(h.start), format_date(h.end));
  Period same = period;
  same.year = h.start.year;
  if (h.start <= same.end() && same.start() <= h.end)
    message += fmt::format("; did you mean {}?", same.str());
  ctx.error(message);
  return false;
}

std::optional<Period> plan_period(const Context& ctx, const std::string& text) {
  const PlanHeader& h = ctx.plan().header;
  std::string error;
  auto period = resolve_period(text, ctx.today, h.cadence, h.timely_days, &error);
  if (!period) {
    ctx.error(fmt::format("--period {}", error));
    return std::nullopt;
  }
  if (!period_in_plan(ctx, "--period", *period)) return std::nullopt;
  return period;
}

std::optional<Date> as_of_date(const Context& ctx, const std::string& text) {
  if (text.empty()) return ctx.today;
  auto d = parse_date(text);
  if (!d) ctx.error(fmt::format("--as-of '{}' is not a date such as 2024-07-25", text));
  return d;
}

std::optional<std::vector<Status>> status_list(const Context& ctx, const std::string& option,
                                               const std::string& text) {
  std::vector<Status> out;
  for (const auto& word : split_list(text)) {
    auto s = parse_status(word);
    if (!s) {
      std::string base = fmt::format("{} '{}' is not a status", option, word);
      std::string message = with_suggestion(base, word, status_names());
      if (message == base) {
        message += "; use done, on-track, behind, off-track, breached, overdue, missing, not-due";
      }
      ctx.error(message);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), *s) == out.end()) out.push_back(*s);
  }
  return out;
}

std::string bureau_id(const Context& ctx, const std::string& given) {
  const Plan& plan = ctx.plan();
  if (plan.find_bureau(given)) return given;
  if (const Bureau* b = plan.resolve_bureau_name(given)) return b->id;
  ctx.error(with_suggestion(fmt::format("--bureau '{}' is not a bureau of the plan", given), given,
                            plan.bureau_ids()));
  return {};
}

}  // namespace tally
