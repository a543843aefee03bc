// File access behind an interface, so tests can load plans from memory.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostic.h"

namespace tally {

/// Reads files and lists directories. Paths are plain strings joined with '/'.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The whole file, or nullopt when it cannot be read (then `*error` says
  /// why). Only a regular file is read: a FIFO, a device or a directory is
  /// refused without waiting on it.
  virtual std::optional<std::string> read(const std::string& path, std::string* error) const = 0;
  /// Names (not paths) of the entries of `dir` that are not directories
  /// (files, links to files, FIFOs, devices), sorted; empty if none. read()
  /// says why one that is not a regular file cannot be read.
  virtual std::vector<std::string> list(const std::string& dir) const = 0;
  /// Whether `path`, with every symbolic link followed, is inside `dir`.
  /// When it is not, `*target` is where it leads. A file that does not
  /// exist counts as inside (read() will say it is missing).
  virtual bool inside(const std::string& path, const std::string& dir, std::string* target) const {
    (void)path, (void)dir, (void)target;
    return true;
  }
  virtual bool is_dir(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  /// The size of a file in bytes, 0 when it cannot be told: to choose how
  /// to read files, never to read them.
  virtual size_t size_hint(const std::string& path) const = 0;
  /// A reader of this file system's files that may outlive it, to read a
  /// file again later (SourceFiles::add_released); empty when there is none.
  using Rereader = SourceFiles::Reader;
  virtual Rereader rereader() const { return {}; }
};

/// The real file system.
class DiskFileSystem : public FileSystem {
 public:
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  size_t size_hint(const std::string& path) const override;
  bool inside(const std::string& path, const std::string& dir, std::string* target) const override;
  Rereader rereader() const override;
};

/// An in-memory file system for tests: path → contents.
class MemoryFileSystem : public FileSystem {
 public:
  void put(const std::string& path, std::string contents) { files_[path] = std::move(contents); }
  std::optional<std::string> read(const std::string& path, std::string* error) const override;
  std::vector<std::string> list(const std::string& dir) const override;
  bool is_dir(const std::string& path) const override;
  bool is_file(const std::string& path) const override { return files_.count(path) > 0; }
  size_t size_hint(const std::string& path) const override {
    auto it = files_.find(path);
    return it == files_.end() ? 0 : it->second.size();
  }
  /// Reads the files as they are when it is asked for (a later put() is
  /// not seen: as a file changed on disk after it was read).
  Rereader rereader() const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two path pieces with one '/'.
std::string join_path(const std::string& a, const std::string& b);

}  // namespace tally
