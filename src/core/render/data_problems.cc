#include "core/render/data_problems.h"

#include <fmt/format.h>

#include "core/base/text.h"
#include "core/render/table.h"
#include "core/render/words.h"

namespace tally {

namespace {

// "1 条记录不符合规则，未计入" / "1 record breaks a rule and is left out".
std::string sentence(size_t n, bool en) {
  return en ? fmt::format("{} record{} break{} a rule and {} left out", n, n == 1 ? "" : "s",
                          n == 1 ? "s" : "", n == 1 ? "is" : "are")
            : fmt::format("{} 条记录不符合规则，未计入", n);
}

Table problems_table(const std::vector<ExcludedRecord>& excluded, bool en) {
  Table t;
  t.header = headings({Term::kRecordAt, Term::kIndicatorId, Term::kProblem}, en);
  for (const ExcludedRecord& r : excluded) t.rows.push_back({r.where(), r.indicator, r.reason()});
  return t;
}

}  // namespace

std::string problems_text(const std::vector<ExcludedRecord>& excluded, bool en, size_t width) {
  if (excluded.empty()) return "";
  return fmt::format("\n{} · {}\n{}", term(Term::kDataProblems, en), sentence(excluded.size(), en),
                     render_text_table(problems_table(excluded, en), width));
}

std::string problems_md(const std::vector<ExcludedRecord>& excluded, bool en) {
  if (excluded.empty()) return "";
  return fmt::format("\n## {}\n\n{}{}\n\n{}", term(Term::kDataProblems, en),
                     sentence(excluded.size(), en), en ? "." : "。",
                     render_markdown_table(problems_table(excluded, en)));
}

std::string problems_csv(const std::vector<ExcludedRecord>& excluded, bool en) {
  if (excluded.empty()) return "";
  Table t = problems_table(excluded, en);
  t.header[0] = std::string(term(Term::kDataProblems, en));
  return "\n" + render_csv_table(t, false);
}

std::string problems_html(const std::vector<ExcludedRecord>& excluded, bool en) {
  if (excluded.empty()) return "";
  const Table t = problems_table(excluded, en);
  std::string out = fmt::format("<section class=\"problems\">\n<h2>{}</h2>\n<p>{}{}</p>\n<table>\n",
                                html_escape(term(Term::kDataProblems, en)),
                                html_escape(sentence(excluded.size(), en)), en ? "." : "。");
  out += "<thead><tr>";
  for (const auto& h : t.header) out += fmt::format("<th>{}</th>", html_escape(h));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& cell : row) out += fmt::format("<td>{}</td>", html_escape(cell));
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</section>\n";
}

std::optional<Worksheet> problems_sheet(const std::vector<ExcludedRecord>& excluded, bool en) {
  if (excluded.empty()) return std::nullopt;
  Worksheet s;
  s.name = term(Term::kDataProblems, en);
  s.table = problems_table(excluded, en);
  s.kinds.assign(s.table.header.size(), CellKind::kText);
  s.column_status.assign(s.table.header.size(), std::nullopt);
  s.row_status.assign(s.table.rows.size(), std::nullopt);
  return s;
}

void problems_json(JsonWriter& w, const std::vector<ExcludedRecord>& excluded) {
  w.key("data_problems").begin_array();
  for (const ExcludedRecord& r : excluded) {
    w.begin_object().field("file", r.file).field("line", static_cast<int64_t>(r.line));
    w.field("indicator", r.indicator);
    w.key("codes").strings(r.codes);
    w.key("reasons").strings(r.reasons);
    w.end_object();
  }
  w.end_array();
}

}  // namespace tally
