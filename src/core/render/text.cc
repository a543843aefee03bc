#include "core/render/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/base/text.h"
#include "core/render/data_problems.h"
#include "core/render/table.h"

namespace tally {

namespace {

// Headings carry names from the plan: shown inert(), then made bold.
std::string bold(std::string_view text, bool color) {
  return color ? fmt::format("\x1b[1m{}\x1b[0m", inert(text)) : inert(text);
}

// Names narrower than this (16 Chinese characters) are hard to tell apart.
constexpr size_t kNameRoom = 32;

// True when the table leaves too little of the terminal for the names.
bool names_cramped(const Table& t, size_t width) {
  if (width == 0) return false;
  size_t name = display_width(t.header[0]);
  for (const auto& row : t.rows) name = std::max(name, display_width(row[0]));
  const size_t others = text_table_width(t) - name;
  return others + std::min(name, kNameRoom) > width;
}

// The note under a table that left columns out to fit the terminal.
std::string left_out_note(const std::vector<std::string>& columns, const RenderOptions& o) {
  return tally::left_out_note(columns, o.width, o.en);
}

// An indicator table fitted to the terminal: when the names would be cut
// short, the projection and then the lead give way first.
std::string fitted_indicators(const Report& r, const std::vector<size_t>& which,
                              IndicatorColumns columns, const RenderOptions& o) {
  Table t = indicator_table(r, which, columns, o.en, o.color);
  std::vector<std::string> left_out;  // said under the table: no column is lost unsaid
  if (names_cramped(t, o.width) && columns.projection) {
    columns.projection = false;
    left_out.emplace_back(term(Term::kProjection, o.en));
    t = indicator_table(r, which, columns, o.en, o.color);
  }
  if (names_cramped(t, o.width) && columns.lead != IndicatorColumns::Lead::kNone) {
    columns.lead = IndicatorColumns::Lead::kNone;
    left_out.emplace_back(term(Term::kLead, o.en));
    t = indicator_table(r, which, columns, o.en, o.color);
  }
  return render_text_table(t, o.width) + left_out_note(left_out, o);
}

// A line of " · "-separated parts broken before a part that would pass
// `width` (0: never), so a narrow terminal does not wrap inside a figure.
std::string wrapped(const std::string& line, size_t width) {
  constexpr std::string_view kSep = " · ";
  if (width == 0 || display_width(line) <= width) return line;
  std::string out, current;
  size_t from = 0;
  while (from <= line.size()) {
    size_t at = line.find(kSep, from);
    if (at == std::string::npos) at = line.size();
    const std::string part = line.substr(from, at - from);
    const std::string joined = current.empty() ? part : current + std::string(kSep) + part;
    if (!current.empty() && display_width(joined) > width) {
      out += current + "\n";
      current = part;
    } else {
      current = joined;
    }
    from = at + kSep.size();
  }
  return out + current;
}

// Leaves out of `t` the columns headed `gives_way`, in turn, while
// `too_wide(t)`; the headings left out, for left_out_note.
std::vector<std::string> leave_out(Table& t, std::initializer_list<Term> gives_way, bool en,
                                   const std::function<bool(const Table&)>& too_wide) {
  return tally::leave_out(t, headings(gives_way, en), too_wide);
}

// A table of the 催报 list fitted to the terminal: when its names would be
// cut short, the run of periods missed and then the last period reported
// give way (named under the table); the id and the period owed stay.
std::string fitted_overdue(Table t, const RenderOptions& o) {
  const auto left_out =
      leave_out(t, {Term::kMissed, Term::kLastPeriod}, o.en,
                [&](const Table& table) { return names_cramped(table, o.width); });
  return render_text_table(t, o.width) + left_out_note(left_out, o);
}

// A table of action or bureau roll-ups fitted to the terminal: when it is
// wider, its eight status counts go to a second table under the first, each
// led by the `keys` columns that name the row (the action; the rank and
// bureau), so no figure is cut or lost.
std::string fitted_rollups(const Table& t, size_t keys, const RenderOptions& o) {
  if (o.width == 0 || text_table_width(t) <= o.width) return render_text_table(t, o.width);
  std::vector<bool> count(t.header.size(), false);
  for (size_t c = keys; c < t.header.size(); ++c)
    for (Status s : kAllStatuses) count[c] = count[c] || t.header[c] == status_label(s, o.en);
  Table rates, counts;
  auto take = [&](Table& into, size_t c) {
    into.header.push_back(t.header[c]);
    into.right.push_back(c < t.right.size() && t.right[c]);
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (into.rows.size() <= r) into.rows.emplace_back();
      into.rows[r].push_back(c < t.rows[r].size() ? t.rows[r][c] : std::string());
    }
  };
  for (size_t c = 0; c < t.header.size(); ++c) {
    if (c < keys || !count[c]) take(rates, c);
    if (c < keys || count[c]) take(counts, c);
  }
  return render_text_table(rates, o.width) + "\n" + render_text_table(counts, o.width);
}

// A dekad brief's changes since the last one: a summary line, then the new
// records and the newly overdue reports.
std::string changes_text(const Report& r, const RenderOptions& o) {
  if (!r.changes) return "";
  const bool en = o.en;
  std::string out = "\n" + bold(changes_lines(r, en)[0], o.color) + "\n";
  if (!r.changes->records.empty())
    out += render_text_table(changed_records_table(*r.changes, en), o.width);
  if (!r.changes->newly_overdue.empty()) {
    out += std::string(term(Term::kNewlyOverdue, en)) + "\n";
    out += render_text_table(newly_overdue_table(*r.changes, en), o.width);
  }
  return out;
}

// One period of the path as a bar of kBarWidth columns for 0 … 100% of the
// target: '#' up to the completion reported for that period, '|' where the
// path expects it to be, '.' for the rest; beyond the target, '>' at the end.
constexpr int kBarWidth = 20;

std::string path_bar(std::optional<double> expected, std::optional<double> completion) {
  auto cells = [](double share) {
    return static_cast<int>(std::lround(std::clamp(share, 0.0, 1.0) * kBarWidth));
  };
  std::string bar(kBarWidth, '.');
  if (completion) bar.replace(0, cells(*completion), cells(*completion), '#');
  if (completion && *completion > 1.0) bar.back() = '>';
  if (expected) {
    const int at = cells(*expected);
    bar[at == 0 ? 0 : at - 1] = '|';
  }
  return bar;
}

}  // namespace

