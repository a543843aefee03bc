#include "core/base/shared_library.h"

#include <catch2/catch.hpp>
#include <cstring>

using namespace tally;

TEST_CASE("shared library: a function of a library found by its soname") {
  SharedLibrary libc("libc.so.6", "libc6");
  REQUIRE(libc.ok());
  decltype(&::strlen) f = nullptr;
  libc.bind(f, "strlen");
  REQUIRE(f != nullptr);
  CHECK(f("tally") == 5);
  CHECK(libc.ok());
}

TEST_CASE("shared library: a missing function names the library and the package") {
  SharedLibrary libc("libc.so.6", "libc6");
  decltype(&::strlen) f = &::strlen;
  libc.bind(f, "tally_no_such_function");
  CHECK(f == nullptr);
  CHECK_FALSE(libc.ok());
  CHECK(libc.error() ==
        "libc.so.6 has no function tally_no_such_function; install the Debian package libc6 "
        "that tally was built with");
}

TEST_CASE("shared library: a missing library says which package to install") {
  SharedLibrary lib("libtally-no-such.so.9", "libtally-no-such9");
  CHECK_FALSE(lib.ok());
  CHECK(lib.error().starts_with("cannot load libtally-no-such.so.9 ("));
  CHECK(lib.error().ends_with("); install the Debian package libtally-no-such9"));
  decltype(&::strlen) f = &::strlen;
  lib.bind(f, "strlen");
  CHECK(f == nullptr);
}
