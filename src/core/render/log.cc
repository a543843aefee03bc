#include "core/render/log.h"

#include "core/base/json.h"
#include "core/render/words.h"

namespace tally {

Table log_table(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en, bool full) {
  const Plan& plan = ledger.plan();
  Table t;
  std::vector<Term> columns = {Term::kLoggedAt, Term::kIndicator, Term::kLogPeriod,
                               Term::kLogValue};
  if (full) columns.push_back(Term::kUnit);
  columns.insert(columns.end(),
                 {Term::kBy, Term::kSource, Term::kNote, Term::kReason, Term::kStatus});
  for (Term c : columns) t.header.emplace_back(term(c, en));
  t.right = {false, false, false, true};
  for (const auto& e : entries) {
    const Actual& a = *e.actual;
    const Indicator* ind = plan.find_indicator(a.indicator);
    const std::string unit = ind && a.value.number ? ind->unit : "";
    std::string when = a.recorded.text();
    if (!full) {
      when = format_rfc3339(a.recorded.epoch_seconds, plan.header.utc_offset_minutes).substr(0, 16);
      when[10] = ' ';
    }
    std::vector<std::string> row = {when, a.indicator, a.period.str(),
                                    full ? value_text(a.value) : value_text(a.value) + unit};
    if (full) row.push_back(unit);
    for (Text s : {a.by, a.source, a.note, a.reason}) row.emplace_back(s);
    row.emplace_back(term(e.superseded ? Term::kSuperseded : Term::kInForce, en));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string log_text(const Ledger& ledger, const std::vector<LogEntry>& entries, bool en,
                     size_t width) {
  return render_fitted_table(
      log_table(ledger, entries, en, false), width,
      headings({Term::kReason, Term::kNote, Term::kSource, Term::kBy, Term::kLoggedAt}, en), en, 8);
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
        .field("recorded", a.recorded.text())
        .field("indicator", a.indicator)
        .field("period", a.period.str());
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