namespace {

// A table of the bulletin, or （无） when it has no rows. When it is wider
// than the terminal, the `gives_way` columns are left out in turn (and named
// under it): ids are never cut, so the task id goes first.
std::string table_or_none(Table t, const RenderOptions& o,
                          std::initializer_list<Term> gives_way = {}) {
  if (t.rows.empty()) return std::string(term(Term::kUnset, o.en)) + "\n";
  const auto left_out = leave_out(t, gives_way, o.en, [&](const Table& table) {
    return o.width != 0 && text_table_width(table) > o.width;
  });
  return render_text_table(t, o.width) + left_out_note(left_out, o);
}

// The 工作月报's sections after the indicators: 重点任务, 突出问题, 特色亮点.
std::string bulletin_text(const Bulletin& b, const RenderOptions& o) {
  const bool en = o.en;
  std::string out = "\n" + bold(term(Term::kSectionTasks, en), o.color) + "\n";
  out += task_counts_line(b.tasks, en) + "\n";
  out += fmt::format("\n{}\n", term(Term::kStalledTasks, en));
  out += table_or_none(bulletin_tasks_table(b.tasks.stalled_tasks, en), o,
                       {Term::kTaskId, Term::kLastPeriod});
  out += fmt::format("\n{}\n", term(Term::kUnreportedTasks, en));
  out += table_or_none(bulletin_tasks_table(b.tasks.unreported, en), o,
                       {Term::kTaskId, Term::kLastPeriod});
  out += "\n" + bold(term(Term::kSectionProblems, en), o.color) + "\n";
  out += problem_counts_line(b.problems, en) + "\n";
  out += fmt::format("\n{}\n", term(Term::kOpenedInPeriod, en));
  out += table_or_none(bulletin_problems_table(b.problems.opened, en), o,
                       {Term::kClosedOn, Term::kDueBy});
  out += fmt::format("\n{}\n", term(Term::kOpenByBureau, en));
  out += table_or_none(problems_by_bureau_table(b.problems, en), o);
  out += fmt::format("\n{}\n", term(Term::kClosedInPeriod, en));
  out += table_or_none(bulletin_problems_table(b.problems.closed, en), o,
                       {Term::kClosedOn, Term::kDueBy});
  out += "\n" + bold(term(Term::kSectionHighlights, en), o.color) + "\n";
  out += table_or_none(highlights_table(b.highlights, en), o, {Term::kPeriod});
  return out;
}

}  // namespace

