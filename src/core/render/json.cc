#include "core/render/json.h"

#include "core/base/json.h"
#include "core/render/data_problems.h"
#include "core/render/problems.h"

namespace tally {

namespace {

// Shares and figures: six decimals are more than any report prints.
void number(JsonWriter& w, std::string_view key, const std::optional<double>& v) {
  w.key(key);
  if (v) {
    w.number(*v, 6);
  } else {
    w.null();
  }
}

void text_or_null(JsonWriter& w, std::string_view key, const std::string& v) {
  w.key(key);
  if (v.empty()) {
    w.null();
  } else {
    w.value(v);
  }
}

void period(JsonWriter& w, std::string_view key, const std::optional<Period>& p) {
  w.key(key);
  if (p) {
    w.value(p->str());
  } else {
    w.null();
  }
}

void date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
  w.key(key);
  if (d) {
    w.value(format_date(*d));
  } else {
    w.null();
  }
}

void rollup(JsonWriter& w, const Rollup& g) {
  w.field("count", g.counts.total);
  w.key("counts").begin_object();
  for (Status s : kAllStatuses) w.field(status_name(s), g.counts[s]);
  w.end_object();
  w.field("with_due", g.with_due);
  number(w, "on_track_rate", g.on_track_rate);
  number(w, "mean_completion", g.mean_completion);
}

void ids_of(JsonWriter& w, const Report& r, const std::vector<size_t>& which) {
  w.key("indicators").begin_array();
  for (size_t k : which) w.value(r.indicators[k].id);
  w.end_array();
}

void indicator(JsonWriter& w, const IndicatorRow& row) {
  w.begin_object();
  w.field("id", row.id).field("name", row.name).field("action", row.action);
  w.field("kind", row.form.rank ? "rank" : kind_name(row.kind))
      .field("direction", direction_name(row.direction));
  w.key("basis");
  if (row.kind == Kind::kCumulative) {
    w.value(basis_name(row.basis));
  } else {
    w.null();
  }
  w.field("unit", row.unit).field("cadence", cadence_name(row.cadence));
  w.field("schedule", row.schedule);
  w.key("lead").strings(row.lead);
  w.field("target", row.target);
  target_form_json(w, row.form);
  if (row.form.stretch) w.field("stretch_reached", row.stretch_reached);
  w.field("baseline", row.baseline);
  date(w, "due", row.due);
  if (row.due && row.plan_end.year > 0 && row.plan_end < *row.due) w.field("continued", true);
  w.key("actual");
  if (row.actual) {
    w.value(*row.actual);
  } else if (row.stage) {
    w.value(stage_name(*row.stage));
  } else {
    w.null();
  }
  number(w, "percent", row.percent);
  period(w, "period", row.actual_period);
  text_or_null(w, "recorded", row.recorded);
  text_or_null(w, "by", row.by);
  text_or_null(w, "source", row.source);
  period(w, "due_period", row.due_period);
  w.field("owed", row.owed);
  w.field("compared_period", row.compared_period.str());
  number(w, "expected", row.expected);
  number(w, "expected_value", row.expected_value);
  // A place has no completion; the place ÷ the target place it was judged on
  // stays under its own key.
  number(w, "completion", row.form.rank ? std::nullopt : row.completion);
  if (row.form.rank) number(w, "place_ratio", row.completion);
  number(w, "gap", row.gap);
  w.field("status", status_name(row.status));
  w.key("required_stage");
  if (row.required_stage) {
    w.value(stage_name(*row.required_stage));
  } else {
    w.null();
  }
  date(w, "required_by", row.required_by);
  number(w, "required_pace", row.required_pace);
  w.field("periods_left", row.periods_left);
  number(w, "projection", row.projection);
  w.end_object();
}

// A dekad brief's changes: the records made and the reports newly overdue.
void changes(JsonWriter& w, const Changes& c) {
  w.begin_object().field("since", format_date(c.since));
  w.key("records").begin_array();
  for (const ChangedRecord& rec : c.records) {
    w.begin_object().field("indicator", rec.indicator).field("period", rec.period.str());
    w.field("value", rec.value).field("by", rec.by).field("recorded", rec.recorded);
    w.end_object();
  }
  w.end_array();
  w.key("newly_overdue").begin_array();
  for (const OverdueItem& item : c.newly_overdue) {
    w.begin_object().field("indicator", item.indicator).field("period", item.period.str());
    w.field("bureau", item.bureau).field("due", format_date(item.due));
    w.field("days_late", item.days_late).end_object();
  }
  w.end_array().end_object();
}

void tasks_of(JsonWriter& w, std::string_view key, const std::vector<BulletinTask>& tasks) {
  w.key(key).begin_array();
  for (const BulletinTask& t : tasks) {
    w.begin_object().field("id", t.id).field("name", t.name).field("lead", t.lead_name);
    w.key("state");
    if (t.state) {
      w.value(stage_name(*t.state));
    } else {
      w.null();
    }
    period(w, "last_period", t.last_period);
    w.field("last_note", t.last_note).end_object();
  }
  w.end_array();
}

void problems_of(JsonWriter& w, std::string_view key, const std::vector<ProblemRow>& rows) {
  w.key(key).begin_array();
  for (const ProblemRow& r : rows) {
    const Problem& p = *r.problem;
    w.begin_object().field("id", p.id).field("bureau", p.bureau);
    w.field("bureau_name", r.bureau_name).field("text", p.text);
    w.field("due", format_date(p.due)).field("state", problem_state_name(r.state));
    w.field("days_late", r.days_late);
    w.key("closed");
    if (r.close) {
      w.value(r.close->at.text());
    } else {
      w.null();
    }
    w.end_object();
  }
  w.end_array();
}

// The 工作月报's sections after the indicators.
void bulletin(JsonWriter& w, const Bulletin& b) {
  w.begin_object();
  w.key("tasks").begin_object();
  w.field("total", b.tasks.total).field("in_progress", b.tasks.in_progress);
  w.field("done", b.tasks.done).field("stalled", b.tasks.stalled);
  w.field("never_reported", b.tasks.never_reported);
  tasks_of(w, "stalled_tasks", b.tasks.stalled_tasks);
  tasks_of(w, "unreported", b.tasks.unreported);
  w.end_object();
  w.key("problems").begin_object();
  w.field("open", b.problems.open).field("overdue", b.problems.overdue);
  problems_of(w, "opened", b.problems.opened);
  problems_of(w, "closed", b.problems.closed);
  w.key("by_bureau").begin_array();
  for (const BureauProblems& x : b.problems.by_bureau) {
    w.begin_object().field("bureau", x.bureau).field("bureau_name", x.bureau_name);
    w.field("open", x.open).field("overdue", x.overdue).end_object();
  }
  w.end_array().end_object();
  w.key("highlights").begin_array();
  for (const Highlight& h : b.highlights) {
    w.begin_object().field("id", h.id).field("name", h.name).field("bureau_name", h.bureau_name);
    w.field("period", h.period.str()).field("note", h.note).end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void target_form_json(JsonWriter& w, const TargetForm& form) {
  if (form.about) w.field("about", *form.about).field("tolerance", form.tolerance);
  if (form.low && form.high) {
    w.key("range").begin_array().value(*form.low).value(*form.high).end_array();
  }
  if (form.stretch) w.field("stretch", *form.stretch);
  if (form.change) w.field("change", *form.change);
}

std::string render_json(const Report& r, const std::vector<ExcludedRecord>& excluded) {
  JsonWriter w;
  w.begin_object();
  w.field("schema", "tally.report").field("version", kReportSchemaVersion);
  w.key("plan").begin_object();
  w.field("id", r.plan_id).field("title", r.plan_title).field("document", r.plan_document);
  w.field("start", format_date(r.plan_start)).field("end", format_date(r.plan_end));
  w.field("cadence", cadence_name(r.cadence)).field("timely_days", r.timely_days);
  w.key("behind").number(r.behind, 6);
  w.end_object();
  w.key("period").begin_object();
  w.field("id", r.period.str()).field("start", format_date(r.period.start()));
  w.field("end", format_date(r.period.end())).end_object();
  w.field("as_of", format_date(r.as_of));
  w.key("expected").number(r.expected, 6);
  w.key("thirds").begin_object().field("elapsed", r.thirds_elapsed);
  w.field("total", r.thirds_total).end_object();
  w.key("compared_at").begin_array();
  for (const ComparedAt& c : r.compared_at) {
    w.begin_object().field("cadence", cadence_name(c.cadence)).field("period", c.period.str());
    w.key("expected").number(c.expected, 6);
    w.field("indicators", c.indicators).end_object();
  }
  w.end_array();
  w.key("changes");
  if (r.changes) {
    changes(w, *r.changes);
  } else {
    w.null();
  }
  w.key("selection").begin_object();
  text_or_null(w, "action", r.selection.action);
  text_or_null(w, "bureau", r.selection.bureau);
  w.key("status").begin_array();
  for (Status s : r.selection.statuses) w.value(status_name(s));
  w.end_array().end_object();
  w.key("totals").begin_object();
  rollup(w, r.totals);
  w.end_object();
  w.key("actions").begin_array();
  for (const ActionRow& a : r.actions) {
    w.begin_object().field("id", a.id).field("number", a.number).field("name", a.name);
    w.field("name_en", a.name_en);
    w.key("lead").strings(a.lead);
    rollup(w, a.rollup);
    ids_of(w, r, a.indicators);
    w.end_object();
  }
  w.end_array();
  w.key("bureaus").begin_array();
  for (const BureauRow& b : r.bureaus) {
    w.begin_object().field("id", b.id).field("name", b.name).field("rank", b.rank);
    w.field("led", b.led).field("actuals_due", b.actuals_due);
    w.field("actuals_on_time", b.actuals_on_time);
    number(w, "on_time_rate", b.on_time_rate);
    w.field("missing", b.missing);
    rollup(w, b.rollup);
    ids_of(w, r, b.indicators);
    w.end_object();
  }
  w.end_array();
  w.key("indicators").begin_array();
  for (const IndicatorRow& row : r.indicators) indicator(w, row);
  w.end_array();
  problems_json(w, excluded);
  w.key("bulletin");
  if (r.bulletin) {
    bulletin(w, *r.bulletin);
  } else {
    w.null();
  }
  w.end_object();
  return w.str();
}

std::string render_json(const OverdueReport& r, const std::vector<ExcludedRecord>& excluded) {
  JsonWriter w;
  w.begin_object();
  w.field("schema", "tally.overdue").field("version", kOverdueSchemaVersion);
  w.key("plan").begin_object().field("id", r.plan_id).field("title", r.plan_title).end_object();
  w.field("as_of", format_date(r.as_of)).field("timely_days", r.timely_days);
  w.key("items").begin_array();
  for (const OverdueItem& it : r.items) {
    w.begin_object().field("bureau", it.bureau).field("bureau_name", it.bureau_name);
    w.field("indicator", it.indicator).field("indicator_name", it.indicator_name);
    w.field("task", it.task);
    w.field("action", it.action).field("period", it.period.str());
    w.field("due", format_date(it.due)).field("days_late", it.days_late);
    w.field("missed", it.missed).field("first_missed", it.first_missed.str());
    period(w, "last_period", it.last_period);
    w.end_object();
  }
  w.end_array();
  problems_json(w, excluded);
  w.end_object();
  return w.str();
}

}  // namespace tally
