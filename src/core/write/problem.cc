#include "core/write/problem.h"

#include <fmt/format.h>

#include "core/base/fs.h"
#include "core/base/text.h"
#include "core/check/check.h"
#include "core/compute/proposal.h"
#include "core/read/actuals.h"
#include "core/read/problems.h"
#include "core/write/transaction.h"

namespace tally {

namespace {

ProblemOutcome refused(std::vector<std::string> refusals) {
  ProblemOutcome out;
  out.status = ProblemOutcome::Status::kRefused;
  out.refusals = std::move(refusals);
  return out;
}

ProblemOutcome failed(std::string error) {
  ProblemOutcome out;
  out.status = ProblemOutcome::Status::kFailed;
  out.error = std::move(error);
  return out;
}

const std::string& problems_dir(const Plan& plan) {
  return plan.problems_dir;
}

// "Today" for a write stamped at `now`.
Date today_for(const RecordOptions& options, const Plan& plan, int64_t now) {
  return options.today.value_or(local_date(now, plan.header.utc_offset_minutes));
}

// The text of problem file `name` read back as the loader reads it, and
// checked by the rules of `tally check` against the plan's definitions:
// the problem, or the findings (errors) as refusals in `refusals`.
std::optional<Problem> read_back(const Plan& plan, const std::string& path, const std::string& name,
                                 const std::string& text, Date today,
                                 std::vector<std::string>& refusals) {
  SourceFiles files;
  Diagnostics diags;
  const uint32_t file = files.add(path, text);
  Plan only = definitions_of(plan);
  load_problem_text(text, file, name, only, only.problems, diags);
  if (only.problems.size() == 1) check_problems(only, CheckOptions{today, nullptr}, diags);
  for (const auto& d : diags.items())
    if (d.severity == Severity::kError) refusals.push_back(format_diagnostic(d, files, false));
  if (!refusals.empty() || only.problems.size() != 1) {
    if (refusals.empty()) refusals.push_back(fmt::format("{}: cannot be read back", path));
    return std::nullopt;
  }
  return std::move(only.problems.front());
}

// The largest sequence of `year` among the problem files of `dir`.
int last_sequence(const FileSystem& fs, const std::string& dir, int year) {
  int last = 0;
  for (const auto& name : fs.list(dir)) {
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".toml") continue;
    int y = 0, seq = 0;
    if (parse_problem_id(std::string_view(name).substr(0, name.size() - 5), &y, &seq) && y == year)
      last = std::max(last, seq);
  }
  return last;
}

const Bureau* resolve_bureau(const Plan& plan, const std::string& text,
                             std::vector<std::string>& refusals) {
  if (text.empty()) {
    refusals.emplace_back("--bureau: empty; name the bureau the problem is handed to");
    return nullptr;
  }
  const Bureau* b = plan.find_bureau(text);
  if (!b) b = plan.resolve_bureau_name(text);
  if (b) return b;
  std::vector<std::string> names;
  for (const auto& x : plan.bureaus) {
    names.push_back(x.id);
    names.push_back(x.name);
    for (const auto& alias : x.aliases) names.push_back(alias);
  }
  refusals.push_back(
      with_suggestion(fmt::format("--bureau: unknown bureau '{}'", text), text, names) +
      "; `tally list bureaus` shows ids, names and aliases");
  return nullptr;
}

// Closes or reopens problem `id`: the event appended to its file under the lock.
ProblemOutcome add_event(const LoadResult& loaded, const std::string& id, ProblemEvent::Kind kind,
                         const std::string& text, const std::string& by,
                         const RecordOptions& options) {
  const Plan& plan = loaded.plan;
  const bool close = kind == ProblemEvent::Kind::kClose;
  const std::string what = close ? "--evidence" : "--reason";
  std::vector<std::string> refusals;
  if (!plan.find_problem(id)) {
    std::vector<std::string> ids;
    for (const auto& p : plan.problems) ids.push_back(p.id);
    refusals.push_back(with_suggestion(fmt::format("ID: unknown problem '{}'", id), id, ids) +
                       "; `tally problem list` lists them");
  }
  if (trim(text).empty()) {
    refusals.push_back(close ? what + ": empty; say what shows the problem is put right (销号依据)"
                             : what + ": empty; say why the problem is reopened");
  } else if (auto why = text_refusal(trim(text))) {
    refusals.push_back(what + ": " + *why);
  }
  if (trim(by).empty()) refusals.emplace_back("--by: empty; say who closes or reopens it");
  if (!refusals.empty()) return refused(std::move(refusals));

  const std::string dir = problems_dir(plan);
  const std::string name = id + ".toml";
  const std::string path = join_path(dir, name);
  std::string error;
  // A dry run takes no lock: it reads the file as it is and writes nothing.
  std::optional<LockedDir> locked =
      options.dry_run ? std::optional<LockedDir>()
                      : lock_for_writing(dir, options.lock_timeout_ms, false, &error);
  if (!options.dry_run && !locked) return failed(error);
  // Whatever happens next, what recovery restored is said.
  auto said = [&locked](ProblemOutcome out) {
    if (locked) out.recovered = std::move(locked->recovered);
    return out;
  };
  // The file as it is now, under the lock: another writer may have closed
  // or reopened the problem since the plan was loaded.
  DiskFileSystem fs;
  auto existing = fs.read(path, &error);
  if (!existing) return said(failed(fmt::format("cannot read {}: {}", path, error)));
  const int64_t now = options.clock();
  const Date today = today_for(options, plan, now);
  auto before = read_back(plan, path, name, *existing, today, refusals);
  if (!before) return said(refused(std::move(refusals)));
  const int64_t after_now = now + 1;
  const ProblemEvent* in_force = before->close_before(after_now);
  if (close && in_force) {
    return said(
        refused({fmt::format("ID: problem {} is already closed ({} by {}: {}); reopen it "
                             "first if it is not put right",
                             id, in_force->at.text(), in_force->by, in_force->text)}));
  }
  if (!close && !in_force) {
    return said(refused(
        {fmt::format("ID: problem {} is open; only a closed problem can be reopened", id)}));
  }
  ProblemEvent e;
  e.kind = kind;
  e.at = make_timestamp(now, plan.header.utc_offset_minutes);
  e.by = std::string(trim(by));
  e.text = std::string(trim(text));
  ProblemOutcome out;
  out.path = path;
  out.appended = append_after(*existing, format_problem_event(e));
  const std::string new_text = *existing + out.appended;
  auto after = read_back(plan, path, name, new_text, today, refusals);
  if (!after) return said(refused(std::move(refusals)));
  if (!options.dry_run && !replace_files(dir, {{name, new_text}}, &error))
    return said(failed(error));
  out.problem = std::move(*after);
  return said(std::move(out));
}

}  // namespace

