// The 数据问题 section: the actuals records a bulletin left out because they
// break a rule (check/isolate.h), in every format a bulletin is written in.
// Each renderer of report, overdue, show and log appends it; with no record
// left out every function returns nothing, so the output is as before.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/base/json.h"
#include "core/check/isolate.h"
#include "core/render/sheets.h"

namespace tally {

/// A blank line, "数据问题 · 1 条记录不符合规则，未计入" and a table of
/// 记录位置 (file:line), 指标编号 and 问题; `width` as render_text_table.
std::string problems_text(const std::vector<ExcludedRecord>& excluded, bool en, size_t width);
/// "## 数据问题", the sentence and the table in Markdown.
std::string problems_md(const std::vector<ExcludedRecord>& excluded, bool en);
/// A blank line, then a CSV table headed 数据问题 (the record), 指标编号, 问题.
std::string problems_csv(const std::vector<ExcludedRecord>& excluded, bool en);
/// `<section class="problems">` with a heading, the sentence and a table.
std::string problems_html(const std::vector<ExcludedRecord>& excluded, bool en);
/// The sheet 数据问题 of a workbook: 记录位置 (file:line), 指标编号 and 问题,
/// one row per record left out; nullopt when none was, so a workbook has
/// the sheet only when its bulletin left a record out.
std::optional<Worksheet> problems_sheet(const std::vector<ExcludedRecord>& excluded, bool en);
/// The key "data_problems": an array of {file, line, indicator, codes,
/// reasons}, empty when no record was left out.
void problems_json(JsonWriter& w, const std::vector<ExcludedRecord>& excluded);

}  // namespace tally
