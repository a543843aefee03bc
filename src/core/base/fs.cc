#include "core/base/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tally {

std::string join_path(const std::string& a, const std::string& b) {
  if (a.empty() || a == ".") return b;
  if (a.back() == '/') return a + b;
  return a + "/" + b;
}

std::optional<std::string> DiskFileSystem::read(const std::string& path, std::string* error) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    if (error) *error = "is a directory";
    return std::nullopt;
  }
  // Straight into the string, sized by fstat: actuals files run to hundreds
  // of MB, and a second copy showed. A file that grows meanwhile is read on.
  std::string out(st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0, '\0');
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
    if (entry.is_regular_file(ec2)) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool DiskFileSystem::is_dir(const std::string& path) const {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
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
