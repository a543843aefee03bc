// The manual pages and bash completion of tally, from its command tree.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace tally {

/// Writes man1/tally.1, man1/tally-<command>.1 for every command and
/// completion/tally (bash) under `out_dir`, from the options and help text
/// of `root` and the exit-code tables of `docs_dir`/commands/*.md. Returns
/// the exit code: 0, or 3 after saying what could not be written.
int write_manuals(const CLI::App& root, const std::string& docs_dir, const std::string& out_dir,
                  const std::string& version);

}  // namespace tally
