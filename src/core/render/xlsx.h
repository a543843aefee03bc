// Sheets as an .xlsx workbook (Office Open XML), for Excel and WPS: one
// worksheet per sheet, numbers as numbers, shares as percentages, status
// cells filled in the colours of the HTML report, a frozen heading row,
// columns as wide as their widest text (a Chinese character counts two),
// A4 landscape with the title and period in the page header. Written with
// libxlsxwriter; a build without it (-DTALLY_XLSX=OFF) refuses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/period.h"
#include "core/read/xlsx.h"
#include "core/render/sheets.h"

namespace tally {

/// What a workbook says about itself: the page header and the document's
/// properties.
struct WorkbookInfo {
  std::string title;   ///< left of the page header, and the document title
  std::string period;  ///< right of the page header ("报告期 2024-06 · 截至 2024-07-25")
  Date created;        ///< the document's creation date (the as-of date, so reruns match)
  bool en = false;     ///< English page footer
};

/// The bytes of a workbook with one worksheet per sheet, in order. The
/// workbook is built in a temporary directory (libxlsxwriter writes files)
/// that is removed before returning. nullopt with `*error` set when the
/// build has no workbooks or the temporary files cannot be written.
std::optional<std::string> render_xlsx(const std::vector<Worksheet>& sheets,
                                       const WorkbookInfo& info, std::string* error);

}  // namespace tally
