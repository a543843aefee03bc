// The plan as plain data: plan header, bureaus, actions, indicators and
// actuals, each with the place in the files it was read from.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/packed_optional.h"
#include "core/base/period.h"
#include "core/base/text_store.h"
#include "core/base/units.h"

namespace tally {

enum class Kind { kCumulative, kLevel, kGrowth, kMilestone };
enum class Direction { kUp, kDown };
enum class Basis { kYtd, kPeriod };
/// A milestone's stage, or a task's state: a task reports in-progress, done
/// or stalled (滞后); a milestone not-started, in-progress or done.
enum class Stage : uint8_t { kNotStarted, kInProgress, kDone, kStalled };

std::string_view kind_name(Kind k);
std::optional<Kind> parse_kind(std::string_view s);
std::string_view direction_name(Direction d);
std::optional<Direction> parse_direction(std::string_view s);
std::string_view basis_name(Basis b);
std::optional<Basis> parse_basis(std::string_view s);
std::string_view stage_name(Stage s);
/// A milestone's stage: not-started, in-progress or done (not stalled).
std::optional<Stage> parse_stage(std::string_view s);
/// A task's state: in-progress, done or stalled.
std::optional<Stage> parse_task_state(std::string_view s);

/// The words of each enum, in declaration order, for "did you mean" and for
/// messages that list them: cumulative, level, growth, milestone; up, down;
/// ytd, period; not-started, in-progress, done.
std::vector<std::string> kind_names();
std::vector<std::string> direction_names();
std::vector<std::string> basis_names();
std::vector<std::string> stage_names();
/// in-progress, done, stalled: the states a task reports.
std::vector<std::string> task_state_names();

/// The units counted whole when plan.toml does not say: 家 个 所 座 处 项 户 套 …
const std::vector<std::string>& default_counted_units();

/// Where each key of a table was written, for findings about its value: a
/// dozen keys at most, in the order they were written. A map of them was a
/// node per key of every indicator, a tenth of reading the shipped plan.
class KeyLocations {
 public:
  /// Sets (or replaces) where `key` was written.
  void set(std::string_view key, Location at);
  /// Adds a key not set yet.
  void add(std::string_view key, Location at) { keys_.emplace_back(std::string(key), at); }
  /// Where `key` was written; nullptr when it was not.
  const Location* find(std::string_view key) const;
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  size_t size() const { return keys_.size(); }
  void reserve(size_t n) { keys_.reserve(n); }

 private:
  std::vector<std::pair<std::string, Location>> keys_;
};

/// [evaluation] of plan.toml: the weights of the 季讲评 score (`tally
/// rank`), one per component. Only their proportions matter; a component
/// with nothing to judge is left out and the others' weights renormalised.
struct Evaluation {
  double progress = 40;   ///< 序时进度达标率
  double reporting = 20;  ///< 按时报送率
  double tasks = 20;      ///< 任务推进率
  double problems = 20;   ///< 问题销号率
};

/// [plan], [reporting], [thresholds], [units] and [evaluation] of plan.toml.
struct PlanHeader {
  std::string id;
  std::string title;
  std::string document;
  std::optional<Date> issued;
  Date start;
  Date end;
  int utc_offset_minutes = 0;
  std::string utc_offset = "+00:00";
  Cadence cadence = Cadence::kMonth;
  int timely_days = 0;
  double behind = 0.9;
  /// [thresholds] about: the half-width of the band of a `{ about = N }`
  /// target without its own tolerance, as a share of N (0.1: ±10%).
  std::optional<Decimal> about;
  /// Units whose targets count whole things (家, 所, 个 …): expected values
  /// are whole numbers. [units] counted, or the built-in list.
  std::vector<std::string> counted_units = default_counted_units();
  Evaluation evaluation;
  /// [bulletin] issuer: the unit that issues the bulletins, signed at their
  /// end with the report's date (落款); "" for none.
  std::string issuer;
  /// [bulletin] number = "period": a bulletin's number (期数) is its
  /// period's place in its year (June: 第6期).
  bool numbered_by_period = false;
  Location loc;

