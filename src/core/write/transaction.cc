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
#include <optional>
#include <thread>

#include "core/base/fs.h"
#include "core/base/text.h"

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
  // EROFS's own text is "Read-only file system"; say it plainly, since the
  // permissions of the directory are not what stops the write.
  const char* why = errno == EROFS ? "the file system is mounted read-only" : std::strerror(errno);
  return fail(error, fmt::format("cannot {} {}: {}", what, path, why));
}

// A fingerprint of a file's text, to tell whether a file is still what a
// transaction wrote: its size and 64-bit FNV-1a.
std::string fingerprint(std::string_view text) {
  uint64_t h = 14695981039346656037ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return fmt::format("{} {:016x}", text.size(), h);
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
  // O_NOFOLLOW: a lock file planted as a link would otherwise create or
  // lock a file wherever it points.
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0666);
  // In a directory we may not write to, an existing lock file still locks.
  if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
    const int first = errno;
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) errno = first == EROFS ? EROFS : errno == ELOOP ? ELOOP : EACCES;
  }
  if (fd < 0 && errno == ELOOP) {
    fail(error, fmt::format("{} is a symbolic link; tally locks only a file of its own there, "
                            "remove the link",
                            path));
    return std::nullopt;
  }
  if (fd < 0) {
    fail_errno(error, "create the lock file", path);
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(error, fmt::format("{} is not a regular file; tally locks only a file of its own there, "
                            "remove it",
                            path));
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

std::optional<LockedDir> lock_for_writing(const std::string& dir, int timeout_ms, bool create,
                                          std::string* error) {
  if (create && !ensure_dir(dir, error)) return std::nullopt;
  auto lock = DirLock::acquire(dir, timeout_ms, error);
  if (!lock) return std::nullopt;
  std::vector<std::string> recovered;
  if (!recover_dir(dir, &recovered, error)) return std::nullopt;
  return LockedDir{std::move(*lock), std::move(recovered)};
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
  std::string text = "tally-journal 2\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    text += fmt::format("{} {} {}\n", entries[i].existed ? "replace" : "create",
                        fingerprint(files[i].contents()), files[i].name);
  }
  text += "end\n";
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
    if (!write_new_file(e.temp, files[i].contents(), e.existed ? &e.mode : nullptr, error)) {
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

namespace {

// One file a journal names, and what recovery does with it.
struct JournalEntry {
  bool existed = false;  // "replace": the file existed before
  std::string fingerprint;
  std::string name;
  enum class Undo { kNothing, kRestore, kRemove } undo = Undo::kNothing;
};

// The journal's text, read without following a link or waiting on a FIFO;
// nullopt when there is none. false when it is there but not a file.
bool read_journal(const std::string& path, std::optional<std::string>& text, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0 && errno == ENOENT) return true;
  if (fd < 0 && errno == ELOOP) {
    return fail(error,
                fmt::format("{} is a symbolic link, not a journal tally wrote; remove it", path));
  }
  if (fd < 0) return fail_errno(error, "read", path);
  struct stat st;
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  ::close(fd);
  if (!regular) {
    return fail(
        error, fmt::format("{} is not a regular file, not a journal tally wrote; remove it", path));
  }
  std::string why;
  text = DiskFileSystem().read(path, &why);
  if (!text) return fail(error, fmt::format("cannot read {}: {}", path, why));
  return true;
}

// The entries of a well-formed journal: "tally-journal 2", one line per file
// ("replace|create SIZE HASH NAME"), "end". nullopt when it is not one.
std::optional<std::vector<JournalEntry>> parse_journal(std::string_view text, bool* cut) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1)
    lines.push_back(text.substr(start, nl - start));
  *cut = start != text.size() || lines.empty() || lines.back() != "end";
  if (lines.empty() || lines.front() != "tally-journal 2") return std::nullopt;
  std::vector<JournalEntry> entries;
  const size_t body_end = *cut ? lines.size() : lines.size() - 1;
  for (size_t i = 1; i < body_end; ++i) {
    std::vector<std::string> f = split(lines[i], ' ');
    if (f.size() != 4 || (f[0] != "replace" && f[0] != "create")) return std::nullopt;
    const std::string& name = f[3];
    if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos) return std::nullopt;
    entries.push_back({f[0] == "replace", f[1] + " " + f[2], name});
  }
  return entries;
}

