#include "core/write/scaffold.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "core/base/fs.h"
#include "core/base/text.h"
#include "core/read/toml_fields.h"
#include "core/write/transaction.h"

namespace tally {

namespace {

const char* kPlanToml = R"(# {comment_title}
# Made by {made_by}. Fill in the document number and the date of issue, and
# see docs/format.md for every key.

[plan]
id = "{id}"
title = "{title}"
document = ""
# issued = {year}-01-01
start = {year}-01-01
end = {year}-12-31
utc_offset = "+08:00"

[reporting]
# Actuals are reported monthly; those of a month are due by the 23rd of the
# next (timely_days = 23). Change both to what the plan's document says.
cadence = "month"
timely_days = 23

[thresholds]
behind = 0.90
)";

const char* kBureausToml =
    R"(# The bureaus (单位) the plan names as lead (牵头) or co-working (配合), one
# [bureau.<id>] table each. The id is what the action files use; every other
# spelling the document uses goes into aliases.

[bureau.zfb]
name = "政府办"
full_name = "人民政府办公室"
aliases = []
kind = "department"

# [bureau.fgj]
# name = "发改局"
# full_name = "发展和改革局"
# aliases = ["发展和改革局", "发展改革局"]
# kind = "department"
)";

const char* kActionToml =
    R"(# One file per action (行动), named NN-slug.toml: an [action] table, then its
# [[indicator]] and [[task]] tables. The examples below show each kind of
# indicator; uncomment one, give it your plan's figures and bureaus, and run
# `tally check`. See docs/format.md.

[action]
id = "example"
number = 1
name = "示例行动"
name_en = "Example"
annex = ""
lead = ["zfb"]

# cumulative: a total reached over the year (新增就业2100人).
# [[indicator]]
# id = "example.new-jobs"
# name = "城镇新增就业"
# kind = "cumulative"
# unit = "人"
# target = 2100
# direction = "up"
# lead = "zfb"
# co = []
# source = ""

# level: a stock or a ratio at a date (城镇化率达到43.59%).
# [[indicator]]
# id = "example.urban-rate"
# name = "常住人口城镇化率"
# kind = "level"
# unit = "%"
# target = 43.59
# direction = "up"
# lead = "zfb"
# co = []
# source = ""

# growth: a year-on-year rate in % (固定资产投资增长9%).
# [[indicator]]
# id = "example.invest-growth"
# name = "固定资产投资增速"
# kind = "growth"
# unit = "%"
# target = 9
# direction = "up"
# lead = "zfb"
# co = []
# source = ""

# milestone: work done by a date (年底前建成投产); no unit, no target.
# [[indicator]]
# id = "example.museum"
# name = "建成博物馆"
# kind = "milestone"
# due = {year}-12-31
# lead = "zfb"
# co = []
# source = ""

# task: work no figure reports (重点任务).
# [[task]]
# id = "example.services"
# name = "优化政务服务"
# text = "推进政务服务“一网通办”……"
# lead = ["zfb"]
# co = []
# source = ""
)";

// `s` with its line breaks as spaces, for a comment.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

}  // namespace

std::string scaffold_id(const std::string& dir, int year) {
  std::string base = dir;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  if (auto slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
  if (!base.empty() && base != "." && base != ".." && is_slug(base)) return base;
  return fmt::format("plan-{}", year);
}

std::vector<ScaffoldFile> scaffold_files(const ScaffoldOptions& o) {
  auto fill = [&](const char* text) {
    return fmt::format(fmt::runtime(text), fmt::arg("id", o.id),
                       fmt::arg("title", toml_escape(o.title)),
                       fmt::arg("comment_title", one_line(o.title)), fmt::arg("year", o.year),
                       fmt::arg("made_by", o.made_by));
  };
  return {{"plan.toml", fill(kPlanToml)},
          {"bureaus.toml", std::string(kBureausToml)},
          {"actions/01-example.toml", fill(kActionToml)}};
}

namespace {

bool refuse(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

bool write_file_in(const std::string& path, const std::string& text, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "wx");
  if (!f) return refuse(error, fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  if (!ok) return refuse(error, fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  return true;
}

// Removes a directory this import made, with what is in it (two levels deep).
void remove_tree(const std::string& dir) {
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      std::string name = e->d_name;
      if (name == "." || name == "..") continue;
      std::string path = join_path(dir, name);
      if (::unlink(path.c_str()) != 0) remove_tree(path);
    }
    ::closedir(d);
  }
  ::rmdir(dir.c_str());
}

}  // namespace

bool write_new_plan(const std::string& dir, const std::vector<ScaffoldFile>& files,
                    std::string_view command, std::string* error) {
  std::string target = dir;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  struct stat st;
  if (::stat(target.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode))
      return refuse(error, fmt::format("{} exists and is not a directory", dir));
    DIR* d = ::opendir(target.c_str());
    if (!d) return refuse(error, fmt::format("cannot read {}: {}", dir, std::strerror(errno)));
    bool empty = true;
    while (const dirent* e = ::readdir(d)) {
      if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) empty = false;
    }
    ::closedir(d);
    if (!empty) {
      return refuse(error, fmt::format("{} is not empty; {} writes only into an empty or new "
                                       "directory",
                                       dir, command));
    }
  }
  auto slash = target.rfind('/');
  const std::string parent =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : target.substr(0, slash));
  const std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string tmp = join_path(parent, "." + base + ".tally-tmp-XXXXXX");
  if (!::mkdtemp(tmp.data())) {
    return refuse(error, fmt::format("cannot create directory {}: {}", dir,
                                     std::strerror(errno == ENOENT ? ENOENT : errno)));
  }
  // mkdtemp makes the directory private; the plan is as readable as any new directory.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp.c_str(), 0777 & ~mask);
  auto undo = [&] {
    remove_tree(tmp);
    return false;
  };
  std::set<std::string> dirs;
  for (const auto& f : files) {
    auto s = f.path.rfind('/');
    if (s != std::string::npos && dirs.insert(f.path.substr(0, s)).second) {
      if (!ensure_dir(join_path(tmp, f.path.substr(0, s)), error)) return undo();
    }
    if (!write_file_in(join_path(tmp, f.path), f.text, error)) {
      if (error) {
        // Name the file as it will be, not as the hidden directory has it.
        *error = fmt::format("cannot write {}: {}", join_path(dir, f.path), std::strerror(errno));
      }
      return undo();
    }
  }
  // rename(2) replaces an empty directory, so `dir` is whole the moment it appears.
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    std::string why = std::strerror(errno);
    undo();
    return refuse(error, fmt::format("cannot create {}: {}", dir, why));
  }
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return true;
}

bool write_scaffold(const std::string& dir, const ScaffoldOptions& options, std::string* error) {
  return write_new_plan(dir, scaffold_files(options), "tally new", error);
}

}  // namespace tally
