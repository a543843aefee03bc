// toml++'s implementation, compiled once into tally (every other file
// includes its declarations only, with TOML_HEADER_ONLY=0) instead of
// loaded as a shared library at every start.
//
// Its internal assertions are left out, as in Debian's libtomlplusplus:
// they check toml++'s own invariants, and one of them (parse_key, on some
// malformed keys) fires in a build without NDEBUG where the library goes on
// to report the syntax error the user should see.
#ifndef NDEBUG
#define NDEBUG
#endif
#define TOML_IMPLEMENTATION
#include "core/read/toml.h"
