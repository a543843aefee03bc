#include "core/compute/status.h"

namespace tally {

namespace {

constexpr std::string_view kStatusNames[] = {"done",     "on-track", "behind",  "off-track",
                                             "breached", "overdue",  "missing", "not-due"};
constexpr std::string_view kStatusZh[] = {"已完成", "达序时", "欠序时", "严重滞后",
                                          "已突破", "逾期",   "未报送", "未到期"};
constexpr std::string_view kStatusEn[] = {"done",     "on track", "behind",  "off track",
                                          "breached", "overdue",  "missing", "not due"};

}  // namespace

std::string_view status_name(Status s) {
  return kStatusNames[static_cast<size_t>(s)];
}

std::string_view status_label(Status s, bool en) {
  return en ? kStatusEn[static_cast<size_t>(s)] : kStatusZh[static_cast<size_t>(s)];
}

std::optional<Status> parse_status(std::string_view s) {
  for (Status st : kAllStatuses) {
    if (s == status_name(st) || s == status_label(st, false)) return st;
  }
  return std::nullopt;
}

std::vector<std::string> status_names() {
  std::vector<std::string> out;
  for (Status st : kAllStatuses) out.emplace_back(status_name(st));
  return out;
}

}  // namespace tally
