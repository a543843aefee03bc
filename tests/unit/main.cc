#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "golden.h"

namespace tally::test {
bool update_golden = false;
}  // namespace tally::test

int main(int argc, char* argv[]) {
  Catch::Session session;
  using Catch::clara::Opt;
  session.cli(session.cli() |
              Opt(tally::test::update_golden)["--update-golden"](
                  "rewrite the golden files of the [golden] tests in the source tree (for the "
                  "update-golden target)"));
  if (int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  return session.run();
}
