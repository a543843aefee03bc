#include "core/render/remind.h"

#include <fmt/format.h>

namespace tally {

namespace {

// "常住人口城镇化率（economy.urban-rate）2024-05 期" and what follows it.
std::string item_line(const OverdueItem& it, bool en, bool late,
                      const std::optional<Period>& settled_by) {
  std::string line =
      en ? fmt::format("{} ({}) for {}", it.indicator_name, it.indicator, it.period.str())
         : fmt::format("{}（{}）{} 期", it.indicator_name, it.indicator, it.period.str());
  if (late) {
    if (it.days_late == 0) {
      line += en ? fmt::format(", due today ({})", format_date(it.due))
                 : fmt::format("，今日（{}）到期", format_date(it.due));
    } else {
      line += en ? fmt::format(", due {}, {} day{} late", format_date(it.due), it.days_late,
                               it.days_late == 1 ? "" : "s")
                 : fmt::format("，应于 {} 前报送，已逾期 {} 天", format_date(it.due), it.days_late);
    }
  }
  // A running figure settles every period it missed, and the next one
  // due settles this one too.
  std::string run;
  if (it.missed > 1) {
    run = en ? fmt::format("{} periods missed since {}", it.missed, it.first_missed.str())
             : fmt::format("自 {} 起连续 {} 期未报", it.first_missed.str(), it.missed);
  }
  if (settled_by) {
    if (!run.empty()) run += en ? "; " : "；";
    run += en ? fmt::format("the {} figure settles {}", settled_by->str(),
                            it.missed > 1 ? "them" : "it")
              : fmt::format("报 {} 数据即可一并补齐", settled_by->str());
  } else if (it.missed > 1) {
    run += en ? ": the latest figure settles them" : "，报最新一期数据即可";
  }
  if (!run.empty()) line += en ? " (" + run + ")" : "（" + run + "）";
  return line;
}

void list(std::string& out, const std::vector<OverdueItem>& items,
          const std::vector<std::optional<Period>>& settled_by, bool en, bool late) {
  for (size_t i = 0; i < items.size(); ++i) {
    out += fmt::format(
        "{}. {}\n", i + 1,
        item_line(items[i], en, late, i < settled_by.size() ? settled_by[i] : std::nullopt));
  }
}

}  // namespace

std::string render_remind(const Reminders& r, bool en, bool md) {
  std::string out;
  auto label = [&](std::string_view text) {
    return md ? fmt::format("**{}**\n\n", text) : fmt::format("{}\n", text);
  };
  for (const Notice& n : r.notices) {
    if (!out.empty()) out += "\n";
    const size_t total = n.late.size() + n.upcoming.size();
    if (en) {
      out += md ? fmt::format("## Reminder: {} ({})\n\n", n.bureau_name, n.bureau)
                : fmt::format("Reminder: {} ({})\n", n.bureau_name, n.bureau);
      out += fmt::format("As of {}, {} report{} {} outstanding.\n", format_date(r.as_of), total,
                         total == 1 ? "" : "s", total == 1 ? "is" : "are");
    } else {
      out += md ? fmt::format("## 催报通知 · {}\n\n", n.bureau_name)
                : fmt::format("【催报通知】{}\n", n.bureau_name);
      out += fmt::format("截至 {}，{}尚有 {} 项数据未报送。\n", format_date(r.as_of), n.bureau_name,
                         total);
    }
    if (!n.late.empty()) {
      out += "\n" + label(en ? "Due and not reported (please report at once):"
                             : "已到期未报（请尽快报送）：");
      list(out, n.late, n.settled_by, en, true);
    }
    if (!n.upcoming.empty()) {
      out += "\n" + label(en ? fmt::format("Due by {}:", format_date(r.due_by))
                             : fmt::format("请于 {} 前报送：", format_date(r.due_by)));
      list(out, n.upcoming, {}, en, false);
    }
    out += en ? "\nPlease report on time; if anything stands in the way, tell the office.\n"
              : "\n请按时报送；如有困难，请及时与专班办公室联系。\n";
  }
  return out;
}

}  // namespace tally
