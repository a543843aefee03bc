// Fuzz target: the CSV reader (csv.h) that `tally import` uses.
//
// Asserted: no crash or sanitizer report; rows start on increasing lines
// inside the text; an error names a line inside the text; and what parses
// round-trips: the rows written back as CSV (every field quoted) parse to
// the same fields.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/read/csv.h"

using namespace tally;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_csv: %s\n", what.c_str());
  std::abort();
}

std::string write_csv(const CsvResult& r) {
  std::string out;
  for (const auto& row : r.rows) {
    for (size_t f = 0; f < row.fields.size(); ++f) {
      if (f > 0) out += ',';
      out += '"';
      for (char c : row.fields[f]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CsvResult r = parse_csv(text);

  // Lines are counted at CRLF, LF and lone CR.
  uint32_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  uint32_t last = 0;
  for (const auto& row : r.rows) {
    if (row.line <= last || row.line > lines) {
      fail("row at line " + std::to_string(row.line) + " after line " + std::to_string(last) +
           " in a text of " + std::to_string(lines) + " lines");
    }
    if (row.fields.empty()) fail("a row without fields at line " + std::to_string(row.line));
    last = row.line;
  }
  if (r.error) {
    if (r.error->line == 0 || r.error->line > lines || r.error->message.empty()) {
      fail("error at line " + std::to_string(r.error->line) + ": " + r.error->message);
    }
    return 0;
  }

  CsvResult again = parse_csv(write_csv(r));
  if (again.error) fail("the rows written back do not parse: " + again.error->message);
  if (again.rows.size() != r.rows.size()) {
    fail(std::to_string(r.rows.size()) + " rows written back read as " +
         std::to_string(again.rows.size()));
  }
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (again.rows[i].fields != r.rows[i].fields) {
      fail("row " + std::to_string(i + 1) + " reads differently when written back");
    }
  }
  return 0;
}
