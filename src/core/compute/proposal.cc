#include "core/compute/proposal.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "core/base/memory.h"
#include "core/base/text.h"
#include "core/base/units.h"
#include "core/compute/plausibility.h"
#include "core/compute/reporters.h"
#include "core/read/spreadsheet_dates.h"

namespace tally {

namespace {

// Milestone stages as an office writes them in Chinese.
struct StageWord {
  std::string_view word;
  Stage stage;
};
constexpr StageWord kStageWords[] = {
    {"未启动", Stage::kNotStarted}, {"未开始", Stage::kNotStarted}, {"推进中", Stage::kInProgress},
    {"进行中", Stage::kInProgress}, {"在建", Stage::kInProgress},   {"已完成", Stage::kDone},
    {"完成", Stage::kDone},
};

// A task's state as an office writes it in Chinese.
constexpr StageWord kTaskStateWords[] = {
    {"推进中", Stage::kInProgress}, {"进行中", Stage::kInProgress}, {"已完成", Stage::kDone},
    {"完成", Stage::kDone},         {"滞后", Stage::kStalled},      {"停滞", Stage::kStalled},
};

std::string example_indicator(const Plan& plan) {
  return plan.indicators.empty() ? "industry.bio-output" : plan.indicators.front().id;
}

// Validates the proposals of one batch, one after another, collecting the
// refusals. Each check of a field refuses in the order the fields are
// checked (indicator, period, bureau, value, source, then against the
// records), so the messages of one row keep that order.
class Validator {
 public:
  Validator(const Ledger& ledger, const FieldNames& names, Date today, const Timestamp& recorded,
            const SourceFiles* files, bool force, TextStore& texts, std::vector<Refusal>& refusals)
      : ledger_(ledger),
        plan_(ledger.plan()),
        names_(names),
        today_(today),
        recorded_(recorded),
        files_(files),
        force_(force),
        texts_(texts),
        refusals_(refusals) {}

  // Room for `n` rows' (indicator, period) keys.
  void expect(size_t n) { seen_.reserve(n); }

  // Row `r` of `rows` as an actual; nullopt when any of it is refused.
  std::optional<Actual> check(std::span<const ProposedActual> rows, size_t r);

 private:
  void refuse(ActualKey key, std::string message) {
    refusals_.push_back({row_, fmt::format("{}: {}", names_[key], message)});
  }
  void text(ActualKey key, std::string_view s);
  /// text() for source, note and reason: of an indicator's record or a task's.
  void texts(const ProposedActual& p) {
    text(ActualKey::kSource, trim(p.source));
    text(ActualKey::kNote, trim(p.note));
    text(ActualKey::kReason, trim(p.reason));
  }
  const Indicator* indicator(const std::string& id, size_t* index);
  std::optional<Actual> check_task(std::span<const ProposedActual> rows, const Task& task,
                                   size_t task_index);
  std::optional<Period> period(const std::string& text, Cadence cadence, bool from_file);
  const Bureau* bureau(const std::string& by, const Indicator* ind);
  void against_records(std::span<const ProposedActual> rows, const std::string& id,
                       std::string_view unit, const Actual* prev, const Period& period,
                       const std::string& by, const std::string& reason);
  bool in_file_of(const Actual& a, const std::string& by) const;
  bool highlight(const ProposedActual& p, std::string_view note);
  void plausible(size_t ind_index, const ActualValue& v, std::string_view typed);
  void reporter(const Indicator& ind, const Bureau& by);

