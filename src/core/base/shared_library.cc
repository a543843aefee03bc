#include "core/base/shared_library.h"

#include <dlfcn.h>
#include <fmt/format.h>

namespace tally {

SharedLibrary::SharedLibrary(const char* soname, const char* package)
    : soname_(soname), package_(package) {
  handle_ = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    const char* why = ::dlerror();
    error_ = fmt::format("cannot load {} ({}); install the Debian package {}", soname,
                         why ? why : "not found", package);
  }
}

void* SharedLibrary::symbol(const char* name) {
  if (!handle_) return nullptr;
  void* f = ::dlsym(handle_, name);
  if (!f && error_.empty()) {
    error_ = fmt::format(
        "{} has no function {}; install the Debian package {} that tally was "
        "built with",
        soname_, name, package_);
  }
  return f;
}

}  // namespace tally
