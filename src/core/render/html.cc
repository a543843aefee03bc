#include "core/render/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/base/text.h"
#include "core/render/data_problems.h"
#include "core/render/rank.h"
#include "core/render/table.h"

namespace tally {

namespace {

// One stylesheet for screen and print. Status colours live here only: cells
// use the classes s-<status>, chart shapes f-<status>. Missing is blue: it
// asks for a report, not for blame.
constexpr std::string_view kStyle = R"css(
@page { size: A4 landscape; margin: 14mm 10mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 24px 28px 40px; color: #1f2328; background: #fff;
  font: 14px/1.55 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", SimHei,
    "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 2px; letter-spacing: .02em; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1f3a5f; color: #1f3a5f; }
h3 { font-size: 15px; margin: 22px 0 4px; }
header.report { border-bottom: 3px solid #1f3a5f; padding-bottom: 12px; }
.doc { color: #57606a; margin: 0 0 8px; }
.number { margin: 0 0 8px; font-weight: 600; }
.signature { margin-top: 32px; text-align: right; line-height: 1.9; }
.meta { margin: 2px 0; }
.sub { color: #57606a; margin: 0 0 6px; font-size: 13px; }
ul.counts { list-style: none; display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 12px 0 8px; }
ul.counts li { flex: 1 1 96px; border: 1px solid #d0d7de; border-top-width: 4px; border-radius: 4px; padding: 4px 8px; }
ul.counts b { display: block; font-size: 22px; line-height: 1.2; font-variant-numeric: tabular-nums; }
ul.counts li.zero { opacity: .55; }
svg { display: block; width: 100%; height: auto; max-width: 860px; margin: 6px 0 14px; }
svg text { font-size: 12px; fill: #1f2328; }
svg .tick { fill: #57606a; font-size: 11px; }
svg .track { fill: #eef1f4; }
svg .bar { fill: #3b6ea8; }
svg .expected { stroke: #b42318; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg text.expected-label { fill: #b42318; }
svg .grid { stroke: #d0d7de; stroke-width: 1; }
svg .count { fill: #fff; font-size: 11px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 18px; font-size: 12.5px; }
th, td { border-bottom: 1px solid #d8dee4; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f5f8; font-weight: 600; white-space: nowrap; border-bottom: 1px solid #afb8c1; }
.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.k { white-space: nowrap; }
td.zero { color: #afb8c1; }
tbody tr:nth-child(even) td { background: #fafbfc; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.pill { display: inline-block; padding: 0 7px; border-radius: 9px; white-space: nowrap; font-size: 12px;
  color: var(--fg); background: var(--bg); }
.s-done { --fg: #0f5323; --bg: #ccf1d6; --ink: #116329; --line: #2da44e; }
.s-on-track { --fg: #116329; --bg: #e4f7e9; --ink: #1a7f37; --line: #7dcf8c; }
.s-behind { --fg: #6f4400; --bg: #fff1c2; --ink: #7d5a00; --line: #d4a72c; }
.s-off-track { --fg: #9a1127; --bg: #ffe1df; --ink: #b42318; --line: #e5534b; }
.s-breached { --fg: #fff; --bg: #a40e26; --ink: #8e0f22; --line: #a40e26; }
.s-overdue { --fg: #8a2a0a; --bg: #ffdccc; --ink: #b5470f; --line: #e8743b; }
.s-missing { --fg: #0b4f8a; --bg: #dcebfb; --ink: #0b4f8a; --line: #5b9bd5; }
.s-not-due { --fg: #57606a; --bg: #eef1f4; --ink: #57606a; --line: #c7ced6; }
ul.counts li { border-top-color: var(--line); color: var(--ink); }
.f-done { fill: #2da44e; } .f-on-track { fill: #7dcf8c; } .f-behind { fill: #d4a72c; }
.f-off-track { fill: #e5534b; } .f-breached { fill: #a40e26; } .f-overdue { fill: #e8743b; }
.f-missing { fill: #5b9bd5; } .f-not-due { fill: #c7ced6; }
footer { margin-top: 28px; color: #8c959f; font-size: 12px; }
@media print {
  body { padding: 0; font-size: 10pt; line-height: 1.35; }
  section.page { break-before: page; }
  ul.counts { gap: 4px; }
  ul.counts li { flex: 1 1 0; min-width: 0; padding: 2px 5px; }
  ul.counts b { font-size: 15pt; }
  h2, h3, .sub { break-after: avoid; }
  table { font-size: 8pt; }
  th, td { padding: 1px 4px; }
  .pill { font-size: 8pt; padding: 0 4px; }
  svg { max-width: 100%; }
}
)css";

std::string status_class(Status s) {
  return fmt::format("s-{}", status_name(s));
}

std::string esc(std::string_view s) {
  return html_escape(s);
}

// Whether a cell holds one ASCII word: an id, a period or a date. A browser
// breaks such a word at its hyphens (`2024-`/`06`), and one must read or copy
// it whole, so it never wraps.
bool key_like(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char ch) {
    auto u = static_cast<unsigned char>(ch);
    return u > 0x20 && u < 0x80;
  });
}

// `text` as a CSS string literal: quotes and backslashes escaped, and `<`
// escaped so that no `</style>` can close the sheet early.
std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"' || ch == '\\' || ch == '<') {
      out += fmt::format("\\{:x} ", static_cast<unsigned char>(ch));
    } else if (ch == '\n' || ch == '\r') {
      out += ' ';
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// What a printed page carries in its margins: the bulletin's title and
// period at the top, the page number and count at the foot.
std::string page_margins(const Report& r, bool en) {
  return fmt::format(
      "@page {{ @top-left {{ content: {}; font-size: 8pt; color: #57606a; }} "
      "@top-right {{ content: {}; font-size: 8pt; color: #57606a; }} "
      "@bottom-center {{ content: counter(page) \" / \" counter(pages); font-size: 8pt; }} }}\n",
      css_string(r.plan_title),
      css_string(std::string(term(Term::kPeriod, en)) + " " + r.period.str()));
}

// A table as HTML; `cell_class(row, col)` adds a class to a body cell and
// `wrap(row, col, text)` may wrap its escaped text (e.g. in a status pill).
template <class CellClass, class Wrap>
std::string html_table(const Table& t, CellClass cell_class, Wrap wrap) {
  auto right = [&](size_t c) { return c < t.right.size() && t.right[c]; };
  std::string out = "<table>\n<thead><tr>";
  for (size_t c = 0; c < t.header.size(); ++c) {
    out += fmt::format("<th{}>{}</th>", right(c) ? " class=\"r\"" : "", esc(t.header[c]));
  }
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out += "<tr>";
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      std::string cls = right(c) ? "r" : key_like(t.rows[r][c]) ? "k" : "";
      std::string extra = cell_class(r, c);
      if (!extra.empty()) cls += cls.empty() ? extra : " " + extra;
      out += fmt::format("<td{}>{}</td>", cls.empty() ? "" : " class=\"" + cls + "\"",
                         wrap(r, c, esc(t.rows[r][c])));
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

// The column a table shows `heading` in, or npos.
size_t column(const Table& t, std::string_view heading) {
  auto it = std::find(t.header.begin(), t.header.end(), heading);
  return it == t.header.end() ? std::string::npos : static_cast<size_t>(it - t.header.begin());
}

// The indicators `which` with their status cells as coloured pills.
std::string indicators_html(const Report& r, const std::vector<size_t>& which,
                            const IndicatorColumns& columns, bool en) {
  Table t = indicator_table(r, which, columns, en, false);
  const size_t status = column(t, term(Term::kStatus, en));
  return html_table(
      t, [](size_t, size_t) { return std::string(); },
      [&](size_t row, size_t c, std::string text) {
        if (c != status) return text;
        return fmt::format("<span class=\"pill {}\">{}</span>",
                           status_class(r.indicators[which[row]].status), text);
      });
}

// A roll-up table (actions or bureaus): the status columns dim their zeros
// and carry their status colour in the heading row.
std::string rollup_html(const Table& t, bool en) {
  std::vector<std::pair<size_t, Status>> status_cols;
  for (Status s : kAllStatuses) {
    size_t c = column(t, status_label(s, en));
    if (c != std::string::npos) status_cols.emplace_back(c, s);
  }
  std::string html = html_table(
      t,
      [&](size_t row, size_t c) {
        for (const auto& sc : status_cols)
          if (sc.first == c && t.rows[row][c] == "0") return std::string("zero");
        return std::string();
      },
      [](size_t, size_t, std::string text) { return text; });
  // Colour the status headings: a thin bar of the status colour under each.
  for (const auto& [c, s] : status_cols) {
    std::string plain = fmt::format("<th class=\"r\">{}</th>", esc(t.header[c]));
    std::string coloured = fmt::format("<th class=\"r\"><span class=\"pill {}\">{}</span></th>",
                                       status_class(s), esc(t.header[c]));
    if (auto at = html.find(plain); at != std::string::npos)
      html.replace(at, plain.size(), coloured);
  }
  return html;
}

// A 100% stacked bar per action: how many of its indicators are in each
// status, with a legend.
std::string status_chart(const Report& r, bool en) {
  constexpr double kWidth = 860, kRow = 26, kBar = 16;
  size_t label_cols = 8;
  for (const ActionRow& a : r.actions)
    label_cols = std::max(label_cols, display_width(action_heading(a, en)));
  const double x0 = std::min(320.0, 12.0 + 7.0 * static_cast<double>(label_cols));
  const double bw = kWidth - x0 - 64;
  const double legend_y = kRow * static_cast<double>(r.actions.size()) + 14;
  std::string out = fmt::format(
      "<svg viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\">\n", kWidth, legend_y + 24,
      esc(en ? "Indicators of each action by status" : "各行动指标状态分布"));
  for (size_t i = 0; i < r.actions.size(); ++i) {
    const ActionRow& a = r.actions[i];
    const double y = kRow * static_cast<double>(i);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", x0 - 8,
                       y + 15, esc(action_heading(a, en)));
    const StatusCounts& c = a.rollup.counts;
    double x = x0;
    for (Status s : kAllStatuses) {
      if (c[s] == 0 || c.total == 0) continue;
      const double w = bw * static_cast<double>(c[s]) / static_cast<double>(c.total);
      out += fmt::format(
          "<rect class=\"f-{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
          "height=\"{:.0f}\"><title>{} {}</title></rect>\n",
          status_name(s), x, y + 3, w, kBar, esc(status_label(s, en)), c[s]);
      if (w >= 18) {
        out += fmt::format(
            "<text class=\"count\" x=\"{:.1f}\" y=\"{:.1f}\" "
            "text-anchor=\"middle\">{}</text>\n",
            x + w / 2, y + 15, c[s]);
      }
      x += w;
    }
    out += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x0 + bw + 6,
                       y + 15, c.total);
  }
  double x = x0;
  for (Status s : kAllStatuses) {
    std::string label = esc(status_label(s, en));
    out += fmt::format(
        "<rect class=\"f-{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" "
        "height=\"12\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
        status_name(s), x, legend_y, x + 16, legend_y + 11, label);
    x += 28 + 7.0 * static_cast<double>(display_width(status_label(s, en)));
  }
  out += "</svg>\n";
  return out;
}

// The page header: plan, document, period, as-of, expected share, the
// count of indicators per status, 达序时率 and the selection.
std::string header_html(const Report& r, bool en) {
  std::vector<std::string> lines = report_header(r, en);
  std::string out = "<header class=\"report\">\n";
  out += fmt::format("<h1>{}</h1>\n", esc(r.plan_title));
  if (!r.plan_document.empty())
    out += fmt::format("<p class=\"doc\">{}</p>\n", esc(r.plan_document));
  if (const std::string number = number_text(r, en); !number.empty())
    out += fmt::format("<p class=\"number\">{}</p>\n", esc(number));
  out += fmt::format("<p class=\"meta\">{}</p>\n", esc(lines[1]));
  out += "<ul class=\"counts\">\n";
  for (Status s : kAllStatuses) {
    out += fmt::format("<li class=\"{}{}\"><b>{}</b>{}</li>\n", status_class(s),
                       r.totals.counts[s] == 0 ? " zero" : "", r.totals.counts[s],
                       esc(status_label(s, en)));
  }
  out += "</ul>\n";
  for (size_t k = 3; k < lines.size(); ++k)
    out += fmt::format("<p class=\"meta\">{}</p>\n", esc(lines[k]));
  out += "</header>\n";
  return out;
}

// A dekad brief's changes since the last brief.
std::string changes_html(const Report& r, bool en) {
  auto plain = [](size_t, size_t) { return std::string(); };
  auto same = [](size_t, size_t, std::string text) { return text; };
  std::string out =
      fmt::format("<section class=\"changes\">\n<h2>{}</h2>\n", esc(changes_lines(r, en)[0]));
  if (!r.changes->records.empty())
    out += html_table(changed_records_table(*r.changes, en), plain, same);
  if (!r.changes->newly_overdue.empty()) {
    out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kNewlyOverdue, en)));
    out += html_table(newly_overdue_table(*r.changes, en), plain, same);
  }
  return out + "</section>\n";
}

// A table, or （无） when it has no rows.
std::string html_or_none(const Table& t, bool en) {
  if (t.rows.empty()) return fmt::format("<p>{}</p>\n", esc(term(Term::kUnset, en)));
  return html_table(
      t, [](size_t, size_t) { return std::string(); },
      [](size_t, size_t, std::string text) { return text; });
}

// The 工作月报's sections after the indicators: 重点任务, 突出问题, 特色亮点.
std::string bulletin_html(const Bulletin& b, bool en) {
  std::string out =
      fmt::format("<section class=\"page bulletin\">\n<h2>{}</h2>\n<p>{}</p>\n",
                  esc(term(Term::kSectionTasks, en)), esc(task_counts_line(b.tasks, en)));
  out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kStalledTasks, en)));
  out += html_or_none(bulletin_tasks_table(b.tasks.stalled_tasks, en), en);
  out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kUnreportedTasks, en)));
  out += html_or_none(bulletin_tasks_table(b.tasks.unreported, en), en);
  out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", esc(term(Term::kSectionProblems, en)),
                     esc(problem_counts_line(b.problems, en)));
  out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kOpenedInPeriod, en)));
  out += html_or_none(bulletin_problems_table(b.problems.opened, en), en);
  out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kOpenByBureau, en)));
  out += html_or_none(problems_by_bureau_table(b.problems, en), en);
  out += fmt::format("<h3>{}</h3>\n", esc(term(Term::kClosedInPeriod, en)));
  out += html_or_none(bulletin_problems_table(b.problems.closed, en), en);
  out += fmt::format("<h2>{}</h2>\n", esc(term(Term::kSectionHighlights, en)));
  out += html_or_none(highlights_table(b.highlights, en), en);
  return out + "</section>\n";
}

}  // namespace

namespace {

// The 落款: the issuing unit and the report's date, right-aligned; "" when
// the plan names no issuer.
std::string signature_html(const Report& r, bool en) {
  std::vector<std::string> lines;
  for (const std::string& line : signature_lines(r, en)) lines.push_back(esc(line));
  if (lines.empty()) return "";
  return fmt::format("<p class=\"signature\">{}</p>\n", fmt::join(lines, "<br>"));
}

}  // namespace

std::string render_html(const Report& r, const RenderOptions& o) {
  const bool en = o.en;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} · {}</title>\n", esc(r.plan_title), esc(r.period.str()));
  out += fmt::format("<style>{}{}</style>\n</head>\n<body>\n", kStyle, page_margins(r, en));
  out += header_html(r, en);
  if (r.indicators.empty()) {
    // The selection filters indicators; the bulletin's other sections stay.
    if (r.bulletin)
      out +=
          fmt::format("<h2 class=\"section\">{}</h2>\n", esc(term(Term::kSectionIndicators, en)));
    out += fmt::format("<p>{}</p>\n", esc(en ? "No indicator matches the selection."
                                             : "没有符合筛选条件的指标。"));
    if (r.bulletin) out += bulletin_html(*r.bulletin, en);
    return out + signature_html(r, en) + problems_html(o.excluded, en) + "</body>\n</html>\n";
  }

  if (r.bulletin)
    out += fmt::format("<h2 class=\"section\">{}</h2>\n", esc(term(Term::kSectionIndicators, en)));
  if (std::vector<size_t> which = attention_indicators(r); !which.empty()) {
    out += fmt::format("<section class=\"attention\">\n<h2>{}</h2>\n",
                       esc(term(Term::kAttention, en)));
    out += indicators_html(r, which, {IndicatorColumns::Lead::kAll, false, false}, en);
    out += "</section>\n";
  }
  if (r.changes) out += changes_html(r, en);
  out +=
      fmt::format("<section class=\"overview\">\n<h2>{}</h2>\n", esc(term(Term::kStatusChart, en)));
  out += status_chart(r, en);
  out += "</section>\n";

  out += fmt::format("<section class=\"page\">\n<h2>{}</h2>\n", esc(term(Term::kByAction, en)));
  out += rollup_html(action_table(r, en), en);
  out += fmt::format("<h2>{}</h2>\n", esc(term(Term::kByBureau, en)));
  out += rollup_html(bureau_table(r, en), en);
  out += "</section>\n";

  out += "<section class=\"page\">\n";
  switch (o.by) {
    case GroupBy::kAction:
      out += fmt::format("<h2>{}</h2>\n", esc(term(Term::kByActionList, en)));
      for (const ActionRow& a : r.actions) {
        out += fmt::format("<h3>{}</h3>\n<p class=\"sub\">{} {} · {}</p>\n",
                           esc(action_heading(a, en)), esc(term(Term::kLead, en)),
                           esc(name_list(a.lead_names, en)), esc(group_line(a.rollup, en)));
        out += indicators_html(r, a.indicators, kAllColumns, en);
      }
      break;
    case GroupBy::kBureau:
      out += fmt::format("<h2>{}</h2>\n", esc(term(Term::kByBureauList, en)));
      for (const BureauRow& b : r.bureaus) {
        out += fmt::format("<h3>{}. {}</h3>\n<p class=\"sub\">{} · {} {}</p>\n", b.rank,
                           esc(b.name), esc(group_line(b.rollup, en)),
                           esc(term(Term::kOnTimeRate, en)), esc(rate_cell(b.on_time_rate)));
        out += indicators_html(r, b.indicators, kNoLead, en);
      }
      break;
    case GroupBy::kIndicator: {
      std::vector<size_t> all(r.indicators.size());
      for (size_t k = 0; k < all.size(); ++k) all[k] = k;
      out += fmt::format("<h2>{}</h2>\n", esc(term(Term::kByIndicator, en)));
      out += indicators_html(r, all, kAllColumns, en);
      break;
    }
  }
  out += "</section>\n";
  if (r.bulletin) out += bulletin_html(*r.bulletin, en);
  // The 落款 ends the bulletin; 数据问题, about the records, follows it.
  out += signature_html(r, en);
  out += problems_html(o.excluded, en);
  out += fmt::format("<footer>{} · {} {}</footer>\n", esc(r.plan_id), esc(term(Term::kAsOf, en)),
                     format_date(r.as_of));
  out += "</body>\n</html>\n";
  return out;
}

namespace {

// The expected path as a line and the reported figures as dots, in the
// indicator's unit; the target as a dashed line.
std::string path_chart(const IndicatorDetail& d, bool en) {
  const Indicator& ind = d.definition;
  constexpr double kW = 720, kH = 240, kLeft = 64, kRight = 16, kTop = 16, kBottom = 40;
  double top = ind.target ? std::fabs(ind.target->to_double()) : 0;
  for (const PathStep& step : d.path) {
    if (step.expect.value) top = std::max(top, *step.expect.value);
    if (step.due && step.row.actual) top = std::max(top, step.row.actual->to_double());
  }
  if (top <= 0) top = 1;
  const size_t n = d.path.size();
  const double step_w = (kW - kLeft - kRight) / static_cast<double>(std::max<size_t>(n, 1));
  auto x_of = [&](size_t k) { return kLeft + step_w * (static_cast<double>(k) + 0.5); };
  auto y_of = [&](double v) {
    return kTop + (kH - kTop - kBottom) * (1.0 - std::clamp(v / top, 0.0, 1.05));
  };
  std::string out = fmt::format(
      "<svg class=\"path\" viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\">\n", kW, kH,
      esc(en ? "Expected path and reported figures" : "序时路径与报送实绩"));
  // Axes, the target line and its label.
  out += fmt::format(
      "<line class=\"axis\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n", kLeft,
      kH - kBottom, kW - kRight, kH - kBottom);
  if (ind.target) {
    const double t = ind.target->to_double();
    out += fmt::format(
        "<line class=\"target\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>"
        "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
        kLeft, y_of(t), kW - kRight, y_of(t), kLeft - 6, y_of(t) + 4,
        esc(ind.target->str() + ind.unit));
  }
  std::string points;
  for (size_t k = 0; k < n; ++k) {
    const PathStep& step = d.path[k];
    if (step.expect.value)
      points += fmt::format("{}{:.1f},{:.1f}", points.empty() ? "" : " ", x_of(k),
                            y_of(*step.expect.value));
    if (k % std::max<size_t>(1, n / 12) == 0 || k + 1 == n) {
      out += fmt::format(
          "<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\" "
          "text-anchor=\"middle\">{}</text>\n",
          x_of(k), kH - kBottom + 16, esc(step.period.str()));
    }
  }
  if (!points.empty())
    out += fmt::format("<polyline class=\"path-line\" points=\"{}\"/>\n", points);
  for (size_t k = 0; k < n; ++k) {
    const PathStep& step = d.path[k];
    if (!step.due || !step.row.actual || !step.row.actual_period ||
        !(*step.row.actual_period == step.period))
      continue;
    out += fmt::format(
        "<circle class=\"f-{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\"><title>{} {}{} {}</title>"
        "</circle>\n",
        status_name(step.row.status), x_of(k), y_of(step.row.actual->to_double()),
        esc(step.period.str()), esc(step.row.actual->str()), esc(ind.unit),
        esc(status_label(step.row.status, en)));
  }
  out += fmt::format("<text class=\"tick\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", kLeft, kH - 6,
                     esc(en ? "line: expected path · dots: figures reported · dashes: target"
                            : "折线: 序时路径 · 圆点: 报送实绩 · 虚线: 目标"));
  return out + "</svg>\n";
}

// The page of `tally show` up to its header's first lines: the title, the
// style (the reports' and `style`), the name, id and action.
std::string detail_page_head(std::string_view id, std::string_view name,
                             std::string_view action_name, std::string_view style) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} · {}</title>\n", esc(id), esc(name));
  out += fmt::format("<style>{}{}</style>\n</head>\n<body>\n", kStyle, style);
  out += fmt::format("<header class=\"report\">\n<h1>{}</h1>\n<p class=\"doc\">{} · {}</p>\n",
                     esc(name), esc(id), esc(action_name));
  return out;
}

}  // namespace

std::string render_html(const IndicatorDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  const Indicator& ind = d.definition;
  std::string out =
      detail_page_head(ind.id, ind.name, d.action_name,
                       "svg.path .path-line { fill: none; stroke: #444; stroke-width: 2; }"
                       "svg.path .target { stroke: #999; stroke-dasharray: 6 4; }"
                       "svg.path .axis { stroke: #333; }");
  const IndicatorCells c = indicator_cells(d.current, en);
  out += fmt::format("<p class=\"meta\">{} {} · {} {} · {} {} · {} {}</p>\n</header>\n",
                     esc(term(Term::kTarget, en)), esc(c.target), esc(term(Term::kLead, en)),
                     esc(c.lead), esc(term(Term::kAsOf, en)), esc(format_date(d.as_of)),
                     esc(term(Term::kScheduleShown, en)), esc(d.schedule));
  if (ind.kind != Kind::kMilestone && ind.kind != Kind::kGrowth) out += path_chart(d, en);
  Table t;
  t.header = headings(
      {Term::kPeriod, Term::kExpected, Term::kExpectedValue, Term::kActual, Term::kStatus}, en);
  t.right = {false, true, true, true, false};
  std::vector<Status> statuses;
  for (const PathStep& step : d.path) {
    const IndicatorCells s = indicator_cells(step.row, en);
    const bool own = step.row.actual_period && *step.row.actual_period == step.period;
    t.rows.push_back({step.period.str(), step.expect.share ? format_share(*step.expect.share) : "",
                      step.expect.value ? format_quantity(*step.expect.value) + ind.unit : "",
                      step.due && own ? s.actual : "", step.due ? s.status : ""});
    statuses.push_back(step.row.status);
  }
  out += html_table(
      t, [](size_t, size_t) { return std::string(); },
      [&](size_t row, size_t col, std::string text) {
        if (col != 4 || text.empty()) return text;
        return fmt::format("<span class=\"pill {}\">{}</span>", status_class(statuses[row]), text);
      });
  return out + problems_html(o.excluded, en) + "</body>\n</html>\n";
}

std::string render_html(const TaskDetail& d, const RenderOptions& o) {
  const bool en = o.en;
  const Task& task = d.definition;
  std::string out = detail_page_head(task.id, task.name, d.action_name, "");
  const std::string state =
      d.latest ? fmt::format("{} ({})", value_cell(d.latest->value, en), d.latest->period.str())
               : std::string(term(Term::kMissing, en));
  out += fmt::format("<p class=\"meta\">{} {} · {} {} · {} {}</p>\n</header>\n",
                     esc(term(Term::kLead, en)), esc(name_list(d.lead_names, en)),
                     esc(term(Term::kAsOf, en)), esc(format_date(d.as_of)),
                     esc(term(Term::kTaskState, en)), esc(state));
  out += fmt::format("<p>{}</p>\n", esc(task.text));
  Table t;
  t.header = headings({Term::kPeriod, Term::kTaskState, Term::kRecordedAt, Term::kBy, Term::kSource,
                       Term::kProgressNote},
                      en);
  for (const DetailRecord& rec : d.records) {
    const Actual& a = rec.actual;
    t.rows.push_back(
        {a.period.str(), value_cell(a.value, en), a.recorded.text(), a.by, a.source, a.note});
  }
  out += html_table(
      t, [](size_t, size_t) { return std::string(); },
      [](size_t, size_t, std::string text) { return text; });
  return out + "</body>\n</html>\n";
}

std::string render_html(const Ranking& r, const RenderOptions& o) {
  const bool en = o.en;
  const std::vector<std::string> header = ranking_header(r, en);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{} · {}</title>\n", esc(header[0]), esc(r.period.str()));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n", kStyle);
  out +=
      fmt::format("<header class=\"report\">\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n",
                  esc(header[0]), esc(header[1]));
  out += html_table(
      ranking_table(r, en, true), [](size_t, size_t) { return std::string(); },
      [](size_t, size_t, std::string text) { return text; });
  out += "<ul class=\"formula\">\n";
  for (const std::string& line : ranking_formula(r, en))
    out += fmt::format("<li>{}</li>\n", esc(line));
  out += "</ul>\n";
  return out + problems_html(o.excluded, en) + "</body>\n</html>\n";
}

}  // namespace tally