  /// True when `unit` counts whole things.
  bool is_counted(std::string_view unit) const;
};

struct Bureau {
  std::string id;
  std::string name;
  std::string full_name;
  std::vector<std::string> aliases;
  std::string kind;
  Location loc;
};

/// The expected path of a target: how its expected share (序时进度) grows
/// through the plan.
struct Schedule {
  enum class Type {
    kEven,    ///< a straight line from the plan's start
    kEnd,     ///< 0 until the plan's end (a milestone's due), then 1
    kShares,  ///< cumulative shares at each quarter's or month's end
    kStep,    ///< 0 before `step`, 1 from that day on
  } type = Type::kEven;
  std::vector<double> shares;  ///< kShares: 4 (quarters) or 12 (months) cumulative shares
  Date step;                   ///< kStep: the day the whole target is expected
  /// The [profile.NAME] the path was taken from; empty for one written inline.
  std::string profile;
};

/// What a report calls a path: the name of its profile, or "even", "end",
/// "seasonal" (shares written inline), "step".
std::string schedule_name(const Schedule& s);

/// A named path of plan.toml, `[profile.NAME]`, used by `schedule = "NAME"`.
struct Profile {
  std::string name;
  std::string description;
  Schedule path;  ///< kShares or kStep
  Location loc;
  KeyLocations key_locs;

  Location at(std::string_view key) const;
};

struct StagePoint {
  Date date;
  Stage stage = Stage::kDone;
  Location loc;
};

struct Baseline {
  Decimal value;
  int year = 0;
};

/// How the plan states a target beyond one figure (目标表述). The
/// indicator's `target` is the figure its status is judged on: for "about"
/// the edge of the band in its direction (the floor going up, the ceiling
/// going down), for a range its low end going up and its high end going
/// down, beside a stretch the target itself.
struct TargetForm {
  std::optional<Decimal> about;      ///< target = { about = 3 }: 3左右
  Decimal tolerance;                 ///< about's half-band, in the unit
  std::optional<Decimal> low, high;  ///< target = [3, 4]: 3–4
  std::optional<Decimal> stretch;    ///< stretch = 8.5: 力争8.5
  /// change = "+2pp": percentage points from the baseline (提高2个百分点).
  std::optional<Decimal> change;
  /// kind = "rank" (排名): a place, lower is better; the indicator is read
  /// as a level going down in 名, and target = 10 is 前10名.
  bool rank = false;
};

/// `[defaults]` of plan.toml (every entry of the plan) or of an action file
/// (its entries): what an indicator or task takes for a key it does not
/// write. The action's come before the plan's.
struct Defaults {
  std::optional<std::vector<std::string>> lead;
  std::optional<std::vector<std::string>> co;
  std::optional<Cadence> cadence;
  std::optional<std::string> unit;    ///< indicators that are measured
  std::optional<std::string> source;  ///< where in the document
  std::optional<Schedule> schedule;   ///< indicators that are measured
  /// Where each key was written, also one whose value was refused (an entry
  /// then takes nothing for it, and is not told again).
  KeyLocations key_locs;

  Location at(std::string_view key) const;
};

struct Indicator {
  std::string id;
  std::string name;
  Kind kind = Kind::kCumulative;
  /// False when `kind` was absent or not a kind: the checks that depend on
  /// the kind are skipped, so that one defect gives one message.
  bool kind_known = true;
  std::string unit;
  std::optional<Decimal> target;  ///< the figure judged on (see TargetForm)
  TargetForm form;                ///< how the plan states it
  Direction direction = Direction::kUp;
  std::vector<std::string> lead;  // first is the primary lead
  std::vector<std::string> co;
  std::optional<Cadence> cadence;  // unset: the plan's cadence
  Schedule schedule;
  Basis basis = Basis::kYtd;
  std::optional<Baseline> baseline;
  std::string metric;
  std::string source;
  std::string note;
  std::optional<Date> due;
  std::vector<StagePoint> stages;
  size_t action = 0;  // index into Plan::actions
  Location loc;
  /// Where each key was written, for diagnostics that concern one value; a
  /// key taken from [defaults] is where the default was written.
  KeyLocations key_locs;
  /// The keys taken from [defaults].
  std::set<std::string, std::less<>> inherited;

  Location at(std::string_view key) const;
};

/// A 重点任务: work a responsibility clause assigns that no figure reports.
/// Bureaus report its progress as a state with a note.
struct Task {
  std::string id;
  std::string name;
  std::string text;
  std::vector<std::string> lead;  // first is the primary lead
  std::vector<std::string> co;
  std::optional<Cadence> cadence;  // unset: the plan's cadence
  std::optional<Date> due;
  std::vector<StagePoint> stages;
  std::string source;
  std::string note;
  size_t action = 0;  // index into Plan::actions
  Location loc;
  KeyLocations key_locs;                         ///< as an indicator's
  std::set<std::string, std::less<>> inherited;  ///< as an indicator's

