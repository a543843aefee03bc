// What every command receives: the global options, "today", the loaded plan
// and where to print.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/check/isolate.h"
#include "core/read/load.h"

namespace CLI {
class App;
}

namespace tally {

/// Exit codes of SPEC section 4.
enum ExitCode { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2, kExitEnvironment = 3 };

struct GlobalOptions {
  std::string plan_dir;      // --plan / TALLY_PLAN / discovered
  std::string actuals_dir;   // --actuals
  std::string problems_dir;  // --problems
  std::string lang = "zh";   // --lang
  std::string color = "auto";
  std::string today;  // --today / TALLY_TODAY, as given
  bool quiet = false;
  size_t width = 0;       // --width: fit tables to this many columns
  bool wide = false;      // --wide: never cut tables
  bool no_pager = false;  // --no-pager
};

struct Context {
  GlobalOptions options;
  LoadResult* loaded = nullptr;  // set for commands that need the plan
  /// The actuals records that break a rule, left out of loaded->plan: a
  /// bulletin names them under 数据问题 (check/isolate.h).
  std::vector<ExcludedRecord> excluded;
  Date today;
  std::FILE* out = stdout;
  std::FILE* err = stderr;
  bool color_out = false;
  bool color_err = false;
  /// Columns of the terminal stdout is on; 0 when it is not a terminal
  /// (then tables are never cut).
  size_t width = 0;

  const Plan& plan() const { return loaded->plan; }
  bool en() const { return options.lang == "en"; }
  /// Prints an error about the command line or environment to stderr.
  void error(const std::string& message) const;
  /// Prints a note to stderr unless --quiet.
  void note(const std::string& message) const;
};

/// What a command needs loaded before it runs.
enum class Needs { kNothing, kDefinitions, kEverything };

/// The runner a command's setup returns, bound to its parsed options.
using Runner = std::function<int(Context&)>;

/// One row of the command table.
struct Command {
  const char* name;
  const char* help;
  Needs needs;
  /// Whether the plan must load without errors (false for `check`). With
  /// Needs::kEverything, an actuals record that breaks a rule does not stop
  /// the command: it is left out (Context::excluded) and the command says so.
  bool needs_valid_plan;
  /// Registers the command's options on its subcommand; returns its runner.
  Runner (*setup)(CLI::App& app);
  /// When set: the indicators whose records the command needs, from its
  /// parsed command line. Only their records are kept when the plan loads
  /// without an error; otherwise it is loaded whole (LoadOptions::only_indicators).
  std::vector<std::string> (*indicators)(const CLI::App& app) = nullptr;
  /// Whether it writes actuals files: then their text is kept when the plan
  /// loads (LoadOptions::keep_actuals_text).
  bool writes_actuals = false;
};

/// The table of commands, in the order `tally --help` lists them.
const std::vector<Command>& commands();

/// The plan directory: `given` (--plan), else TALLY_PLAN, else upward from
/// the working directory the nearest directory that holds plan.toml or
/// whose plans/ holds exactly one plan. Returns it as the user would write
/// it; nullopt with `*error` set when there is none or the choice is
/// ambiguous.
std::optional<std::string> find_plan_dir(const std::string& given, std::string* error);

}  // namespace tally