ProblemOutcome open_problem(const LoadResult& loaded, const ProposedProblem& proposed,
                            const RecordOptions& options) {
  const Plan& plan = loaded.plan;
  std::vector<std::string> refusals;
  const Bureau* bureau = resolve_bureau(plan, std::string(trim(proposed.bureau)), refusals);
  const int64_t first_now = options.clock();
  const Date today = today_for(options, plan, first_now);
  const std::string due_text(trim(proposed.due));
  const std::optional<Date> due = parse_date(due_text);
  if (!due) {
    refusals.push_back(fmt::format("--due: '{}' is not a date such as 2024-08-15", due_text));
  } else if (*due < today) {
    refusals.push_back(
        fmt::format("--due: {} is before today ({}); a problem is due on the day "
                    "it is opened or later",
                    format_date(*due), format_date(today)));
  }
  if (trim(proposed.text).empty()) {
    refusals.emplace_back("--text: empty; say what the problem is");
  } else if (auto why = text_refusal(trim(proposed.text))) {
    refusals.push_back("--text: " + *why);
  }
  if (auto why = text_refusal(trim(proposed.source))) refusals.push_back("--source: " + *why);
  const std::string indicator(trim(proposed.indicator)), task(trim(proposed.task));
  if (!indicator.empty() && !task.empty()) {
    refusals.emplace_back("--task: give --indicator or --task, not both");
  } else if (!indicator.empty() && !plan.find_indicator(indicator)) {
    refusals.push_back(
        with_suggestion(fmt::format("--indicator: unknown indicator '{}'", indicator), indicator,
                        plan.indicator_ids()) +
        "; `tally list indicators` lists them");
  } else if (!task.empty() && !plan.find_task(task)) {
    refusals.push_back(
        with_suggestion(fmt::format("--task: unknown task '{}'", task), task, plan.task_ids()) +
        "; `tally list tasks` lists them");
  }
  if (trim(proposed.by).empty()) refusals.emplace_back("--by: empty; say who opens the problem");
  if (!refusals.empty()) return refused(std::move(refusals));

  const std::string dir = problems_dir(plan);
  std::string error;
  // A dry run takes no lock and creates no directory: its id is the next
  // free one as the files are now.
  std::optional<LockedDir> locked =
      options.dry_run ? std::optional<LockedDir>()
                      : lock_for_writing(dir, options.lock_timeout_ms, true, &error);
  if (!options.dry_run && !locked) return failed(error);
  // Whatever happens next, what recovery restored is said.
  auto said = [&locked](ProblemOutcome out) {
    if (locked) out.recovered = std::move(locked->recovered);
    return out;
  };
  // The next id, from the files as they are under the lock.
  DiskFileSystem fs;
  Problem p;
  p.year = plan.header.start.year;
  p.seq = last_sequence(fs, dir, p.year) + 1;
  p.id = problem_id(p.year, p.seq);
  p.bureau = bureau->id;
  p.opened = make_timestamp(options.clock(), plan.header.utc_offset_minutes);
  p.due = *due;
  p.text = std::string(trim(proposed.text));
  p.indicator = indicator;
  p.task = task;
  p.source = std::string(trim(proposed.source));
  p.by = std::string(trim(proposed.by));
  const std::string name = p.id + ".toml";
  ProblemOutcome out;
  out.path = join_path(dir, name);
  out.appended = format_problem(p);
  auto back = read_back(plan, out.path, name, out.appended, today, refusals);
  if (!back) return said(refused(std::move(refusals)));
  if (!options.dry_run && !replace_files(dir, {{name, out.appended}}, &error))
    return said(failed(error));
  out.problem = std::move(*back);
  return said(std::move(out));
}

ProblemOutcome close_problem(const LoadResult& loaded, const std::string& id,
                             const std::string& evidence, const std::string& by,
                             const RecordOptions& options) {
  return add_event(loaded, id, ProblemEvent::Kind::kClose, evidence, by, options);
}

ProblemOutcome reopen_problem(const LoadResult& loaded, const std::string& id,
                              const std::string& reason, const std::string& by,
                              const RecordOptions& options) {
  return add_event(loaded, id, ProblemEvent::Kind::kReopen, reason, by, options);
}

}  // namespace tally
