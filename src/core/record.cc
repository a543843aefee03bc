#include "core/record.h"

#include <fmt/format.h>

#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/check.h"
#include "core/text.h"
#include "core/write.h"

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

std::string value_with_unit(const Actual& a, const Indicator& ind) {
  if (a.value.number) return a.value.number->str() + ind.unit;
  std::string v = format_actual_value(a.value);
  return v.substr(1, v.size() - 2);  // without the quotes
}

bool same_record(const Actual& a, const Actual& b) {
  auto same_value = [](const ActualValue& x, const ActualValue& y) {
    return x.number.has_value() == y.number.has_value() && (!x.number || *x.number == *y.number) &&
           x.stage == y.stage && x.percent == y.percent;
  };
  return a.indicator == b.indicator && a.period == b.period && same_value(a.value, b.value) &&
         a.recorded.epoch_seconds == b.recorded.epoch_seconds &&
         a.recorded.text == b.recorded.text && a.by == b.by && a.source == b.source &&
         a.note == b.note && a.reason == b.reason;
}

// The plan's definitions without any actuals.
Plan definitions_of(const Plan& plan) {
  Plan p;
  p.dir = plan.dir;
  p.actuals_dir = plan.actuals_dir;
  p.header = plan.header;
  p.bureaus = plan.bureaus;
  p.actions = plan.actions;
  p.indicators = plan.indicators;
  return p;
}

// The actuals as one writer sees them: the records, the files their
// locations index and, per file name in the actuals directory, its text,
// its index in `files` and how many records were read from it.
struct Snapshot {
  const Plan* plan = nullptr;
  const SourceFiles* files = nullptr;
  std::map<std::string, std::string_view> texts;
  std::map<std::string, uint32_t> index;
  std::map<std::string, size_t> counts;
};

bool is_actuals_name(std::string_view name) {
  return name.size() > 5 && name.substr(name.size() - 5) == ".toml";
}

Snapshot snapshot_of(const Plan& plan, const SourceFiles& files) {
  Snapshot s;
  s.plan = &plan;
  s.files = &files;
  std::unordered_map<uint32_t, std::string> name_of;
  const std::string prefix = join_path(plan.actuals_dir, "");
  for (uint32_t i = 1; i < files.size(); ++i) {
    const std::string& path = files.path(i);
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string name = path.substr(prefix.size());
    if (!is_actuals_name(name) || name.find('/') != std::string::npos) continue;
    s.texts[name] = files.text(i);
    s.index[name] = i;
    s.counts[name] = 0;
    name_of[i] = name;
  }
  for (const Actual& a : plan.actuals) {
    auto it = name_of.find(a.loc.file);
    if (it != name_of.end()) ++s.counts[it->second];
  }
  return s;
}

// The actuals read again from disk, for a writer that found them changed.
struct Reloaded {
  Plan plan;
  SourceFiles files;
  Diagnostics diags;
};

// Reads the actuals files of the directory; true when they hold exactly
// the bytes of `s`. `disk` receives name → text.
bool unchanged(const Snapshot& s, const std::string& dir, std::map<std::string, std::string>& disk,
               std::string* error) {
  DiskFileSystem fs;
  bool same = true;
  for (const auto& name : fs.list(dir)) {
    if (!is_actuals_name(name)) continue;
    auto text = fs.read(join_path(dir, name), error);
    if (!text) {
      *error = fmt::format("cannot read {}: {}", join_path(dir, name), *error);
      return false;
    }
    auto it = s.texts.find(name);
    if (it == s.texts.end() || it->second != *text) same = false;
    disk[name] = std::move(*text);
  }
  return same && disk.size() == s.texts.size();
}

struct Composed {
  RecordOutcome outcome;
  std::vector<FileReplacement> replacements;
};

std::string example_indicator(const Plan& plan) {
  return plan.indicators.empty() ? "industry.bio-output" : plan.indicators.front().id;
}