// The fingerprint of a file as it is now; "" when it does not exist.
std::optional<std::string> fingerprint_of(const std::string& path, std::string* error) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return std::string();
    fail_errno(error, "read", path);
    return std::nullopt;
  }
  std::string why;
  auto text = S_ISREG(st.st_mode) ? DiskFileSystem().read(path, &why) : std::nullopt;
  if (!text) return "-";  // a link or a FIFO: nothing tally wrote
  return fingerprint(*text);
}

}  // namespace

bool recover_dir(const std::string& dir, std::vector<std::string>* recovered, std::string* error) {
  const std::string journal = join_path(dir, std::string(kJournal));
  bool changed = false;
  std::optional<std::string> text;
  if (!read_journal(journal, text, error)) return false;
  if (text) {
    bool cut = false;
    auto entries = parse_journal(*text, &cut);
    auto refuse = [&](const std::string& why) {
      return fail(error, fmt::format("{} {}; nothing was restored. Check the actuals files (the "
                                     "backups of an interrupted write are .<name>.tally-bak), "
                                     "then remove the journal",
                                     journal, why));
    };
    if (!entries) return refuse("is not a journal tally wrote");
    if (cut) {
      // Cut short: it was being written when the writer stopped, before any
      // file was touched (backups and renames come after it is complete).
      if (::unlink(journal.c_str()) != 0) return fail_errno(error, "remove", journal);
      if (recovered)
        recovered->push_back(fmt::format(
            "removed {}, a journal cut short: the interrupted write had changed no file", journal));
      changed = true;
      entries->clear();
    }
    // Every file first: the journal is applied only when each file is
    // either as it was before the write or exactly what the write put there.
    for (JournalEntry& e : *entries) {
      const std::string path = join_path(dir, e.name);
      const std::string backup = join_path(dir, backup_name(e.name));
      auto now = fingerprint_of(path, error);
      if (!now) return false;
      if (e.existed) {
        auto before = fingerprint_of(backup, error);
        if (!before) return false;
        if (*now == e.fingerprint && !before->empty() && *before != "-") {
          e.undo = JournalEntry::Undo::kRestore;
        } else if (!before->empty() && *now != *before) {
          return refuse(
              fmt::format("does not match {}: it is neither as it was nor as the "
                          "interrupted write left it",
                          e.name));
        } else if (before->empty() && *now == e.fingerprint) {
          return refuse(fmt::format("names {}, but its backup is missing", e.name));
        }
      } else if (!now->empty()) {
        if (*now != e.fingerprint) {
          return refuse(
              fmt::format("would remove {}, which is not what the interrupted write "
                          "created",
                          e.name));
        }
        e.undo = JournalEntry::Undo::kRemove;
      }
    }
    for (const JournalEntry& e : *entries) {
      const std::string path = join_path(dir, e.name);
      if (e.undo == JournalEntry::Undo::kRestore) {
        if (::rename(join_path(dir, backup_name(e.name)).c_str(), path.c_str()) != 0)
          return fail_errno(error, "restore", path);
        if (recovered)
          recovered->push_back(
              fmt::format("restored {} as it was before an interrupted write", path));
      } else if (e.undo == JournalEntry::Undo::kRemove) {
        if (::unlink(path.c_str()) != 0 && errno != ENOENT)
          return fail_errno(error, "remove", path);
        if (recovered)
          recovered->push_back(fmt::format("removed {}, created by an interrupted write", path));
      }
    }
    if (!cut) {
      if (!fsync_dir(dir, error)) return false;
      if (::unlink(journal.c_str()) != 0 && errno != ENOENT) {
        return fail_errno(error, "remove", journal);
      }
      changed = true;
    }
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
