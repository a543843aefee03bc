#include "core/render/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/render/table.h"
#include "core/base/text.h"

namespace tally {

namespace {

std::string paint(std::string text, Status s, bool color) {
  if (!color) return text;
  return fmt::format("{}{}\x1b[0m", status_color(s), text);
}

std::string bold(std::string_view text, bool color) {
  return color ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
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

// An indicator table fitted to the terminal: when the names would be cut
// short, the projection and then the lead give way first.
std::string fitted_indicators(const Report& r, const std::vector<size_t>& which,
                              IndicatorColumns columns, const RenderOptions& o) {
  Table t = indicator_table(r, which, columns, o.en, o.color);
  if (names_cramped(t, o.width) && columns.projection) {
    columns.projection = false;
    t = indicator_table(r, which, columns, o.en, o.color);
  }
  if (names_cramped(t, o.width) && columns.lead != IndicatorColumns::Lead::kNone) {
    columns.lead = IndicatorColumns::Lead::kNone;
    t = indicator_table(r, which, columns, o.en, o.color);
  }
  return render_text_table(t, o.width);
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
    out += (en ? "Newly overdue\n" : "新增逾期\n");
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

std::string render_text(const Report& r, const RenderOptions& o) {
  const bool en = o.en;
  std::string out;
  std::vector<std::string> header = report_header(r, en);
  for (size_t k = 0; k < header.size(); ++k)
    out += (k == 0 ? bold(header[k], o.color) : header[k]) + "\n";
  if (r.indicators.empty()) {
    return out + fmt::format("\n{}\n", en ? "No indicator matches the selection."
                                          : "没有符合筛选条件的指标。");
  }
  out += changes_text(r, o);
  switch (o.by) {
    case GroupBy::kAction:
      out += "\n" + bold(term(Term::kByAction, en), o.color) + "\n";
      out += render_text_table(action_table(r, en), o.width);
      for (const ActionRow& a : r.actions) {
        out += fmt::format("\n{} · {} {} · {}\n", bold(action_heading(a, en), o.color),
                           term(Term::kLead, en), join(a.lead_names, en ? ", " : "、"),
                           group_line(a.rollup, en));
        out += fitted_indicators(r, a.indicators, {}, o);
      }
      break;
    case GroupBy::kBureau:
      out += "\n" + bold(term(Term::kByBureau, en), o.color) + "\n";
      out += render_text_table(bureau_table(r, en), o.width);
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
  return out;
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
    out += render_text_table(overdue_table(r, run, en), o.width);
  }
  return out;
}

std::string render_text(const IndicatorDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  const Indicator& ind = d.definition;
  const IndicatorRow& now = d.current;
  std::string out = bold(fmt::format("{}  {}", ind.id, ind.name), o.color) + "\n";
  Table def;
  def.header = {en ? "field" : "项目", en ? "value" : "内容"};
  auto add = [&](std::string_view k, std::string v) {
    if (!v.empty()) def.rows.push_back({std::string(k), std::move(v)});
  };
  add(term(Term::kAction, en), fmt::format("{} ({})", d.action_name, now.action));
  std::string kind(kind_name(ind.kind));
  if (ind.kind != Kind::kMilestone) kind += fmt::format(" · {}", direction_name(ind.direction));
  if (ind.kind == Kind::kCumulative) kind += fmt::format(" · basis {}", basis_name(ind.basis));
  add(term(Term::kKind, en), kind);
  IndicatorCells c = indicator_cells(now, en);
  add(term(ind.kind == Kind::kMilestone ? Term::kDue : Term::kTarget, en), c.target);
  if (ind.baseline)
    add(term(Term::kBaseline, en),
        fmt::format("{}{} ({})", ind.baseline->value.str(), ind.unit, ind.baseline->year));
  if (!ind.stages.empty()) {
    std::vector<std::string> st;
    for (const auto& s : ind.stages)
      st.push_back(fmt::format("{} {}", format_date(s.date), stage_label(s.stage, en)));
    add(en ? "stages" : "阶段", join(st, " · "));
  }
  add(term(Term::kLead, en), join(now.lead_names, en ? ", " : "、"));
  add(en ? "co" : "配合", join(d.co_names, en ? ", " : "、"));
  add(en ? "reporting" : "报送",
      en ? fmt::format("every {}, within {} days after it ends", cadence_label(d.cadence, en),
                       d.timely_days)
         : fmt::format("每{}, 期末后 {} 天内", cadence_label(d.cadence, en), d.timely_days));
  if (ind.kind != Kind::kMilestone && ind.kind != Kind::kGrowth)
    add(en ? "schedule" : "序时安排", d.schedule);
  add(en ? "source" : "出处", ind.source);
  add(en ? "note" : "备注", ind.note);
  out += render_text_table(def, o.width);

  out += "\n" + bold(en ? "Records" : "报送记录", o.color) + "\n";
  if (d.records.empty()) {
    out += en ? "(none)\n" : "(无)\n";
  } else {
    Table t;
    t.header = {std::string(term(Term::kPeriod, en)),
                std::string(term(Term::kActual, en)),
                en ? "recorded" : "录入时间",
                en ? "by" : "报送单位",
                en ? "source" : "来源",
                en ? "remark" : "说明"};
    t.right = {false, true};
    for (const DetailRecord& rec : d.records) {
      const Actual& a = rec.actual;
      std::vector<std::string> remarks;
      if (rec.superseded) remarks.push_back(en ? "superseded" : "已被更正");
      if (!rec.on_time) remarks.push_back(en ? "late" : "逾期报送");
      if (!a.reason.empty()) remarks.push_back(a.reason);
      if (!a.note.empty()) remarks.push_back(a.note);
      std::string value = a.value.number  ? a.value.number->str()
                          : a.value.stage ? std::string(stage_label(*a.value.stage, en))
                                          : "";
      if (a.value.percent) value += " " + format_quantity(*a.value.percent) + "%";
      t.rows.push_back(
          {a.period.str(), value, a.recorded.text, a.by, a.source, join(remarks, "; ")});
    }
    out += render_text_table(t, o.width);
  }

  out += "\n" + bold(en ? "Expected path" : "序时路径", o.color) + "\n";
  // Milestones have a stage to reach instead of a share, value and completion.
  const bool milestone = ind.kind == Kind::kMilestone;
  Table p;
  p.header = {std::string(term(Term::kPeriod, en)),
              std::string(term(milestone ? Term::kRequiredStage : Term::kExpected, en))};
  if (!milestone) p.header.emplace_back(term(Term::kExpectedValue, en));
  p.header.emplace_back(term(Term::kActual, en));
  if (!milestone) p.header.emplace_back(term(Term::kCompletion, en));
  p.header.emplace_back(term(Term::kStatus, en));
  if (!milestone && ind.kind != Kind::kGrowth) p.header.emplace_back(en ? "path" : "路径图");
  p.right = std::vector<bool>(p.header.size(), true);
  p.right.front() = false;
  p.right[p.header.size() - 1] = false;
  if (p.header.size() > 2) p.right[p.header.size() - 2] = milestone || ind.kind == Kind::kGrowth;
  for (const PathStep& step : d.path) {
    IndicatorCells s = indicator_cells(step.row, en);
    // The path shows what each period expects, whatever figure is in force.
    if (!milestone) {
      s.expected = step.expect.share ? format_share(*step.expect.share) : "";
      s.expected_value = step.expect.value ? format_quantity(*step.expect.value) + ind.unit : "";
    }
    std::string actual = s.actual;
    if (!actual.empty() && step.row.actual_period && !(*step.row.actual_period == step.period))
      actual += fmt::format(" ({})", s.period);
    std::vector<std::string> row = {step.period.str(), s.expected};
    if (!milestone) row.push_back(s.expected_value);
    row.push_back(step.due ? actual : "");
    if (!milestone) row.push_back(step.due ? s.completion : "");
    row.push_back(step.due ? paint(s.status, step.row.status, o.color) : "");
    if (!milestone && ind.kind != Kind::kGrowth) {
      const std::optional<double> done =
          step.due && step.row.actual_period && *step.row.actual_period == step.period
              ? step.row.completion
              : std::nullopt;
      // A limit of zero has no share to draw.
      const bool zero = ind.target && ind.target->to_double() == 0;
      row.push_back(zero ? "" : path_bar(step.expect.share, done));
    }
    p.rows.push_back(std::move(row));
  }
  out += render_text_table(p, o.width);

  out += "\n" + bold(en ? "Now" : "当前", o.color) + "\n";
  Table n;
  n.header = {en ? "field" : "项目", en ? "value" : "内容"};
  auto now_row = [&](std::string_view k, std::string v) {
    if (!v.empty()) n.rows.push_back({std::string(k), std::move(v)});
  };
  now_row(term(Term::kAsOf, en), format_date(d.as_of));
  now_row(term(Term::kStatus, en), paint(c.status, now.status, o.color));
  now_row(term(Term::kActual, en),
          c.period.empty() ? c.actual : fmt::format("{} ({})", c.actual, c.period));
  now_row(term(ind.kind == Kind::kMilestone ? Term::kRequiredStage : Term::kExpected, en),
          c.expected);
  now_row(term(Term::kExpectedValue, en), c.expected_value);
  now_row(term(Term::kCompletion, en), c.completion);
  now_row(term(Term::kGap, en), c.gap);
  now_row(term(Term::kPace, en), c.pace);
  now_row(term(Term::kProjection, en), c.projection);
  out += render_text_table(n, o.width);
  return out;
}

}  // namespace tally
