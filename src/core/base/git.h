// Running git: the only place tally starts another program. git is run
// directly with an argument vector (posix_spawnp), never through a shell.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/fs.h"

namespace tally {

/// What one git run produced.
struct GitRun {
  /// The exit status; 128 + the signal number when git was killed.
  int status = 0;
  std::string out;
  std::string err;

  bool ok() const { return status == 0; }
  /// The first non-empty line git wrote to stderr (without "fatal: "), or
  /// "git exited with status N" when it wrote nothing.
  std::string message() const;
};

/// Runs `git -C dir ARGS...` with `input` on its standard input and collects
/// both outputs. Returns nullopt and sets `*error` when git cannot be started
/// at all (not installed, not on PATH).
std::optional<GitRun> run_git(const std::string& dir, const std::vector<std::string>& args,
                              std::string_view input, std::string* error);

/// The git repository that holds a directory.
struct GitRepo {
  /// The absolute path of the working tree's top directory.
  std::string top;
  /// The directory, relative to `top`: "" for the top itself, else "a/b".
  std::string prefix;
  /// A revision open_repo resolved on the way, and its commit id (empty
  /// when it names none): resolve_commit answers it without running git.
  std::string resolved_rev, resolved_commit;
};

/// The repository `dir` is inside. nullopt with `*error` set when it is not
/// in a repository or git cannot run. With `rev`, the same run of git also
/// resolves that revision, which resolve_commit then need not: each run of
/// git costs a millisecond or two of CPU time.
std::optional<GitRepo> open_repo(const std::string& dir, std::string* error,
                                 const std::string& rev = {});

/// The full commit id `rev` names. nullopt with `*error` set for an unknown
/// revision ("unknown revision 'x'", with a close branch or tag suggested).
std::optional<std::string> resolve_commit(const GitRepo& repo, const std::string& rev,
                                          std::string* error);

/// The files of one commit below one directory, read in one run of git
/// (`git cat-file --batch`, asked for the trees a level at a time, then
/// for the files). Paths given to it are
/// written as git writes them, `<label>:<path from the top>`, so that
/// diagnostics about a file at a revision read like `HEAD:plans/x/plan.toml`.
class GitTreeFileSystem : public FileSystem {
 public:
  /// Reads every regular file of `commit` at or below `paths` (relative
  /// to the top; none means the whole tree). A symbolic link to a regular
  /// file below `paths` reads as that file, as on disk; any other link is
  /// listed but refused by read(). With `root` (the plan directory), a
  /// link may lead anywhere below it, outside `paths` too. `label` is what paths start
  /// with (usually the revision as the user typed it). nullopt with
  /// `*error` set when git fails.
  static std::optional<GitTreeFileSystem> open(const GitRepo& repo, const std::string& commit,
                                               const std::string& label,
                                               const std::vector<std::string>& paths,
                                               std::string* error, const std::string& root = {});

  /// `<label>:<subdir>`, the directory to hand to load_plan.
  std::string path_of(const std::string& subdir) const;

  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  size_t size_hint(const std::string& path) const override;

 private:
  /// Reads each symbolic link as the file it leads to, when that is a
  /// regular file below `paths`; refuses the others (refused_).
  void resolve_links(const std::map<std::string, std::string>& links,
                     const std::vector<std::string>& paths);
  /// The path relative to the top, or nullopt when it does not carry the label.
  std::optional<std::string> relative(const std::string& path) const;

  std::string label_;
  MemoryFileSystem files_;  // keyed by the path from the top
  /// Links that lead outside the paths read, or nowhere: path → why
  /// read() refuses them (they are listed, as on disk).
  std::map<std::string, std::string> refused_;
  /// Files fetched only because a link leads to them: not listed.
  std::set<std::string> hidden_;
};

/// Stages `file` and commits it alone (`git add`, then `git commit -m
/// message -- file`), leaving whatever else is staged untouched. The file's
/// directory selects the repository. Returns false and sets `*error` to
/// git's own message when either step fails.
bool commit_file(const std::string& file, const std::string& message, std::string* error);

}  // namespace tally
