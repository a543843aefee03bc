#include "core/render/report_tables.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base/text.h"
#include "core/render/problems.h"

namespace tally {

namespace {

std::string zh_number(int n) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return std::string(kDigits[n]);
  std::string out = n / 10 == 1 ? "" : std::string(kDigits[n / 10]);
  out += "十";
  if (n % 10) out += kDigits[n % 10];
  return out;
}

}  // namespace

std::string action_heading(const ActionRow& a, bool en) {
  if (en) return fmt::format("{}. {}", a.number, a.name_en.empty() ? a.name : a.name_en);
  return fmt::format("{}、{}", zh_number(a.number), a.name);
}

std::string value_cell(const ActualValue& v, bool en) {
  std::string out = v.number  ? v.number->str()
                    : v.stage ? std::string(stage_label(*v.stage, en))
                              : std::string();
  if (v.percent) out += " " + format_quantity(*v.percent) + "%";
  return out;
}

std::string target_cell(const TargetForm& form, const Decimal& target, std::string_view unit,
                        bool en, bool reached) {
  // A place is written 前10名 (top 10); any other figure with its unit.
  auto figure = [&](const Decimal& d) {
    if (form.rank) return en ? fmt::format("top {}", d.str()) : fmt::format("前{}名", d.str());
    return fmt::format("{}{}", d.str(), unit);
  };
  if (form.about) {
    return en ? fmt::format("about {}{}", form.about->str(), unit)
              : fmt::format("{}{}左右", form.about->str(), unit);
  }
  if (form.change) {
    const std::string points = (form.change->is_negative() ? "" : "+") + form.change->str();
    return en ? points + " pp" : points + "个百分点";
  }
  if (form.low && form.high) return fmt::format("{}–{}{}", form.low->str(), form.high->str(), unit);
  if (form.stretch) {
    if (en) {
      return fmt::format("{} (stretch {}{})", figure(target), figure(*form.stretch),
                         reached ? ", reached" : "");
    }
    return fmt::format("{}（力争{}{}）", figure(target), figure(*form.stretch),
                       reached ? "，已达" : "");
  }
  return figure(target);
}

std::string due_cell(Date due, Date plan_end, bool en) {
  if (plan_end.year == 0 || !(plan_end < due)) return format_date(due);
  return en ? format_date(due) + " (continued)" : format_date(due) + "（续建）";
}

IndicatorCells indicator_cells(const IndicatorRow& row, bool en) {
  IndicatorCells c;
  c.name = row.name;
  c.lead = name_list(row.lead_names, en);
  auto with_unit = [&](const std::string& v) { return v.empty() ? v : v + row.unit; };
  if (row.kind == Kind::kMilestone) {
    if (row.due) c.target = due_cell(*row.due, row.plan_end, en);
    if (row.required_stage) c.expected = std::string(stage_label(*row.required_stage, en));
  } else {
    if (row.target)
      c.target = target_cell(row.form, *row.target, row.unit, en, row.stretch_reached);
    if (row.expected) c.expected = format_share(*row.expected);
    if (row.expected_value) c.expected_value = with_unit(format_quantity(*row.expected_value));
    // A place is not a share of work done: 12th against 前10名 is behind,
    // and 120% beside it would read as over-achievement.
    if (row.completion) c.completion = row.form.rank ? "—" : format_share(*row.completion);
    if (row.gap) c.gap = format_points(*row.gap);
    if (row.required_pace) {
      c.pace =
          format_quantity(*row.required_pace) + "/" + std::string(cadence_label(row.cadence, en));
    }
    if (row.projection) c.projection = with_unit(format_quantity(*row.projection));
  }
  c.actual = value_cell(ActualValue{row.actual, row.stage, row.percent}, en);
  if (row.actual_period) c.period = row.actual_period->str();
  c.status = std::string(status_label(row.status, en));
  return c;
}

std::string rate_cell(const std::optional<double>& share) {
  return share ? format_share(*share) : "-";
}

