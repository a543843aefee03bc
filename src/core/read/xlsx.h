// Reading .xlsx workbooks (Office Open XML) as Excel, WPS and LibreOffice
// save them: the first worksheet as rows of text, so that `tally import`
// reads a returned fill-in sheet as it reads CSV. libzip opens the archive,
// expat parses the XML; a build without them (-DTALLY_XLSX=OFF) refuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/read/csv.h"

namespace tally {

/// Whether this build writes and reads .xlsx workbooks.
bool xlsx_supported();

/// Why a build without workbooks cannot: the Debian packages it needs and
/// how to rebuild.
std::string xlsx_missing();

/// The first worksheet of a workbook (the first in the workbook's order of
/// sheets) as rows of text, each with its row number in `line`; cells by
/// column (A is 0), a missing cell empty, trailing empty cells dropped.
/// Shared and inline strings are their text (rich text joined, phonetic
/// guides left out); numbers are written with Excel's 15 significant digits
/// (1.8, not 1.8000000000000000444); booleans TRUE/FALSE; a formula its
/// cached result; a date stays its day number (45474), as import explains
/// it. Rows with no cell are not returned. Fails (`error`, line 0 for the
/// archive) on what is not a zip archive, lacks a worksheet, holds
/// malformed XML (line of the XML), or an entry over 64 MiB uncompressed.
CsvResult read_xlsx(std::string_view bytes);

/// The strings of xl/sharedStrings.xml, in order; `*error` set and nullopt
/// when the XML is malformed. (Exposed for the fuzz target.)
std::optional<std::vector<std::string>> parse_shared_strings(std::string_view xml,
                                                             std::string* error);

/// The rows of a worksheet's XML with `shared` as its shared strings; a
/// shared-string index out of range, a cell reference that cannot be read
/// or malformed XML is an error. (Exposed for the fuzz target.)
CsvResult parse_sheet_xml(std::string_view xml, const std::vector<std::string>& shared);

}  // namespace tally
