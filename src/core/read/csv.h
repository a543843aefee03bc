// Reading CSV files (RFC 4180) as spreadsheet programs write them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tally {

/// One record of a CSV file: its fields and the line it starts on (1-based).
struct CsvRow {
  std::vector<std::string> fields;
  uint32_t line = 0;
};

/// Why a CSV file could not be read, and the line where the trouble starts.
struct CsvError {
  uint32_t line = 0;
  std::string message;
};

/// The rows of a CSV file, or the first error.
struct CsvResult {
  std::vector<CsvRow> rows;
  std::optional<CsvError> error;
};

/// Parses CSV text: fields separated by commas, records by CRLF, LF or CR; a
/// field in double quotes may hold commas, line breaks (kept as "\n") and
/// doubled quotes (""). A leading UTF-8 byte-order mark is skipped, and
/// lines that are empty are skipped. A quote inside an unquoted field is kept
/// as text. Fails on a quoted field that is never closed (reported at the
/// line it opens) and on text after a closing quote. Bytes are not checked
/// for UTF-8; see find_invalid_utf8.
CsvResult parse_csv(std::string_view text);

}  // namespace tally