  Location at(std::string_view key) const;
};

struct Action {
  std::string id;
  int number = 0;
  std::string name;
  std::string name_en;
  std::string annex;
  std::vector<std::string> lead;
  std::string office;
  std::vector<std::string> also;
  std::string file;   // path relative to the plan directory
  Defaults defaults;  ///< [defaults] of the action's file
  Location loc;
  KeyLocations key_locs;

  Location at(std::string_view key) const;
};

/// The value of an actual: a number for cumulative, level and growth
/// indicators; a stage (and optional percent) for milestones.
/// Its optionals keep no flag of their own (PackedOptional): a ledger holds
/// one a record.
struct ActualValue {
  PackedOptional<Decimal> number;
  std::optional<Stage> stage;
  PackedOptional<double> percent;  // milestones only: "60%"
};

/// The value as it is written, without quotes: 1.8, done, 60%. (The
/// actuals file quotes the words: read/actuals.h.)
std::string value_text(const ActualValue& v);

/// The value as a reader writes it: a number with the indicator's unit
/// (1.8亿元), else value_text (done, 60%).
std::string value_with_unit(const ActualValue& v, std::string_view unit);

/// A milestone's value written as a percent ("60%"): the percent and the
/// stage it stands for (0% not started, 100% done, in progress between).
/// nullopt unless `text` is a number from 0 to 100 followed by '%'.
std::optional<ActualValue> parse_percent(std::string_view text);

/// A timestamp with the offset it was written in.
struct Timestamp {
  int64_t epoch_seconds = 0;  // UTC
  /// The fraction of the second, in nanoseconds (0 … 999999999): `record`
  /// writes one when another record was stamped in the same second.
  int32_t nanos = 0;
  int32_t offset_minutes = 0;
  /// As written, in RFC 3339: the local date and time at the offset it was
  /// written in, the fraction as few digits as it takes, the offset as
  /// ±HH:MM (2024-07-15T10:02:00+08:00, 10:02:00.001+08:00).
  std::string text() const;
  bool operator<(const Timestamp& o) const {
    return epoch_seconds != o.epoch_seconds ? epoch_seconds < o.epoch_seconds : nanos < o.nanos;
  }
  /// The same moment, to the nanosecond.
  bool same_moment(const Timestamp& o) const {
    return epoch_seconds == o.epoch_seconds && nanos == o.nanos;
  }
};

/// A Timestamp for a moment shown at an offset, its text in RFC 3339 (with
/// the fraction of the second, when there is one, as few digits as it
/// takes: 10:02:00.001+08:00).
Timestamp make_timestamp(int64_t epoch_seconds, int offset_minutes, int32_t nanos = 0);

/// A Timestamp from the parts of a date-time as written; `offset` is
/// minutes east of UTC. The text keeps the parts as given, the fraction
/// written as make_timestamp(epoch, offset, nanos) writes it.
Timestamp make_timestamp(Date d, int hour, int minute, int second, int offset, int32_t nanos = 0);

/// Where a key of a record stands, from its header (Actual::loc): the
/// lines below it and the column. Column 0 stands for the header itself:
/// a key that is absent, or one too far from it to keep in 16 bits (65,535
/// lines or columns), which findings then locate at its record.
struct KeyAt {
  uint16_t lines = 0;
  uint16_t col = 0;
};

/// One [[actual]] record. Its texts are views (Text) of a TextStore that
/// outlives it: the loader's stores are kept in Plan::texts beside
/// Plan::actuals, so a record must not outlive the Plan it was loaded into
/// (copy what you keep longer: `a.note.str()`).
struct Actual {
  Text indicator;
  Period period;
  /// The value in the indicator's unit (a record in another unit of the
  /// same kind is converted when read: read/actuals.h).
  ActualValue value;
  /// The unit the value was recorded in, as written (`unit = "万吨"`);
  /// empty for milestones and for records written before units were kept,
  /// which are read in the indicator's unit.
  Text unit;
  Timestamp recorded;
  Text by;
  Text source;
  Text note;
  Text reason;
  /// The note is an example worth spreading (特色亮点, 经验推广).
  bool highlight = false;
  uint32_t file_order = 0;  // position within its file, for stable ordering
  /// Where the record starts (its [[actual]] header), and where its keys
  /// stand, from there: locations of their own took 72 of a record's bytes.
  Location loc;
  KeyAt period_at;
  KeyAt value_at;
  KeyAt unit_at;
  KeyAt recorded_at;
  KeyAt by_at;

