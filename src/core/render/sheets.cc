#include "core/render/sheets.h"

#include <fmt/format.h>

#include "core/base/json.h"
#include "core/render/words.h"

namespace tally {

namespace {

// Raw figures: up to six decimals, empty when there is none.
std::string raw(const std::optional<double>& v) {
  return v ? format_number(*v, 6) : "";
}
std::string raw(const std::optional<Decimal>& v) {
  return v ? v->str() : "";
}

std::string join_ids(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, " "));
}

// The heading of a column of ids beside the column of names: "牵头 id".
std::string id_heading(Term t, bool en) {
  return std::string(term(t, en)) + " id";
}

// Appends columns to a sheet: their headings and kinds.
void add_columns(Worksheet& s, std::initializer_list<std::pair<Term, CellKind>> columns, bool en) {
  for (const auto& [t, kind] : columns) {
    s.table.header.emplace_back(term(t, en));
    s.kinds.push_back(kind);
  }
}

void add_rollup_columns(Worksheet& s, bool en) {
  for (Status st : kAllStatuses) {
    s.table.header.emplace_back(status_label(st, en));
    s.kinds.push_back(CellKind::kNumber);
  }
  add_columns(s,
              {{Term::kWithDue, CellKind::kNumber},
               {Term::kOnTrackRate, CellKind::kShare},
               {Term::kMeanCompletion, CellKind::kShare}},
              en);
}

void add_rollup(std::vector<std::string>& row, const Rollup& g) {
  for (Status s : kAllStatuses) row.push_back(std::to_string(g.counts[s]));
  row.push_back(std::to_string(g.with_due));
  row.push_back(raw(g.on_track_rate));
  row.push_back(raw(g.mean_completion));
}

// Marks the eight status count columns, which add_rollup_columns put at
// `first`.
void mark_status_columns(Worksheet& s, size_t first) {
  s.column_status.assign(s.table.header.size(), std::nullopt);
  for (size_t i = 0; i < kStatusCount; ++i) s.column_status[first + i] = kAllStatuses[i];
}

}  // namespace

Worksheet indicator_sheet(const Report& r, bool en) {
  Worksheet s;
  s.name = term(Term::kByIndicator, en);
  using K = CellKind;
  add_columns(s,
              {{Term::kIndicatorId, K::kText},
               {Term::kIndicator, K::kText},
               {Term::kAction, K::kText},
               {Term::kLead, K::kText}},
              en);
  s.table.header.push_back(id_heading(Term::kLead, en));
  s.kinds.push_back(K::kText);
  add_columns(s, {{Term::kKind, K::kText},         {Term::kDirection, K::kText},
                  {Term::kUnit, K::kText},         {Term::kCadence, K::kText},
                  {Term::kTarget, K::kNumber},     {Term::kBaseline, K::kNumber},
                  {Term::kDue, K::kText},          {Term::kActual, K::kNumber},
                  {Term::kPeriod, K::kText},       {Term::kDuePeriod, K::kText},
                  {Term::kExpected, K::kShare},    {Term::kExpectedValue, K::kNumber},
                  {Term::kCompletion, K::kShare},  {Term::kGap, K::kNumber},
                  {Term::kStatus, K::kText},       {Term::kRequiredStage, K::kText},
                  {Term::kPace, K::kNumber},       {Term::kPeriodsLeft, K::kNumber},
                  {Term::kProjection, K::kNumber}, {Term::kRecordedAt, K::kText},
                  {Term::kBy, K::kText},           {Term::kSource, K::kText}},
              en);
  s.status_column = 19;
  s.column_status.assign(s.table.header.size(), std::nullopt);
  for (const IndicatorRow& row : r.indicators) {
    // A milestone's actual is a stage word (or a percent): a spreadsheet
    // keeps it as text, which the number column allows.
    std::string actual = raw(row.actual);
    if (row.stage) actual = std::string(stage_name(*row.stage));
    if (row.percent) actual = format_number(*row.percent, 6) + "%";
    s.table.rows.push_back({row.id,
                            row.name,
                            row.action,
                            name_list(row.lead_names, en),
                            join_ids(row.lead),
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
                            row.form.rank ? "" : raw(row.completion),
                            raw(row.gap),
                            std::string(status_label(row.status, en)),
                            row.required_stage ? std::string(stage_name(*row.required_stage)) : "",
                            raw(row.required_pace),
                            std::to_string(row.periods_left),
                            raw(row.projection),
                            row.recorded,
                            row.by,
                            row.source});
    s.row_status.push_back(row.status);
  }
  return s;
}

