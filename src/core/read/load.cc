#include "core/read/load.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <thread>
#include <unordered_set>

#include "core/base/memory.h"
#include "core/base/parallel.h"
#include "core/base/text.h"
#include "core/read/actuals.h"
#include "core/read/definitions.h"
#include "core/read/fast_toml.h"
#include "core/read/problems.h"
#include "core/read/toml.h"
#include "core/read/toml_fields.h"

namespace tally {

namespace {

// The file, if it is inside `root` once its links are followed; otherwise
// nullopt and `*error` says where it leads, naming what was read (`what`:
// "plan files", "actuals files", "problem files") and the directory it must
// stay in: the plan's, or the one --actuals or --problems names. A link
// that stays inside is read like the file it names; one that leads out (to
// /proc/self/environ, say) is never read.
std::optional<std::string> read_inside(const FileSystem& fs, const std::string& path,
                                       const std::string& root, const std::string& plan_dir,
                                       std::string_view what, std::string* error) {
  std::string target;
  if (!fs.inside(path, root, &target)) {
    const std::string where =
        root == plan_dir ? std::string("the plan directory") : "the directory " + root;
    *error = fmt::format("it leads outside {}, to {}; {} must be inside it", where, target, what);
    return std::nullopt;
  }
  return fs.read(path, error);
}

// A plan file read and parsed on a worker thread, which touches nothing of
// the LoadResult: the file is numbered and its findings given afterwards,
// in order (adopt).
struct ParsedFile {
  std::string path;  // as it is shown
  std::optional<std::string> text;
  std::string error;  // why it could not be read
  bool utf8 = false;
  std::optional<toml::table> table;
  std::optional<toml::parse_error> syntax;
};

ParsedFile parse_text(const FileSystem& fs, std::string path, const std::string& plan_dir) {
  ParsedFile p;
  p.path = std::move(path);
  p.text = read_inside(fs, p.path, plan_dir, plan_dir, "plan files", &p.error);
  if (!p.text) return p;
  p.utf8 = !find_invalid_utf8(*p.text);
  if (!p.utf8) return p;
  try {
    p.table = parse_toml(strip_bom(*p.text), p.path);
  } catch (const toml::parse_error& e) {
    p.syntax = e;
  }
  return p;
}

// Numbers a parsed file and gives its findings; its table, or nullopt when
// it is unusable.
std::optional<toml::table> adopt(ParsedFile&& p, LoadResult& r, uint32_t* file_out) {
  uint32_t file = r.files.add(p.path, p.text ? *p.text : std::string());
  if (file_out) *file_out = file;
  if (!p.text) {
    r.diags.error(Location{file, 0, 0}, "unreadable-file", fmt::format("cannot read: {}", p.error));
    return std::nullopt;
  }
  if (!p.utf8) {
    check_utf8(*p.text, file, r.diags);
    return std::nullopt;
  }
  if (p.syntax) {
    syntax_error(file, strip_bom(*p.text), *p.syntax, r.diags);
    return std::nullopt;
  }
  return std::move(p.table);
}

// Reads a file, checks its encoding and parses it; nullopt when unusable.
std::optional<toml::table> parse_file(const FileSystem& fs, std::string path, LoadResult& r,
                                      uint32_t* file_out) {
  return adopt(parse_text(fs, std::move(path), r.plan.dir), r, file_out);
}

// One actuals file as the worker threads leave it.
struct ActualsFile {
  std::optional<std::string> text;
  /// Whether it could be read, and when its text is not kept, the size
  /// and fingerprint() of the text its records were read from.
  bool readable = false;
  size_t size = 0;
  uint64_t print = 0;
  std::string error;
  /// Where its records go in plan.actuals, and how many places they have
  /// there (its [[actual]] headers); how many it gave.
  size_t first = 0, places = 0, count = 0;
  /// Its records, when they did not fit their places (a file toml++ reads
  /// as a whole may hold records the split did not count).
  std::vector<Actual> overflow;
  std::shared_ptr<TextStore> texts = std::make_shared<TextStore>();
  Diagnostics diags;
  SkippedActuals skipped;
};

// How many records a file may hold: the times "[[actual]]" occurs in it.
// A header in a comment or a string counts too, which leaves a place
// unused; a file that toml++ reads as a whole may hold more records
// (`actual = [{…}]`), which go to its overflow. Counting is a fraction of
// the cost of splitting the file into records, which the reader does
// anyway: memchr finds each "[" (one a record, as a rule), at a small part
// of memmem's cost.
size_t places_for(std::string_view text) {
  constexpr std::string_view header = "[[actual]]";
  size_t n = 0;
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (const void* hit = std::memchr(at, '[', static_cast<size_t>(end - at))) {
    const char* bracket = static_cast<const char*>(hit);
    if (std::string_view(bracket, static_cast<size_t>(end - bracket)).starts_with(header)) {
      ++n;
      at = bracket + header.size();
    } else {
      at = bracket + 1;
    }
  }
  return n;
}

// The actuals files, listed, and on threads counted and given their places
// in plan.actuals, before any record is read. Counting needs nothing of
// the definitions, so it starts on a thread of its own while they are read
// (start) and the loader joins in when they are (finish): on 100,000
// records, counting and sizing took a tenth of `report`'s time, alone.
// On one thread (a small plan, or one file) nothing is counted: each file
// is read once, its records straight into plan.actuals, which the reader
// grows as it needs (a vector of their own to move them from was, for one
// file of 100,000 records, 20 MB more of fresh pages).
// Unless texts are kept, a file's text is dropped after counting and read
// again for its records, so at most one text per thread is in memory
// besides the records: reading from the page cache twice costs less than
// the pages a third of the memory took. A file that changes between the
// two reads is read as it is the second time: a record more than counted
// goes to the overflow.
class ActualsLayout {
 public:
  ActualsLayout(const FileSystem& fs, const std::string& dir, std::string root,
                std::string plan_dir, bool keep_texts)
      : fs_(fs), root_(std::move(root)), plan_dir_(std::move(plan_dir)), keep_texts_(keep_texts) {
    for (const auto& name : fs.list(dir)) {
      if (name.size() <= 5 || name.substr(name.size() - 5) != ".toml") continue;
      paths.push_back(join_path(dir, name));
    }
    size_t bytes = 0;
    for (const auto& path : paths) bytes += fs.size_hint(path);
    shares = shares_for(bytes, kParallelBytes);
    direct = shares == 1 || paths.size() == 1;
    files = std::vector<ActualsFile>(paths.size());
  }
  ActualsLayout(const ActualsLayout&) = delete;
  ActualsLayout& operator=(const ActualsLayout&) = delete;
  ~ActualsLayout() {
    if (counter_.joinable()) counter_.join();
  }

