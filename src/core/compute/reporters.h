// Who may report an indicator: its lead and co-working bureaus, and the
// office (专班办公室) of the action that defines it, which may record for any
// bureau. `record` and `import` refuse anyone else unless --force.
#pragma once

#include <string>

#include "core/model/model.h"

namespace tally {

/// True when bureau `by` leads `ind`, works on it (`co`), or is the
/// `office` of the action that defines it.
bool may_report(const Plan& plan, const Indicator& ind, const std::string& by);

/// Why `by` may not report `ind`, naming who may: "市财政局 (czj) neither
/// leads nor works on 'industry.bio-output' (lead 市工信局; co 市发改局;
/// office 市工信局)"; empty when it may.
std::string not_a_reporter(const Plan& plan, const Indicator& ind, const std::string& by);

}  // namespace tally