  /// Where a key stands, in the record's file.
  Location at(KeyAt k) const {
    return k.col == 0 ? loc : Location{loc.file, loc.line + k.lines, k.col};
  }
  /// `where` (in the record's file, at or below loc) as a KeyAt; the header
  /// when it is elsewhere or too far.
  KeyAt key_at(Location where) const;
  Location period_loc() const { return at(period_at); }
  Location value_loc() const { return at(value_at); }
  Location unit_loc() const { return at(unit_at); }
  Location recorded_loc() const { return at(recorded_at); }
  Location by_loc() const { return at(by_at); }
};

/// One actual as the user typed it, before validation (`tally record`'s
/// arguments or a CSV row of `tally import`). `by` may be empty (the
/// indicator's primary lead); `line` is the CSV line (0 elsewhere). The
/// keys are those of model/actual_fields.h.
struct ProposedActual {
  std::string indicator;
  std::string period;
  std::string value;
  std::string by;
  std::string source;
  std::string note;
  std::string reason;
  /// "true" (or 是, yes, 1) to mark the note a highlight; empty or "false".
  std::string highlight;
  uint32_t line = 0;
};

/// A step in a problem's life after it was opened: closed with evidence
/// (销号) or reopened with a reason.
struct ProblemEvent {
  enum class Kind { kClose, kReopen } kind = Kind::kClose;
  Timestamp at;
  std::string by;    ///< who closed or reopened it
  std::string text;  ///< the evidence (close) or the reason (reopen)
  Location loc;
  Location at_loc;
};

/// A problem handed to a bureau (问题交办), as read from
/// problems/<id>.toml: what was found, by when it must be put right, and its
/// closes and reopens in the order they were written.
struct Problem {
  std::string id;  ///< Q<year>-<NNNN>, the file's name
  int year = 0;
  int seq = 0;
  std::string bureau;
  Date due;
  std::string text;
  std::string indicator;  ///< the indicator it concerns, or empty
  std::string task;       ///< the task it concerns, or empty
  std::string source;     ///< how it was found: 督查, 暗访, 群众反映, …
  Timestamp opened;
  std::string by;  ///< who opened it
  std::vector<ProblemEvent> events;
  Location loc;
  KeyLocations key_locs;

  Location at(std::string_view key) const;
  /// Closed by the events recorded before the moment `cutoff`.
  bool closed_before(int64_t cutoff) const;
  /// The close in force before `cutoff` (the last event then, if a close).
  const ProblemEvent* close_before(int64_t cutoff) const;
};

/// A loaded plan: the definitions and every actual, as read.
struct Plan {
  std::string dir;
  std::string actuals_dir;
  std::string problems_dir;
  PlanHeader header;
  Defaults defaults;  ///< [defaults] of plan.toml
  std::vector<Profile> profiles;
  std::vector<Bureau> bureaus;
  std::vector<Action> actions;
  std::vector<Indicator> indicators;
  std::vector<Task> tasks;
  std::vector<Actual> actuals;
  /// The texts the actuals view (Actual's Text fields): one store per
  /// actuals file read, shared by copies of the plan.
  std::vector<std::shared_ptr<const TextStore>> texts;
  std::vector<Problem> problems;  ///< by id

  /// Parts that could not be read (the loader reported why). The checks
  /// that depend on them stay silent, so one defect is reported once and
  /// not again at every place that refers to what is missing.
  struct Unread {
    bool dates = false;       // plan.toml's start or end is missing or wrong
    bool bureaus = false;     // bureaus.toml
    bool indicators = false;  // an action file, or the actions/ directory
  } unread;

  const Bureau* find_bureau(std::string_view id) const;
  const Indicator* find_indicator(std::string_view id) const;
  const Action* find_action(std::string_view id) const;
  const Task* find_task(std::string_view id) const;
  std::vector<std::string> task_ids() const;
  const Profile* find_profile(std::string_view name) const;
  const Problem* find_problem(std::string_view id) const;
  /// The bureau a name, full name, alias or id refers to, or nullptr.
  const Bureau* resolve_bureau_name(std::string_view name) const;
  /// The short name of a bureau (市发改局), or `id` itself when unknown.
  std::string bureau_name(std::string_view id) const;
  /// bureau_name of each id.
  std::vector<std::string> bureau_names(const std::vector<std::string>& ids) const;
  std::vector<std::string> bureau_ids() const;
  std::vector<std::string> indicator_ids() const;
  std::vector<std::string> action_ids() const;
  Cadence cadence_of(const Indicator& ind) const { return ind.cadence.value_or(header.cadence); }
  Cadence cadence_of(const Task& t) const { return t.cadence.value_or(header.cadence); }
};

}  // namespace tally
