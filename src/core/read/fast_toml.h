// A reader for plan and problem files in the plain TOML they are written
// in: `[table]` and `[[array]]` headers of bare keys, one `key = value` per
// line with a bare key, basic and literal one-line strings, plain decimal
// integers and numbers, dates and date-times with an offset, booleans, arrays (over several lines
// too) and one-line inline tables, comments. It builds the same toml++ tree, with the same
// locations, several times faster than toml++'s own parser, which reads a character at a time.
// Anything else (quoted or dotted keys, multi-line strings, exponents, local times, a redefinition,
// any error) is declined, and toml++, which stays the reference, reads the whole text.
// tests/unit/fast_toml_test.cc checks that both give the same tree.
#pragma once

#include <optional>
#include <string_view>

#include "core/read/toml.h"

namespace tally {

/// The table of `text` (valid UTF-8, without its BOM) when the fast reader can read all
/// of it, else nullopt. `path` is the source path of every node, as
/// toml::parse(text, path) gives it.
std::optional<toml::table> read_plain_toml(std::string_view text, std::string_view path);

/// toml::parse(text, path), through read_plain_toml where it can: the same
/// table, or the same toml::parse_error thrown.
toml::table parse_toml(std::string_view text, std::string_view path = {});

}  // namespace tally