  /// Starts counting on a thread of its own (nothing on one thread).
  void start() {
    if (!direct) {
      counter_ = std::thread([this] {
        try {
          count();
        } catch (...) {  // out of memory: said on the loader's thread (finish)
          failure_ = std::current_exception();
        }
      });
    }
  }
  /// Counts what is left on this thread too and waits for the other: then
  /// each file has its places and `records` is sized to hold them all.
  void finish() {
    if (direct) return;
    count();
    if (counter_.joinable()) counter_.join();
    if (failure_) std::rethrow_exception(failure_);
  }

  /// The file `i`'s text, or nullopt with f.error set.
  void read(ActualsFile& f, size_t i) const {
    f.text = read_inside(fs_, paths[i], root_, plan_dir_, "actuals files", &f.error);
    f.readable = f.text.has_value();
  }

  std::vector<std::string> paths;
  size_t shares = 1;
  bool direct = true;
  std::vector<ActualsFile> files;
  /// As many value-initialised records as the files have places, in huge
  /// pages: value-initialising a million records is 200 MB of pages, which
  /// faulted in one at a time were a fifth of `report`'s time.
  std::vector<Actual> records;

 private:
  // Takes files off the shared count until none is left; the thread that
  // counts the last one sizes `records`.
  void count() {
    for (size_t i; (i = next_.fetch_add(1)) < files.size();) {
      ActualsFile& f = files[i];
      read(f, i);
      if (f.text) f.places = places_for(*f.text);
      if (!keep_texts_) f.text.reset();
      if (counted_.fetch_add(1) + 1 == files.size()) size_records();
    }
  }
  void size_records() {
    size_t total = 0;
    for (auto& f : files) {
      f.first = total;
      total += f.places;
    }
    reserve_in_huge_pages(records, total);
    records.resize(total);
  }

