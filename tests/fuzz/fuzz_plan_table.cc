// Fuzz target: the 分工方案 table reader (read/plan_table.h) that
// `tally plan import` uses, and the plan files it makes (write/plan_import.h).
//
// The input is the CSV text of a table. Asserted: no crash or sanitizer
// report; a table that is refused says why at a line inside the text; every
// row after the header is an entry (a named indicator or task) or a stub with
// a reason; an indicator's figure, written back in the plainest form of its
// kind and direction (增长8.5%, 下降3%, 达到95%, 控制在3%以内, 新增20亿元),
// reads back as the same figure, unit, kind and direction; a due date read
// from a 完成时限 is a real date; and the plan files made from the table are
// made without an exception, each a non-empty file with a path.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "core/read/csv.h"
#include "core/read/plan_table.h"
#include "core/write/plan_import.h"

using namespace tally;

namespace {

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_plan_table: %s\n", what.c_str());
  std::abort();
}

// The plainest text of a reading, or empty when there is none to write.
std::string plain_text(const TargetReading& r) {
  const std::string v = r.value->str();
  if (r.value->is_negative() && !(r.kind == Kind::kGrowth && r.direction == Direction::kDown)) {
    return "";
  }
  switch (r.kind) {
    case Kind::kGrowth:
      if (r.direction == Direction::kDown) {
        return "下降" + Decimal{-r.value->mantissa, r.value->scale}.str() + r.unit;
      }
      return "增长" + v + r.unit;
    case Kind::kLevel:
      return r.direction == Direction::kDown ? "控制在" + v + r.unit + "以内" : "达到" + v + r.unit;
    case Kind::kCumulative:
      return r.direction == Direction::kDown ? "控制在" + v + r.unit + "以内" : "新增" + v + r.unit;
    default:
      return "";
  }
}

void check_round_trip(std::string_view text) {
  TargetReading r = read_target_text(text);
  if (!r.problem.empty() && r.value) {
    // A problem with a value is allowed only for the figure that is not kept.
  }
  if (!r.value || !r.problem.empty()) return;
  if (r.figures != 1) fail("a value read from " + std::to_string(r.figures) + " figures");
  if (r.unit.empty()) fail("a value without a unit from '" + std::string(text) + "'");
  const std::string plain = plain_text(r);
  if (plain.empty()) return;
  TargetReading again = read_target_text(plain);
  if (!again.value || !(*again.value == *r.value) || again.unit != r.unit || again.kind != r.kind ||
      again.direction != r.direction) {
    fail("'" + std::string(text) + "' reads as " + r.value->str() + r.unit + " but '" + plain +
         "' reads as " + (again.value ? again.value->str() : std::string("nothing")) + again.unit +
         (again.problem.empty() ? "" : " (" + again.problem + ")"));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CsvResult csv = parse_csv(text);
  if (csv.error) return 0;
  uint32_t lines = 1;
  for (char c : text) lines += c == '\n';
  const uint32_t last_line = csv.rows.empty() ? 0 : csv.rows.back().line;

  // The figure of every cell, read alone.
  for (const auto& row : csv.rows) {
    for (const auto& cell : row.fields) {
      check_round_trip(cell);
      if (auto d = read_due_text(cell, 2024)) {
        if (!is_valid_date(d->year, d->month, d->day)) fail("an impossible due date");
      }
    }
  }

  std::string error;
  uint32_t line = 0;
  std::optional<PlanTable> table;
  try {
    table = read_plan_table(csv.rows, std::nullopt, &error, &line);
  } catch (const std::exception& e) {
    fail(std::string("read_plan_table threw: ") + e.what());
  }
  if (!table) {
    if (error.empty()) fail("a table refused without a reason");
    if (line > last_line && line > lines) fail("a table refused at line " + std::to_string(line));
    return 0;
  }
  for (const auto& e : table->entries) {
    const std::string at = "row at line " + std::to_string(e.line);
    switch (e.what) {
      case TableEntry::What::kStub:
        if (e.reason.empty()) fail("a stub without a reason: " + at);
        break;
      case TableEntry::What::kIndicator:
        if (e.name.empty()) fail("an indicator without a name: " + at);
        if (e.target && e.unit.empty()) fail("a target without a unit: " + at);
        break;
      case TableEntry::What::kTask:
        if (e.name.empty() && e.text.empty()) fail("a task without a name or text: " + at);
        break;
    }
    if (e.due && !is_valid_date(e.due->year, e.due->month, e.due->day)) {
      fail("an impossible due date: " + at);
    }
    if (e.line == 0 || (e.line > lines && e.line > last_line))
      fail("a row outside the text: " + at);
  }

  PlanImportOptions options;
  options.id = "fuzz-2024";
  options.table_name = "table.csv";
  try {
    PlanImport made = plan_import_files(*table, options);
    for (const auto& f : made.files) {
      if (f.path.empty()) fail("a plan file without a path");
    }
    if (made.stubs.size() > table->entries.size()) fail("more stubs than rows");
  } catch (const std::exception& e) {
    fail(std::string("plan_import_files threw: ") + e.what());
  }
  return 0;
}
