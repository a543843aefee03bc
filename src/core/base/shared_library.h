// A Debian shared library opened by its soname when a command first needs
// it, rather than by the dynamic linker at every start: libxlsxwriter and
// libzip (which brings libcrypto) cost every command about 3 ms of start-up,
// and only the commands that write or read a workbook use them.
#pragma once

#include <string>

namespace tally {

/// An open shared library. It stays loaded until the process exits (libzip
/// brings libcrypto, which must not be unloaded).
class SharedLibrary {
 public:
  /// Opens `soname` ("libzip.so.4") where the dynamic linker finds the
  /// libraries a program is linked with; `package` names the Debian package
  /// that holds it, for the error message.
  SharedLibrary(const char* soname, const char* package);

  /// Whether the library and every function bound so far were found.
  bool ok() const { return error_.empty(); }
  /// Why not: the library or a function missing, and the package to install.
  const std::string& error() const { return error_; }

  /// Sets `f` to the library's function `name` (declared in its header, so
  /// `F` is that function's pointer type); leaves it null and sets error()
  /// when the library has no such function.
  template <class F>
  void bind(F& f, const char* name) {
    f = reinterpret_cast<F>(symbol(name));
  }

 private:
  void* symbol(const char* name);

  void* handle_ = nullptr;
  std::string soname_;
  std::string package_;
  std::string error_;
};

}  // namespace tally
