#include "core/compute/status.h"

namespace tally {

namespace {

constexpr std::string_view kStatusNames[] = {"done",     "on-track", "behind",  "off-track",
                                             "breached", "overdue",  "missing", "not-due"};

}  // namespace

std::string_view status_name(Status s) {
  return kStatusNames[static_cast<size_t>(s)];
}

std::vector<std::string> status_names() {
  std::vector<std::string> out;
  for (Status st : kAllStatuses) out.emplace_back(status_name(st));
  return out;
}

}  // namespace tally
