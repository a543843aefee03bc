#include "core/render/markdown.h"

#include <fmt/format.h>

#include "core/render/data_problems.h"
#include "core/render/table.h"

namespace tally {

namespace {

std::string attention(const Report& r, bool en) {
  std::vector<size_t> which = attention_indicators(r);
  if (which.empty()) return "";
  Table t = indicator_table(r, which, {IndicatorColumns::Lead::kAll, false, false}, en, false);
  return fmt::format("\n## {}\n\n{}", term(Term::kAttention, en), render_markdown_table(t));
}

std::string markdown_or_none(const Table& t, bool en) {
  return t.rows.empty() ? std::string(term(Term::kUnset, en)) + "\n" : render_markdown_table(t);
}

// The 工作月报's sections after the indicators: 重点任务, 突出问题, 特色亮点.
std::string bulletin_md(const Bulletin& b, bool en) {
  std::string out =
      fmt::format("\n## {}\n\n{}\n", term(Term::kSectionTasks, en), task_counts_line(b.tasks, en));
  out += fmt::format("\n### {}\n\n", term(Term::kStalledTasks, en));
  out += markdown_or_none(bulletin_tasks_table(b.tasks.stalled_tasks, en), en);
  out += fmt::format("\n### {}\n\n", term(Term::kUnreportedTasks, en));
  out += markdown_or_none(bulletin_tasks_table(b.tasks.unreported, en), en);
  out += fmt::format("\n## {}\n\n{}\n", term(Term::kSectionProblems, en),
                     problem_counts_line(b.problems, en));
  out += fmt::format("\n### {}\n\n", term(Term::kOpenedInPeriod, en));
  out += markdown_or_none(bulletin_problems_table(b.problems.opened, en), en);
  out += fmt::format("\n### {}\n\n", term(Term::kOpenByBureau, en));
  out += markdown_or_none(problems_by_bureau_table(b.problems, en), en);
  out += fmt::format("\n### {}\n\n", term(Term::kClosedInPeriod, en));
  out += markdown_or_none(bulletin_problems_table(b.problems.closed, en), en);
  out += fmt::format("\n## {}\n\n", term(Term::kSectionHighlights, en));
  out += markdown_or_none(highlights_table(b.highlights, en), en);
  return out;
}

}  // namespace

std::string render_md(const Report& r, const RenderOptions& o) {
  const bool en = o.en;
  std::vector<std::string> header = report_header(r, en);
  std::string out = fmt::format("# {} · {}\n\n", markdown_text(header[0]), r.period.str());
  if (const std::string number = number_text(r, en); !number.empty()) out += number + "\n\n";
  for (size_t k = 1; k < header.size(); ++k) out += "- " + markdown_text(header[k]) + "\n";
  // The 落款 ends the bulletin, one line each (a Markdown hard break);
  // 数据问题, about the records, follows it.
  std::string signature;
  for (const std::string& line : signature_lines(r, en))
    signature += (signature.empty() ? "\n" : "\\\n") + markdown_text(line);
  if (!signature.empty()) signature += "\n";
  if (r.indicators.empty()) {
    // The selection filters indicators; the bulletin's other sections stay.
    if (r.bulletin) out += fmt::format("\n## {}\n", term(Term::kSectionIndicators, en));
    out += en ? "\nNo indicator matches the selection.\n" : "\n没有符合筛选条件的指标。\n";
    if (r.bulletin) out += bulletin_md(*r.bulletin, en);
    return out + signature + problems_md(o.excluded, en);
  }
  if (r.bulletin) out += fmt::format("\n## {}\n", term(Term::kSectionIndicators, en));
  out += attention(r, en);
  if (r.changes) {
    out += fmt::format("\n## {}\n\n", changes_lines(r, en)[0]);
    if (!r.changes->records.empty())
      out += render_markdown_table(changed_records_table(*r.changes, en));
    if (!r.changes->newly_overdue.empty())
      out += fmt::format("\n{}:\n\n{}", term(Term::kNewlyOverdue, en),
                         render_markdown_table(newly_overdue_table(*r.changes, en)));
  }
  switch (o.by) {
    case GroupBy::kAction: {
      out += fmt::format("\n## {}\n\n{}", term(Term::kByAction, en),
                         render_markdown_table(action_table(r, en)));
      for (const ActionRow& a : r.actions) {
        out += fmt::format("\n## {}\n\n{} {} · {}\n\n", markdown_text(action_heading(a, en)),
                           term(Term::kLead, en), markdown_text(name_list(a.lead_names, en)),
                           group_line(a.rollup, en));
        out += render_markdown_table(indicator_table(r, a.indicators, kAllColumns, en, false));
      }
      break;
    }
    case GroupBy::kBureau: {
      out += fmt::format("\n## {}\n\n{}", term(Term::kByBureau, en),
                         render_markdown_table(bureau_table(r, en)));
      for (const BureauRow& b : r.bureaus) {
        out += fmt::format("\n## {}. {}\n\n{} · {} {}\n\n", b.rank, markdown_text(b.name),
                           group_line(b.rollup, en), term(Term::kOnTimeRate, en),
                           rate_cell(b.on_time_rate));
        out += render_markdown_table(indicator_table(r, b.indicators, kNoLead, en, false));
      }
      break;
    }
    case GroupBy::kIndicator: {
      std::vector<size_t> all(r.indicators.size());
      for (size_t k = 0; k < all.size(); ++k) all[k] = k;
      out += fmt::format("\n## {}\n\n{}", term(Term::kByIndicator, en),
                         render_markdown_table(indicator_table(r, all, kAllColumns, en, false)));
      break;
    }
  }
  if (r.bulletin) out += bulletin_md(*r.bulletin, en);
  return out + signature + problems_md(o.excluded, en);
}

std::string render_md(const OverdueReport& r, const RenderOptions& o) {
  const bool en = o.en;
  std::string out =
      en ? fmt::format(
               "# Reports overdue · {}\n\n- as of {}\n- due {} days after "
               "each period ends\n- {} actuals overdue\n",
               markdown_text(r.plan_title), format_date(r.as_of), r.timely_days, r.items.size())
         : fmt::format(
               "# 催报清单 · {}\n\n- 截至 {}\n- 期末后 {} 天内报送\n- "
               "未报送 {} 项\n",
               markdown_text(r.plan_title), format_date(r.as_of), r.timely_days, r.items.size());
  for (const auto& run : overdue_groups(r)) {
    out += fmt::format("\n## {} ({})\n\n", markdown_text(r.items[run.first].bureau_name),
                       run.second - run.first);
    out += render_markdown_table(overdue_table(r, run, en));
  }
  return out + problems_md(o.excluded, en);
}

}  // namespace tally
