// Writing files safely: the directory lock, and the replacement of files
// that leaves each either as before or fully updated (SPEC 2.4 and 5).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// An exclusive lock on a directory: flock(2) on `<dir>/.tally.lock`, held
/// until the object is destroyed. The lock file itself is never removed
/// (removing it would let two writers lock two different files).
class DirLock {
 public:
  DirLock(DirLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  DirLock& operator=(DirLock&&) = delete;
  DirLock(const DirLock&) = delete;
  ~DirLock();

  /// Takes the lock on `dir`, retrying for up to `timeout_ms`. Fails (nullopt,
  /// `*error` says why) when the lock file cannot be opened or another
  /// process still holds the lock when the time is up.
  static std::optional<DirLock> acquire(const std::string& dir, int timeout_ms, std::string* error);

 private:
  explicit DirLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

/// The name of the lock file inside a locked directory.
inline constexpr std::string_view kLockFileName = ".tally.lock";

/// One file of a transaction: its name inside the directory and its new text.
struct FileReplacement {
  std::string name;
  std::string text;
  /// When set, the new text instead of `text`: one the caller keeps (in a
  /// SourceFiles, whose texts never move) until replace_files returns, so
  /// that a large file's text is not held twice.
  const std::string* kept = nullptr;
  std::string_view contents() const { return kept ? std::string_view(*kept) : text; }
};

/// What `replace_files` does at each step, so tests can make a step fail or
/// stop as a crash would. Production code passes nothing.
struct ReplaceHooks {
  enum class Action { kProceed, kFail, kCrash };
  /// Called before the rename of file `index` of the transaction.
  std::function<Action(size_t index)> before_rename;
};

/// Replaces files of `dir` (which the caller has locked) with new texts, all
/// or none:
///  1. each new text goes to `.<name>.tally-tmp` in the same directory and is
///     fsynced; the mode of the file it replaces is kept;
///  2. with more than one file, a journal `.tally.journal` naming the files
///     (with the size and hash of each new text) is written and fsynced, and each existing file
///     gets a hard-linked backup
///     `.<name>.tally-bak`;
///  3. each temporary file is renamed over its file, and the directory fsynced;
///  4. the journal and the backups are removed.
/// If any step fails, every file is put back as it was (renamed back from its
/// backup, or removed if it is new), every temporary file is removed, and
/// false is returned with `*error` naming the file and the reason. A crash
/// during step 3 leaves the journal, and `recover_dir` undoes the
/// transaction the next time the directory is locked. A single file needs no
/// journal: its rename is atomic.
bool replace_files(const std::string& dir, const std::vector<FileReplacement>& files,
                   std::string* error, const ReplaceHooks& hooks = {});

/// Run while holding the lock: undoes a transaction that a crash left behind
/// (as described by `.tally.journal`) and removes stray temporary files and
/// backups. The journal is applied only when it is a regular file, well
/// formed, and every file it names is either as it was before the write or
/// exactly what the write put there (by size and hash); otherwise nothing is
/// touched and false is returned with `*error` saying what does not match.
/// Each file restored or removed is said in `*recovered`. Returns false
/// with `*error` when something could not be undone.
bool recover_dir(const std::string& dir, std::vector<std::string>* recovered, std::string* error);

/// Creates `dir` (not its parents) unless it exists; false with `*error` on failure.
bool ensure_dir(const std::string& dir, std::string* error);

/// A directory locked for writing, and what `recover_dir` restored or
/// removed there after a writer that crashed.
struct LockedDir {
  DirLock lock;
  std::vector<std::string> recovered;
};

/// How every write begins: creates `dir` when `create` (ensure_dir), takes
/// its lock, waiting up to `timeout_ms`, and undoes what a crashed writer
/// left (recover_dir). nullopt with `*error` when one of these fails.
std::optional<LockedDir> lock_for_writing(const std::string& dir, int timeout_ms, bool create,
                                          std::string* error);

}  // namespace tally
