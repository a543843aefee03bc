// Every field of a record and of a diagnostic as one line of text, so that
// two readers' results compare as lists of strings and a difference shows
// where it is. Shared by the differential test of the canonical actuals
// reader (fast_actuals_test.cc) and its fuzz target (tests/fuzz).
#pragma once

#include <sstream>
#include <string>

#include "core/base/diagnostic.h"
#include "core/model/model.h"

namespace tally::testing {

inline std::string describe(const Location& l) {
  return std::to_string(l.file) + ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
}

inline std::string describe(const Actual& a) {
  std::ostringstream o;
  o << a.indicator << " | " << static_cast<int>(a.period.cadence) << "/" << a.period.year << "/"
    << a.period.index << " " << a.period.str() << " | ";
  if (a.value.number) o << a.value.number->mantissa << "e-" << a.value.number->scale;
  if (a.value.stage) o << " stage " << static_cast<int>(*a.value.stage);
  if (a.value.percent) o << " percent " << *a.value.percent;
  o << " unit " << a.unit << " | " << a.recorded.epoch_seconds << "." << a.recorded.nanos << " "
    << a.recorded.offset_minutes << " " << a.recorded.text() << " | " << a.by << " | " << a.source
    << " | " << a.note << " | " << a.reason << (a.highlight ? " | highlight" : "") << " | at "
    << describe(a.loc) << " " << describe(a.period_loc()) << " " << describe(a.value_loc()) << " "
    << describe(a.unit_loc()) << " " << describe(a.recorded_loc()) << " " << describe(a.by_loc())
    << " #" << a.file_order;
  return o.str();
}

inline std::string describe(const Diagnostic& d) {
  return describe(d.loc) + (d.severity == Severity::kError ? " error " : " warning ") + d.message +
         " [" + d.code + "]";
}

}  // namespace tally::testing
