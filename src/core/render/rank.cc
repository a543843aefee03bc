#include "core/render/rank.h"

#include <fmt/format.h>

#include "core/base/json.h"
#include "core/base/text.h"
#include "core/render/data_problems.h"
#include "core/render/figures.h"
#include "core/render/words.h"

namespace tally {

namespace {

constexpr std::string_view kNothing = "—";

constexpr std::array<Term, kComponentCount> kColumns = {Term::kRankProgress, Term::kRankReporting,
                                                        Term::kRankTasks, Term::kRankProblems};

const Rate& rate_of(const RankRow& row, Component c) {
  return row.rates[static_cast<size_t>(c)];
}

std::string rate_cell(const Rate& rate, bool counts) {
  const std::optional<double> v = rate.value();
  if (!v) return std::string(kNothing);
  if (!counts) return format_share(*v);
  return fmt::format("{} ({}/{})", format_share(*v), rate.met, rate.of);
}

// The score in tenths as compute ranked it, so a tie shown is a tie ranked.
std::string score_text(double score) {
  const int64_t t = score_tenths(score);
  return fmt::format("{}.{}", t / 10, t % 10);
}

std::string score_cell(const RankRow& row) {
  return row.score ? score_text(*row.score) : std::string(kNothing);
}

std::string rank_cell(const RankRow& row) {
  return row.rank ? std::to_string(row.rank) : std::string(kNothing);
}

std::string weight_text(double w) {
  return format_number(w, 6);
}

// A sentence broken at spaces into lines of at most `width` columns (0:
// never), the lines after the first indented two columns.
std::string wrapped_sentence(const std::string& line, size_t width) {
  if (width == 0 || display_width(line) <= width) return line + "\n";
  std::string out, current, indent;
  size_t from = 0;
  while (from <= line.size()) {
    size_t at = line.find(' ', from);
    if (at == std::string::npos) at = line.size();
    const std::string word = line.substr(from, at - from);
    const std::string joined = current.empty() ? word : current + " " + word;
    if (!current.empty() && display_width(indent + joined) > width) {
      out += indent + current + "\n";
      indent = "  ";
      current = word;
    } else {
      current = joined;
    }
    from = at + 1;
  }
  return out + indent + current + "\n";
}

}  // namespace

Table ranking_table(const Ranking& r, bool en, bool counts) {
  Table t;
  t.header = headings({Term::kRank, r.by == RankBy::kBureau ? Term::kBureau : Term::kAction,
                       Term::kRankProgress, Term::kRankReporting, Term::kRankTasks,
                       Term::kRankProblems, Term::kOverdueProblems, Term::kScore},
                      en);
  t.right = {true, false, true, true, true, true, true, true};
  for (const RankRow& row : r.rows) {
    std::vector<std::string> cells{rank_cell(row), row.name};
    for (Component c : kAllComponents) cells.push_back(rate_cell(rate_of(row, c), counts));
    cells.push_back(std::to_string(row.overdue_problems));
    cells.push_back(score_cell(row));
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Worksheet ranking_sheet(const Ranking& r, bool en) {
  Worksheet sheet;
  sheet.name = term(Term::kRanking, en);
  Table& t = sheet.table;
  t.header = headings(
      {Term::kRank, Term::kId, r.by == RankBy::kBureau ? Term::kBureau : Term::kAction}, en);
  sheet.kinds = {CellKind::kNumber, CellKind::kText, CellKind::kText};
  const std::string met = en ? " met" : "·达标";
  const std::string of = en ? " of" : "·应评";
  const std::string weight = en ? "weight " : "权重·";
  for (Term c : kColumns) {
    t.header.emplace_back(term(c, en));
    t.header.push_back(std::string(term(c, en)) + met);
    t.header.push_back(std::string(term(c, en)) + of);
    sheet.kinds.insert(sheet.kinds.end(), {CellKind::kShare, CellKind::kNumber, CellKind::kNumber});
  }
  t.header.emplace_back(term(Term::kOverdueProblems, en));
  sheet.kinds.push_back(CellKind::kNumber);
  for (Term c : kColumns) {
    t.header.push_back(weight + std::string(term(c, en)));
    sheet.kinds.push_back(CellKind::kNumber);
  }
  t.header.emplace_back(term(Term::kScore, en));
  sheet.kinds.push_back(CellKind::kNumber);
  for (const RankRow& row : r.rows) {
    std::vector<std::string> cells{row.rank ? std::to_string(row.rank) : "", row.id, row.name};
    for (Component c : kAllComponents) {
      const Rate& rate = rate_of(row, c);
      cells.push_back(rate.value() ? format_number(*rate.value(), 6) : "");
      cells.push_back(std::to_string(rate.met));
      cells.push_back(std::to_string(rate.of));
    }
    cells.push_back(std::to_string(row.overdue_problems));
    for (Component c : kAllComponents) cells.push_back(weight_text(weight_of(r.weights, c)));
    cells.push_back(row.score ? score_text(*row.score) : "");
    t.rows.push_back(std::move(cells));
  }
  sheet.frozen_columns = 3;
  return sheet;
}

std::vector<std::string> ranking_header(const Ranking& r, bool en) {
  const bool bureaus = r.by == RankBy::kBureau;
  if (en)
    return {fmt::format("Ranking · {}", r.plan_title),
            fmt::format("{} · as of {} · by {} · {} ranked", r.period.str(), format_date(r.as_of),
                        bureaus ? "bureau" : "action", r.rows.size())};
  return {fmt::format("季讲评排名 · {}", r.plan_title),
          fmt::format("{} · 截至 {} · {} · 共 {} 个{}", r.period.str(), format_date(r.as_of),
                      bureaus ? "按单位" : "按行动", r.rows.size(), bureaus ? "单位" : "行动")};
}

std::vector<std::string> ranking_formula(const Ranking& r, bool en) {
  const Evaluation& w = r.weights;
  const bool bureaus = r.by == RankBy::kBureau;
  if (en)
    return {
        fmt::format("score = (on path × {} + on time × {} + tasks × {} + closed × {}) ÷ the sum "
                    "of the weights of the columns scored (plan.toml [evaluation])",
                    weight_text(w.progress), weight_text(w.reporting), weight_text(w.tasks),
                    weight_text(w.problems)),
        fmt::format("on path: indicators {} done or on track, of those due and reported; "
                    "on time: reports of indicators and tasks for the period's months (or "
                    "quarters) made by "
                    "their due date; tasks: tasks {} whose latest report is done or in progress; "
                    "closed: problems due in the period closed by their due date; overdue: open "
                    "problems past their due date on {}",
                    bureaus ? "led" : "reported", bureaus ? "led" : "of the action",
                    format_date(r.period_end)),
        fmt::format("— nothing to judge: left out of the score, the other weights scaled up; "
                    "equal scores to one decimal share a rank and the next rank skips; "
                    "equal ranks are listed {}",
                    bureaus ? "in the order of bureaus.toml" : "by action number")};
  return {fmt::format(
              "得分 = (序时进度达标率 × {} + 按时报送率 × {} + 任务推进率 × {} + 问题销号率 × {}) "
              "÷ 参评各项权重之和 (plan.toml [evaluation])",
              weight_text(w.progress), weight_text(w.reporting), weight_text(w.tasks),
              weight_text(w.problems)),
          fmt::format(
              "序时达标: {}指标中已完成或达序时的比例 (未到期、未报送的不计); 及时报送: 本期各月 "
              "(季) 指标和任务"
              "报送中按时报送的比例; 任务推进: {}任务中最近进展为推进中或已完成的比例; 问题销号: "
              "期内到期的问题中按期销号的比例; 逾期问题: {} 逾期未销号的问题数",
              bureaus ? "牵头" : "本行动", bureaus ? "牵头" : "本行动", format_date(r.period_end)),
          fmt::format("— 表示无可评事项, 不计入得分, 其余各项权重按比例折算; 得分保留一位小数, "
                      "相同者名次并列, 下一名次顺延; 并列者{}",
                      bureaus ? "按 bureaus.toml 的顺序列出" : "按行动编号列出")};
}

std::string render_text(const Ranking& r, const RenderOptions& o) {
  const std::vector<std::string> header = ranking_header(r, o.en);
  std::string out = header[0] + "\n" + header[1] + "\n\n";
  out += render_text_table(ranking_table(r, o.en, false), o.width);
  out += "\n";
  for (const std::string& line : ranking_formula(r, o.en)) out += wrapped_sentence(line, o.width);
  return out + problems_text(o.excluded, o.en, o.width);
}

std::string render_md(const Ranking& r, const RenderOptions& o) {
  const std::vector<std::string> header = ranking_header(r, o.en);
  std::string out = "# " + markdown_text(header[0]) + "\n\n" + markdown_text(header[1]) + "\n\n";
  out += render_markdown_table(ranking_table(r, o.en, true));
  out += "\n";
  for (const std::string& line : ranking_formula(r, o.en)) out += "- " + markdown_text(line) + "\n";
  return out + problems_md(o.excluded, o.en);
}

std::string render_csv(const Ranking& r, const RenderOptions& o) {
  return render_csv_table(ranking_sheet(r, o.en).table, o.bom) + problems_csv(o.excluded, o.en);
}

std::string render_json(const Ranking& r, const RenderOptions& o) {
  JsonWriter w;
  w.begin_object().field("schema", "tally.rank").field("version", 1);
  w.field("plan_title", r.plan_title).field("period", r.period.str());
  w.field("as_of", format_date(r.as_of));
  w.field("by", r.by == RankBy::kBureau ? "bureau" : "action");
  w.key("weights").begin_object();
  for (Component c : kAllComponents) {
    w.key(component_name(c));
    w.number(weight_of(r.weights, c));
  }
  w.end_object();
  w.field("formula",
          "score = 100 × Σ weight × rate ÷ Σ weight, over the components whose rate is not null");
  w.key("rows").begin_array();
  for (const RankRow& row : r.rows) {
    w.begin_object();
    w.key("rank");
    if (row.rank) {
      w.value(row.rank);
    } else {
      w.null();
    }
    w.field("id", row.id).field("name", row.name);
    for (Component c : kAllComponents) {
      const Rate& rate = rate_of(row, c);
      w.key(component_name(c)).begin_object().key("rate");
      if (rate.value()) {
        w.number(*rate.value());
      } else {
        w.null();
      }
      w.field("met", rate.met).field("of", rate.of).end_object();
    }
    w.field("overdue_problems", row.overdue_problems);
    w.key("score");
    if (row.score) {
      w.number(static_cast<double>(score_tenths(*row.score)) / 10, 1);
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
  problems_json(w, o.excluded);
  w.end_object();
  return w.str();
}

}  // namespace tally
