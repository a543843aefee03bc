#include "core/write/record.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/base/memory.h"
#include "core/base/text.h"
#include "core/check/check.h"
#include "core/read/actuals.h"
#include "core/write/transaction.h"

namespace tally {

namespace {

bool same_record(const Actual& a, const Actual& b) {
  auto same_value = [](const ActualValue& x, const ActualValue& y) {
    return x.number.has_value() == y.number.has_value() && (!x.number || *x.number == *y.number) &&
           x.stage == y.stage && x.percent == y.percent;
  };
  return a.indicator == b.indicator && a.period == b.period && same_value(a.value, b.value) &&
         a.recorded.same_moment(b.recorded) && a.recorded.text() == b.recorded.text() &&
         a.by == b.by && a.source == b.source && a.note == b.note && a.reason == b.reason &&
         a.unit == b.unit;
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

Snapshot snapshot_of(const Plan& plan, const SourceFiles& files,
                     const std::vector<ExcludedRecord>& excluded,
                     const std::map<uint32_t, SkippedActuals>& skipped) {
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
    auto left_out = skipped.find(i);
    s.counts[name] = left_out == skipped.end() ? 0 : left_out->second.count;
    name_of[i] = name;
  }
  for (const Actual& a : plan.actuals) {
    auto it = name_of.find(a.loc.file);
    if (it != name_of.end()) ++s.counts[it->second];
  }
  // A record left out after it was read is read again with its file.
  for (const ExcludedRecord& r : excluded) {
    if (!r.read || r.file.size() <= prefix.size()) continue;
    auto it = s.counts.find(r.file.substr(prefix.size()));
    if (it != s.counts.end()) ++it->second;
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
// the bytes of `s`; otherwise `disk` receives name → text of each.
bool unchanged(const Snapshot& s, const std::string& dir, std::map<std::string, std::string>& disk,
               std::string* error) {
  DiskFileSystem fs;
  std::vector<std::string> names;
  for (auto& name : fs.list(dir))
    if (is_actuals_name(name)) names.push_back(std::move(name));
  auto read = [&](const std::string& name) {
    auto text = fs.read(join_path(dir, name), error);
    if (!text) *error = fmt::format("cannot read {}: {}", join_path(dir, name), *error);
    return text;
  };
  // Each file is compared and dropped at once: in the usual case nothing
  // changed, and no second copy of every file is held.
  bool same = names.size() == s.texts.size();
  for (size_t i = 0; same && i < names.size(); ++i) {
    auto text = read(names[i]);
    if (!text) return false;
    auto it = s.texts.find(names[i]);
    same = it != s.texts.end() && it->second == *text;
  }
  if (same) return true;
  for (const auto& name : names) {
    auto text = read(name);
    if (!text) return false;
    disk[name] = std::move(*text);
  }
  return false;
}

struct Composed {
  RecordOutcome outcome;
  std::vector<FileReplacement> replacements;
};

// The stamp of a write at `now`: that second, or — when a record of the
// plan was already stamped in it (a correction made at once after what it
// corrects, by any bureau) — a millisecond after the latest of them, so
// the new records are later than every record before them, also across
// files, where only the time orders records. The records a load left out
// (LoadOptions::only_indicators) count too.
Timestamp stamp(const Plan& plan, const std::map<uint32_t, SkippedActuals>& skipped, int64_t now) {
  const int offset = plan.header.utc_offset_minutes;
  int32_t latest = -1;
  for (const Actual& a : plan.actuals) {
    if (a.recorded.epoch_seconds == now) latest = std::max(latest, a.recorded.nanos);
  }
  for (const auto& [file, left_out] : skipped) {
    for (const SkippedActuals::Moment& m : left_out.recorded) {
      if (m.epoch_seconds == now) latest = std::max(latest, m.nanos);
    }
  }
  if (latest < 0) return make_timestamp(now, offset);
  constexpr int32_t kMillisecond = 1000000, kSecond = 1000000000;
  if (latest + kMillisecond < kSecond) return make_timestamp(now, offset, latest + kMillisecond);
  if (latest + 1 < kSecond) return make_timestamp(now, offset, latest + 1);
  return make_timestamp(now + 1, offset);
}

// "Today" for a write stamped `recorded`.
Date today_for(const RecordOptions& options, const Plan& plan, const Timestamp& recorded) {
  return options.today.value_or(local_date(recorded.epoch_seconds, plan.header.utc_offset_minutes));
}

// A row whose indicator has a record left out: which record is in force,
// and whether the new one needs a reason, cannot be judged beside it.
void refuse_beside_excluded(std::span<const ProposedActual> rows,
                            const std::vector<ExcludedRecord>& excluded, const FieldNames& names,
                            std::vector<Refusal>& refusals) {
  std::set<size_t> refused;
  for (const Refusal& r : refusals) refused.insert(r.row);
  for (size_t k = 0; k < rows.size(); ++k) {
    if (refused.count(k)) continue;  // one message a row: the first problem
    for (const ExcludedRecord* r : excluded_for(excluded, rows[k].indicator)) {
      refusals.push_back(
          {k, fmt::format("{}: {} has a record that breaks a rule ({}: {}); fix that record "
                          "first (`tally check` shows it)",
                          names[ActualKey::kIndicator],
                          r->indicator.empty() ? "the ledger" : "'" + r->indicator + "'",
                          r->where(), r->reason())});
    }
  }
}

// Step 3: validation; false (and the refusals in `out`) when any row is refused.
bool validate(const Ledger& ledger, const SourceFiles& files, std::span<const ProposedActual> rows,
              const RecordOptions& options, const Timestamp& recorded, Prepared& prepared,
              RecordOutcome& out) {
  prepared =
      prepare_actuals(ledger, rows, options.names, today_for(options, ledger.plan(), recorded),
                      recorded, &files, options.force);
  refuse_beside_excluded(rows, options.excluded, options.names, prepared.refusals);
  if (prepared.refusals.empty()) return true;
  prepared.actuals.clear();
  out.status = RecordOutcome::Status::kRefused;
  out.refusals = std::move(prepared.refusals);
  return false;
}

// Where the old records of a file are in RecordOutcome::files, by their
// index in the snapshot's files.
using FileIndex = std::unordered_map<uint32_t, uint32_t>;

// Step 4 for one file: its new text (the old bytes, then `ks` of `actuals`
// as text), read back, which must give the old records and then exactly
// the new ones. False (with kFailed) when it does not.
bool compose_file(const Snapshot& snap, const std::string& name, const std::vector<size_t>& ks,
                  const std::vector<Actual>& actuals, Composed& c, FileIndex& in_out) {
  const Plan& plan = *snap.plan;
  RecordOutcome& out = c.outcome;
  auto old_it = snap.texts.find(name);
  const bool created = old_it == snap.texts.end();
  std::string_view old = created ? std::string_view() : old_it->second;
  std::string records;
  if (created) records = actuals_file_header(*plan.find_bureau(actuals[ks.front()].by));
  // A record is about 200 bytes: one allocation, not one per doubling.
  reserve_in_huge_pages(records, records.size() + 256 * ks.size());
  for (size_t k : ks) append_actual(records, actuals[k]);
  std::string appended = append_after(old, "");  // a line end the old text lacks
  if (appended.empty()) {
    appended = std::move(records);
  } else {
    appended += records;
  }
  AppendedFile file{join_path(plan.actuals_dir, name), std::move(appended), ks.size(), created};
  std::string text;
  reserve_in_huge_pages(text, old.size() + file.appended.size());
  text.append(old).append(file.appended);

  // Read the new text back: the old records, then exactly the new ones. A
  // file this write appends to is in out.files under its new text, which
  // starts with the old bytes, so its old records keep their lines and
  // columns. It is the one copy of the new text: the write takes it from
  // there too.
  uint32_t idx = out.files.add(file.path, std::move(text));
  const std::string& kept = out.files.text(idx);
  if (!created) in_out[snap.index.at(name)] = idx;
  std::vector<Actual> parsed;
  Diagnostics diags;
  const size_t old_count = created ? 0 : snap.counts.at(name);
  // The old records were read when the plan was loaded. When the old text
  // reads record by record, the new records mean the same alone as after
  // it, so only they are read back; otherwise the whole new text is.
  size_t first_new = 0;
  if (created || !load_appended_actuals(out.files.text(idx), old.size(), idx, plan, *out.texts,
                                        parsed, diags)) {
    load_actuals_text(out.files.text(idx), idx, plan, *out.texts, parsed, diags);
    first_new = old_count;
  }
  // A record left out of the old text still reads as before; the new text
  // must read without an error.
  const auto old_lines = static_cast<uint32_t>(std::count(old.begin(), old.end(), '\n'));
  bool ok = parsed.size() == first_new + ks.size();
  for (const Diagnostic& d : diags.items()) {
    ok = ok && !(d.severity == Severity::kError && d.loc.line > old_lines);
  }
  for (size_t j = 0; ok && j < ks.size(); ++j) {
    Actual& a = parsed[first_new + j];
    a.file_order = static_cast<uint32_t>(old_count + j);
    ok = same_record(a, actuals[ks[j]]);
  }
  // Every row going to this one file (an import of one bureau's sheet):
  // the records read back are out.stored as they are.
  if (ok && first_new == 0 && ks.size() == actuals.size()) {
    out.stored = std::move(parsed);
  } else {
    out.stored.resize(actuals.size());
    for (size_t j = 0; ok && j < ks.size(); ++j)
      out.stored[ks[j]] = std::move(parsed[first_new + j]);
  }
  if (!ok) {
    out.status = RecordOutcome::Status::kFailed;
    out.error = fmt::format(
        "the new text of {} does not read back as the records it should "
        "hold; nothing was written",
        file.path);
    return false;
  }
  c.replacements.push_back({name, {}, &kept});
  out.appended.push_back(std::move(file));
  return true;
}

// The rules of `tally check`, for the new records among the old records of
// the same indicators; what they find that they did not find without the
// new records goes to out.diags. A finding may concern an old record (a
// month back-filled before a later one makes the later running total
// fall), and every finding is formatted against out.files: so the old
// records are located in out.files too, in the new text of the file
// written or else in a copy of the file they were read from.
void check_new_records(const Snapshot& snap, Date today, FileIndex& in_out, RecordOutcome& out) {
  const Plan& plan = *snap.plan;
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
    relocate(old.loc);  // its keys are located from it
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
  reserve_in_huge_pages(sub.actuals, first_new + out.stored.size());
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
}

// Validates (against `ledger`, built over the snapshot's plan), composes
// the new file texts and reads them back (steps 3–4). `validated`, when
// given, is what validate() gave for the same ledger, rows, options and
// stamp, and is used instead of validating again.
Composed compose(const Snapshot& snap, const Ledger& ledger, std::span<const ProposedActual> rows,
                 const RecordOptions& options, const Timestamp& recorded,
                 Prepared* validated = nullptr) {
  Composed c;
  RecordOutcome& out = c.outcome;
  Prepared prepared;
  if (validated) {
    prepared = std::move(*validated);
  } else if (!validate(ledger, *snap.files, rows, options, recorded, prepared, out)) {
    return c;
  }

  // Rows of each bureau go to <by>.toml, in the order given.
  std::map<std::string, std::vector<size_t>> by_file;
  for (size_t k = 0; k < prepared.actuals.size(); ++k) {
    by_file[prepared.actuals[k].by.str() + ".toml"].push_back(k);
  }
  FileIndex in_out;
  for (const auto& [name, ks] : by_file) {
    if (!compose_file(snap, name, ks, prepared.actuals, c, in_out)) return c;
  }
  // Read back, the records are in out.stored: the validated copies go
  // before the check makes its own.
  std::vector<Actual>().swap(prepared.actuals);
  check_new_records(snap, today_for(options, *snap.plan, recorded), in_out, out);
  if (out.diags.has_errors()) {
    out.status = RecordOutcome::Status::kRefused;
    c.replacements.clear();
  }
  return c;
}

}  // namespace

RecordOutcome record_actuals(const LoadResult& loaded, std::span<const ProposedActual> rows,
                             const RecordOptions& options) {
  const Plan& plan = loaded.plan;
  Snapshot snap = snapshot_of(plan, loaded.files, options.excluded, loaded.skipped);
  Ledger loaded_ledger(plan);
  if (options.dry_run) {
    return compose(snap, loaded_ledger, rows, options, stamp(plan, loaded.skipped, options.clock()))
        .outcome;
  }
  // Refuse what is wrong already before taking the lock: a refusal touches
  // no file and waits for no other writer.
  const Timestamp early = stamp(plan, loaded.skipped, options.clock());
  Prepared prepared;
  {
    RecordOutcome out;
    if (!validate(loaded_ledger, loaded.files, rows, options, early, prepared, out)) return out;
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
  auto locked = lock_for_writing(dir, options.lock_timeout_ms, true, &error);
  if (!locked) return failed(error);
  // Whatever happens next, what recovery restored is said.
  auto said = [&locked](RecordOutcome out) {
    out.recovered = std::move(locked->recovered);
    return out;
  };

  // 2. What other writers added since the plan was loaded.
  std::map<std::string, std::string> disk;
  std::optional<Reloaded> fresh;
  if (!unchanged(snap, dir, disk, &error)) {
    if (!error.empty()) return said(failed(error));
    fresh.emplace();
    fresh->plan = definitions_of(plan);
    snap = Snapshot{};
    snap.plan = &fresh->plan;
    snap.files = &fresh->files;
    for (auto& [name, text] : disk) {
      uint32_t idx = fresh->files.add(join_path(dir, name), std::move(text));
      size_t before = fresh->plan.actuals.size();
      auto texts = std::make_shared<TextStore>();
      load_actuals_text(fresh->files.text(idx), idx, fresh->plan, *texts, fresh->plan.actuals,
                        fresh->diags);
      fresh->plan.texts.push_back(std::move(texts));
      snap.texts[name] = fresh->files.text(idx);
      snap.index[name] = idx;
      snap.counts[name] = fresh->plan.actuals.size() - before;
    }
    // What another writer added is checked when its bulletin is made; a
    // record that cannot be read is left out as at load, and refuses only
    // proposals for its indicator.
    std::vector<ExcludedRecord> unread =
        isolate_bad_records(fresh->plan, fresh->files, fresh->diags);
    std::vector<Refusal> refusals;
    refuse_beside_excluded(rows, unread, options.names, refusals);
    if (!refusals.empty()) {
      RecordOutcome out;
      out.status = RecordOutcome::Status::kRefused;
      out.refusals = std::move(refusals);
      return said(std::move(out));
    }
    if (fresh->diags.has_errors()) {
      RecordOutcome out;
      out.status = RecordOutcome::Status::kRefused;
      out.diags = std::move(fresh->diags);
      out.diags.sort(fresh->files);
      out.files = std::move(fresh->files);
      return said(std::move(out));
    }
  }

  // 3–4. Validate, compose and read back.
  std::optional<Ledger> fresh_ledger;
  if (fresh) fresh_ledger.emplace(fresh->plan);
  // Read again, every record is kept.
  const std::map<uint32_t, SkippedActuals> none;
  const Timestamp recorded = stamp(*snap.plan, fresh ? none : loaded.skipped, options.clock());
  // Validation depends on nothing but the ledger, the rows, the options and
  // the stamp: when no other writer changed the files and the stamp is
  // the same (the lock came within the second), its verdict stands.
  const bool same = !fresh && recorded.same_moment(early) && recorded.text() == early.text();
  Composed c = compose(snap, fresh ? *fresh_ledger : loaded_ledger, rows, options, recorded,
                       same ? &prepared : nullptr);
  if (c.outcome.status != RecordOutcome::Status::kOk) return said(std::move(c.outcome));

  // 5. Replace the files, all or none.
  if (!replace_files(dir, c.replacements, &error)) return said(failed(error));
  return said(std::move(c.outcome));
}

LoadResult load_for_write(const FileSystem& fs, LoadOptions options,
                          const std::function<void(LoadResult&)>& check) {
  LoadResult r = load_plan(fs, options);
  check(r);
  if (options.only_indicators && r.diags.has_errors()) {
    options.only_indicators.reset();
    r = load_plan(fs, options);
    check(r);
  }
  return r;
}

// Every field of Plan but actuals and problems: a field added to Plan
// belongs here too, or a write checks against less than `tally check` sees.
Plan definitions_of(const Plan& plan) {
  Plan p;
  p.dir = plan.dir;
  p.actuals_dir = plan.actuals_dir;
  p.problems_dir = plan.problems_dir;
  p.header = plan.header;
  p.defaults = plan.defaults;
  p.profiles = plan.profiles;
  p.bureaus = plan.bureaus;
  p.actions = plan.actions;
  p.indicators = plan.indicators;
  p.tasks = plan.tasks;
  p.unread = plan.unread;
  return p;
}

}  // namespace tally
