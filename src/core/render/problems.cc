#include "core/render/problems.h"

#include "core/base/json.h"
#include "core/render/words.h"

namespace tally {

std::string_view problem_state_label(ProblemState s, bool en) {
  switch (s) {
    case ProblemState::kOpen:
      return term(Term::kProblemOpen, en);
    case ProblemState::kOverdue:
      return term(Term::kProblemOverdue, en);
    case ProblemState::kClosed:
      return term(Term::kProblemClosed, en);
  }
  return term(Term::kProblemOpen, en);
}

Table problems_table(const ProblemList& list, bool en, bool full) {
  Table t;
  for (Term c : {Term::kProblemId, Term::kBureau, Term::kProblemState, Term::kOpenedOn,
                 Term::kDueBy, Term::kDaysLate, Term::kClosedOn, Term::kConcerns, Term::kFoundBy,
                 Term::kProblem, Term::kEvidence})
    t.header.emplace_back(term(c, en));
  t.right = {false, false, false, false, false, true};
  for (const ProblemRow& r : list.rows) {
    const Problem& p = *r.problem;
    const std::string opened = full ? p.opened.text() : p.opened.text().substr(0, 10);
    std::string closed, evidence;
    if (r.close) {
      closed = full ? r.close->at.text() : r.close->at.text().substr(0, 10);
      evidence = r.close->text;
    }
    t.rows.push_back({p.id, full ? p.bureau : r.bureau_name,
                      std::string(problem_state_label(r.state, en)), opened, format_date(p.due),
                      r.days_late ? std::to_string(r.days_late) : "", closed,
                      p.indicator.empty() ? p.task : p.indicator, p.source, p.text, evidence});
  }
  return t;
}

std::string problem_list_text(const ProblemList& list, bool en, size_t width) {
  return render_fitted_table(
      problems_table(list, en, false), width,
      headings({Term::kEvidence, Term::kFoundBy, Term::kClosedOn, Term::kOpenedOn}, en), en);
}

std::string problems_json(const ProblemList& list) {
  JsonWriter w;
  w.begin_object().field("schema", "tally.problems").field("version", 1);
  w.field("as_of", format_date(list.as_of));
  w.key("problems").begin_array();
  for (const ProblemRow& r : list.rows) {
    const Problem& p = *r.problem;
    w.begin_object()
        .field("id", p.id)
        .field("bureau", p.bureau)
        .field("bureau_name", r.bureau_name)
        .field("state", problem_state_name(r.state))
        .field("opened", p.opened.text())
        .field("due", format_date(p.due))
        .field("days_late", r.days_late)
        .field("indicator", p.indicator)
        .field("task", p.task)
        .field("source", p.source)
        .field("text", p.text)
        .field("by", p.by)
        .field("reopened", r.reopened);
    if (r.close) {
      w.field("closed", r.close->at.text())
          .field("closed_by", r.close->by)
          .field("evidence", r.close->text);
    } else {
      w.key("closed").null().key("closed_by").null().key("evidence").null();
    }
    w.end_object();
  }
  w.end_array().end_object();
  return w.str();
}

}  // namespace tally
