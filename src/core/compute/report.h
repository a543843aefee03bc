// The variance report as a plain value (SPEC section 3): for a report period,
// each indicator's actual against its target and against the expected share
// (序时进度), its status, and the roll-ups per action and per lead bureau.
// The renderers of render/ (text, markdown, csv, json, html) turn a Report
// into text and do no arithmetic of their own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/period.h"
#include "core/base/units.h"
#include "core/compute/bulletin.h"
#include "core/compute/overdue.h"
#include "core/compute/status.h"
#include "core/ledger/ledger.h"
#include "core/model/model.h"

namespace tally {

/// One indicator as the report sees it at the report period.
struct IndicatorRow {
  size_t index = 0;  ///< position in Plan::indicators
  std::string id;
  std::string name;
  std::string action;       ///< id of the action that defines it
  std::string action_name;  ///< that action's name
  Kind kind = Kind::kCumulative;
  Direction direction = Direction::kUp;
  Basis basis = Basis::kYtd;
  Cadence cadence = Cadence::kMonth;
  std::string schedule;  ///< a profile's name, or "even", "end", "seasonal", "step"
  std::string unit;
  std::vector<std::string> lead;        ///< bureau ids, primary first
  std::vector<std::string> lead_names;  ///< their short names (市发改局)
  std::optional<Decimal> target;        ///< the figure judged on
  TargetForm form;                      ///< how the plan states the target
  std::optional<Decimal> baseline;
  std::optional<Date> due;  ///< milestones: the date it must be done by
  /// The plan's last day: a `due` after it is 续建 (continued after the
  /// plan), judged on the stages within the plan.
  Date plan_end;
  /// The actual has reached the stretch target (力争): at or above it going
  /// up, at or below it going down. The status is judged on the target.
  bool stretch_reached = false;

  /// The actual in force for the report period: a number (cumulative, level,
  /// growth; for basis = "period" the sum of the period amounts) or a stage.
  std::optional<Decimal> actual;
  std::optional<Stage> stage;
  std::optional<double> percent;  ///< milestones reported as "60%"
  /// The period the actual covers (for basis = "period": the last one summed).
  std::optional<Period> actual_period;
  std::string recorded;  ///< when the actual in force was recorded (RFC 3339)
  std::string by;        ///< who recorded it
  std::string source;    ///< where the figure comes from

  /// Reports owed on the as-of date for periods ending by the report
  /// period's end (the items `tally overdue` lists for it); status missing
  /// when any is owed and nothing takes precedence.
  size_t owed = 0;
  /// The latest period of the indicator's cadence, ending on or before the
  /// report period's end, whose actual is due on the as-of date; unset when
  /// nothing is due yet.
  std::optional<Period> due_period;
  /// The period at whose end `expected` is taken: the actual's period, else
  /// the due period, else the report period.
  Period compared_period;

