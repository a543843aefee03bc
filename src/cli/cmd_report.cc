// tally report: placeholder until the command lands; exits 3 so nothing relies on it.

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace tally {

Runner setup_report(CLI::App&) {
  return [](Context& ctx) {
    ctx.error("'report' is not available in this build yet");
    return kExitEnvironment;
  };
}

}  // namespace tally
