#include "core/read/load.h"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <unordered_set>

#include "core/base/parallel.h"
#include "core/read/actuals.h"
#include "core/read/definitions.h"
#include "core/read/problems.h"
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

// Reads a file, checks its encoding and parses it; nullopt when unusable.
std::optional<toml::table> parse_file(const FileSystem& fs, const std::string& path,
                                      const std::string& shown_path, LoadResult& r,
                                      uint32_t* file_out) {
  std::string error;
  auto text = read_inside(fs, path, r.plan.dir, r.plan.dir, "plan files", &error);
  uint32_t file = r.files.add(shown_path, text ? *text : std::string());
  if (file_out) *file_out = file;
  if (!text) {
    r.diags.error(Location{file, 0, 0}, "unreadable-file", fmt::format("cannot read: {}", error));
    return std::nullopt;
  }
  if (!check_utf8(*text, file, r.diags)) return std::nullopt;
  try {
    return toml::parse(strip_bom(*text), shown_path);
  } catch (const toml::parse_error& e) {
    syntax_error(file, strip_bom(*text), e, r.diags);
    return std::nullopt;
  }
}

// One actuals file as a worker thread leaves it.
struct ActualsFile {
  std::optional<std::string> text;
  std::string error;
  std::vector<Actual> actuals;
  Diagnostics diags;
  SkippedActuals skipped;
};

// Reads and parses the actuals files, on as many threads as there are cores
// (each file on one thread), then adds them to `r` in the order of `paths`,
// so the result is the same as reading them one after another.
void load_actuals_files(const FileSystem& fs, const std::vector<std::string>& paths,
                        const std::string& root, const ActualsFilter* filter, LoadResult& r) {
  std::vector<ActualsFile> files(paths.size());
  const auto first = static_cast<uint32_t>(r.files.size());
  parallel_for(paths.size(), [&](size_t i) {
    ActualsFile& f = files[i];
    f.text = read_inside(fs, paths[i], root, r.plan.dir, "actuals files", &f.error);
    if (f.text) {
      load_actuals_text(*f.text, first + static_cast<uint32_t>(i), r.plan, f.actuals, f.diags,
                        nullptr, filter, filter ? &f.skipped : nullptr);
    }
  });

  size_t total = r.plan.actuals.size();
  for (const auto& f : files) total += f.actuals.size();
  r.plan.actuals.reserve(total);
  for (size_t i = 0; i < files.size(); ++i) {
    ActualsFile& f = files[i];
    const uint32_t file = r.files.add(paths[i], f.text ? std::move(*f.text) : std::string());
    if (!f.text) {
      r.diags.error(Location{file, 0, 0}, "unreadable-file",
                    fmt::format("cannot read: {}", f.error));
      continue;
    }
    r.diags.append(std::move(f.diags));
    if (filter) r.skipped[file] = std::move(f.skipped);
    const auto base = static_cast<uint32_t>(r.plan.actuals.size());
    for (auto& a : f.actuals) {
      a.file_order += base;
      r.plan.actuals.push_back(std::move(a));
    }
    std::vector<Actual>().swap(f.actuals);
  }
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

  uint32_t file = 0;
  auto plan_root = parse_file(fs, shown("plan.toml"), shown("plan.toml"), r, &file);
  if (!plan_root) {
    r.fatal = true;
    return r;
  }
  plan.unread.dates = !read_plan_toml(*plan_root, file, plan, r.diags);

  if (auto root = parse_file(fs, shown("bureaus.toml"), shown("bureaus.toml"), r, &file)) {
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
  for (const auto& name : names) {
    std::string rel = "actions/" + name;
    if (auto root = parse_file(fs, shown(rel), shown(rel), r, &file)) {
      read_action_toml(*root, file, rel, plan, r.diags);
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
  std::vector<std::string> paths;
  for (const auto& name : fs.list(plan.actuals_dir)) {
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".toml") continue;
    paths.push_back(join_path(plan.actuals_dir, name));
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
  // Actuals live inside the plan, or inside the directory --actuals names.
  load_actuals_files(fs, paths, options.actuals_dir.empty() ? plan.dir : options.actuals_dir,
                     filter ? &*filter : nullptr, r);
  // Problems too, or inside the directory --problems names.
  load_problems(fs, plan.problems_dir,
                options.problems_dir.empty() ? plan.dir : options.problems_dir, r);
  return r;
}

}  // namespace tally
