// The 催报通知 of `tally remind` as plain text to paste into a work group,
// or as Markdown: one notice per bureau.
#pragma once

#include <string>

#include "core/compute/remind.h"

namespace tally {

/// Every notice, separated by a blank line: the bureau, how many reports
/// are outstanding, the late ones (period, due date, days late) and those
/// due by the next deadline; `md` writes headings and bold labels.
std::string render_remind(const Reminders& r, bool en, bool md);

}  // namespace tally
