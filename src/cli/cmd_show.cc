// tally show: placeholder until the command lands; exits 3 so nothing relies on it.

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace tally {

Runner setup_show(CLI::App&) {
  return [](Context& ctx) {
    ctx.error("'show' is not available in this build yet");
    return kExitEnvironment;
  };
}

}  // namespace tally