std::string status_summary(const StatusCounts& counts, bool en) {
  std::vector<std::string> parts;
  for (Status s : kAllStatuses)
    parts.push_back(fmt::format("{} {}", status_label(s, en), counts[s]));
  return join(parts, " · ");
}

std::string expected_text(const Report& r, bool en) {
  // The share at the report period's end holds when every pro-rated
  // indicator is compared there; otherwise say where each cadence is, the
  // cadences compared on the same day together.
  const Date end = r.period.end();
  const bool elsewhere = std::any_of(r.compared_at.begin(), r.compared_at.end(),
                                     [&](const ComparedAt& c) { return c.period.end() != end; });
  if (!elsewhere) return format_share(r.expected);
  std::vector<std::string> parts;
  std::vector<bool> done(r.compared_at.size(), false);
  for (size_t k = 0; k < r.compared_at.size(); ++k) {
    if (done[k]) continue;
    const ComparedAt& c = r.compared_at[k];
    std::vector<std::string> cadences;
    for (size_t j = k; j < r.compared_at.size(); ++j) {
      if (r.compared_at[j].period.end() != c.period.end()) continue;
      done[j] = true;
      cadences.push_back(std::string(cadence_label(r.compared_at[j].cadence, en)) +
                         (en ? "" : "报"));
    }
    // Periods of several cadences that end on one day are named by that day.
    const std::string at = c.period.end() == end ? ""
                           : cadences.size() > 1 ? format_date(c.period.end())
                                                 : c.period.str();
    parts.push_back(en ? fmt::format("{} (by {}{}{})", format_share(c.expected),
                                     join(cadences, ", "), at.empty() ? "" : ": at ", at)
                       : fmt::format("{} ({}指标{}{})", format_share(c.expected),
                                     join(cadences, "、"), at.empty() ? "" : "按 ", at));
  }
  return name_list(parts, en);
}

std::vector<std::string> changes_lines(const Report& r, bool en) {
  std::vector<std::string> lines;
  if (!r.changes) return lines;
  const Changes& c = *r.changes;
  lines.push_back(en ? fmt::format("Since the last brief ({}): {} records made, {} reports newly "
                                   "overdue",
                                   format_date(c.since), c.records.size(), c.newly_overdue.size())
                     : fmt::format("自上期 ({}) 以来: 新报送 {} 条, 新增逾期 {} 项",
                                   format_date(c.since), c.records.size(), c.newly_overdue.size()));
  return lines;
}

Table changed_records_table(const Changes& c, bool en) {
  Table t;
  t.header =
      headings({Term::kIndicator, Term::kPeriod, Term::kActual, Term::kBy, Term::kReportedAt}, en);
  t.right = {false, false, true, false, false};
  for (const ChangedRecord& rec : c.records)
    t.rows.push_back(
        {rec.indicator_name, rec.period.str(), rec.value, rec.by, rec.recorded.substr(0, 16)});
  return t;
}

Table newly_overdue_table(const Changes& c, bool en) {
  Table t;
  t.header =
      headings({Term::kIndicator, Term::kLead, Term::kPeriod, Term::kDueDate, Term::kDaysLate}, en);
  t.right = {false, false, false, false, true};
  for (const OverdueItem& item : c.newly_overdue)
    t.rows.push_back({item.indicator_name, item.bureau_name, item.period.str(),
                      format_date(item.due), std::to_string(item.days_late)});
  return t;
}