std::string render_text(const Report& r, const RenderOptions& o) {
  const bool en = o.en;
  std::string out;
  std::vector<std::string> header = report_header(r, en);
  if (const std::string number = number_text(r, en); !number.empty())
    header.insert(header.begin() + 1, number);
  for (size_t k = 0; k < header.size(); ++k)
    out += (k == 0 ? bold(header[k], o.color) : wrapped(header[k], o.width)) + "\n";
  // The 落款 ends the bulletin; 数据问题, about the records, follows it.
  std::string signature;
  for (const std::string& line : signature_lines(r, en)) signature += inert(line) + "\n";
  if (!signature.empty()) signature = "\n" + signature;
  if (r.indicators.empty()) {
    // The selection filters indicators; the bulletin's other sections
    // follow --action and --bureau, as they do when indicators match.
    if (r.bulletin) out += "\n" + bold(term(Term::kSectionIndicators, en), o.color) + "\n";
    out += fmt::format("\n{}\n",
                       en ? "No indicator matches the selection." : "没有符合筛选条件的指标。");
    if (r.bulletin) out += bulletin_text(*r.bulletin, o);
    return out + signature + problems_text(o.excluded, en, o.width);
  }
  if (r.bulletin) out += "\n" + bold(term(Term::kSectionIndicators, en), o.color) + "\n";
  out += changes_text(r, o);
  switch (o.by) {
    case GroupBy::kAction:
      out += "\n" + bold(term(Term::kByAction, en), o.color) + "\n";
      out += fitted_rollups(action_table(r, en), 1, o);
      for (const ActionRow& a : r.actions) {
        const std::string heading = action_heading(a, en);
        const std::string line =
            wrapped(fmt::format("{} · {} {} · {}", heading, term(Term::kLead, en),
                                inert(name_list(a.lead_names, en)), group_line(a.rollup, en)),
                    o.width);
        out += "\n" + bold(heading, o.color) + line.substr(heading.size()) + "\n";
        out += fitted_indicators(r, a.indicators, {}, o);
      }
      break;
    case GroupBy::kBureau:
      out += "\n" + bold(term(Term::kByBureau, en), o.color) + "\n";
      out += fitted_rollups(bureau_table(r, en), 2, o);
      for (const BureauRow& b : r.bureaus) {
        out += fmt::format("\n{} · {} {} · {} {} ({}/{})\n",
                           bold(fmt::format("{}. {}", b.rank, b.name), o.color),
                           term(Term::kLed, en), b.led, term(Term::kOnTimeRate, en),
                           rate_cell(b.on_time_rate), b.actuals_on_time, b.actuals_due);
        out += fitted_indicators(r, b.indicators, {IndicatorColumns::Lead::kNone}, o);
      }
      break;
    case GroupBy::kIndicator: {
      std::vector<size_t> all(r.indicators.size());
      for (size_t k = 0; k < all.size(); ++k) all[k] = k;
      out += "\n" + bold(term(Term::kByIndicator, en), o.color) + "\n";
      out += fitted_indicators(r, all, {}, o);
      break;
    }
  }
  if (r.bulletin) out += bulletin_text(*r.bulletin, o);
  return out + signature + problems_text(o.excluded, en, o.width);
}

