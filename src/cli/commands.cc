#include <fmt/format.h>

#include "cli/context.h"

namespace tally {

Runner setup_check(CLI::App& app);
Runner setup_list(CLI::App& app);

void Context::error(const std::string& message) const {
  fmt::print(err, "{}tally: error:{} {}\n", color_err ? "\x1b[1;31m" : "",
             color_err ? "\x1b[0m" : "", message);
}

void Context::note(const std::string& message) const {
  if (!options.quiet) fmt::print(err, "{}\n", message);
}

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"check", "Validate the plan and all actuals", Needs::kEverything, false, setup_check},
      {"list", "List actions, bureaus or indicators", Needs::kDefinitions, true, setup_list},
  };
  return kCommands;
}

}  // namespace tally
