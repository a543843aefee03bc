// A reader for actuals files in the canonical layout that `tally record`
// appends: `[[actual]]` header lines, one `key = value` per line, values that
// are basic strings, plain decimal numbers, RFC 3339 date-times with an
// offset or true/false. It reads such text several times faster than toml++ (figures in
// docs/performance.md) and knows nothing else: anything outside that layout
// is declined, and the loader then hands the record (or the whole file) to
// toml++, which stays the reference.
// tests/unit/fast_actuals_test.cc checks that both give the same records and
// the same diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostic.h"
#include "core/base/period.h"
#include "core/base/units.h"
#include "core/model/model.h"

namespace tally {

/// The text of one record: from its `[[actual]]` header line up to the next
/// header line (or the end of the file), and the line number of the header.
struct RecordText {
  std::string_view text;
  uint32_t line = 1;
};

/// Cuts an actuals file (without its BOM) at its `[[actual]]` header lines.
/// Returns nullopt when the records cannot be read one by one with the same
/// meaning as the whole file: text other than blank lines and comments before
/// the first header, or any other line starting with '[' (another table, an
/// array spread over lines). Records themselves are not checked here.
std::optional<std::vector<RecordText>> split_actual_records(std::string_view text);

/// A TOML offset date-time: a valid date and time with an explicit offset.
struct OffsetDateTime {
  Date date;
  int hour = 0, minute = 0, second = 0;
  int32_t nanos = 0;  ///< a fraction of 1 to 9 digits after the seconds
  int offset_minutes = 0;
};

/// What the canonical reader decodes of a record besides the Actual it
/// fills: the values the caller checks and converts.
struct CanonicalActual {
  /// `period` as written (not yet parsed): a view of the record's text,
  /// or of the scratch when it has escapes.
  std::string_view period;
  /// `value`: a number (decoded exactly as toml++ and decimal_from_double
  /// would) or, when absent, the string in `value_text` (a view as period).
  std::optional<Decimal> number;
  std::string_view value_text;
  OffsetDateTime recorded;
};

/// Room for the strings of a record that have escapes, kept from one
/// record to the next so that reading one allocates nothing.
struct CanonicalScratch {
  std::string text, period, value;
};

/// A control character TOML allows in no string or comment: C0 but tab, DEL.
constexpr bool is_toml_control(unsigned char c) {
  return (c < 0x20 && c != '\t') || c == 0x7F;
}

/// A TOML basic string (one line, escapes decoded) starting at s[i] == '"'.
/// On success sets *out to its value, a view of `s` when it has no escapes,
/// else of `scratch`, and *end past the closing quote. False for anything
/// else: no closing quote on the line, a control character, a bad escape.
bool read_basic_string(std::string_view s, size_t i, std::string& scratch, std::string_view* out,
                       size_t* end);

/// YYYY-MM-DD at s[i]: a real date (is_valid_date). False for anything else.
bool read_date(std::string_view s, size_t i, Date* out);

/// YYYY-MM-DDTHH:MM:SS at s[i], a fraction of 1 to 9 digits or none, then
/// Z or ±HH:MM: a real date and time. On success sets *end past it. False
/// for anything else (more digits of a fraction are toml++'s to read).
bool read_offset_date_time(std::string_view s, size_t i, OffsetDateTime* out, size_t* end);

/// Reads one record of `file` in the canonical layout into `a` (its
/// location, texts kept in `texts`, key locations, highlight) and `c`; `a`
/// must be as value-initialised. Blank lines, comment lines, trailing
/// comments, spaces and tabs around '=', CRLF line ends and keys in any
/// order are accepted. Returns false when the record departs from the
/// layout in any way (a missing, unknown or repeated key, another value
/// type, literal or multi-line strings, exponents, underscores, impossible
/// dates, control characters, …): the caller then reads it with toml++,
/// whatever `a` and `c` hold. Never reports anything itself.
bool read_canonical_actual(const RecordText& record, uint32_t file, TextStore& texts, Actual& a,
                           CanonicalActual& c, CanonicalScratch& scratch);

}  // namespace tally
