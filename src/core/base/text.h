// UTF-8 and display-width helpers shared by the loader and the renderers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// Decodes the code points of valid UTF-8 text (invalid bytes become U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view s);

/// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

/// The offset of the first byte that is not valid UTF-8, or nullopt.
std::optional<size_t> find_invalid_utf8(std::string_view s);

/// A 64-bit digest of `s`, to tell whether a file is still the one read
/// (SourceFiles::add_released): quick, eight bytes at a time, not for
/// security.
uint64_t fingerprint(std::string_view s);

/// Terminal columns `s` occupies: East Asian wide and fullwidth characters
/// count two, combining marks and ANSI escape sequences (colours) zero,
/// everything else one.
size_t display_width(std::string_view s);

/// Pads `s` with spaces to `width` display columns (left- or right-aligned).
std::string pad(std::string_view s, size_t width, bool right_align = false);

/// Cuts `s` to at most `width` display columns, ending with "…" if cut.
std::string truncate_to_width(std::string_view s, size_t width);

/// Text from data made inert for a terminal: each C0 control character,
/// DEL and each C1 control shows as a visible escape (`\x1b`, `\u009b`), so
/// no sequence in a name or note can retitle, clear or rewrite the screen;
/// bytes that are not UTF-8 show as U+FFFD. With `keep_line_ends`, `\n` and
/// `\r` stay (for a quoted CSV field, which may span lines).
std::string inert(std::string_view s, bool keep_line_ends = false);

/// A CSV cell no spreadsheet will run as a formula: text that starts with
/// `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (the OWASP rule), unless
/// it is a plain number such as -0.05 or -3%, which a spreadsheet reads as
/// a number. The cell is also made inert, line ends kept.
std::string csv_cell(std::string_view s);

/// Escapes text for HTML element content and attribute values.
std::string html_escape(std::string_view s);

/// Escapes text as the inside of a JSON string.
std::string json_escape(std::string_view s);

/// Quotes a CSV field when it needs it (RFC 4180).
std::string csv_field(std::string_view s);

/// Escapes text as the inside of a TOML basic string.
std::string toml_escape(std::string_view s);
/// Appends toml_escape(s) to `out`.
void append_toml_escaped(std::string& out, std::string_view s);

/// Splits on `sep`, keeping empty pieces.
std::vector<std::string> split(std::string_view s, char sep);

/// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

/// Splits a comma-separated list, trimming each item and dropping empties.
std::vector<std::string> split_list(std::string_view s);

/// The items with `sep` between them: join({"甲", "乙"}, "、") is "甲、乙".
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace tally
