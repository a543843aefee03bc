#include "core/base/git.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/base/diagnostic.h"
#include "core/base/text.h"

extern char** environ;

namespace tally {

namespace {

// Closes a descriptor once, whatever path leaves the function.
struct Fd {
  int fd = -1;
  Fd() = default;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

bool make_pipe(Fd& read_end, Fd& write_end) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  read_end.fd = fds[0];
  write_end.fd = fds[1];
  return true;
}

// While it lives, SIGPIPE is blocked for this thread: a git that exits
// before reading all its input must not kill tally. One that arrived
// meanwhile (`broken`) is discarded.
class PipeSignalBlocked {
 public:
  PipeSignalBlocked() {
    sigemptyset(&pipe_set_);
    sigaddset(&pipe_set_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set_, &old_set_);
  }
  ~PipeSignalBlocked() {
    if (broken) {
      timespec zero{0, 0};
      sigtimedwait(&pipe_set_, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_set_, nullptr);
  }
  PipeSignalBlocked(const PipeSignalBlocked&) = delete;
  PipeSignalBlocked& operator=(const PipeSignalBlocked&) = delete;
  bool broken = false;

 private:
  sigset_t pipe_set_, old_set_;
};

// Reads what git wrote to `out` and `err` where poll found it ready
// (`ready`: their revents), into the sinks; closes each at its end.
void read_ready(Fd& out, Fd& err, const short ready[2], std::string& out_sink,
                std::string& err_sink) {
  Fd* readers[2] = {&out, &err};
  std::string* sinks[2] = {&out_sink, &err_sink};
  char buf[1 << 16];
  for (int i = 0; i < 2; ++i) {
    if (readers[i]->fd < 0 || !ready[i]) continue;
    ssize_t n = ::read(readers[i]->fd, buf, sizeof buf);
    if (n > 0) {
      sinks[i]->append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      readers[i]->reset();
    }
  }
}

// Feeds `input` to git and drains its stdout and stderr at the same time, so
// neither side blocks on a full pipe.
void pump(Fd& in, Fd& out, Fd& err, std::string_view input, GitRun& run) {
  size_t written = 0;
  if (input.empty()) in.reset();
  PipeSignalBlocked blocked;
  while (in.fd >= 0 || out.fd >= 0 || err.fd >= 0) {
    pollfd fds[3] = {{in.fd, POLLOUT, 0}, {out.fd, POLLIN, 0}, {err.fd, POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (in.fd >= 0 && fds[0].revents) {
      ssize_t n = ::write(in.fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      if (n < 0 && errno == EPIPE) blocked.broken = true;
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || written == input.size()) in.reset();
    }
    const short ready[2] = {fds[1].revents, fds[2].revents};
    read_ready(out, err, ready, run.out, run.err);
  }
}

// Starts `git -C dir ARGS...` with its three standard streams on pipes,
// whose other ends it hands back. False with `*error` set when git cannot
// be started at all (not installed, not on PATH).
bool spawn_git(const std::string& dir, const std::vector<std::string>& args, Fd& in, Fd& out,
               Fd& err, pid_t* pid, std::string* error) {
  std::vector<std::string> argv_text = {"git", "-C", dir.empty() ? "." : dir};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  Fd in_read, out_write, err_write;
  if (!make_pipe(in_read, in) || !make_pipe(out, out_write) || !make_pipe(err, err_write)) {
    *error = fmt::format("cannot run git: {}", std::strerror(errno));
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_read.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.fd, 2);
  int rc = posix_spawnp(pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    *error = rc == ENOENT ? std::string("cannot run git: it is not installed or not on PATH")
                          : fmt::format("cannot run git: {}", std::strerror(rc));
    return false;
  }
  return true;
}

// Waits for git to exit: its status, 128 + the signal number when killed.
int reap(pid_t pid) {
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(wstatus)     ? WEXITSTATUS(wstatus)
         : WIFSIGNALED(wstatus) ? 128 + WTERMSIG(wstatus)
                                : 1;
}

// An entry of a tree, with its path from the top of the commit.
struct TreeEntry {
  std::string mode;
  std::string oid;
  std::string path;
};

// A `git cat-file --batch` kept running and asked for objects a round at a
// time, so that one run of git lists a commit's trees and reads its files
// (a run of git is a millisecond or two of CPU time).
class CatFile {
 public:
  struct Object {
    std::string oid;
    std::string type;  // empty when git has no such object
    std::string body;
  };

  CatFile() = default;
  CatFile(const CatFile&) = delete;
  CatFile& operator=(const CatFile&) = delete;
  ~CatFile() {
    if (!started_) return;
    in_.reset();  // git ends at the end of its input
    out_.reset();
    err_.reset();
    reap(pid_);
  }

  bool start(const std::string& dir, std::string* error) {
    started_ = spawn_git(dir, {"cat-file", "--batch"}, in_, out_, err_, &pid_, error);
    // Requests are written as git takes them: a write that waited for
    // room while git waited for its answers to be read would never end.
    if (started_) ::fcntl(in_.fd, F_SETFL, ::fcntl(in_.fd, F_GETFL) | O_NONBLOCK);
    return started_;
  }

  /// The objects `names` name (one line each), in order; nullopt with
  /// `*error` set when git stops or cuts an answer short.
  std::optional<std::vector<Object>> get(const std::vector<std::string>& names,
                                         std::string* error) {
    std::string request;
    for (const auto& n : names) request += n + "\n";
    std::vector<Object> objects;
    size_t written = 0, pos = 0;
    PipeSignalBlocked blocked;  // a git that stops before reading every request
    while (objects.size() < names.size()) {
      if (parse(pos, objects)) continue;
      if (out_.fd < 0) break;  // git stopped
      pollfd fds[3] = {{out_.fd, POLLIN, 0},
                       {err_.fd, POLLIN, 0},
                       {written < request.size() ? in_.fd : -1, POLLOUT, 0}};
      if (::poll(fds, 3, -1) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds[2].revents) {
        ssize_t n = ::write(in_.fd, request.data() + written, request.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if (n < 0 && errno != EINTR && errno != EAGAIN) {
          blocked.broken = errno == EPIPE;
          written = request.size();
        }
      }
      const short ready[2] = {fds[0].revents, fds[1].revents};
      read_ready(out_, err_, ready, buffer_, err_text_);
    }
    buffer_.erase(0, pos);
    if (objects.size() == names.size()) return objects;
    GitRun run;
    run.err = err_text_;
    run.status = 1;
    *error = run.message();
    return std::nullopt;
  }

 private:
  // Takes the next whole answer off the buffer from `pos`, if there is
  // one: "<oid> <type> <size>\n<size bytes>\n", or "<name> missing\n".
  bool parse(size_t& pos, std::vector<Object>& objects) {
    const size_t eol = buffer_.find('\n', pos);
    if (eol == std::string::npos) return false;
    std::vector<std::string> head = split(std::string_view(buffer_).substr(pos, eol - pos), ' ');
    if (head.size() != 3) {  // missing, ambiguous: no body
      objects.push_back({});
      pos = eol + 1;
      return true;
    }
    const size_t size = std::strtoull(head[2].c_str(), nullptr, 10);
    if (buffer_.size() < eol + 1 + size + 1) return false;
    objects.push_back({head[0], head[1], buffer_.substr(eol + 1, size)});
    pos = eol + 1 + size + 1;
    return true;
  }

  bool started_ = false;
  pid_t pid_ = 0;
  Fd in_, out_, err_;
  std::string buffer_, err_text_;
};

// The entries of a tree object: "<mode> <name>\0" and the object id in
// `hash_bytes` raw bytes (20 for SHA-1, 32 for SHA-256), each after the
// other. `dir` is the tree's path ("" for the top).
std::vector<TreeEntry> tree_entries(std::string_view body, size_t hash_bytes,
                                    const std::string& dir) {
  std::vector<TreeEntry> entries;
  size_t pos = 0;
  while (pos < body.size()) {
    const size_t space = body.find(' ', pos);
    const size_t nul = space == std::string_view::npos ? space : body.find('\0', space);
    if (nul == std::string_view::npos || nul + 1 + hash_bytes > body.size()) break;
    TreeEntry e;
    e.mode = body.substr(pos, space - pos);
    const std::string_view name = body.substr(space + 1, nul - space - 1);
    e.path = dir.empty() ? std::string(name) : dir + "/" + std::string(name);
    for (size_t k = 0; k < hash_bytes; ++k)
      e.oid += fmt::format("{:02x}", static_cast<unsigned char>(body[nul + 1 + k]));
    entries.push_back(std::move(e));
    pos = nul + 1 + hash_bytes;
  }
  return entries;
}

// Every branch and tag name, for "did you mean".
std::vector<std::string> ref_names(const GitRepo& repo) {
  std::string error;
  auto run = run_git(
      repo.top,
      {"for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes"}, {},
      &error);
  std::vector<std::string> names;
  if (!run || !run->ok()) return names;
  for (auto& line : split(run->out, '\n'))
    if (!line.empty()) names.push_back(line);
  return names;
}

// The directory as an absolute path, for messages that must say where.
std::string absolute(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(dir.empty() ? "." : dir, ec);
  if (ec) return dir;
  std::string text = p.lexically_normal().string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

}  // namespace

std::string GitRun::message() const {
  // git's own verdict is the line starting "fatal:" or "error:"; hints and
  // hook output come before it. Without one, the first line says it.
  std::string first;
  for (auto& line : split(err, '\n')) {
    std::string_view text = trim(line);
    if (text.empty()) continue;
    for (std::string_view prefix : {"fatal: ", "error: "}) {
      if (text.substr(0, prefix.size()) == prefix) return std::string(text.substr(prefix.size()));
    }
    if (first.empty()) first = text;
  }
  return first.empty() ? fmt::format("git exited with status {}", status) : first;
}

std::optional<GitRun> run_git(const std::string& dir, const std::vector<std::string>& args,
                              std::string_view input, std::string* error) {
  Fd in, out, err;
  pid_t pid = 0;
  if (!spawn_git(dir, args, in, out, err, &pid, error)) return std::nullopt;
  GitRun run;
  pump(in, out, err, input, run);
  run.status = reap(pid);
  return run;
}

std::optional<GitRepo> open_repo(const std::string& dir, std::string* error,
                                 const std::string& rev) {
  std::vector<std::string> args = {"rev-parse", "--show-toplevel", "--show-prefix"};
  // git prints the top and the prefix, then the commit or (status 1) nothing.
  if (!rev.empty())
    args.insert(args.end(), {"--verify", "--quiet", "--end-of-options", rev + "^{commit}"});
  auto run = run_git(dir, args, {}, error);
  if (!run) return std::nullopt;
  const bool unresolved = !rev.empty() && run->status == 1 && !run->out.empty();
  if (!run->ok() && !unresolved) {
    // git's own wording differs between versions; say it once, plainly.
    bool outside = run->err.find("not a git repository") != std::string::npos;
    *error = outside ? fmt::format("{} is not inside a git repository", absolute(dir))
                     : fmt::format("git rev-parse in {}: {}", absolute(dir), run->message());
    return std::nullopt;
  }
  std::vector<std::string> lines = split(run->out, '\n');
  if (lines.empty() || lines[0].empty()) {
    // A bare repository or the inside of .git has no working tree.
    *error = fmt::format("{} is not inside the working tree of a git repository", absolute(dir));
    return std::nullopt;
  }
  GitRepo repo;
  repo.top = lines[0];
  repo.prefix = lines.size() > 1 ? lines[1] : "";
  while (!repo.prefix.empty() && repo.prefix.back() == '/') repo.prefix.pop_back();
  if (!rev.empty()) {
    repo.resolved_rev = rev;
    if (run->ok() && lines.size() > 2) repo.resolved_commit = std::string(trim(lines[2]));
  }
  return repo;
}

std::optional<std::string> resolve_commit(const GitRepo& repo, const std::string& rev,
                                          std::string* error) {
  if (rev == repo.resolved_rev && !repo.resolved_commit.empty()) return repo.resolved_commit;
  auto run =
      run_git(repo.top, {"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"},
              {}, error);
  if (!run) return std::nullopt;
  if (run->ok()) return std::string(trim(run->out));
  std::vector<std::string> refs = ref_names(repo);
  if (refs.empty() && rev.rfind("HEAD", 0) == 0) {
    *error = fmt::format("unknown revision '{}': the repository at {} has no commits yet", rev,
                         repo.top);
    return std::nullopt;
  }
  *error = with_suggestion(fmt::format("unknown revision '{}'", rev), rev, refs);
  return std::nullopt;
}

namespace {

// The blobs of `entries`, in order; nullopt with `*error` set when git
// fails or one is not a blob.
std::optional<std::vector<std::string>> cat_blobs(CatFile& git,
                                                  const std::vector<const TreeEntry*>& entries,
                                                  const std::string& label, std::string* error) {
  std::vector<std::string> texts;
  if (entries.empty()) return texts;
  std::vector<std::string> oids;
  for (const TreeEntry* e : entries) oids.push_back(e->oid);
  auto objects = git.get(oids, error);
  if (!objects) {
    *error = fmt::format("git cat-file {}: {}", label, *error);
    return std::nullopt;
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    if ((*objects)[i].type != "blob") {
      *error = fmt::format("git cat-file {}: cannot read {}", label, entries[i]->path);
      return std::nullopt;
    }
    texts.push_back(std::move((*objects)[i].body));
  }
  return texts;
}

// Every entry of `commit` below `root` ("." or "" for the whole tree), its
// trees walked a level at a time; nullopt with `*error` set when git fails.
// A root that is not a directory of the commit has no entries.
std::optional<std::vector<TreeEntry>> list_tree(CatFile& git, const std::string& commit,
                                                const std::string& root, const std::string& label,
                                                std::string* error) {
  auto fail = [&](const std::string& why) {
    *error = fmt::format("git cat-file {}: {}", label, why);
    return std::nullopt;
  };
  auto top = git.get({commit + "^{tree}"}, error);
  if (!top) return fail(*error);
  if ((*top)[0].type != "tree") return fail(fmt::format("cannot read the tree of {}", commit));
  const size_t hash_bytes = (*top)[0].oid.size() / 2;
  std::string body = std::move((*top)[0].body);
  std::string dir;
  for (const auto& name : split(root == "." ? "" : root, '/')) {
    if (name.empty() || name == ".") continue;
    const std::string path = dir.empty() ? name : dir + "/" + name;
    std::string oid;
    for (const auto& e : tree_entries(body, hash_bytes, dir))
      if (e.path == path && e.mode == "40000") oid = e.oid;
    if (oid.empty()) return std::vector<TreeEntry>{};
    auto next = git.get({oid}, error);
    if (!next) return fail(*error);
    if ((*next)[0].type != "tree") return fail(fmt::format("cannot read {}", path));
    body = std::move((*next)[0].body);
    dir = path;
  }
  std::vector<TreeEntry> entries;
  std::vector<std::pair<std::string, std::string>> trees = {{dir, std::move(body)}};
  while (!trees.empty()) {
    std::vector<std::string> oids, paths;
    for (const auto& [path, tree] : trees) {
      for (auto& e : tree_entries(tree, hash_bytes, path)) {
        if (e.mode == "40000") {
          oids.push_back(e.oid);
          paths.push_back(e.path);
        } else {
          entries.push_back(std::move(e));
        }
      }
    }
    trees.clear();
    if (oids.empty()) break;
    auto objects = git.get(oids, error);
    if (!objects) return fail(*error);
    for (size_t i = 0; i < oids.size(); ++i) {
      if ((*objects)[i].type != "tree") return fail(fmt::format("cannot read {}", paths[i]));
      trees.emplace_back(paths[i], std::move((*objects)[i].body));
    }
  }
  return entries;
}

// Whether `path` is `dir` or below it ("" is the whole tree).
bool below(std::string_view path, std::string_view dir) {
  if (dir.empty() || dir == "." || path == dir) return true;
  return path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/';
}

}  // namespace

std::optional<GitTreeFileSystem> GitTreeFileSystem::open(
    const GitRepo& repo, const std::string& commit, const std::string& label,
    const std::vector<std::string>& paths, std::string* error, const std::string& root) {
  // The names below `root` (cheap), so that a link below `paths` may lead
  // to any file of the plan; only what is read is fetched.
  CatFile git;
  if (!git.start(repo.top, error)) return std::nullopt;
  auto listed = list_tree(git, commit, root.empty() ? "." : root, label, error);
  if (!listed) return std::nullopt;
  auto wanted = [&](const std::string& p) {
    if (paths.empty()) return true;
    for (const auto& dir : paths)
      if (below(p, dir)) return true;
    return false;
  };
  // Regular files and symbolic links (a link's blob is its target);
  // submodules are not plan files.
  std::map<std::string, TreeEntry> regular, link_entries;
  for (auto& e : *listed) {
    if (root.empty() && !wanted(e.path)) continue;  // as if listed below `paths` alone
    if (e.mode == "120000") {
      link_entries[e.path] = e;
    } else if (e.mode == "100644" || e.mode == "100755") {
      regular[e.path] = e;
    }
  }

  GitTreeFileSystem fs;
  fs.label_ = label;
  // First the files asked for and every link; then the files links lead to.
  std::vector<const TreeEntry*> first;
  for (const auto& [path, e] : regular)
    if (wanted(path)) first.push_back(&e);
  const size_t files = first.size();
  for (const auto& [path, e] : link_entries) first.push_back(&e);
  auto texts = cat_blobs(git, first, label, error);
  if (!texts) return std::nullopt;
  std::map<std::string, std::string> links;  // path → target as written
  for (size_t i = 0; i < first.size(); ++i) {
    if (i < files) {
      fs.files_.put(first[i]->path, std::move((*texts)[i]));
    } else {
      links[first[i]->path] = std::move((*texts)[i]);
    }
  }
  std::vector<const TreeEntry*> targets;
  for (const auto& [path, e] : regular)
    if (!wanted(path)) targets.push_back(&e);
  // Only those some link names: a plan's actuals are not read for nothing.
  std::erase_if(targets, [&](const TreeEntry* e) {
    for (const auto& [path, target] : links) {
      const size_t slash = path.rfind('/');
      std::filesystem::path p =
          std::filesystem::path(slash == std::string::npos ? "" : path.substr(0, slash)) / target;
      if (p.lexically_normal().generic_string() == e->path) return false;
    }
    return true;
  });
  auto target_texts = cat_blobs(git, targets, label, error);
  if (!target_texts) return std::nullopt;
  for (size_t i = 0; i < targets.size(); ++i)
    fs.files_.put(targets[i]->path, std::move((*target_texts)[i]));

  // Links below `paths` are entries like any other; links elsewhere were
  // fetched only to follow a chain.
  fs.resolve_links(links, root.empty() ? paths : std::vector<std::string>{root});
  for (const auto& [path, e] : regular)
    if (!wanted(path)) fs.hidden_.insert(path);
  for (const auto& [path, target] : links)
    if (!wanted(path)) fs.hidden_.insert(path);
  return fs;
}

void GitTreeFileSystem::resolve_links(const std::map<std::string, std::string>& links,
                                      const std::vector<std::string>& paths) {
  // Inside when below one of `paths` (or anywhere when none was given).
  auto inside = [&](const std::string& p) {
    if (paths.empty()) return true;
    for (const auto& root : paths)
      if (below(p, root)) return true;
    return false;
  };
  for (const auto& [path, target] : links) {
    // Follow the chain as the kernel would, a few links at most.
    std::string at = path;
    std::string to = target;
    std::string why;
    for (int hops = 0;; ++hops) {
      if (to.empty() || to[0] == '/') {
        why = fmt::format(
            "it leads outside the plan directory, to {}; plan files must be inside it", to);
        break;
      }
      const size_t slash = at.rfind('/');
      std::filesystem::path p =
          std::filesystem::path(slash == std::string::npos ? "" : at.substr(0, slash)) / to;
      std::string norm = p.lexically_normal().generic_string();
      if (norm.rfind("../", 0) == 0 || norm == ".." || !inside(norm)) {
        why = fmt::format(
            "it leads outside the plan directory, to {}; plan files must be inside it", norm);
        break;
      }
      if (files_.is_file(norm)) {
        std::string text = files_.read(norm, nullptr).value_or("");
        files_.put(path, std::move(text));
        break;
      }
      auto next = links.find(norm);
      if (next == links.end() || hops == 8) {
        why = fmt::format("it is a link to {}, which is not a file at {}", norm, label_);
        break;
      }
      at = norm;
      to = next->second;
    }
    if (!why.empty()) {
      refused_[path] = why;
      files_.put(path, "");  // listed like any entry; read() refuses it
    }
  }
}

std::string GitTreeFileSystem::path_of(const std::string& subdir) const {
  return label_ + ":" + (subdir.empty() ? "." : subdir);
}

std::optional<std::string> GitTreeFileSystem::relative(const std::string& path) const {
  if (path.size() <= label_.size() || path.compare(0, label_.size(), label_) != 0 ||
      path[label_.size()] != ':') {
    return std::nullopt;
  }
  std::string rel = path.substr(label_.size() + 1);
  while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
  if (rel == ".") rel.clear();
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  return rel;
}

std::optional<std::string> GitTreeFileSystem::read(const std::string& path,
                                                   std::string* error) const {
  auto rel = relative(path);
  if (!rel || !files_.is_file(*rel)) {
    if (error) *error = fmt::format("no such file at {}", label_);
    return std::nullopt;
  }
  if (auto it = refused_.find(*rel); it != refused_.end()) {
    if (error) *error = it->second;
    return std::nullopt;
  }
  return files_.read(*rel, error);
}

std::vector<std::string> GitTreeFileSystem::list(const std::string& dir) const {
  auto rel = relative(dir);
  if (!rel) return {};
  std::vector<std::string> names = files_.list(*rel);
  std::erase_if(names, [&](const std::string& n) { return hidden_.count(join_path(*rel, n)) > 0; });
  return names;
}

bool GitTreeFileSystem::is_dir(const std::string& path) const {
  auto rel = relative(path);
  if (!rel) return false;
  return rel->empty() || files_.is_dir(*rel);  // the top of a commit always exists
}

bool GitTreeFileSystem::is_file(const std::string& path) const {
  auto rel = relative(path);
  return rel && files_.is_file(*rel);
}

size_t GitTreeFileSystem::size_hint(const std::string& path) const {
  auto rel = relative(path);
  return rel ? files_.size_hint(*rel) : 0;
}

bool commit_file(const std::string& file, const std::string& message, std::string* error) {
  size_t slash = file.rfind('/');
  std::string dir = slash == std::string::npos ? "." : file.substr(0, slash);
  std::string name = slash == std::string::npos ? file : file.substr(slash + 1);
  if (dir.empty()) dir.assign(1, '/');  // GCC 12 warns (-Wrestrict) on = "/" here
  auto add = run_git(dir, {"--literal-pathspecs", "add", "--", name}, {}, error);
  if (!add) return false;
  if (!add->ok()) {
    *error = fmt::format("git add {}: {}", file, add->message());
    return false;
  }
  auto commit = run_git(
      dir, {"--literal-pathspecs", "commit", "--quiet", "-m", message, "--", name}, {}, error);
  if (!commit) return false;
  if (!commit->ok()) {
    *error = fmt::format("git commit {}: {}", file, commit->message());
    return false;
  }
  return true;
}

}  // namespace tally
