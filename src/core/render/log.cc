#include "core/render/log.h"

#include <algorithm>

#include "core/base/json.h"

namespace tally {

std::vector<LogEntry> build_log(const Ledger& ledger, const LogFilter& filter) {
  const Plan& plan = ledger.plan();
  const int offset = plan.header.utc_offset_minutes;
  std::vector<LogEntry> out;
  for (const Actual& a : plan.actuals) {
    if (filter.indicator && ledger.indicator_index(a.indicator) != *filter.indicator) continue;
    if (filter.since && local_date(a.recorded.epoch_seconds, offset) < *filter.since) continue;
    out.push_back({&a, ledger.is_superseded(a)});
  }
  std::stable_sort(out.begin(), out.end(), [](const LogEntry& x, const LogEntry& y) {
    const Actual& a = *x.actual;
    const Actual& b = *y.actual;
    if (a.recorded.epoch_seconds != b.recorded.epoch_seconds)
      return a.recorded.epoch_seconds < b.recorded.epoch_seconds;
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    return a.loc.line < b.loc.line;
  });
  return out;
}

Table log_table(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en, bool full) {
  const Plan& plan = ledger.plan();
  auto label = [en](const char* zh, const char* en_text) { return en ? en_text : zh; };
  Table t;
  t.header = {label("登记时间", "recorded"), label("指标", "indicator"), label("期间", "period"),
              label("数值", "value")};
  if (full) t.header.push_back(label("单位", "unit"));
  for (const char* h : {label("报送单位", "by"), label("来源", "source"), label("备注", "note"),
                        label("更正原因", "reason"), label("状态", "status")}) {
    t.header.push_back(h);
  }
  t.right = {false, false, false, true};
  for (const auto& e : entries) {
    const Actual& a = *e.actual;
    const Indicator* ind = plan.find_indicator(a.indicator);
    const std::string unit = ind && a.value.number ? ind->unit : "";
    std::string when = a.recorded.text;
    if (!full) {
      when = format_rfc3339(a.recorded.epoch_seconds, plan.header.utc_offset_minutes).substr(0, 16);
      when[10] = ' ';
    }
    std::vector<std::string> row = {when, a.indicator, a.period_text,
                                    full ? value_text(a.value) : value_text(a.value) + unit};
    if (full) row.push_back(unit);
    for (const std::string& s : {a.by, a.source, a.note, a.reason}) row.push_back(s);
    row.push_back(e.superseded ? label("已被更正", "superseded") : label("现行", "in force"));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string render_log_json(const Ledger& ledger, const std::vector<LogEntry>& entries,
                            const SourceFiles& files) {
  const Plan& plan = ledger.plan();
  JsonWriter w;
  w.begin_array();
  for (const auto& e : entries) {
    const Actual& a = *e.actual;
    const Indicator* ind = plan.find_indicator(a.indicator);
    w.begin_object()
        .field("recorded", a.recorded.text)
        .field("indicator", a.indicator)
        .field("period", a.period_text);
    w.key("value");
    if (a.value.number) {
      w.value(*a.value.number);
    } else {
      w.value(value_text(a.value));
    }
    w.field("unit", ind && a.value.number ? ind->unit : "")
        .field("by", a.by)
        .field("source", a.source)
        .field("note", a.note)
        .field("reason", a.reason)
        .field("superseded", e.superseded)
        .field("file", files.path(a.loc.file))
        .field("line", static_cast<int64_t>(a.loc.line))
        .end_object();
  }
  w.end_array();
  return w.str();
}

}  // namespace tally