std::string render_text(const OverdueReport& r, const RenderOptions& o) {
  const bool en = o.en;
  std::string out = bold(en ? fmt::format("Reports overdue · {}", r.plan_title)
                            : fmt::format("催报清单 · {}", r.plan_title),
                         o.color) +
                    "\n";
  const auto runs = overdue_groups(r);
  out += en ? fmt::format(
                  "as of {} · due {} days after each period ends · {} actuals from {} "
                  "bureaus\n",
                  format_date(r.as_of), r.timely_days, r.items.size(), runs.size())
            : fmt::format("截至 {} · 期末后 {} 天内报送 · 未报送 {} 项, 涉及 {} 个单位\n",
                          format_date(r.as_of), r.timely_days, r.items.size(), runs.size());
  for (const auto& run : runs) {
    const OverdueItem& first = r.items[run.first];
    const size_t n = run.second - run.first;
    out += fmt::format("\n{} ({}) · {}\n", bold(first.bureau_name, o.color), first.bureau,
                       en ? fmt::format("{} overdue", n) : fmt::format("{} 项", n));
    out += fitted_overdue(overdue_table(r, run, en), o);
  }
  return out + problems_text(o.excluded, en, o.width);
}

namespace {

// A two-column table of named values; a row with an empty value is left out.
struct Sheet {
  Table table;
  explicit Sheet(bool en) { table.header = headings({Term::kItem, Term::kContent}, en); }
  void add(std::string_view name, std::string value) {
    if (!value.empty()) table.rows.push_back({std::string(name), std::move(value)});
  }
};

// The definition of `tally show`'s indicator.
Table definition_table(const IndicatorDetail& d, const IndicatorCells& c, bool en) {
  const Indicator& ind = d.definition;
  Sheet def(en);
  def.add(term(Term::kAction, en), fmt::format("{} ({})", d.action_name, d.current.action));
  std::string kind(ind.form.rank ? "rank" : kind_name(ind.kind));
  if (ind.kind != Kind::kMilestone) kind += fmt::format(" · {}", direction_name(ind.direction));
  if (ind.kind == Kind::kCumulative) kind += fmt::format(" · basis {}", basis_name(ind.basis));
  def.add(term(Term::kKind, en), kind);
  def.add(term(ind.kind == Kind::kMilestone ? Term::kDue : Term::kTarget, en), c.target);
  if (ind.baseline)
    def.add(term(Term::kBaseline, en),
            fmt::format("{}{} ({})", ind.baseline->value.str(), ind.unit, ind.baseline->year));
  if (!ind.stages.empty()) {
    std::vector<std::string> st;
    for (const auto& s : ind.stages)
      st.push_back(fmt::format("{} {}", format_date(s.date), stage_label(s.stage, en)));
    def.add(term(Term::kStages, en), join(st, " · "));
  }
  def.add(term(Term::kLead, en), name_list(d.current.lead_names, en));
  def.add(term(Term::kCo, en), name_list(d.co_names, en));
  def.add(term(Term::kReporting, en),
          en ? fmt::format("every {}, within {} days after it ends", cadence_label(d.cadence, en),
                           d.timely_days)
             : fmt::format("每{}, 期末后 {} 天内", cadence_label(d.cadence, en), d.timely_days));
  if (ind.kind != Kind::kMilestone && ind.kind != Kind::kGrowth)
    def.add(term(Term::kScheduleShown, en), d.schedule);
  def.add(term(Term::kCited, en), ind.source);
  def.add(term(Term::kNote, en), ind.note);
  return def.table;
}

// What `tally show` says of a record besides its note: superseded, late,
// the reason of a correction.
std::vector<std::string> record_remarks(const DetailRecord& rec, bool en) {
  std::vector<std::string> remarks;
  if (rec.superseded) remarks.emplace_back(term(Term::kSuperseded, en));
  if (!rec.on_time) remarks.emplace_back(term(Term::kLate, en));
  if (!rec.actual.reason.empty()) remarks.push_back(rec.actual.reason);
  return remarks;
}

// Every record of the indicator, superseded and late ones marked.
Table records_table(const IndicatorDetail& d, bool en) {
  Table t;
  for (Term c :
       {Term::kPeriod, Term::kActual, Term::kRecordedAt, Term::kBy, Term::kSource, Term::kRemark})
    t.header.emplace_back(term(c, en));
  t.right = {false, true};
  for (const DetailRecord& rec : d.records) {
    const Actual& a = rec.actual;
    std::vector<std::string> remarks = record_remarks(rec, en);
    if (!a.note.empty()) remarks.push_back(a.note);
    t.rows.push_back({a.period.str(), value_cell(a.value, en), a.recorded.text(), a.by, a.source,
                      join(remarks, "; ")});
  }
  return t;
}

// The expected path: per period of the cadence, what is expected and, for
// the periods due, the figure and status with a bar of the path.
Table path_table(const IndicatorDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  const Indicator& ind = d.definition;
  // Milestones have a stage to reach instead of a share, value and completion.
  const bool milestone = ind.kind == Kind::kMilestone;
  const bool bar = !milestone && ind.kind != Kind::kGrowth;
  Table p;
  p.header = {std::string(term(Term::kPeriod, en)),
              std::string(term(milestone ? Term::kRequiredStage : Term::kExpected, en))};
  if (!milestone) p.header.emplace_back(term(Term::kExpectedValue, en));
  p.header.emplace_back(term(Term::kActual, en));
  if (!milestone) p.header.emplace_back(term(Term::kCompletion, en));
  p.header.emplace_back(term(Term::kStatus, en));
  if (bar) p.header.emplace_back(term(Term::kPathBar, en));
  p.right = std::vector<bool>(p.header.size(), true);
  p.right.front() = false;
  p.right[p.header.size() - 1] = false;
  if (p.header.size() > 2) p.right[p.header.size() - 2] = !bar;
  for (const PathStep& step : d.path) {
    IndicatorCells s = indicator_cells(step.row, en);
    // The path shows what each period expects, whatever figure is in force.
    if (!milestone) {
      s.expected = step.expect.share ? format_share(*step.expect.share) : "";
      s.expected_value = step.expect.value ? format_quantity(*step.expect.value) + ind.unit : "";
    }
    const bool own = step.row.actual_period && *step.row.actual_period == step.period;
    std::string actual = s.actual;
    if (!actual.empty() && step.row.actual_period && !own) actual += fmt::format(" ({})", s.period);
    std::vector<std::string> row = {step.period.str(), s.expected};
    if (!milestone) row.push_back(s.expected_value);
    row.push_back(step.due ? actual : "");
    if (!milestone) row.push_back(step.due ? s.completion : "");
    if (step.due && o.color)
      p.style(p.rows.size(), row.size(), std::string(status_color(step.row.status)));
    row.push_back(step.due ? s.status : "");
    if (bar) {
      const std::optional<double> done = step.due && own ? step.row.completion : std::nullopt;
      // A limit of zero has no share to draw, nor a place (a rank).
      const bool zero = ind.target && ind.target->to_double() == 0;
      row.push_back(zero || ind.form.rank ? "" : path_bar(step.expect.share, done));
    }
    p.rows.push_back(std::move(row));
  }
  return p;
}

// Where the indicator stands now.
Table now_table(const IndicatorDetail& d, const IndicatorCells& c, const RenderOptions& o) {
  const bool en = o.en;
  Sheet n(en);
  n.add(term(Term::kAsOf, en), format_date(d.as_of));
  n.add(term(Term::kStatus, en), c.status);
  if (o.color && !c.status.empty())
    n.table.style(n.table.rows.size() - 1, 1, std::string(status_color(d.current.status)));
  n.add(term(Term::kActual, en),
        c.period.empty() ? c.actual : fmt::format("{} ({})", c.actual, c.period));
  n.add(term(d.definition.kind == Kind::kMilestone ? Term::kRequiredStage : Term::kExpected, en),
        c.expected);
  n.add(term(Term::kExpectedValue, en), c.expected_value);
  n.add(term(Term::kCompletion, en), c.completion);
  n.add(term(Term::kGap, en), c.gap);
  n.add(term(Term::kPace, en), c.pace);
  n.add(term(Term::kProjection, en), c.projection);
  return n.table;
}

}  // namespace

