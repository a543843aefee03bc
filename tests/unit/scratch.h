// A scratch directory for tests that touch the disk.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace tally {

/// A fresh directory under $TMPDIR (or /tmp), removed with everything in it
/// when the object goes out of scope. Paths are relative to it.
struct ScratchDir {
  std::string path;

  ScratchDir() {
    const char* base = std::getenv("TMPDIR");
    std::string templ = std::string(base && *base ? base : "/tmp") + "/tally-test-XXXXXX";
    path = ::mkdtemp(templ.data());
  }
  ~ScratchDir() { std::filesystem::remove_all(path); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string file(const std::string& rel) const { return path + "/" + rel; }
  void put(const std::string& rel, const std::string& text) const {
    std::ofstream(file(rel), std::ios::binary) << text;
  }
  std::string get(const std::string& rel) const {
    std::ifstream in(file(rel), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  bool exists(const std::string& rel) const { return ::access(file(rel).c_str(), F_OK) == 0; }
  /// The names in a directory below (default: the scratch directory itself).
  std::set<std::string> names(const std::string& rel = "") const {
    std::set<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(rel.empty() ? path : file(rel)))
      out.insert(e.path().filename().string());
    return out;
  }
};

}  // namespace tally