Worksheet action_sheet(const Report& r, bool en) {
  Worksheet s;
  s.name = term(Term::kByAction, en);
  using K = CellKind;
  add_columns(s,
              {{Term::kId, K::kText},
               {Term::kNumber, K::kNumber},
               {Term::kAction, K::kText},
               {Term::kLead, K::kText}},
              en);
  s.table.header.push_back(id_heading(Term::kLead, en));
  s.kinds.push_back(K::kText);
  add_columns(s, {{Term::kCount, K::kNumber}}, en);
  const size_t first_status = s.table.header.size();
  add_rollup_columns(s, en);
  mark_status_columns(s, first_status);
  for (const ActionRow& a : r.actions) {
    std::vector<std::string> row = {a.id,
                                    std::to_string(a.number),
                                    en && !a.name_en.empty() ? a.name_en : a.name,
                                    name_list(a.lead_names, en),
                                    join_ids(a.lead),
                                    std::to_string(a.rollup.counts.total)};
    add_rollup(row, a.rollup);
    s.table.rows.push_back(std::move(row));
    s.row_status.push_back(std::nullopt);
  }
  return s;
}

Worksheet bureau_sheet(const Report& r, bool en) {
  Worksheet s;
  s.name = term(Term::kByBureau, en);
  using K = CellKind;
  add_columns(s,
              {{Term::kRank, K::kNumber},
               {Term::kId, K::kText},
               {Term::kBureau, K::kText},
               {Term::kLed, K::kNumber},
               {Term::kActualsDue, K::kNumber},
               {Term::kActualsOnTime, K::kNumber},
               {Term::kOnTimeRate, K::kShare}},
              en);
  const size_t first_status = s.table.header.size();
  add_rollup_columns(s, en);
  mark_status_columns(s, first_status);
  for (const BureauRow& b : r.bureaus) {
    std::vector<std::string> row = {std::to_string(b.rank),
                                    b.id,
                                    b.name,
                                    std::to_string(b.led),
                                    std::to_string(b.actuals_due),
                                    std::to_string(b.actuals_on_time),
                                    raw(b.on_time_rate)};
    add_rollup(row, b.rollup);
    s.table.rows.push_back(std::move(row));
    s.row_status.push_back(std::nullopt);
  }
  return s;
}

Worksheet overdue_sheet(const OverdueReport& r, bool en) {
  Worksheet s;
  s.name = term(Term::kOverdueList, en);
  using K = CellKind;
  s.table.header.push_back(id_heading(Term::kBureau, en));
  s.kinds.push_back(K::kText);
  add_columns(s,
              {{Term::kBureau, K::kText},
               {Term::kIndicatorId, K::kText},
               {Term::kIndicator, K::kText},
               {Term::kAction, K::kText},
               {Term::kPeriod, K::kText},
               {Term::kDueDate, K::kText},
               {Term::kDaysLate, K::kNumber},
               {Term::kMissed, K::kNumber},
               {Term::kFirstMissed, K::kText},
               {Term::kLastPeriod, K::kText}},
              en);
  // Every item is a report not yet made: the days-late cell takes the fill
  // of 未报送 (never red: a missing figure says nothing of progress).
  s.status_column = 7;
  s.column_status.assign(s.table.header.size(), std::nullopt);
  for (const OverdueItem& it : r.items) {
    s.table.rows.push_back({it.bureau, it.bureau_name, it.indicator, it.indicator_name, it.action,
                            it.period.str(), format_date(it.due), std::to_string(it.days_late),
                            std::to_string(it.missed), it.first_missed.str(),
                            it.last_period ? it.last_period->str() : ""});
    s.row_status.push_back(Status::kMissing);
  }
  return s;
}

}  // namespace tally
