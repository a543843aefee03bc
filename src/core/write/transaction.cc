#include "core/write/transaction.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "core/base/fs.h"

namespace tally {

namespace {

constexpr std::string_view kJournal = ".tally.journal";
constexpr std::string_view kTempSuffix = ".tally-tmp";
constexpr std::string_view kBackupSuffix = ".tally-bak";

std::string temp_name(std::string_view name) {
  return fmt::format(".{}{}", name, kTempSuffix);
}
std::string backup_name(std::string_view name) {
  return fmt::format(".{}{}", name, kBackupSuffix);
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

bool fail_errno(std::string* error, std::string_view what, const std::string& path) {
  return fail(error, fmt::format("cannot {} {}: {}", what, path, std::strerror(errno)));
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool fsync_dir(const std::string& dir, std::string* error) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail_errno(error, "open directory", dir);
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  errno = saved;
  // Some file systems cannot sync a directory; the rename is still atomic.
  if (rc != 0 && errno != EINVAL && errno != ENOTSUP) return fail_errno(error, "sync", dir);
  return true;
}

// Writes `text` to a new file `path` (replacing a stale one), fsyncs and
// closes it; on failure removes it.
bool write_new_file(const std::string& path, std::string_view text, const mode_t* mode,
                    std::string* error) {
  ::unlink(path.c_str());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return fail_errno(error, "create", path);
  int err = 0;
  if (mode && ::fchmod(fd, *mode) != 0) err = errno;
  if (!err && !write_all(fd, text)) err = errno;
  if (!err && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (err) {
    ::unlink(path.c_str());
    errno = err;
    return fail_errno(error, "write", path);
  }
  return true;
}

// One file of a transaction and where its pieces live.
struct Entry {
  std::string path, temp, backup;
  bool existed = false;
  mode_t mode = 0;
};

// Puts files [0, renamed) back from their backups, removes every temporary
// file and backup. Returns false when a file could not be put back.
bool roll_back(const std::vector<Entry>& entries, size_t renamed, std::string* error) {
  bool ok = true;
  for (size_t j = 0; j < entries.size(); ++j) {
    const Entry& e = entries[j];
    if (j < renamed) {
      int rc = e.existed ? ::rename(e.backup.c_str(), e.path.c_str()) : ::unlink(e.path.c_str());
      if (rc != 0 && ok) ok = fail_errno(error, "restore", e.path);
    } else {
      ::unlink(e.temp.c_str());
    }
    if (e.existed && !e.backup.empty()) ::unlink(e.backup.c_str());
  }
  return ok;
}

}  // namespace

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

std::optional<DirLock> DirLock::acquire(const std::string& dir, int timeout_ms,
                                        std::string* error) {
  std::string path = join_path(dir, std::string(kLockFileName));
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  // In a directory we may not write to, an existing lock file still locks.
  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) errno = EACCES;
  }
  if (fd < 0) {
    fail_errno(error, "create the lock file", path);
    return std::nullopt;
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  auto pause = std::chrono::milliseconds(2);
  for (;;) {
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return DirLock(fd);
    if (errno != EWOULDBLOCK && errno != EINTR) {
      fail_errno(error, "lock", path);
      ::close(fd);
      return std::nullopt;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      fail(error, fmt::format("{} is still locked by another tally after {} s; try again when "
                              "it has finished",
                              path, timeout_ms / 1000));
      ::close(fd);
      return std::nullopt;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

bool ensure_dir(const std::string& dir, std::string* error) {
  if (::mkdir(dir.c_str(), 0777) == 0) return true;
  struct stat st;
  if (errno == EEXIST && ::stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
  return fail_errno(error, "create directory", dir);
}

namespace {

// Where each file of the transaction and its pieces live, and the mode of
// those that exist; false when one cannot be replaced.
bool entries_of(const std::string& dir, const std::vector<FileReplacement>& files,
                std::vector<Entry>& entries, std::string* error) {
  entries.reserve(files.size());
  for (const auto& f : files) {
    Entry e;
    e.path = join_path(dir, f.name);
    e.temp = join_path(dir, temp_name(f.name));
    struct stat st;
    if (::lstat(e.path.c_str(), &st) == 0) {
      if (!S_ISREG(st.st_mode)) {
        return fail(error, fmt::format("{} is not a regular file (a link or a directory?); tally "
                                       "replaces actuals files and will not replace it",
                                       e.path));
      }
      e.existed = true;
      e.mode = st.st_mode & 07777;
    } else if (errno != ENOENT) {
      return fail_errno(error, "read", e.path);
    }
    entries.push_back(std::move(e));
  }
  return true;
}

// Step 2: the journal naming the files, then a hard-linked backup of each
// file that exists. On failure nothing of it is left.
bool write_journal(const std::string& dir, const std::string& journal,
                   const std::vector<FileReplacement>& files, std::vector<Entry>& entries,
                   std::string* error) {
  std::string text = "tally-journal 1\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    text += fmt::format("{} {}\n", entries[i].existed ? "replace" : "create", files[i].name);
  }
  bool ok = write_new_file(journal, text, nullptr, error) && fsync_dir(dir, error);
  for (size_t i = 0; ok && i < entries.size(); ++i) {
    Entry& e = entries[i];
    if (!e.existed) continue;
    e.backup = join_path(dir, backup_name(files[i].name));
    ::unlink(e.backup.c_str());
    if (::link(e.path.c_str(), e.backup.c_str()) != 0) {
      ok = fail_errno(error, "make a backup of", e.path);
      e.backup.clear();
    }
  }
  if (!ok) {
    roll_back(entries, 0, nullptr);
    ::unlink(journal.c_str());
  }
  return ok;
}

// Step 3: the renames, each atomic; together undone unless all succeed.
bool rename_all(const std::string& dir, const std::string* journal,
                const std::vector<Entry>& entries, std::string* error, const ReplaceHooks& hooks) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    auto action = hooks.before_rename ? hooks.before_rename(i) : ReplaceHooks::Action::kProceed;
    if (action == ReplaceHooks::Action::kCrash) return fail(error, "stopped as by a crash");
    bool renamed =
        action == ReplaceHooks::Action::kProceed && ::rename(e.temp.c_str(), e.path.c_str()) == 0;
    if (renamed) continue;
    if (action == ReplaceHooks::Action::kFail) errno = EIO;
    fail_errno(error, "replace", e.path);
    std::string undo_error;
    if (!roll_back(entries, i, &undo_error)) {
      // The journal stays, so the next writer finishes the undo.
      *error += fmt::format(
          "; undoing the other files failed too ({}); the next `tally "
          "record` or `tally import` will restore them",
          undo_error);
      return false;
    }
    if (journal) ::unlink(journal->c_str());
    fsync_dir(dir, nullptr);
    return false;
  }
  return fsync_dir(dir, error);
}

}  // namespace

bool replace_files(const std::string& dir, const std::vector<FileReplacement>& files,
                   std::string* error, const ReplaceHooks& hooks) {
  std::vector<Entry> entries;
  if (!entries_of(dir, files, entries, error)) return false;

  // 1. Every new text in a temporary file beside its file, on disk.
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (!write_new_file(e.temp, files[i].text, e.existed ? &e.mode : nullptr, error)) {
      roll_back(entries, 0, nullptr);
      return false;
    }
  }

  // 2. Several files: a journal first, so a crash while renaming can be undone.
  const bool journaled = entries.size() > 1;
  const std::string journal = join_path(dir, std::string(kJournal));
  if (journaled && !write_journal(dir, journal, files, entries, error)) return false;

  // 3. The renames.
  if (!rename_all(dir, journaled ? &journal : nullptr, entries, error, hooks)) return false;

  // 4. Committed: the journal goes first, then the backups.
  if (journaled) {
    ::unlink(journal.c_str());
    fsync_dir(dir, nullptr);
    for (const Entry& e : entries)
      if (!e.backup.empty()) ::unlink(e.backup.c_str());
  }
  return true;
}

bool recover_dir(const std::string& dir, std::string* error) {
  const std::string journal = join_path(dir, std::string(kJournal));
  bool changed = false;
  if (::access(journal.c_str(), F_OK) == 0) {
    std::string text = DiskFileSystem().read(journal, nullptr).value_or("");
    // Only complete lines count: a journal cut short was written before any
    // file was touched.
    bool ok = true;
    size_t start = 0;
    for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
      std::string_view line(text.data() + start, nl - start);
      bool existed = line.starts_with("replace ");
      if (!existed && !line.starts_with("create ")) continue;
      std::string_view name = line.substr(existed ? 8 : 7);
      if (name.empty() || name.find('/') != std::string_view::npos) continue;
      std::string path = join_path(dir, std::string(name));
      if (existed) {
        std::string backup = join_path(dir, backup_name(name));
        if (::access(backup.c_str(), F_OK) == 0 && ::rename(backup.c_str(), path.c_str()) != 0) {
          ok = fail_errno(error, "restore", path);
        }
      } else if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
        ok = fail_errno(error, "remove", path);
      }
    }
    if (!ok || !fsync_dir(dir, error)) return false;
    if (::unlink(journal.c_str()) != 0 && errno != ENOENT) {
      return fail_errno(error, "remove", journal);
    }
    changed = true;
  }
  // Temporary files and backups are only ever left by an interrupted writer.
  std::vector<std::string> stray;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* ent = ::readdir(d)) {
      std::string_view n = ent->d_name;
      if (n.starts_with('.') && (n.ends_with(kTempSuffix) || n.ends_with(kBackupSuffix))) {
        stray.emplace_back(n);
      }
    }
    ::closedir(d);
  }
  for (const auto& n : stray) ::unlink(join_path(dir, n).c_str());
  return !(changed || !stray.empty()) || fsync_dir(dir, error);
}

}  // namespace tally
