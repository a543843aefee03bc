// The store that records read by a test keep their texts in: one for the
// whole test run, so a record read by a function of the test file stays
// valid in the test case.
#pragma once

#include "core/base/text_store.h"

namespace tally {

inline TextStore& test_texts() {
  static TextStore store;
  return store;
}

}  // namespace tally