std::vector<std::string> report_header(const Report& r, bool en) {
  std::vector<std::string> lines;
  lines.push_back(r.plan_document.empty() ? r.plan_title
                                          : fmt::format("{} {}", r.plan_title, r.plan_document));
  lines.push_back(
      fmt::format("{} {} ({}~{}) · {} {} · {} {}", term(Term::kReportPeriod, en), r.period.str(),
                  format_date(r.period.start()), format_date(r.period.end()), term(Term::kAsOf, en),
                  format_date(r.as_of), term(Term::kExpected, en), expected_text(r, en)));
  lines.push_back(en ? fmt::format("{} indicators: {}", r.totals.counts.total,
                                   status_summary(r.totals.counts, en))
                     : fmt::format("指标 {} 个: {}", r.totals.counts.total,
                                   status_summary(r.totals.counts, en)));
  lines.push_back(fmt::format("{} {} · {} {}", term(Term::kOnTrackRate, en),
                              rate_cell(r.totals.on_track_rate), term(Term::kMeanCompletion, en),
                              rate_cell(r.totals.mean_completion)));
  const Selection& s = r.selection;
  if (!s.action.empty() || !s.bureau.empty() || !s.statuses.empty()) {
    std::vector<std::string> parts;
    if (!s.action.empty()) parts.push_back(fmt::format("{} {}", term(Term::kAction, en), s.action));
    if (!s.bureau.empty()) parts.push_back(fmt::format("{} {}", term(Term::kLead, en), s.bureau));
    if (!s.statuses.empty()) {
      std::vector<std::string> names;
      for (Status st : s.statuses) names.emplace_back(status_label(st, en));
      parts.push_back(fmt::format("{} {}", term(Term::kStatus, en), name_list(names, en)));
    }
    lines.push_back(fmt::format("{}: {}", term(Term::kSelection, en), join(parts, " · ")));
  }
  return lines;
}

std::string number_text(const Report& r, bool en) {
  if (!r.number) return "";
  return en ? fmt::format("No. {}", *r.number) : fmt::format("第{}期", *r.number);
}

std::vector<std::string> signature_lines(const Report& r, bool en) {
  if (r.issuer.empty()) return {};
  const Date d = r.as_of;
  return {r.issuer, en ? format_date(d) : fmt::format("{}年{}月{}日", d.year, d.month, d.day)};
}

std::string_view status_color(Status s) {
  switch (s) {
    case Status::kDone:
    case Status::kOnTrack:
      return "\x1b[32m";
    case Status::kBehind:
      return "\x1b[33m";
    case Status::kOffTrack:
    case Status::kBreached:
    case Status::kOverdue:
      return "\x1b[31m";
    case Status::kMissing:
      return "\x1b[36m";
    case Status::kNotDue:
      return "\x1b[2m";
  }
  return "";
}

namespace {

// The cell of IndicatorCells each column of an indicator table shows.
std::string IndicatorCells::*cell_of(Term column) {
  static constexpr std::pair<Term, std::string IndicatorCells::*> kCells[] = {
      {Term::kIndicator, &IndicatorCells::name},
      {Term::kLead, &IndicatorCells::lead},
      {Term::kActual, &IndicatorCells::actual},
      {Term::kPeriod, &IndicatorCells::period},
      {Term::kTarget, &IndicatorCells::target},
      {Term::kExpected, &IndicatorCells::expected},
      {Term::kExpectedValue, &IndicatorCells::expected_value},
      {Term::kCompletion, &IndicatorCells::completion},
      {Term::kGap, &IndicatorCells::gap},
      {Term::kStatus, &IndicatorCells::status},
      {Term::kPace, &IndicatorCells::pace},
      {Term::kProjection, &IndicatorCells::projection},
  };
  for (const auto& [t, cell] : kCells)
    if (t == column) return cell;
  return &IndicatorCells::projection;
}

}  // namespace

