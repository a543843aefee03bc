// toml++'s implementation, compiled once into tally (every other file
// includes its declarations only, with TOML_HEADER_ONLY=0) instead of
// loaded as a shared library at every start.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