std::string render_text(const IndicatorDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  const IndicatorCells c = indicator_cells(d.current, en);
  std::string out = bold(fmt::format("{}  {}", d.definition.id, d.definition.name), o.color) + "\n";
  out += render_text_table(definition_table(d, c, en), o.width);
  out += "\n" + bold(term(Term::kRecords, en), o.color) + "\n";
  out += d.records.empty() ? std::string(term(Term::kNoRecords, en)) + "\n"
                           : render_text_table(records_table(d, en), o.width);
  out += "\n" + bold(term(Term::kExpectedPath, en), o.color) + "\n";
  out += render_text_table(path_table(d, o), o.width);
  out += "\n" + bold(term(Term::kNow, en), o.color) + "\n";
  out += render_text_table(now_table(d, c, o), o.width);
  return out + problems_text(o.excluded, en, o.width);
}

namespace {

std::string reporting_line(Cadence cadence, int timely_days, bool en) {
  return en ? fmt::format("every {}, within {} days after it ends", cadence_label(cadence, en),
                          timely_days)
            : fmt::format("每{}, 期末后 {} 天内", cadence_label(cadence, en), timely_days);
}

Table task_definition_table(const TaskDetail& d, bool en) {
  const Task& t = d.definition;
  Sheet def(en);
  def.add(term(Term::kAction, en), fmt::format("{} ({})", d.action_name, d.action_id));
  def.add(term(Term::kTaskText, en), t.text);
  if (t.due) def.add(term(Term::kDue, en), format_date(*t.due));
  if (!t.stages.empty()) {
    std::vector<std::string> st;
    for (const auto& s : t.stages)
      st.push_back(fmt::format("{} {}", format_date(s.date), stage_label(s.stage, en)));
    def.add(term(Term::kStages, en), join(st, " · "));
  }
  def.add(term(Term::kLead, en), name_list(d.lead_names, en));
  def.add(term(Term::kCo, en), name_list(d.co_names, en));
  def.add(term(Term::kReporting, en), reporting_line(d.cadence, d.timely_days, en));
  def.add(term(Term::kCited, en), t.source);
  def.add(term(Term::kNote, en), t.note);
  return def.table;
}

Table task_records_table(const TaskDetail& d, bool en) {
  Table t;
  for (Term c : {Term::kPeriod, Term::kTaskState, Term::kRecordedAt, Term::kBy, Term::kSource,
                 Term::kProgressNote, Term::kRemark})
    t.header.emplace_back(term(c, en));
  for (const DetailRecord& rec : d.records) {
    const Actual& a = rec.actual;
    t.rows.push_back({a.period.str(), value_cell(a.value, en), a.recorded.text(), a.by, a.source,
                      a.note, join(record_remarks(rec, en), "; ")});
  }
  return t;
}

Table task_now_table(const TaskDetail& d, bool en) {
  Sheet n(en);
  n.add(term(Term::kAsOf, en), format_date(d.as_of));
  if (d.latest) {
    n.add(term(Term::kTaskState, en),
          fmt::format("{} ({})", value_cell(d.latest->value, en), d.latest->period.str()));
    n.add(term(Term::kProgressNote, en), d.latest->note);
  } else {
    n.add(term(Term::kTaskState, en), std::string(term(Term::kMissing, en)));
  }
  for (const Owed& o : d.owed) {
    std::string missed = std::to_string(o.missed);
    if (o.missed > 1) {
      missed +=
          en ? fmt::format(" (since {})", o.first.str()) : fmt::format(" ({}起)", o.first.str());
    }
    n.add(term(Term::kDuePeriod, en),
          fmt::format("{} · {} {}", o.period.str(), term(Term::kDueDate, en),
                      format_date(due_date(o.period, d.timely_days))));
    n.add(term(Term::kMissed, en), missed);
  }
  return n.table;
}

}  // namespace

std::string render_text(const TaskDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  std::string out = bold(fmt::format("{}  {}", d.definition.id, d.definition.name), o.color) + "\n";
  out += render_text_table(task_definition_table(d, en), o.width);
  out += "\n" + bold(term(Term::kRecords, en), o.color) + "\n";
  out += d.records.empty() ? std::string(term(Term::kNoRecords, en)) + "\n"
                           : render_text_table(task_records_table(d, en), o.width);
  out += "\n" + bold(term(Term::kNow, en), o.color) + "\n";
  out += render_text_table(task_now_table(d, en), o.width);
  return out;
}

}  // namespace tally