Table indicator_table(const Report& r, const std::vector<size_t>& which,
                      const IndicatorColumns& columns, bool en, bool ansi) {
  using Lead = IndicatorColumns::Lead;
  std::vector<Term> terms = {Term::kIndicator};
  if (columns.lead != Lead::kNone) terms.push_back(Term::kLead);
  terms.insert(terms.end(), {Term::kActual, Term::kPeriod, Term::kTarget});
  if (columns.expected) terms.insert(terms.end(), {Term::kExpected, Term::kExpectedValue});
  terms.insert(terms.end(), {Term::kCompletion, Term::kGap, Term::kStatus, Term::kPace});
  if (columns.projection) terms.push_back(Term::kProjection);
  Table t;
  for (Term c : terms) {
    t.header.emplace_back(term(c, en));
    t.right.push_back(c != Term::kIndicator && c != Term::kLead && c != Term::kPeriod &&
                      c != Term::kStatus);
  }
  for (size_t k : which) {
    const IndicatorRow& row = r.indicators[k];
    IndicatorCells c = indicator_cells(row, en);
    std::vector<std::string> cells;
    for (Term col : terms) {
      if (col == Term::kLead) {
        const bool all = columns.lead == Lead::kAll || row.lead_names.empty();
        cells.push_back(all ? c.lead : row.lead_names[0]);
      } else {
        cells.push_back(c.*cell_of(col));
      }
    }
    t.rows.push_back(std::move(cells));
    if (ansi) {
      const auto status = std::find(terms.begin(), terms.end(), Term::kStatus) - terms.begin();
      t.style(t.rows.size() - 1, static_cast<size_t>(status),
              std::string(status_color(row.status)));
    }
  }
  return t;
}

namespace {

void add_status_columns(Table& t, bool en) {
  for (Status s : kAllStatuses) {
    t.header.emplace_back(status_label(s, en));
    t.right.push_back(true);
  }
}

void add_counts(std::vector<std::string>& row, const StatusCounts& c) {
  for (Status s : kAllStatuses) row.push_back(std::to_string(c[s]));
}

}  // namespace

