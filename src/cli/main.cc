// tally: an indicator ledger for a plan kept as TOML files.
//
// main parses the command line, finds and loads the plan, checks it, and
// hands the loaded plan to the command from the table in commands.cc.

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/context.h"
#include "cli/manuals.h"
#include "core/check/check.h"
#include "core/write/record.h"

namespace tally {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

bool has_plan_toml(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(dir) / "plan.toml", ec);
}

}  // namespace

std::optional<std::string> find_plan_dir(const std::string& given, std::string* error) {
  namespace fs = std::filesystem;
  if (!given.empty()) {
    if (has_plan_toml(given)) return given;
    *error = fmt::format("--plan {}: no plan.toml there", given);
    return std::nullopt;
  }
  if (std::string e = env("TALLY_PLAN"); !e.empty()) {
    if (has_plan_toml(e)) return e;
    *error = fmt::format("TALLY_PLAN={}: no plan.toml there", e);
    return std::nullopt;
  }
  // Upward from the working directory: a directory that is a plan, or one
  // whose plans/ holds exactly one (the root of a repository of plans), so
  // that every command works anywhere inside the repository.
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  std::string rel = ".";
  for (int depth = 0; !ec && depth < 64; ++depth) {
    if (has_plan_toml(dir.string())) return rel;
    std::vector<std::string> found;
    std::error_code list_ec;
    for (const auto& entry : fs::directory_iterator(dir / "plans", list_ec)) {
      if (entry.is_directory() && has_plan_toml(entry.path().string())) {
        found.push_back((fs::path(rel) / "plans" / entry.path().filename()).lexically_normal());
      }
    }
    if (found.size() == 1) return found[0];
    if (found.size() > 1) {
      std::sort(found.begin(), found.end());
      *error = fmt::format("several plans under {} ({}); choose one with --plan",
                           (fs::path(rel) / "plans").lexically_normal().string(),
                           fmt::join(found, ", "));
      return std::nullopt;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
    rel = depth == 0 ? ".." : rel + "/..";
  }
  *error =
      "no plan found: pass --plan DIR, set TALLY_PLAN, or run inside a plan directory or a "
      "repository with one plan under plans/";
  return std::nullopt;
}

namespace {

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return env("NO_COLOR").empty() && isatty(fd);
}

// The columns tables are fitted to: --wide none (0), --width N, else the
// terminal's (its size, or COLUMNS), and none when stdout is not one.
size_t table_width(const GlobalOptions& g) {
  if (g.wide) return 0;
  if (g.width > 0) return g.width;
  if (!isatty(1)) return 0;
  if (struct winsize ws; ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  const std::string columns = env("COLUMNS");
  return columns.empty() ? 0 : std::strtoul(columns.c_str(), nullptr, 10);
}

// The commands whose output is read on screen and may be long: paged in a
// terminal, as git pages log and diff.
bool pages(const Command& cmd) {
  for (const char* name : {"list", "log", "report", "overdue", "remind", "show", "diff"})
    if (std::string_view(cmd.name) == name) return true;
  return false;
}

// The pager for stdout on an interactive terminal: $PAGER, else `less
// -FRX` (quit when it fits one screen, keep colours, leave the text on the
// screen); null when stdout is not a terminal, --no-pager, PAGER is empty
// or cat, or the pager cannot be started.
std::FILE* open_pager(const GlobalOptions& g, const Command& cmd) {
  if (g.no_pager || !pages(cmd) || !isatty(1)) return nullptr;
  const char* set = std::getenv("PAGER");
  const std::string pager = set ? set : "less -FRX";
  if (pager.empty() || pager == "cat") return nullptr;
  std::fflush(stdout);
  return popen(pager.c_str(), "w");
}

// Today as --today or TALLY_TODAY fix it; false after printing why the
// text given is not a date.
bool fixed_today(const GlobalOptions& g, const Context& ctx, std::optional<Date>& today) {
  std::string text = g.today.empty() ? env("TALLY_TODAY") : g.today;
  if (text.empty()) return true;
  today = parse_date(text);
  if (!today) {
    ctx.error(fmt::format("{} '{}' is not a date such as 2024-06-25",
                          g.today.empty() ? "TALLY_TODAY" : "--today", text));
  }
  return today.has_value();
}

// Finds, loads and checks the plan `cmd` needs, and sets ctx.today. Returns
// an exit code when the command cannot run (after printing why).
std::optional<int> load_plan_for(const Command& cmd, const CLI::App& sub, std::optional<Date> today,
                                 Context& ctx, LoadResult& loaded) {
  std::string error;
  auto dir = find_plan_dir(ctx.options.plan_dir, &error);
  if (!dir) {
    ctx.error(error);
    return kExitUsage;
  }
  ctx.options.plan_dir = *dir;
  DiskFileSystem fs;
  LoadOptions lo{*dir, ctx.options.actuals_dir, cmd.needs == Needs::kDefinitions,
                 ctx.options.problems_dir};
  lo.keep_actuals_text = cmd.writes_actuals;
  // What `tally check` finds, with "today" as the plan's zone has it.
  auto check = [&](LoadResult& r) {
    ctx.today = today.value_or(today_in_zone(r.plan.header.utc_offset_minutes));
    if (!r.fatal) {
      // A record is "in the future" against the clock, not against a fixed
      // --today: rerunning last month's bulletin with TALLY_TODAY must see
      // the records made since as not yet made, not as errors.
      Date clock = today_in_zone(r.plan.header.utc_offset_minutes);
      Date future_after = today ? std::max(*today, clock) : ctx.today;
      check_plan(r.plan, CheckOptions{future_after, &r.files}, r.diags);
    }
    r.diags.sort(r.files);
  };
  // A write keeps only the records of its indicators when nothing is wrong
  // (load_for_write).
  if (cmd.indicators && cmd.needs == Needs::kEverything) {
    if (auto ids = cmd.indicators(sub); !ids.empty()) lo.only_indicators = std::move(ids);
  }
  loaded = load_for_write(fs, lo, check);
  ctx.loaded = &loaded;
  if (!cmd.needs_valid_plan || !loaded.diags.has_errors()) return std::nullopt;
  // A record that breaks a rule is left out, not fatal, when every error
  // is in such records; otherwise every error is printed below.
  if (cmd.needs == Needs::kEverything) {
    Diagnostics rest = loaded.diags;
    Plan plan = loaded.plan;
    auto excluded = isolate_bad_records(plan, loaded.files, rest);
    if (!rest.has_errors()) {
      loaded.plan = std::move(plan);
      loaded.diags = std::move(rest);
      ctx.excluded = std::move(excluded);
      return std::nullopt;
    }
  }
  const size_t n = loaded.diags.error_count();
  size_t printed = 0;
  for (const auto& d : loaded.diags.items()) {
    if (d.severity == Severity::kError && printed++ < kMaxPrintedDiagnostics) {
      fmt::print(ctx.err, "{}", format_diagnostic(d, loaded.files, ctx.color_err));
    }
  }
  if (n > kMaxPrintedDiagnostics)
    fmt::print(ctx.err, "… {} more errors not shown\n", n - kMaxPrintedDiagnostics);
  ctx.error(
      fmt::format("the plan has {} error{}; fix {} first (`tally check` lists every "
                  "finding)",
                  n, n == 1 ? "" : "s", n == 1 ? "it" : "them"));
  return kExitInvalid;
}

int run(int argc, char** argv) {
  CLI::App app{"tally: an indicator ledger for plans kept as TOML files", "tally"};
  app.set_version_flag("--version", "tally " TALLY_VERSION);
  app.require_subcommand(1);
  GlobalOptions g;
  app.add_option("--plan", g.plan_dir, "Plan directory (else TALLY_PLAN, else discovered)");
  app.add_option("--actuals", g.actuals_dir,
                 "Read actuals from DIR instead of the plan's actuals/");
  app.add_option("--problems", g.problems_dir,
                 "Read and write problems in DIR instead of the plan's problems/");
  app.add_option("--lang", g.lang, "Label language")->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--color", g.color, "Colour output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("--today", g.today, "Fix today's date (also TALLY_TODAY)");
  app.add_flag("-q,--quiet", g.quiet, "Print only what was asked for");
  app.add_option("--width", g.width,
                 "Fit tables to N columns (default: the terminal's; piped, nothing is cut)")
      ->check(CLI::Range(size_t{40}, size_t{1000}));
  app.add_flag("--wide", g.wide, "Never cut tables, even in a terminal");
  app.add_flag("--no-pager", g.no_pager,
               "Do not page long output in a terminal (default pager: $PAGER, else less -FRX)");

  // Every command's --help lists the global options too: they are
  // accepted before or after the command.
  std::string globals = "Global options (before or after the command):\n";
  for (const CLI::Option* opt : app.get_options()) {
    const std::string name = opt->get_name();
    if (name == "--help" || name == "--version") continue;
    std::string label = opt->get_name(false, true);
    if (opt->get_items_expected_max() > 0) label += " " + opt->get_type_name();
    globals += label.size() < 28
                   ? fmt::format("  {:<28}{}\n", label, opt->get_description())
                   : fmt::format("  {}\n  {:<28}{}\n", label, "", opt->get_description());
  }

  std::vector<std::pair<const Command*, CLI::App*>> subs;
  std::vector<Runner> runners;
  for (const auto& cmd : commands()) {
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.help);
    sub->fallthrough();
    sub->footer(globals);
    runners.push_back(cmd.setup(*sub));
    subs.emplace_back(&cmd, sub);
  }
  // The build writes the manual pages and completion with
  // `tally --write-manuals DOCS_DIR OUT_DIR`; no user needs it.
  if (argc == 4 && std::string(argv[1]) == "--write-manuals") {
    return write_manuals(app, argv[2], argv[3], TALLY_VERSION);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  Context ctx;
  ctx.options = g;
  ctx.color_out = use_color(g.color, 1);
  ctx.color_err = use_color(g.color, 2);
  ctx.width = table_width(g);
  size_t which = 0;
  while (which < subs.size() && !subs[which].second->parsed()) ++which;
  const Command& cmd = *subs[which].first;

  std::optional<Date> today;
  if (!fixed_today(g, ctx, today)) return kExitUsage;
  LoadResult loaded;
  if (cmd.needs == Needs::kNothing) {
    ctx.today = today.value_or(today_in_zone(8 * 60));
  } else if (auto rc = load_plan_for(cmd, *subs[which].second, today, ctx, loaded)) {
    return *rc;
  }
  // Today from the clock after the plan's year: every period is due and
  // late. Said, as a bulletin of last year is usually wanted as it stood
  // (not when --as-of or --period says which day or period is meant).
  const PlanHeader* plan = ctx.loaded ? &ctx.loaded->plan.header : nullptr;
  auto given = [&](const char* name) {
    const CLI::Option* opt = subs[which].second->get_option_no_throw(name);
    return opt && opt->count() > 0;
  };
  if (!today && plan && ctx.today > plan->end && cmd.needs == Needs::kEverything && pages(cmd) &&
      !given("--as-of") && !given("--period")) {
    ctx.note(fmt::format(
        "tally: note: the plan ended on {} and today is {}: everything not recorded is late. "
        "To see it as it stood then, give --today DATE (or TALLY_TODAY).",
        format_date(plan->end), format_date(ctx.today)));
  }
  std::FILE* pager = open_pager(g, cmd);
  if (pager) ctx.out = pager;
  const int rc = runners[which](ctx);
  if (pager) {
    std::fflush(pager);
    pclose(pager);
  }
  // The loaded plan, its files and the command tree are left to the
  // operating system, as mold leaves its state: freeing them one
  // allocation at a time was a twentieth of a short command's CPU time.
  // std::exit still flushes every stream.
  std::exit(rc);
}

}  // namespace
}  // namespace tally

int main(int argc, char** argv) {
  try {
    return tally::run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::fputs("tally: error: out of memory\n", stderr);
    return tally::kExitEnvironment;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tally: error: %s\n", e.what());
    return tally::kExitEnvironment;
  }
}
