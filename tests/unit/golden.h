// Golden files of the unit tests.
#pragma once

namespace tally::test {

/// True when tally_tests was run with --update-golden, which only the
/// update-golden target gives: a [golden] test then rewrites its golden
/// file in the source tree instead of only comparing with it.
extern bool update_golden;

}  // namespace tally::test