// Validates, composes the new file texts and reads them back (steps 3–4).
// "Today" for a write stamped `recorded`.
Date today_for(const RecordOptions& options, const Plan& plan, const Timestamp& recorded) {
  return options.today.value_or(local_date(recorded.epoch_seconds, plan.header.utc_offset_minutes));
}

// Step 3: validation; false (and the refusals in `out`) when any row is refused.
bool validate(const Ledger& ledger, std::span<const ProposedActual> rows,
              const RecordOptions& options, const Timestamp& recorded, Prepared& prepared,
              RecordOutcome& out) {
  prepared = prepare_actuals(ledger, rows, options.names,
                             today_for(options, ledger.plan(), recorded), recorded);
  if (prepared.refusals.empty()) return true;
  out.status = RecordOutcome::Status::kRefused;
  out.refusals = std::move(prepared.refusals);
  return false;
}

// Validates (against `ledger`, built over the snapshot's plan), composes
// the new file texts and reads them back (steps 3–4).
Composed compose(const Snapshot& snap, const Ledger& ledger, std::span<const ProposedActual> rows,
                 const RecordOptions& options, const Timestamp& recorded) {
  const Plan& plan = *snap.plan;
  Composed c;
  RecordOutcome& out = c.outcome;
  const Date today = today_for(options, plan, recorded);
  Prepared prepared;
  if (!validate(ledger, rows, options, recorded, prepared, out)) return c;

  // Rows of each bureau go to <by>.toml, in the order given.
  std::map<std::string, std::vector<size_t>> by_file;
  for (size_t k = 0; k < prepared.actuals.size(); ++k) {
    by_file[prepared.actuals[k].by + ".toml"].push_back(k);
  }
  out.stored.resize(prepared.actuals.size());
  // Where the old records of a file are in out.files: a file this write
  // appends to is there under its new text, which starts with the old
  // bytes, so its old records keep their lines and columns.
  std::unordered_map<uint32_t, uint32_t> in_out;  // snap.files index → out.files index
  for (const auto& [name, ks] : by_file) {
    auto old_it = snap.texts.find(name);
    const bool created = old_it == snap.texts.end();
    std::string_view old = created ? std::string_view() : old_it->second;
    std::string records;
    if (created) {
      const Bureau* b = plan.find_bureau(prepared.actuals[ks.front()].by);
      records = actuals_file_header(*b);
    }
    for (size_t k : ks) records += format_actual(prepared.actuals[k]);
    AppendedFile file{join_path(plan.actuals_dir, name), append_after(old, records), ks.size(),
                      created};
    std::string text = std::string(old) + file.appended;

    // Read the new text back: the old records, then exactly the new ones.
    uint32_t idx = out.files.add(file.path, text);
    if (!created) in_out[snap.index.at(name)] = idx;
    std::vector<Actual> parsed;
    Diagnostics diags;
    load_actuals_text(out.files.text(idx), idx, plan, parsed, diags);
    const size_t old_count = created ? 0 : snap.counts.at(name);
    bool ok = !diags.has_errors() && parsed.size() == old_count + ks.size();
    for (size_t j = 0; ok && j < ks.size(); ++j) {
      ok = same_record(parsed[old_count + j], prepared.actuals[ks[j]]);
      out.stored[ks[j]] = std::move(parsed[old_count + j]);
    }
    if (!ok) {
      out.status = RecordOutcome::Status::kFailed;
      out.error = fmt::format(
          "the new text of {} does not read back as the records it should "
          "hold; nothing was written",
          file.path);
      return c;
    }
    c.replacements.push_back({name, std::move(text)});
    out.appended.push_back(std::move(file));
  }

  // The rules of `tally check`, for the new records among the old records
  // of the same indicators. A finding may concern an old record (a month
  // back-filled before a later one makes the later running total fall), and
  // every finding is formatted against out.files: so the old records are
  // located in out.files too, in the new text of the file written or else
  // in a copy of the file they were read from.
  auto relocate = [&](Location& loc) {
    if (loc.file == 0) return;
    auto [it, added] = in_out.try_emplace(loc.file, 0);
    if (added) it->second = out.files.add(snap.files->path(loc.file), snap.files->text(loc.file));
    loc.file = it->second;
  };
  std::set<std::string_view> affected;
  for (const Actual& a : out.stored) affected.insert(a.indicator);
  Plan sub = definitions_of(plan);
  for (const Actual& a : plan.actuals) {
    if (!affected.count(a.indicator)) continue;
    Actual& old = sub.actuals.emplace_back(a);
    for (Location* loc :
         {&old.loc, &old.period_loc, &old.value_loc, &old.recorded_loc, &old.by_loc}) {
      relocate(*loc);
    }
  }
  CheckOptions check_options{today, nullptr};
  auto check = [&](Diagnostics& found) {
    check_actuals(sub, check_options, found);
    check_ytd_series(sub, found);
  };
  // What the old records show already is not this write's doing.
  Diagnostics before, after;
  check(before);
  // The new records are lent to the check and taken back.
  const size_t first_new = sub.actuals.size();
  std::move(out.stored.begin(), out.stored.end(), std::back_inserter(sub.actuals));
  check(after);
  std::move(sub.actuals.begin() + static_cast<ptrdiff_t>(first_new), sub.actuals.end(),
            out.stored.begin());
  auto key = [](const Diagnostic& d) {
    return std::tuple(d.severity, d.loc.file, d.loc.line, d.loc.col, d.code, d.message);
  };
  std::multiset<decltype(key(Diagnostic{}))> old_findings;
  for (const auto& d : before.items()) old_findings.insert(key(d));
  for (const auto& d : after.items()) {
    auto it = old_findings.find(key(d));
    if (it != old_findings.end()) {
      old_findings.erase(it);
    } else {
      out.diags.add(d);
    }
  }
  out.diags.sort(out.files);
  if (out.diags.has_errors()) {
    out.status = RecordOutcome::Status::kRefused;
    c.replacements.clear();
  }
  return c;
}

}  // namespace

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
      auto d = parse_decimal(text.substr(0, text.size() - 1));
      if (d && !d->is_negative() && d->to_double() <= 100) {
        v.percent = d->to_double();
        v.stage = d->to_double() >= 100 ? Stage::kDone
                  : d->is_zero()        ? Stage::kNotStarted
                                        : Stage::kInProgress;
        return v;
      }
      return fail(fmt::format("'{}' is not a percent between 0% and 100%", text));
    }
    return fail(with_suggestion(fmt::format("'{}' is not a stage of milestone '{}'; give "
                                            "not-started, in-progress, done or a percent "
                                            "such as 60%",
                                            text, ind.id),
                                text, {"not-started", "in-progress", "done"}));
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
  v.number = *d;
  return v;
}

