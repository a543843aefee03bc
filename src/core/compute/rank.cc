#include "core/compute/rank.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/compute/owed.h"
#include "core/compute/problems.h"
#include "core/compute/report.h"

namespace tally {

std::string_view component_name(Component c) {
  switch (c) {
    case Component::kProgress:
      return "progress";
    case Component::kReporting:
      return "reporting";
    case Component::kTasks:
      return "tasks";
    case Component::kProblems:
      return "problems";
  }
  return "progress";
}

std::optional<double> Rate::value() const {
  if (of == 0) return std::nullopt;
  return static_cast<double>(met) / static_cast<double>(of);
}

int64_t score_tenths(double score) {
  return std::llround(score * 10);
}

double weight_of(const Evaluation& e, Component c) {
  switch (c) {
    case Component::kProgress:
      return e.progress;
    case Component::kReporting:
      return e.reporting;
    case Component::kTasks:
      return e.tasks;
    case Component::kProblems:
      return e.problems;
  }
  return 0;
}

namespace {

// What each indicator, task and problem contributes, computed once.
struct Judged {
  std::vector<IndicatorRow> indicators;  // by plan index
  std::vector<Punctuality> indicator_reports;
  std::vector<Punctuality> task_reports;
  std::vector<std::optional<bool>> task_moving;  // unset: nothing to judge
  std::vector<ProblemRow> problems;              // opened by as_of
  std::vector<ProblemRow> at_end;                // opened by the period's end
};

Judged judge(const Ledger& ledger, const Period& period, Date as_of, Date period_end) {
  const Plan& plan = ledger.plan();
  const PlanHeader& h = plan.header;
  const int64_t cutoff = end_of_day(as_of, h.utc_offset_minutes);
  const ReportRequest request{period, as_of};
  Judged j;
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Indicator& ind = plan.indicators[i];
    j.indicators.push_back(evaluate_indicator(ledger, i, request));
    j.indicator_reports.push_back(punctuality(h, plan.cadence_of(ind), ledger.records(i),
                                              finished_at(ind, visible_in_force(ledger, i, cutoff)),
                                              period.end(), as_of, period.start()));
  }
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    const Task& task = plan.tasks[t];
    std::vector<const Actual*> recs = visible_task_in_force(ledger, t, cutoff);
    j.task_reports.push_back(punctuality(h, plan.cadence_of(task), ledger.task_records(t),
                                         task_finished_at(recs), period.end(), as_of,
                                         period.start()));
    std::erase_if(recs, [&](const Actual* a) { return a->period.end() > period.end(); });
    std::optional<bool> moving;
    if (!recs.empty()) {
      const std::optional<Stage> state = recs.back()->value.stage;
      moving = state == Stage::kDone || state == Stage::kInProgress;
    } else if (!owed_task_reports(plan, task, recs, period.end(), as_of).empty()) {
      moving = false;  // a report was due and none came
    }
    j.task_moving.push_back(moving);
  }
  j.problems = compute_problems(plan, as_of, {}).rows;
  j.at_end = compute_problems(plan, period_end, {}).rows;
  return j;
}

// How a status counts toward 序时进度达标率. No default: a status added to
// compute/status.h must be placed here (-Wswitch), never counted a red by
// accident.
enum class PathJudgement { kMet, kNotMet, kNotJudged };

PathJudgement on_path(Status s) {
  switch (s) {
    case Status::kDone:
    case Status::kOnTrack:
      return PathJudgement::kMet;
    case Status::kBehind:
    case Status::kOffTrack:
    case Status::kBreached:
    case Status::kOverdue:
      return PathJudgement::kNotMet;
    // Not yet due (out of season, no expected figure yet), or no figure to
    // judge: a missing report counts once, under reporting.
    case Status::kMissing:
    case Status::kNotDue:
      return PathJudgement::kNotJudged;
  }
  return PathJudgement::kNotJudged;
}

// The members of one row: indices of indicators and tasks, and problems.
struct Members {
  std::vector<size_t> indicators;
  std::vector<size_t> tasks;
  std::vector<const ProblemRow*> problems;  // as of as_of
  std::vector<const ProblemRow*> at_end;    // as of the period's end
  bool empty() const { return indicators.empty() && tasks.empty() && problems.empty(); }
};

bool leads(const std::vector<std::string>& lead, const std::string& id) {
  return std::find(lead.begin(), lead.end(), id) != lead.end();
}

Members bureau_members(const Plan& plan, const Judged& j, const std::string& id) {
  Members m;
  for (size_t i = 0; i < plan.indicators.size(); ++i)
    if (leads(plan.indicators[i].lead, id)) m.indicators.push_back(i);
  for (size_t t = 0; t < plan.tasks.size(); ++t)
    if (leads(plan.tasks[t].lead, id)) m.tasks.push_back(t);
  for (const ProblemRow& p : j.problems)
    if (p.problem->bureau == id) m.problems.push_back(&p);
  for (const ProblemRow& p : j.at_end)
    if (p.problem->bureau == id) m.at_end.push_back(&p);
  return m;
}

