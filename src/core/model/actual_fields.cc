#include "core/model/actual_fields.h"

namespace tally {

std::vector<std::string> typed_keys() {
  std::vector<std::string> out;
  for (const ActualField& f : kActualFields)
    if (f.typed) out.emplace_back(f.key);
  return out;
}

}  // namespace tally