Prepared prepare_actuals(const Ledger& ledger, std::span<const ProposedActual> rows,
                         const FieldNames& names, Date today, const Timestamp& recorded) {
  const Plan& plan = ledger.plan();
  Prepared out;
  std::vector<std::string> indicator_ids, bureau_names;
  // (indicator, period) → the row that records it, to refuse a second one.
  std::unordered_map<std::string, size_t> seen;
  for (size_t r = 0; r < rows.size(); ++r) {
    const ProposedActual& p = rows[r];
    const size_t refusals_before = out.refusals.size();
    auto refuse = [&](const std::string& name, std::string message) {
      out.refusals.push_back({r, fmt::format("{}: {}", name, message)});
    };
    Actual a;
    a.recorded = recorded;

    const Indicator* ind = nullptr;
    size_t ind_index = Ledger::npos;
    std::string id(trim(p.indicator));
    if (id.empty()) {
      refuse(names.indicator, fmt::format("empty; give an indicator id such as {} (`tally list "
                                          "indicators` lists them)",
                                          example_indicator(plan)));
    } else if ((ind_index = ledger.indicator_index(id)) != Ledger::npos) {
      ind = &plan.indicators[ind_index];
    } else {
      const Indicator* named = nullptr;
      for (const auto& i : plan.indicators)
        if (i.name == id) named = &i;
      if (named) {
        refuse(names.indicator,
               fmt::format("'{}' is the name of '{}'; give its id", id, named->id));
      } else {
        if (indicator_ids.empty()) indicator_ids = plan.indicator_ids();
        refuse(names.indicator,
               with_suggestion(fmt::format("unknown indicator '{}'", id), id, indicator_ids) +
                   "; `tally list indicators` lists them");
      }
    }

    std::string period_text(trim(p.period));
    std::optional<Period> period;
    if (period_text.empty()) {
      refuse(names.period, "empty; give the period the figure covers, e.g. 2024-06");
    } else {
      std::string err;
      period = resolve_period(period_text, today, ind ? plan.cadence_of(*ind) : plan.header.cadence,
                              plan.header.timely_days, &err);
      if (!period) {
        refuse(names.period, err);
      } else if (period->start() < plan.header.start || period->end() > plan.header.end) {
        refuse(names.period,
               fmt::format("{} is outside the plan ({} to {})", period->str(),
                           format_date(plan.header.start), format_date(plan.header.end)));
        period.reset();
      } else if (today < period->start()) {
        refuse(names.period,
               fmt::format("{} has not started yet (it starts {}; today is {}); "
                           "a figure can be recorded once its period has begun",
                           period->str(), format_date(period->start()), format_date(today)));
        period.reset();
      }
    }

    std::string by(trim(p.by));
    const Bureau* bureau = nullptr;
    if (!by.empty()) {
      bureau = plan.find_bureau(by);
      if (!bureau) bureau = plan.resolve_bureau_name(by);
      if (!bureau) {
        if (bureau_names.empty()) {
          for (const auto& b : plan.bureaus) {
            bureau_names.push_back(b.id);
            bureau_names.push_back(b.name);
            for (const auto& alias : b.aliases) bureau_names.push_back(alias);
          }
        }
        refuse(names.by, with_suggestion(fmt::format("unknown bureau '{}'", by), by, bureau_names) +
                             "; `tally list bureaus` shows ids, names and aliases");
      }
    } else if (ind && ind->lead.empty()) {
      refuse(names.by, fmt::format("'{}' has no lead; name the reporting bureau", ind->id));
    } else if (ind) {
      bureau = plan.find_bureau(ind->lead.front());
    }

    if (ind) {
      std::string err;
      if (auto v = parse_value_for(*ind, trim(p.value), &err)) {
        a.value = *v;
      } else {
        refuse(names.value, err);
      }
    }

    std::string source(trim(p.source));
    if (source.empty()) {
      refuse(names.source, "empty; say where the figure comes from, e.g. 统计局6月月报");
    }

    std::string reason(trim(p.reason));
    if (ind && period) {
      std::string key = ind->id + '\x1f' + period->str();
      auto [it, fresh] = seen.emplace(key, r);
      if (!fresh) {
        const ProposedActual& first = rows[it->second];
        refuse(names.period, fmt::format("{} {} is also on {} {}; one batch records one figure per "
                                         "indicator and period",
                                         ind->id, period->str(), first.line ? "line" : "row",
                                         first.line ? first.line : it->second + 1));
      } else if (const Actual* prev = ledger.in_force(ind_index, *period)) {
        if (reason.empty()) {
          refuse(names.reason,
                 fmt::format("{} {} already has {} (recorded {} by {}, source {}); a second "
                             "record must give a reason saying why it replaces that one",
                             ind->id, period->str(), value_with_unit(*prev, *ind),
                             prev->recorded.text, prev->by, prev->source));
        } else if (prev->recorded.epoch_seconds >= recorded.epoch_seconds) {
          refuse(names.reason,
                 fmt::format("the record in force for {} {} was recorded {}, not before this "
                             "one ({}); a correction must be recorded after what it corrects",
                             ind->id, period->str(), prev->recorded.text, recorded.text));
        }
      }
    }

    if (out.refusals.size() != refusals_before) continue;
    a.indicator = ind->id;
    a.period = *period;
    a.period_text = period->str();
    a.by = bureau->id;
    a.source = std::move(source);
    a.note = std::string(trim(p.note));
    a.reason = std::move(reason);
    out.actuals.push_back(std::move(a));
  }
  if (!out.refusals.empty()) out.actuals.clear();
  return out;
}

