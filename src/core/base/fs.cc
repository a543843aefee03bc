#include "core/base/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/base/memory.h"

namespace tally {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

namespace {

// What a file that is not a regular one is, for a message.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  return "is not a regular file";
}

}  // namespace

FileSystem::Rereader DiskFileSystem::rereader() const {
  return [](const std::string& path) { return DiskFileSystem().read(path, nullptr); };
}

std::optional<std::string> DiskFileSystem::read(const std::string& path, std::string* error) const {
  // O_NONBLOCK: opening a FIFO with no writer would wait for one forever.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int saved = errno;
    ::close(fd);
    if (error) *error = S_ISREG(st.st_mode) ? std::strerror(saved) : file_kind(st.st_mode);
    return std::nullopt;
  }
  // Straight into the string, sized by fstat: actuals files run to hundreds
  // of MB, and a second copy showed. A file that grows meanwhile is read on.
  // Huge pages for a large file: its pages are first touched here, and a
  // 17 MB file faulted in 4 KiB at a time was a quarter of `record`'s time.
  std::string out;
  const size_t expected = st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0;
  reserve_in_huge_pages(out, expected);
  prefault(out.data(), out.capacity());
  out.resize(expected);
  size_t size = 0;
  char more[1 << 14];
  for (;;) {
    const bool full = size == out.size();
    ssize_t n =
        full ? ::read(fd, more, sizeof more) : ::read(fd, out.data() + size, out.size() - size);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (error) *error = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    if (full) out.append(more, static_cast<size_t>(n));
    size += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(size);
  return out;
}

std::vector<std::string> DiskFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::error_code ec2;
    if (!entry.is_directory(ec2)) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

size_t DiskFileSystem::size_hint(const std::string& path) const {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  return static_cast<size_t>(st.st_size);
}

bool DiskFileSystem::is_dir(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

namespace {

// Whether `path` is `dir` joined with names none of which is a link, ".",
// "..", or missing: then it is inside `dir` wherever `dir` leads, which one
// lstat per name shows. Resolving both paths whole took a readlink for every
// component of each, some 600 system calls for the files of a plan.
bool plainly_inside(const std::string& path, const std::string& dir) {
  size_t from = 0;
  if (!dir.empty() && dir != ".") {
    if (path.size() <= dir.size() || path.compare(0, dir.size(), dir) != 0) return false;
    if (dir.back() != '/' && path[dir.size()] != '/') return false;
    from = dir.size();
  } else if (path.empty() || path[0] == '/') {
    return false;
  }
  while (from < path.size()) {
    while (from < path.size() && path[from] == '/') ++from;
    if (from == path.size()) break;
    size_t to = path.find('/', from);
    if (to == std::string::npos) to = path.size();
    const std::string_view name(path.data() + from, to - from);
    if (name == "." || name == "..") return false;
    struct stat st {};
    if (::lstat(path.substr(0, to).c_str(), &st) != 0 || S_ISLNK(st.st_mode)) return false;
    from = to;
  }
  return true;
}

}  // namespace

bool DiskFileSystem::inside(const std::string& path, const std::string& dir,
                            std::string* target) const {
  if (plainly_inside(path, dir)) return true;
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(path, ec);
  if (ec) return true;
  const std::filesystem::path root = std::filesystem::canonical(dir.empty() ? "." : dir, ec);
  if (ec) return true;
  auto [r, p] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r == root.end()) return true;
  if (target) *target = real.string();
  return false;
}

bool DiskFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

std::optional<std::string> MemoryFileSystem::read(const std::string& path,
                                                  std::string* error) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    if (error) *error = "No such file or directory";
    return std::nullopt;
  }
  return it->second;
}

FileSystem::Rereader MemoryFileSystem::rereader() const {
  auto files = std::make_shared<const std::map<std::string, std::string>>(files_);
  return [files](const std::string& path) -> std::optional<std::string> {
    auto it = files->find(path);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
}

std::vector<std::string> MemoryFileSystem::list(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, _] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string rest = path.substr(prefix.size());
    if (rest.find('/') == std::string::npos) out.push_back(rest);
  }
  return out;  // std::map keeps them sorted
}

bool MemoryFileSystem::is_dir(const std::string& path) const {
  std::string prefix = path + "/";
  for (const auto& [p, _] : files_)
    if (p.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

}  // namespace tally
