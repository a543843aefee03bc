#include "core/render/csv.h"

#include <fmt/format.h>

#include "core/base/json.h"
#include "core/render/data_problems.h"
#include "core/render/table.h"

namespace tally {

namespace {

// Raw figures: up to six decimals, empty when there is none.
std::string raw(const std::optional<double>& v) {
  return v ? format_number(*v, 6) : "";
}
std::string raw(const std::optional<Decimal>& v) {
  return v ? v->str() : "";
}

std::string join(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, " "));
}

void add_rollup_columns(Table& t, bool en) {
  for (Status s : kAllStatuses) t.header.emplace_back(status_label(s, en));
  t.header.emplace_back(term(Term::kWithDue, en));
  t.header.emplace_back(term(Term::kOnTrackRate, en));
  t.header.emplace_back(term(Term::kMeanCompletion, en));
}

void add_rollup(std::vector<std::string>& row, const Rollup& g) {
  for (Status s : kAllStatuses) row.push_back(std::to_string(g.counts[s]));
  row.push_back(std::to_string(g.with_due));
  row.push_back(raw(g.on_track_rate));
  row.push_back(raw(g.mean_completion));
}

Table indicators(const Report& r, bool en) {
  Table t;
  t.header =
      headings({Term::kIndicatorId, Term::kIndicator,   Term::kAction,     Term::kLead,
                Term::kKind,        Term::kDirection,   Term::kUnit,       Term::kCadence,
                Term::kTarget,      Term::kBaseline,    Term::kDue,        Term::kActual,
                Term::kPeriod,      Term::kDuePeriod,   Term::kExpected,   Term::kExpectedValue,
                Term::kCompletion,  Term::kGap,         Term::kStatus,     Term::kRequiredStage,
                Term::kPace,        Term::kPeriodsLeft, Term::kProjection, Term::kRecordedAt,
                Term::kBy,          Term::kSource},
               en);
  for (const IndicatorRow& row : r.indicators) {
    std::string actual = raw(row.actual);
    if (row.stage) actual = std::string(stage_name(*row.stage));
    if (row.percent) actual = format_number(*row.percent, 6) + "%";
    t.rows.push_back({row.id,
                      row.name,
                      row.action,
                      join(row.lead),
                      std::string(kind_name(row.kind)),
                      std::string(direction_name(row.direction)),
                      row.unit,
                      std::string(cadence_name(row.cadence)),
                      raw(row.target),
                      raw(row.baseline),
                      row.due ? format_date(*row.due) : "",
                      actual,
                      row.actual_period ? row.actual_period->str() : "",
                      row.due_period ? row.due_period->str() : "",
                      raw(row.expected),
                      raw(row.expected_value),
                      raw(row.completion),
                      raw(row.gap),
                      std::string(status_label(row.status, en)),
                      row.required_stage ? std::string(stage_name(*row.required_stage)) : "",
                      raw(row.required_pace),
                      std::to_string(row.periods_left),
                      raw(row.projection),
                      row.recorded,
                      row.by,
                      row.source});
  }
  return t;
}

Table actions(const Report& r, bool en) {
  Table t;
  t.header = headings({Term::kId, Term::kNumber, Term::kAction, Term::kLead, Term::kCount}, en);
  add_rollup_columns(t, en);
  for (const ActionRow& a : r.actions) {
    std::vector<std::string> row = {a.id, std::to_string(a.number),
                                    en && !a.name_en.empty() ? a.name_en : a.name, join(a.lead),
                                    std::to_string(a.rollup.counts.total)};
    add_rollup(row, a.rollup);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table bureaus(const Report& r, bool en) {
  Table t;
  t.header = headings({Term::kRank, Term::kId, Term::kBureau, Term::kLed, Term::kActualsDue,
                       Term::kActualsOnTime, Term::kOnTimeRate},
                      en);
  add_rollup_columns(t, en);
  for (const BureauRow& b : r.bureaus) {
    std::vector<std::string> row = {std::to_string(b.rank),
                                    b.id,
                                    b.name,
                                    std::to_string(b.led),
                                    std::to_string(b.actuals_due),
                                    std::to_string(b.actuals_on_time),
                                    raw(b.on_time_rate)};
    add_rollup(row, b.rollup);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace

std::string render_csv(const Report& r, const RenderOptions& o) {
  const std::string problems = problems_csv(o.excluded, o.en);
  switch (o.by) {
    case GroupBy::kAction:
      return render_csv_table(actions(r, o.en), o.bom) + problems;
    case GroupBy::kBureau:
      return render_csv_table(bureaus(r, o.en), o.bom) + problems;
    case GroupBy::kIndicator:
      break;
  }
  return render_csv_table(indicators(r, o.en), o.bom) + problems;
}

std::string render_csv(const OverdueReport& r, const RenderOptions& o) {
  const bool en = o.en;
  Table t;
  t.header = headings({Term::kBureau, Term::kBureau, Term::kIndicatorId, Term::kIndicator,
                       Term::kAction, Term::kPeriod, Term::kDueDate, Term::kDaysLate, Term::kMissed,
                       Term::kFirstMissed, Term::kLastPeriod},
                      en);
  t.header[0] += " id";  // the bureau's id, then its name
  for (const OverdueItem& it : r.items) {
    t.rows.push_back({it.bureau, it.bureau_name, it.indicator, it.indicator_name, it.action,
                      it.period.str(), format_date(it.due), std::to_string(it.days_late),
                      std::to_string(it.missed), it.first_missed.str(),
                      it.last_period ? it.last_period->str() : ""});
  }
  return render_csv_table(t, o.bom) + problems_csv(o.excluded, en);
}

}  // namespace tally
