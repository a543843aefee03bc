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

/// Opens `soname` and sets the function pointers of `api` (a struct of
/// TALLY_LIBRARY_FUNCTION members) with `bind(lib, api)` (made of
/// TALLY_BIND_FUNCTION lines); false with `*error` set when the library or a
/// function is missing.
template <class Api, class Bind>
bool open_library(const char* soname, const char* package, Api& api, Bind bind,
                  std::string* error) {
  SharedLibrary lib(soname, package);
  bind(lib, api);
  if (!lib.ok()) *error = lib.error();
  return lib.ok();
}

}  // namespace tally

/// A member of a struct of a library's functions: a pointer to `f`, of the
/// type the library's header declares for it.
#define TALLY_LIBRARY_FUNCTION(f) decltype(&::f) f = nullptr;
/// Sets member `f` of `api` from `lib`, in the `bind` of open_library.
#define TALLY_BIND_FUNCTION(f) lib.bind(api.f, #f);