  const FileSystem& fs_;
  const std::string root_, plan_dir_;
  const bool keep_texts_;
  std::atomic<size_t> next_{0}, counted_{0};
  std::thread counter_;
  std::exception_ptr failure_;
};

// Reads and parses the actuals files as `layout` has them, on as many
// threads as there are cores (each file on one thread), and adds them to
// `r` in the order of its paths, so the result is the same as reading them
// one after another. Unless `reread` is empty, a file's text is not kept
// (SourceFiles::add_released).
void load_actuals_files(ActualsLayout& layout, const ActualsFilter* filter,
                        const FileSystem::Rereader& reread, LoadResult& r) {
  const std::vector<std::string>& paths = layout.paths;
  std::vector<ActualsFile>& files = layout.files;
  const auto first_file = static_cast<uint32_t>(r.files.size());
  // Once read, a file's text is dropped unless it is to be kept.
  auto release = [&](ActualsFile& f) {
    if (!reread) return;
    f.size = f.text->size();
    f.print = fingerprint(*f.text);
    f.text.reset();
  };
  const size_t base = r.plan.actuals.size();
  const bool direct = layout.direct;
  if (direct) {
    for (size_t i = 0; i < paths.size(); ++i) {
      ActualsFile& f = files[i];
      layout.read(f, i);
      if (!f.text) continue;
      f.first = r.plan.actuals.size();
      load_actuals_text(*f.text, first_file + static_cast<uint32_t>(i), r.plan, *f.texts,
                        r.plan.actuals, f.diags, nullptr, filter, filter ? &f.skipped : nullptr);
      f.count = r.plan.actuals.size() - f.first;
      release(f);
    }
  } else {
    layout.finish();
    if (base == 0) {
      r.plan.actuals = std::move(layout.records);
    } else {
      r.plan.actuals.insert(r.plan.actuals.end(), layout.records.size(), Actual{});
      for (auto& f : files) f.first += base;
    }
    parallel_for(
        paths.size(),
        [&](size_t i) {
          ActualsFile& f = files[i];
          if (!f.readable) return;
          if (reread) layout.read(f, i);
          if (!f.text) return;
          std::vector<Actual> records;
          records.reserve(f.places);
          prefault(records.data(), f.places * sizeof(Actual));
          load_actuals_text(*f.text, first_file + static_cast<uint32_t>(i), r.plan, *f.texts,
                            records, f.diags, nullptr, filter, filter ? &f.skipped : nullptr);
          f.count = records.size();
          release(f);
          if (records.size() > f.places) {
            f.overflow = std::move(records);
            return;
          }
          std::move(records.begin(), records.end(),
                    r.plan.actuals.begin() + static_cast<std::ptrdiff_t>(f.first));
        },
        layout.shares);
  }

  // In file order: the diagnostics, and the records moved down over the
  // places of records that were not kept (a file's own records stay in
  // order, so each moves at most once), numbered by their place in
  // plan.actuals as the records of one file are by their place in it.
  size_t kept = base;
  for (size_t i = 0; i < files.size(); ++i) {
    ActualsFile& f = files[i];
    const uint32_t file = reread && f.readable
                              ? r.files.add_released(paths[i], f.size, f.print, reread)
                              : r.files.add(paths[i], f.text ? std::move(*f.text) : std::string());
    if (!f.readable) {
      r.diags.error(Location{file, 0, 0}, "unreadable-file",
                    fmt::format("cannot read: {}", f.error));
      continue;
    }
    r.diags.append(std::move(f.diags));
    r.plan.texts.push_back(std::move(f.texts));
    if (filter) r.skipped[file] = std::move(f.skipped);
    if (direct) {  // in place, numbered already
      kept += f.count;
      continue;
    }
    const auto start = static_cast<uint32_t>(kept);
    if (f.overflow.empty()) {
      for (size_t k = 0; k < f.count; ++k, ++kept) {
        Actual& a = r.plan.actuals[f.first + k];
        a.file_order += start;
        if (kept != f.first + k) r.plan.actuals[kept] = std::move(a);
      }
      continue;
    }
    // Rare: more records than places. Later files' records move up.
    const size_t more = f.overflow.size() - f.places;
    r.plan.actuals.insert(r.plan.actuals.begin() + static_cast<std::ptrdiff_t>(f.first + f.places),
                          more, Actual{});
    for (size_t j = i + 1; j < files.size(); ++j) files[j].first += more;
    for (size_t k = 0; k < f.overflow.size(); ++k, ++kept) {
      Actual& a = f.overflow[k];
      a.file_order += start;
      r.plan.actuals[kept] = std::move(a);
    }
    std::vector<Actual>().swap(f.overflow);
  }
  r.plan.actuals.resize(kept);
}

}  // namespace

void load_problems(const FileSystem& fs, const std::string& dir, const std::string& root,
                   LoadResult& r) {
  std::vector<std::string> names;
  for (auto& name : fs.list(dir))
    if (name.size() > 5 && name.substr(name.size() - 5) == ".toml") names.push_back(name);
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    const std::string path = join_path(dir, name);
    std::string error;
    auto text = read_inside(fs, path, root, r.plan.dir, "problem files", &error);
    const uint32_t file = r.files.add(path, text ? *text : std::string());
    if (!text) {
      r.diags.error(Location{file, 0, 0}, "unreadable-file", fmt::format("cannot read: {}", error));
      continue;
    }
    load_problem_text(*text, file, name, r.plan, r.plan.problems, r.diags);
  }
}

