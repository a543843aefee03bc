// Fuzz target: the XML of a workbook as `tally import` reads it (xlsx.h):
// the input split at its first NUL byte into xl/sharedStrings.xml and a
// worksheet's XML; an input that starts as a zip archive ("PK") is also
// read whole as a workbook.
//
// Asserted: no crash or sanitizer report; rows come in increasing order of
// row number, inside Excel's 1 048 576 rows, none empty and none wider
// than Excel's 16 384 columns; a refusal has a message; and what parses
// reads the same a second time.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/read/xlsx.h"

using namespace tally;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_xlsx: %s\n", what.c_str());
  std::abort();
}

void check_rows(const CsvResult& r) {
  if (r.error) {
    if (r.error->message.empty()) fail("a refusal without a message");
    if (!r.rows.empty()) fail("rows beside a refusal");
    return;
  }
  uint32_t last = 0;
  for (const auto& row : r.rows) {
    if (row.line <= last || row.line > 1048576) {
      fail("row " + std::to_string(row.line) + " after row " + std::to_string(last));
    }
    if (row.fields.empty()) fail("an empty row " + std::to_string(row.line));
    if (row.fields.size() > 16384) fail("a row wider than 16384 columns");
    last = row.line;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("PK")) check_rows(read_xlsx(input));

  const size_t nul = input.find('\0');
  const std::string_view strings_xml = nul == std::string_view::npos ? "" : input.substr(0, nul);
  const std::string_view sheet_xml = nul == std::string_view::npos ? input : input.substr(nul + 1);
  std::string error;
  auto shared = parse_shared_strings(strings_xml, &error);
  if (!shared) {
    if (error.empty()) fail("shared strings refused without a message");
    shared.emplace();
  }
  CsvResult r = parse_sheet_xml(sheet_xml, *shared);
  check_rows(r);
  CsvResult again = parse_sheet_xml(sheet_xml, *shared);
  if (again.error.has_value() != r.error.has_value() || again.rows.size() != r.rows.size()) {
    fail("the same XML read twice differs");
  }
  for (size_t i = 0; i < r.rows.size(); ++i) {
    if (again.rows[i].fields != r.rows[i].fields || again.rows[i].line != r.rows[i].line) {
      fail("row " + std::to_string(r.rows[i].line) + " reads differently the second time");
    }
  }
  return 0;
}