Timestamp make_timestamp(int64_t epoch_seconds, int offset_minutes) {
  return Timestamp{epoch_seconds, offset_minutes, format_rfc3339(epoch_seconds, offset_minutes)};
}

int64_t moment_on(Date day, int64_t now, int offset_minutes) {
  return days_from_civil(day) * 86400 + local_seconds_of_day(now, offset_minutes) -
         static_cast<int64_t>(offset_minutes) * 60;
}

RecordOutcome record_actuals(const LoadResult& loaded, std::span<const ProposedActual> rows,
                             const RecordOptions& options) {
  const Plan& plan = loaded.plan;
  const int offset = plan.header.utc_offset_minutes;
  Snapshot snap = snapshot_of(plan, loaded.files);
  Ledger loaded_ledger(plan);
  if (options.dry_run) {
    return compose(snap, loaded_ledger, rows, options, make_timestamp(options.clock(), offset))
        .outcome;
  }
  // Refuse what is wrong already before taking the lock: a refusal touches
  // no file and waits for no other writer.
  {
    Prepared prepared;
    RecordOutcome out;
    if (!validate(loaded_ledger, rows, options, make_timestamp(options.clock(), offset), prepared,
                  out)) {
      return out;
    }
  }
  auto failed = [](std::string error) {
    RecordOutcome out;
    out.status = RecordOutcome::Status::kFailed;
    out.error = std::move(error);
    return out;
  };

  // 1. The lock, and whatever a crashed writer left.
  const std::string& dir = plan.actuals_dir;
  std::string error;
  if (!ensure_dir(dir, &error)) return failed(error);
  auto lock = DirLock::acquire(dir, options.lock_timeout_ms, &error);
  if (!lock) return failed(error);
  if (!recover_dir(dir, &error)) return failed(error);

  // 2. What other writers added since the plan was loaded.
  std::map<std::string, std::string> disk;
  std::optional<Reloaded> fresh;
  if (!unchanged(snap, dir, disk, &error)) {
    if (!error.empty()) return failed(error);
    fresh.emplace();
    fresh->plan = definitions_of(plan);
    snap = Snapshot{};
    snap.plan = &fresh->plan;
    snap.files = &fresh->files;
    for (auto& [name, text] : disk) {
      uint32_t idx = fresh->files.add(join_path(dir, name), std::move(text));
      size_t before = fresh->plan.actuals.size();
      load_actuals_text(fresh->files.text(idx), idx, fresh->plan, fresh->plan.actuals,
                        fresh->diags);
      snap.texts[name] = fresh->files.text(idx);
      snap.index[name] = idx;
      snap.counts[name] = fresh->plan.actuals.size() - before;
    }
    if (fresh->diags.has_errors()) {
      RecordOutcome out;
      out.status = RecordOutcome::Status::kRefused;
      out.diags = std::move(fresh->diags);
      out.diags.sort(fresh->files);
      out.files = std::move(fresh->files);
      return out;
    }
  }

  // 3–4. Validate, compose and read back.
  std::optional<Ledger> fresh_ledger;
  if (fresh) fresh_ledger.emplace(fresh->plan);
  Composed c = compose(snap, fresh ? *fresh_ledger : loaded_ledger, rows, options,
                       make_timestamp(options.clock(), offset));
  if (c.outcome.status != RecordOutcome::Status::kOk) return std::move(c.outcome);

  // 5. Replace the files, all or none.
  if (!replace_files(dir, c.replacements, &error)) return failed(error);
  return std::move(c.outcome);
}

}  // namespace tally