// An action's: the indicators it reports (its own and `also`, as the report
// groups them), its tasks, and the problems that concern any of them.
Members action_members(const Ledger& ledger, const Judged& j, size_t a) {
  const Plan& plan = ledger.plan();
  Members m;
  m.indicators = ledger.action_indicators(a);
  std::set<std::string> ids;
  for (size_t i : m.indicators) ids.insert(plan.indicators[i].id);
  for (size_t t = 0; t < plan.tasks.size(); ++t) {
    if (plan.tasks[t].action != a) continue;
    m.tasks.push_back(t);
    ids.insert(plan.tasks[t].id);
  }
  auto concerns = [&](const Problem& q) {
    return (!q.indicator.empty() && ids.contains(q.indicator)) ||
           (!q.task.empty() && ids.contains(q.task));
  };
  for (const ProblemRow& p : j.problems)
    if (concerns(*p.problem)) m.problems.push_back(&p);
  for (const ProblemRow& p : j.at_end)
    if (concerns(*p.problem)) m.at_end.push_back(&p);
  return m;
}

RankRow row_of(const Members& m, const Judged& j, const Period& period, Date as_of,
               const Evaluation& w) {
  RankRow row;
  auto& rates = row.rates;
  Rate& progress = rates[static_cast<size_t>(Component::kProgress)];
  Rate& reporting = rates[static_cast<size_t>(Component::kReporting)];
  Rate& tasks = rates[static_cast<size_t>(Component::kTasks)];
  Rate& problems = rates[static_cast<size_t>(Component::kProblems)];
  for (size_t i : m.indicators) {
    switch (on_path(j.indicators[i].status)) {
      case PathJudgement::kMet:
        ++progress.met;
        ++progress.of;
        break;
      case PathJudgement::kNotMet:
        ++progress.of;
        break;
      case PathJudgement::kNotJudged:
        break;
    }
    reporting.of += j.indicator_reports[i].due;
    reporting.met += j.indicator_reports[i].on_time;
  }
  for (size_t t : m.tasks) {
    reporting.of += j.task_reports[t].due;
    reporting.met += j.task_reports[t].on_time;
    if (!j.task_moving[t]) continue;
    ++tasks.of;
    if (*j.task_moving[t]) ++tasks.met;
  }
  for (const ProblemRow* p : m.at_end)
    if (p->state == ProblemState::kOverdue) ++row.overdue_problems;
  for (const ProblemRow* p : m.problems) {
    // A problem whose due date has not come by the judging day is not yet
    // late, nor yet counted: ranked mid-period, it is no red.
    if (!period.contains(p->problem->due) || p->problem->due > as_of) continue;
    ++problems.of;
    if (p->state == ProblemState::kClosed && p->days_late == 0) ++problems.met;
  }
  double sum = 0;
  double weights = 0;
  for (Component c : kAllComponents) {
    const std::optional<double> r = rates[static_cast<size_t>(c)].value();
    if (!r) continue;
    sum += weight_of(w, c) * *r;
    weights += weight_of(w, c);
  }
  if (weights > 0) row.score = 100 * sum / weights;
  return row;
}

// Ranks by the score as shown (one decimal): equal shown scores share a
// rank, and the next rank skips.
void rank_rows(std::vector<RankRow>& rows) {
  auto shown = [](const RankRow& r) { return score_tenths(*r.score); };
  std::stable_sort(rows.begin(), rows.end(), [&](const RankRow& a, const RankRow& b) {
    if (a.score.has_value() != b.score.has_value()) return a.score.has_value();
    return a.score && shown(a) > shown(b);
  });
  for (size_t k = 0; k < rows.size() && rows[k].score; ++k)
    rows[k].rank =
        k > 0 && shown(rows[k]) == shown(rows[k - 1]) ? rows[k - 1].rank : static_cast<int>(k + 1);
}

}  // namespace

Ranking compute_ranking(const Ledger& ledger, const Period& period, Date today, RankBy by) {
  const Plan& plan = ledger.plan();
  Ranking r;
  r.plan_title = plan.header.title;
  r.period = period;
  r.as_of = std::min(today, due_date(period, plan.header.timely_days));
  r.period_end = std::min(today, period.end());
  r.by = by;
  r.weights = plan.header.evaluation;
  const Judged j = judge(ledger, period, r.as_of, r.period_end);
  if (by == RankBy::kBureau) {
    for (const Bureau& b : plan.bureaus) {
      const Members m = bureau_members(plan, j, b.id);
      if (m.empty()) continue;
      RankRow row = row_of(m, j, period, r.as_of, r.weights);
      row.id = b.id;
      row.name = b.name;
      r.rows.push_back(std::move(row));
    }
  } else {
    std::vector<size_t> order(plan.actions.size());
    for (size_t a = 0; a < order.size(); ++a) order[a] = a;
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
      return plan.actions[x].number < plan.actions[y].number;
    });
    for (size_t a : order) {
      RankRow row = row_of(action_members(ledger, j, a), j, period, r.as_of, r.weights);
      row.id = plan.actions[a].id;
      row.name = plan.actions[a].name;
      row.number = plan.actions[a].number;
      r.rows.push_back(std::move(row));
    }
  }
  rank_rows(r.rows);
  return r;
}

}  // namespace tally