Table action_table(const Report& r, bool en) {
  Table t;
  t.header = headings({Term::kAction, Term::kCount}, en);
  t.right = {false, true};
  add_status_columns(t, en);
  t.header.emplace_back(term(Term::kOnTrackRate, en));
  t.header.emplace_back(term(Term::kMeanCompletion, en));
  t.right.insert(t.right.end(), {true, true});
  for (const ActionRow& a : r.actions) {
    std::vector<std::string> row = {action_heading(a, en), std::to_string(a.rollup.counts.total)};
    add_counts(row, a.rollup.counts);
    row.push_back(rate_cell(a.rollup.on_track_rate));
    row.push_back(rate_cell(a.rollup.mean_completion));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table bureau_table(const Report& r, bool en) {
  Table t;
  t.header = headings({Term::kRank, Term::kBureau, Term::kLedCount, Term::kOnTimeRate}, en);
  t.right = {true, false, true, true};
  add_status_columns(t, en);
  t.header.emplace_back(term(Term::kOnTrackRate, en));
  t.right.push_back(true);
  for (const BureauRow& b : r.bureaus) {
    std::vector<std::string> row = {
        std::to_string(b.rank), b.name, std::to_string(b.led),
        fmt::format("{} ({}/{})", rate_cell(b.on_time_rate), b.actuals_on_time, b.actuals_due)};
    add_counts(row, b.rollup.counts);
    row.push_back(rate_cell(b.rollup.on_track_rate));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string group_line(const Rollup& g, bool en) {
  return fmt::format("{} {} · {} {} · {} {}", term(Term::kCount, en), g.counts.total,
                     term(Term::kOnTrackRate, en), rate_cell(g.on_track_rate),
                     term(Term::kMeanCompletion, en), rate_cell(g.mean_completion));
}

std::vector<size_t> attention_indicators(const Report& r) {
  std::vector<size_t> which;
  for (Status s : {Status::kBreached, Status::kOverdue, Status::kOffTrack, Status::kMissing})
    for (size_t k = 0; k < r.indicators.size(); ++k)
      if (r.indicators[k].status == s) which.push_back(k);
  return which;
}

std::vector<std::pair<size_t, size_t>> overdue_groups(const OverdueReport& r) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t k = 0; k < r.items.size();) {
    size_t end = k;
    while (end < r.items.size() && r.items[end].bureau == r.items[k].bureau) ++end;
    out.emplace_back(k, end);
    k = end;
  }
  return out;
}

Table overdue_table(const OverdueReport& r, std::pair<size_t, size_t> run, bool en) {
  Table t;
  for (Term c : {Term::kIndicator, Term::kPeriod, Term::kDueDate, Term::kDaysLate, Term::kMissed,
                 Term::kLastPeriod, Term::kIndicatorId}) {
    t.header.emplace_back(term(c, en));
    t.right.push_back(c == Term::kDaysLate);
  }
  for (size_t k = run.first; k < run.second; ++k) {
    const OverdueItem& it = r.items[k];
    std::string missed = std::to_string(it.missed);
    if (it.missed > 1) {
      missed += en ? fmt::format(" (since {})", it.first_missed.str())
                   : fmt::format(" ({}起)", it.first_missed.str());
    }
    t.rows.push_back({it.indicator_name, it.period.str(), format_date(it.due),
                      std::to_string(it.days_late), missed,
                      it.last_period ? it.last_period->str() : "-", it.indicator});
  }
  return t;
}

std::string task_counts_line(const TaskSection& s, bool en) {
  return en ? fmt::format("{} tasks · in progress {} · done {} · stalled {} · never reported {}",
                          s.total, s.in_progress, s.done, s.stalled, s.never_reported)
            : fmt::format("共 {} 项 · 推进中 {} · 已完成 {} · 滞后 {} · 未报送 {}", s.total,
                          s.in_progress, s.done, s.stalled, s.never_reported);
}

Table bulletin_tasks_table(const std::vector<BulletinTask>& tasks, bool en) {
  Table t;
  t.header = headings({Term::kTask, Term::kLead, Term::kTaskState, Term::kLastPeriod,
                       Term::kProgressNote, Term::kTaskId},
                      en);
  for (const BulletinTask& x : tasks) {
    t.rows.push_back(
        {x.name, x.lead_name,
         x.state ? std::string(stage_label(*x.state, en)) : std::string(term(Term::kMissing, en)),
         x.last_period ? x.last_period->str() : "-", x.last_note, x.id});
  }
  return t;
}

std::string problem_counts_line(const ProblemSection& s, bool en) {
  return en ? fmt::format("opened {} · closed {} · open {} (overdue {})", s.opened.size(),
                          s.closed.size(), s.open, s.overdue)
            : fmt::format("本期交办 {} 项 · 本期销号 {} 项 · 未销号 {} 项 (其中逾期 {} 项)",
                          s.opened.size(), s.closed.size(), s.open, s.overdue);
}

Table bulletin_problems_table(const std::vector<ProblemRow>& rows, bool en) {
  Table t;
  t.header = headings({Term::kProblemId, Term::kBureau, Term::kProblem, Term::kDueBy,
                       Term::kProblemState, Term::kClosedOn},
                      en);
  for (const ProblemRow& r : rows) {
    const Problem& p = *r.problem;
    std::string state(problem_state_label(r.state, en));
    if (r.days_late > 0)
      state += en ? fmt::format(" ({} days late)", r.days_late)
                  : fmt::format(" (逾期 {} 天)", r.days_late);
    t.rows.push_back({p.id, r.bureau_name, p.text, format_date(p.due), state,
                      r.close ? r.close->at.text().substr(0, 10) : ""});
  }
  return t;
}

Table problems_by_bureau_table(const ProblemSection& s, bool en) {
  Table t;
  t.header = headings({Term::kBureau, Term::kProblemOpen, Term::kProblemOverdue}, en);
  t.right = {false, true, true};
  for (const BureauProblems& b : s.by_bureau)
    t.rows.push_back({b.bureau_name, std::to_string(b.open), std::to_string(b.overdue)});
  return t;
}

Table highlights_table(const std::vector<Highlight>& highlights, bool en) {
  Table t;
  t.header =
      headings({Term::kBureau, Term::kIndicatorOrTask, Term::kPeriod, Term::kHighlightNote}, en);
  for (const Highlight& h : highlights)
    t.rows.push_back({h.bureau_name, h.name, h.period.str(), h.note});
  return t;
}

}  // namespace tally