  const Ledger& ledger_;
  const Plan& plan_;
  const FieldNames& names_;
  const Date today_;
  const Timestamp& recorded_;
  const SourceFiles* files_;
  const bool force_;
  TextStore& texts_;  // what the accepted actuals view
  std::vector<Refusal>& refusals_;
  size_t row_ = 0;
  // Suggestions, made when first needed.
  std::vector<std::string> indicator_ids_, bureau_names_;
  // (indicator, period) → the row that records it, to refuse a second one.
  // The id is a view of the plan's, which outlives the validator.
  struct Recorded {
    std::string_view id;
    Period period;
    bool operator==(const Recorded&) const = default;
  };
  struct RecordedHash {
    size_t operator()(const Recorded& r) const {
      const auto p = static_cast<size_t>(r.period.year) * 64 + static_cast<size_t>(r.period.index);
      return std::hash<std::string_view>()(r.id) ^
             (p * 8 + static_cast<size_t>(r.period.cadence)) * 0x9E3779B97F4A7C15ULL;
    }
  };
  std::unordered_map<Recorded, size_t, RecordedHash> seen_;
};

// The indicator an id names; nullptr after refusing it (a name instead of
// the id, an unknown id with "did you mean").
const Indicator* Validator::indicator(const std::string& id, size_t* index) {
  if (id.empty()) {
    refuse(ActualKey::kIndicator, fmt::format("empty; give an indicator id such as {} (`tally list "
                                              "indicators` lists them)",
                                              example_indicator(plan_)));
    return nullptr;
  }
  if ((*index = ledger_.indicator_index(id)) != Ledger::npos) return &plan_.indicators[*index];
  const Indicator* named = nullptr;
  for (const auto& i : plan_.indicators)
    if (i.name == id) named = &i;
  if (named) {
    refuse(ActualKey::kIndicator,
           fmt::format("'{}' is the name of '{}'; give its id", id, named->id));
  } else {
    if (indicator_ids_.empty()) {
      // A task's id is recorded the same way, so suggest those too.
      indicator_ids_ = plan_.indicator_ids();
      for (const auto& t : plan_.tasks) indicator_ids_.push_back(t.id);
    }
    refuse(ActualKey::kIndicator,
           with_suggestion(fmt::format("unknown indicator '{}'", id), id, indicator_ids_) +
               "; `tally list indicators` lists them");
  }
  return nullptr;
}

// The period a notation or a relative word names, in the plan and begun by
// today; nullopt after refusing it. A period read from a file (`import`)
// that a spreadsheet turned into a date is explained as such.
std::optional<Period> Validator::period(const std::string& text, Cadence cadence, bool from_file) {
  if (text.empty()) {
    refuse(ActualKey::kPeriod, "empty; give the period the figure covers, e.g. 2024-06");
    return std::nullopt;
  }
  const PlanHeader& h = plan_.header;
  std::string err;
  auto p = resolve_period(text, today_, cadence, h.timely_days, &err);
  if (!p) {
    auto hint = from_file ? spreadsheet_period_hint(text, cadence) : std::nullopt;
    refuse(ActualKey::kPeriod, hint.value_or(err));
  } else if (p->start() < h.start || p->end() > h.end) {
    refuse(ActualKey::kPeriod, fmt::format("{} is outside the plan ({} to {})", p->str(),
                                           format_date(h.start), format_date(h.end)));
    return std::nullopt;
  } else if (today_ < p->start()) {
    refuse(ActualKey::kPeriod, fmt::format("{} has not started yet (it starts {}; today is {}); "
                                           "a figure can be recorded once its period has begun",
                                           p->str(), format_date(p->start()), format_date(today_)));
    return std::nullopt;
  }
  return p;
}

// The reporting bureau: the one `by` names (id, name or alias), else the
// indicator's first lead; nullptr after refusing it.
const Bureau* Validator::bureau(const std::string& by, const Indicator* ind) {
  if (by.empty()) {
    if (ind && ind->lead.empty()) {
      refuse(ActualKey::kBy, fmt::format("'{}' has no lead; name the reporting bureau", ind->id));
      return nullptr;
    }
    return ind ? plan_.find_bureau(ind->lead.front()) : nullptr;
  }
  const Bureau* b = plan_.find_bureau(by);
  if (!b) b = plan_.resolve_bureau_name(by);
  if (b) return b;
  if (bureau_names_.empty()) {
    for (const auto& x : plan_.bureaus) {
      bureau_names_.push_back(x.id);
      bureau_names_.push_back(x.name);
      for (const auto& alias : x.aliases) bureau_names_.push_back(alias);
    }
  }
  refuse(ActualKey::kBy,
         with_suggestion(fmt::format("unknown bureau '{}'", by), by, bureau_names_) +
             "; `tally list bureaus` shows ids, names and aliases");
  return nullptr;
}

// Whether the note is marked a highlight (特色亮点): true, 是, yes or 1; a
// highlight is its note, so it needs one. False after refusing.
bool Validator::highlight(const ProposedActual& p, std::string_view note) {
  const std::string_view text = trim(p.highlight);
  bool on = false;
  for (std::string_view w : {"true", "yes", "1", "是"}) on = on || text == w;
  bool off = text.empty();
  for (std::string_view w : {"false", "no", "0", "否"}) off = off || text == w;
  if (!on && !off) {
    refuse(ActualKey::kHighlight,
           fmt::format("'{}' is not true or false (是 or 否)", std::string(text)));
    return false;
  }
  if (on && note.empty()) {
    refuse(ActualKey::kHighlight,
           "a highlight (特色亮点) is its note; give the note worth spreading");
    return false;
  }
  return on;
}

// A bureau that neither leads nor works on the indicator, and is not its
// action's office, is refused unless --force.
void Validator::reporter(const Indicator& ind, const Bureau& by) {
  if (force_) return;
  std::string why = not_a_reporter(plan_, ind, by.id);
  if (!why.empty()) {
    refuse(ActualKey::kBy, why + "; name one of them, or give --force if it reports this figure");
  }
}

// A figure far outside what the indicator has been is refused unless
// --force: most often a slip of scale.
void Validator::plausible(size_t ind_index, const ActualValue& v, std::string_view typed) {
  if (force_ || !v.number) return;
  std::string why = implausible_value(ledger_, ind_index, *v.number, typed);
  if (!why.empty()) refuse(ActualKey::kValue, why + "; give --force if the figure is right");
}

// Whether `a` is in <by>.toml, the file a record by `by` is appended to.
bool Validator::in_file_of(const Actual& a, const std::string& by) const {
  if (!files_ || a.loc.file == 0) return false;
  const std::string& path = files_->path(a.loc.file);
  const std::string name = by + ".toml";
  return path.size() >= name.size() &&
         path.compare(path.size() - name.size(), name.size(), name) == 0 &&
         (path.size() == name.size() || path[path.size() - name.size() - 1] == '/');
}

// One figure per indicator and period in a batch; a second record for a
// period needs a reason and a later place than the record in force: a later
// stamp, or the same second and a later position in the same file (the
// bureau's own, where it is appended).
void Validator::against_records(std::span<const ProposedActual> rows, const std::string& id,
                                std::string_view unit, const Actual* prev, const Period& period,
                                const std::string& by, const std::string& reason) {
  auto [it, fresh] = seen_.emplace(Recorded{id, period}, row_);
  if (!fresh) {
    const ProposedActual& first = rows[it->second];
    refuse(ActualKey::kPeriod,
           fmt::format("{} {} is also on {} {}; one batch records one figure per "
                       "indicator and period",
                       id, period.str(), first.line ? "line" : "row",
                       first.line ? first.line : it->second + 1));
    return;
  }
  if (!prev) return;
  if (reason.empty()) {
    refuse(ActualKey::kReason,
           fmt::format("{} {} already has {} (recorded {} by {}, source {}); a second "
                       "record must give a reason saying why it replaces that one",
                       id, period.str(), value_with_unit(prev->value, unit), prev->recorded.text(),
                       prev->by, prev->source));
  } else if (recorded_ < prev->recorded) {
    refuse(ActualKey::kReason,
           fmt::format("the record in force for {} {} was recorded {}, after this "
                       "one ({}); a correction must be recorded after what it corrects",
                       id, period.str(), prev->recorded.text(), recorded_.text()));
  } else if (prev->recorded.same_moment(recorded_) && !in_file_of(*prev, by)) {
    refuse(ActualKey::kReason,
           fmt::format("the record in force for {} {} was recorded in the same second ({}) "
                       "by {} in another file; a correction in the same second must be "
                       "recorded by the same bureau, or a second later",
                       id, period.str(), prev->recorded.text(), prev->by));
  }
}

// The longest source, note or reason, in bytes: a sentence or two (about
// 660 Chinese characters), not a document pasted in.
constexpr size_t kMaxTextBytes = 2000;

// A text field is UTF-8 on one line, without control characters (an escape
// sequence would act on the terminal of whoever reads the log; a line end
// would print a fake row), and of a sane length.
void Validator::text(ActualKey key, std::string_view s) {
  if (auto why = text_refusal(s)) refuse(key, *why);
}

std::optional<Actual> Validator::check(std::span<const ProposedActual> rows, size_t r) {
  row_ = r;
  const ProposedActual& p = rows[r];
  if (size_t t = ledger_.task_index(trim(p.indicator)); t != Ledger::npos)
    return check_task(rows, plan_.tasks[t], t);
  const size_t refusals_before = refusals_.size();
  size_t ind_index = Ledger::npos;
  const Indicator* ind = indicator(std::string(trim(p.indicator)), &ind_index);
  const std::optional<Period> when =
      period(std::string(trim(p.period)), ind ? plan_.cadence_of(*ind) : plan_.header.cadence,
             p.line != 0);
  const Bureau* by = bureau(std::string(trim(p.by)), ind);
  if (ind && by) reporter(*ind, *by);
  Actual a;
  a.recorded = recorded_;
  if (ind) {
    std::string err;
    if (auto v = parse_value_for(*ind, trim(p.value), &err)) {
      a.value = *v;
      plausible(ind_index, a.value, trim(p.value));
    } else {
      refuse(ActualKey::kValue, err);
    }
  }
  std::string source(trim(p.source));
  if (source.empty()) {
    refuse(ActualKey::kSource, "empty; say where the figure comes from, e.g. 统计局6月月报");
  }
  texts(p);
  std::string reason(trim(p.reason));
  const bool marked = highlight(p, trim(p.note));
  if (ind && when) {
    against_records(rows, ind->id, ind->unit, ledger_.in_force(ind_index, *when), *when,
                    by ? by->id : "", reason);
  }
  if (refusals_.size() != refusals_before) return std::nullopt;
  a.indicator = texts_.keep(ind->id, static_cast<size_t>(ActualKey::kIndicator));
  a.period = *when;
  a.by = texts_.keep(by->id, static_cast<size_t>(ActualKey::kBy));
  a.source = texts_.keep(source, static_cast<size_t>(ActualKey::kSource));
  a.note = texts_.keep(trim(p.note), static_cast<size_t>(ActualKey::kNote));
  a.reason = texts_.keep(reason, static_cast<size_t>(ActualKey::kReason));
  a.highlight = marked;
  // The unit travels with the figure: a later change of the plan's unit
  // converts it when read instead of rescaling it.
  if (a.value.number) a.unit = texts_.keep(ind->unit, static_cast<size_t>(ActualKey::kUnit));
  return a;
}

// A progress report of a task: its state, and a note saying what was done.
std::optional<Actual> Validator::check_task(std::span<const ProposedActual> rows, const Task& task,
                                            size_t task_index) {
  const ProposedActual& p = rows[row_];
  const size_t refusals_before = refusals_.size();
  const std::optional<Period> when =
      period(std::string(trim(p.period)), plan_.cadence_of(task), p.line != 0);
  const Bureau* by = nullptr;
  if (!trim(p.by).empty()) {
    by = bureau(std::string(trim(p.by)), nullptr);
  } else if (task.lead.empty()) {
    refuse(ActualKey::kBy, fmt::format("'{}' has no lead; name the reporting bureau", task.id));
  } else {
    by = plan_.find_bureau(task.lead.front());
  }
  Actual a;
  a.recorded = recorded_;
  std::string err;
  if (auto v = parse_task_state_for(task, trim(p.value), &err)) {
    a.value = *v;
  } else {
    refuse(ActualKey::kValue, err);
  }
  std::string source(trim(p.source));
  if (source.empty()) {
    refuse(ActualKey::kSource, "empty; say where the report comes from, e.g. 工信局6月工作台账");
  }
  std::string note(trim(p.note));
  if (note.empty()) {
    refuse(ActualKey::kNote,
           "empty; a task's progress report says what was done in the period (进展情况), "
           "e.g. 完成园区道路招标");
  }
  texts(p);
  std::string reason(trim(p.reason));
  const bool marked = !note.empty() && highlight(p, note);
  if (when) {
    const Actual* prev = nullptr;
    for (const Actual* r : ledger_.task_in_force(task_index))
      if (r->period == *when) prev = r;
    against_records(rows, task.id, "", prev, *when, by ? by->id : "", reason);
  }
  if (refusals_.size() != refusals_before) return std::nullopt;
  a.indicator = texts_.keep(task.id, static_cast<size_t>(ActualKey::kIndicator));
  a.period = *when;
  a.by = texts_.keep(by->id, static_cast<size_t>(ActualKey::kBy));
  a.source = texts_.keep(source, static_cast<size_t>(ActualKey::kSource));
  a.note = texts_.keep(note, static_cast<size_t>(ActualKey::kNote));
  a.reason = texts_.keep(reason, static_cast<size_t>(ActualKey::kReason));
  a.highlight = marked;
  return a;
}

}  // namespace

std::optional<ActualValue> parse_task_state_for(const Task& task, std::string_view text,
                                                std::string* error) {
  ActualValue v;
  if (auto s = parse_task_state(text)) {
    v.stage = *s;
    return v;
  }
  for (const auto& w : kTaskStateWords) {
    if (text == w.word) {
      v.stage = w.stage;
      return v;
    }
  }
  std::vector<std::string> words = task_state_names();
  for (const auto& w : kTaskStateWords) words.emplace_back(w.word);
  if (error) {
    *error = with_suggestion(fmt::format("'{}' is not a state of task '{}'; give in-progress, "
                                         "done or stalled (推进中, 已完成, 滞后)",
                                         text, task.id),
                             text, words);
  }
  return std::nullopt;
}

FieldNames FieldNames::columns() {
  FieldNames n;
  for (const ActualField& f : kActualFields) n.names_[static_cast<size_t>(f.id)] = f.key;
  return n;
}

FieldNames FieldNames::options(std::initializer_list<ActualKey> positional) {
  FieldNames n;
  for (const ActualField& f : kActualFields) {
    std::string& name = n.names_[static_cast<size_t>(f.id)];
    if (std::find(positional.begin(), positional.end(), f.id) == positional.end()) {
      name = "--" + std::string(f.key);
    } else {
      for (char c : f.key) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  return n;
}

std::optional<ActualValue> parse_value_for(const Indicator& ind, std::string_view text,
                                           std::string* error) {
  auto fail = [&](std::string message) -> std::optional<ActualValue> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  ActualValue v;
  if (ind.kind == Kind::kMilestone) {
    if (auto s = parse_stage(text)) {
      v.stage = *s;
      return v;
    }
    for (const auto& w : kStageWords) {
      if (text == w.word) {
        v.stage = w.stage;
        return v;
      }
    }
    if (text.size() > 1 && text.back() == '%') {
      if (auto p = parse_percent(text)) {
        // Stored as text that must read back as the same percent.
        if (!fits_toml_number(*parse_decimal(text.substr(0, text.size() - 1)))) {
          return fail(
              fmt::format("'{}' has more digits than an actuals file keeps exactly (15 "
                          "significant digits); round it",
                          text));
        }
        return p;
      }
      return fail(fmt::format("'{}' is not a percent between 0% and 100%", text));
    }
    return fail(with_suggestion(fmt::format("'{}' is not a stage of milestone '{}'; give "
                                            "not-started, in-progress, done or a percent "
                                            "such as 60%",
                                            text, ind.id),
                                text, stage_names()));
  }
  if (text.empty()) {
    return fail(
        fmt::format("empty; give the figure in {}", ind.unit.empty() ? "its unit" : ind.unit));
  }
  if (text.find(',') != std::string_view::npos || text.find("，") != std::string_view::npos) {
    return fail(
        fmt::format("'{}' has a thousands separator; write the number without it, "
                    "e.g. 1200",
                    text));
  }
  std::string err;
  auto d = convert_value(text, ind.unit, &err);
  if (!d) return fail(err);
  if (d->is_negative() && ind.kind != Kind::kGrowth) {
    return fail(
        fmt::format("'{}' is negative; a {} value cannot be below 0 (only growth rates "
                    "can)",
                    text, kind_name(ind.kind)));
  }
  // The figure is stored as a TOML number; more digits than that keeps
  // would read back as another figure.
  if (!fits_toml_number(*d)) {
    return fail(
        fmt::format("'{}' is {}{}, more digits than an actuals file keeps exactly (15 "
                    "significant digits, 18 in a whole number); round it",
                    text, d->str(), ind.unit));
  }
  v.number = *d;
  return v;
}

Prepared prepare_actuals(const Ledger& ledger, std::span<const ProposedActual> rows,
                         const FieldNames& names, Date today, const Timestamp& recorded,
                         const SourceFiles* files, bool force) {
  Prepared out;
  Validator validator(ledger, names, today, recorded, files, force, *out.texts, out.refusals);
  reserve_in_huge_pages(out.actuals, rows.size());
  validator.expect(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    if (auto a = validator.check(rows, r)) out.actuals.push_back(std::move(*a));
  }
  if (!out.refusals.empty()) out.actuals.clear();
  return out;
}

std::optional<std::string> text_refusal(std::string_view s) {
  if (auto bad = find_invalid_utf8(s))
    return fmt::format("byte {} is not UTF-8; write the text in UTF-8", *bad + 1);
  // Valid UTF-8 holds a control character only as a byte below 0x20, as
  // 0x7F, or as U+0080 to U+009F, written C2 80 to C2 9F: a text without
  // them, nearly every one, need not be decoded.
  bool control = false;
  for (size_t i = 0; i < s.size() && !control; ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    control = b < 0x20 || b == 0x7F ||
              (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F);
  }
  const std::vector<char32_t> cps = control ? decode_utf8(s) : std::vector<char32_t>();
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
      std::string one;
      append_utf8(one, c);
      return fmt::format(
          "character {} is the control character {}; write the text on one "
          "line, without control characters",
          i + 1, inert(one));
    }
  }
  if (s.size() > kMaxTextBytes) {
    return fmt::format(
        "{} bytes long, at most {} are kept; give the gist and cite the "
        "document it comes from",
        s.size(), kMaxTextBytes);
  }
  return std::nullopt;
}

}  // namespace tally
