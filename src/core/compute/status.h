// The statuses of SPEC 3.2: what a report concludes about an indicator,
// their SPEC names, and counts of them. Their labels are in render/words.h.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// The eight statuses of SPEC 3.2, in the order reports list them.
enum class Status { kDone, kOnTrack, kBehind, kOffTrack, kBreached, kOverdue, kMissing, kNotDue };

/// Number of statuses; Status values index arrays of this size.
inline constexpr size_t kStatusCount = 8;

/// Every status in report order.
inline constexpr std::array<Status, kStatusCount> kAllStatuses = {
    Status::kDone,     Status::kOnTrack, Status::kBehind,  Status::kOffTrack,
    Status::kBreached, Status::kOverdue, Status::kMissing, Status::kNotDue};

/// The SPEC name: "done", "on-track", "behind", "off-track", "breached",
/// "overdue", "missing", "not-due".
std::string_view status_name(Status s);

/// The SPEC names of all statuses, for "did you mean" suggestions.
std::vector<std::string> status_names();

/// How many indicators are in each status.
struct StatusCounts {
  std::array<size_t, kStatusCount> n{};
  size_t total = 0;

  size_t operator[](Status s) const { return n[static_cast<size_t>(s)]; }
  void add(Status s) {
    ++n[static_cast<size_t>(s)];
    ++total;
  }
};

}  // namespace tally