LoadResult load_plan(const FileSystem& fs, const LoadOptions& options) {
  LoadResult r;
  Plan& plan = r.plan;
  plan.dir = options.plan_dir;
  plan.actuals_dir =
      options.actuals_dir.empty() ? join_path(options.plan_dir, "actuals") : options.actuals_dir;
  plan.problems_dir = options.problems_dir.empty()
                          ? join_path(options.plan_dir, std::string(kProblemsDir))
                          : options.problems_dir;
  auto shown = [&](const std::string& rel) { return join_path(options.plan_dir, rel); };
  // Actuals live inside the plan, or inside the directory --actuals names.
  std::optional<ActualsLayout> actuals;
  if (!options.skip_actuals) {
    actuals.emplace(fs, plan.actuals_dir,
                    options.actuals_dir.empty() ? plan.dir : options.actuals_dir, plan.dir,
                    options.keep_actuals_text);
    actuals->start();
  }

  uint32_t file = 0;
  auto plan_root = parse_file(fs, shown("plan.toml"), r, &file);
  if (!plan_root) {
    r.fatal = true;
    return r;
  }
  plan.unread.dates = !read_plan_toml(*plan_root, file, plan, r.diags);

  if (auto root = parse_file(fs, shown("bureaus.toml"), r, &file)) {
    plan.unread.bureaus = !read_bureaus_toml(*root, file, plan, r.diags);
  } else {
    plan.unread.bureaus = true;
  }

  std::string actions_dir = shown("actions");
  std::vector<std::string> names;
  for (auto& name : fs.list(actions_dir)) {
    if (name.size() > 5 && name.substr(name.size() - 5) == ".toml") names.push_back(name);
  }
  if (names.empty()) {
    r.diags.error(Location{r.files.add(actions_dir, ""), 0, 0}, "missing-file",
                  "the plan has no actions; add actions/01-<slug>.toml with an [action] table");
    plan.unread.indicators = true;
  }
  // The action files hold nearly all of a plan's TOML: parsed on every
  // core, then read in name order.
  std::vector<ParsedFile> parsed(names.size());
  size_t bytes = 0;
  for (const auto& name : names) bytes += fs.size_hint(shown("actions/" + name));
  parallel_for(
      names.size(),
      [&](size_t i) { parsed[i] = parse_text(fs, shown("actions/" + names[i]), plan.dir); },
      shares_for(bytes, kParallelBytes));
  for (size_t i = 0; i < names.size(); ++i) {
    if (auto root = adopt(std::move(parsed[i]), r, &file)) {
      read_action_toml(*root, file, "actions/" + names[i], plan, r.diags);
    } else {
      plan.unread.indicators = true;
    }
  }

  if (options.skip_actuals) return r;
  if (fs.is_file(plan.actuals_dir)) {
    r.diags.error(Location{r.files.add(plan.actuals_dir, ""), 0, 0}, "missing-file",
                  "this is a file; actuals live in a directory of <bureau>.toml files");
    return r;
  }
  if (!options.actuals_dir.empty() && !fs.is_dir(options.actuals_dir)) {
    r.diags.error(Location{r.files.add(options.actuals_dir, ""), 0, 0}, "missing-file",
                  "the actuals directory does not exist");
    return r;
  }
  std::optional<ActualsFilter> filter;
  if (options.only_indicators) {
    std::unordered_set<std::string_view> known, wanted;
    for (const auto& i : plan.indicators) known.insert(i.id);
    for (const auto& t : plan.tasks) known.insert(t.id);
    for (const auto& id : *options.only_indicators) wanted.insert(id);
    filter.emplace();
    filter->keep = [known = std::move(known), wanted = std::move(wanted)](std::string_view id) {
      return wanted.count(id) > 0 || known.count(id) == 0;
    };
  }
  load_actuals_files(*actuals, filter ? &*filter : nullptr,
                     options.keep_actuals_text ? FileSystem::Rereader() : fs.rereader(), r);
  // Problems too, or inside the directory --problems names.
  load_problems(fs, plan.problems_dir,
                options.problems_dir.empty() ? plan.dir : options.problems_dir, r);
  return r;
}

}  // namespace tally