  /// Expected share (序时进度) at the end of compared_period, 0..1. Levels
  /// without a baseline: 1 (the target applies throughout), or 0 before the
  /// end with schedule = "end". Unset for growth and milestones.
  std::optional<double> expected;
  /// What the actual should be by then, in the indicator's unit: target ×
  /// expected (cumulative); baseline + (target − baseline) × expected (levels
  /// with a baseline); the target (levels without, growth).
  std::optional<double> expected_value;
  /// actual ÷ target (cumulative, levels without a baseline);
  /// (actual − baseline) ÷ (target − baseline) (levels with a baseline).
  std::optional<double> completion;
  /// Percentage points: (completion − expected) × 100; growth: actual − target.
  std::optional<double> gap;
  Status status = Status::kNotDue;
  /// Milestones: the stage required by the report period's end and the date
  /// it was required by (a stage date or `due`).
  std::optional<Stage> required_stage;
  std::optional<Date> required_by;
  /// The change still needed per period of the cadence: (target − actual) ÷
  /// periods_left (a ceiling: what may still be added per period; a level
  /// going down: negative). 0 once the target is met; unset for growth,
  /// milestones, or when no period is left.
  std::optional<double> required_pace;
  /// Periods of the cadence after compared_period up to the plan's end.
  int periods_left = 0;
  /// 预计全年, cumulative only: actual ÷ the path's share at compared_period
  /// (before whole-unit rounding), the total at the plan's end at the present
  /// pace. Unset on step and end paths, when the share is 0, and for work
  /// counted in whole things that is already done.
  std::optional<double> projection;
};

/// Figures shared by every group of indicators (an action, a bureau, the
/// whole report).
struct Rollup {
  StatusCounts counts;
  /// Indicators with something due: every status except not-due.
  size_t with_due = 0;
  /// 达序时率 = (done + on-track) ÷ with_due; unset when with_due is 0.
  std::optional<double> on_track_rate;
  /// Mean completion of the up-direction cumulative and level indicators
  /// that have an actual, each capped at 1; unset when there are none.
  std::optional<double> mean_completion;
};

/// One action: its own indicators plus those in `also`.
struct ActionRow {
  std::string id;
  int number = 0;
  std::string name;
  std::string name_en;
  std::vector<std::string> lead;        ///< bureau ids
  std::vector<std::string> lead_names;  ///< their short names
  std::vector<size_t> indicators;       ///< indices into Report::indicators
  Rollup rollup;
};

/// One lead bureau: every indicator it leads (first or joint lead).
struct BureauRow {
  std::string id;
  std::string name;
  size_t led = 0;                  ///< indicators led
  std::vector<size_t> indicators;  ///< indices into Report::indicators
  /// Actuals due so far (each period of each indicator's cadence whose due
  /// date has come by the as-of date, up to the report period's end, not
  /// before the plan was issued, and for milestones not after the period
  /// recorded done) and how many of them were recorded by the end of their
  /// due date.
  size_t actuals_due = 0;
  size_t actuals_on_time = 0;
  /// actuals_on_time ÷ actuals_due; unset when nothing is due.
  std::optional<double> on_time_rate;
  size_t missing = 0;  ///< indicators in status missing
  Rollup rollup;
  /// 1 = best: by 达序时率, then on-time rate (unset ranks last), then id.
  int rank = 0;
};

/// What to report on.
struct ReportRequest {
  /// The report period R: expected shares are taken at its end and actuals
  /// for periods ending after it are not used.
  Period period;
  /// The date due-ness is judged on: an actual is due once its due date
  /// (period end + timely_days) is on or before it. Records recorded after
  /// the end of this day (in the plan's zone) are ignored.
  Date as_of;
};

/// Which rows a report keeps. Roll-up rows always describe their whole
/// group; the totals describe the indicators kept.
struct Selection {
  std::string action;            ///< keep the indicators this action reports
  std::string bureau;            ///< keep the indicators this bureau leads
  std::vector<Status> statuses;  ///< keep indicators in these statuses (empty: all)
};

/// Where the indicators of one cadence are compared: the latest period of
/// that cadence due by the report period's end, and the even path's share
/// there. A dekad brief compares monthly indicators at the last month due.
struct ComparedAt {
  Cadence cadence = Cadence::kMonth;
  Period period;
  double expected = 0;    ///< the even path's share at period's end
  size_t indicators = 0;  ///< how many indicators of this cadence
};

/// A record made between two briefs.
struct ChangedRecord {
  std::string indicator;
  std::string indicator_name;
  Period period;
  std::string value;     ///< as recorded: a number, or a stage word
  std::string by;        ///< the reporting bureau's short name
  std::string recorded;  ///< RFC 3339
};

/// What changed since the previous brief of the same length (旬简报): the
/// records made after its as-of date, and the reports that became overdue.
struct Changes {
  Date since;                          ///< the previous brief's as-of date: as_of less one period
  std::vector<ChangedRecord> records;  ///< by recorded time
  std::vector<OverdueItem> newly_overdue;  ///< owed now and not on `since`
};

/// The computed report.
struct Report {
  std::string plan_id;
  std::string plan_title;
  std::string plan_document;
  std::string issuer;         ///< the plan's [bulletin] issuer, signed at the end; "" for none
  std::optional<int> number;  ///< the bulletin's number (期数), when it has one
  Date plan_start;
  Date plan_end;
  Cadence cadence = Cadence::kMonth;  ///< the plan's reporting cadence
  int timely_days = 0;
  double behind = 0.9;  ///< the plan's threshold

  Period period;  ///< the report period
  Date as_of;
  /// The plan's 序时进度 at the period's end for schedule = "even":
  /// thirds elapsed ÷ thirds in the plan.
  double expected = 0;
  int thirds_elapsed = 0;
  int thirds_total = 0;
  /// One entry per cadence the indicators are reported at (milestones and
  /// growth rates aside), coarsest first.
  std::vector<ComparedAt> compared_at;
  /// For a dekad report period (旬简报) only.
  std::optional<Changes> changes;

  Selection selection;
  std::vector<IndicatorRow> indicators;  ///< kept indicators, in plan order
  std::vector<ActionRow> actions;        ///< by action number; all, or the selected one
  std::vector<BureauRow> bureaus;        ///< lead bureaus by rank; all, or the selected one
  Rollup totals;                         ///< over `indicators`
  /// The 工作月报's other sections (重点任务, 突出问题, 特色亮点), when the
  /// plan has tasks or problems, or a record marks a highlight.
  std::optional<Bulletin> bulletin;
};

/// Computes the report for every indicator of the plan, then applies the
/// selection. The ledger must index a plan that passed check_plan.
Report compute_report(const Ledger& ledger, const ReportRequest& request,
                      const Selection& selection = {});

/// Evaluates one indicator at one report period (the building block of
/// compute_report, also used by `tally show` for the expected path).
IndicatorRow evaluate_indicator(const Ledger& ledger, size_t indicator,
                                const ReportRequest& request);

}  // namespace tally
