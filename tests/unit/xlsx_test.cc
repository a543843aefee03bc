#include "core/read/xlsx.h"

#include <catch2/catch.hpp>

#include "core/read/spreadsheet_dates.h"
#include "core/render/xlsx.h"

using namespace tally;

namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows fields_of(const CsvResult& r) {
  Rows out;
  for (const auto& row : r.rows) out.push_back(row.fields);
  return out;
}

std::vector<uint32_t> lines_of(const CsvResult& r) {
  std::vector<uint32_t> out;
  for (const auto& row : r.rows) out.push_back(row.line);
  return out;
}

}  // namespace

TEST_CASE("xlsx: shared strings, rich text without its phonetic guide") {
  if (!xlsx_supported()) return;
  std::string error;
  auto s = parse_shared_strings(
      "<sst><si><t>指标编号</t></si><si><r><t>期</t></r><r><t>别</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>qi</t></rPh></si><si><t xml:space=\"preserve\"> 来源 </t></si>"
      "<si><t>a&amp;b</t></si></sst>",
      &error);
  REQUIRE(s);
  CHECK(*s == std::vector<std::string>{"指标编号", "期别", " 来源 ", "a&b"});
  CHECK_FALSE(parse_shared_strings("<sst><si>", &error));
  CHECK(error == "xl/sharedStrings.xml line 1: malformed XML: no element found");
}

TEST_CASE("xlsx: every kind of cell as text") {
  if (!xlsx_supported()) return;
  const std::vector<std::string> shared = {"indicator", "period"};
  // Row 2 is missing (no cell), row 3 skips column C, and the row after it
  // has neither row nor cell references.
  auto r = parse_sheet_xml(
      "<worksheet><sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>economy.output</t></is></c>"
      "<c r=\"B3\"><v>45474</v></c><c r=\"D3\"><v>1.8000000000000000444</v></c>"
      "<c r=\"E3\" t=\"str\"><f>A3</f><v>economy.output</v></c><c r=\"F3\" t=\"b\"><v>1</v></c>"
      "<c r=\"G3\" t=\"e\"><v>#N/A</v></c><c r=\"H3\" s=\"4\"/></row>"
      "<row><c><v>1E-7</v></c><c><v>0.30000000000000004</v></c></row>"
      "</sheetData></worksheet>",
      shared);
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) ==
        Rows{{"indicator", "period"},
             {"economy.output", "45474", "", "1.8", "economy.output", "TRUE", "#N/A"},
             {"0.0000001", "0.3"}});
  CHECK(lines_of(r) == std::vector<uint32_t>{1, 3, 4});
}

TEST_CASE("xlsx: a sheet that cannot be read is refused") {
  if (!xlsx_supported()) return;
  auto bad_index = parse_sheet_xml(
      "<worksheet><sheetData><row r=\"1\"><c t=\"s\"><v>2</v></c>"
      "</row></sheetData></worksheet>",
      {"a"});
  REQUIRE(bad_index.error);
  CHECK(bad_index.error->message ==
        "the worksheet's XML, line 1: shared string '2' of 1 does not exist");
  auto past_xfd = parse_sheet_xml(
      "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c>"
      "</row></sheetData></worksheet>",
      {});
  REQUIRE(past_xfd.error);
  CHECK(past_xfd.error->message == "the worksheet's XML, line 1: cell reference 'XFE1'");
  auto not_zip = read_xlsx("PK\x03\x04 not a zip archive");
  REQUIRE(not_zip.error);
  CHECK(not_zip.error->line == 0);
}

TEST_CASE("xlsx: a workbook tally writes reads back as its table") {
  if (!xlsx_supported()) return;
  Worksheet s;
  s.name = "填报表";
  s.table.header = {"指标编号", "期别", "本期实绩/状态"};
  s.table.rows = {{"economy.output", "2024-06", "1.8"}, {"economy.park", "2024-06", ""}};
  s.kinds = {CellKind::kText, CellKind::kText, CellKind::kNumber};
  s.input = {false, false, true};
  s.row_status = {std::nullopt, std::nullopt};
  std::string error;
  auto bytes = render_xlsx({s}, WorkbookInfo{"t", "p", Date{2024, 7, 1}, false}, &error);
  REQUIRE(bytes);
  auto r = read_xlsx(*bytes);
  REQUIRE_FALSE(r.error);
  CHECK(fields_of(r) == Rows{{"指标编号", "期别", "本期实绩/状态"},
                             {"economy.output", "2024-06", "1.8"},
                             {"economy.park", "2024-06"}});
}

TEST_CASE("spreadsheet dates: day numbers and periods turned into dates") {
  // 1899-12-30 + 45474 days = 2024-07-01; day 61 is 1900-03-01 (Excel
  // counts a 29 February 1900 as day 60).
  CHECK(date_of_serial(45474) == Date{2024, 7, 1});
  CHECK(date_of_serial(61) == Date{1900, 3, 1});
  CHECK(date_of_serial(1) == Date{1900, 1, 1});
  CHECK_FALSE(date_of_serial(0));
  const std::string keep =
      "Format the period column as text (文本) before typing, or type an apostrophe first "
      "('2024-07)";
  CHECK(spreadsheet_period_hint("2024/7/1", Cadence::kMonth) ==
        "'2024/7/1' is a date, not a period: Excel and WPS read the period 2024-07 as the date "
        "2024-07-01 and save it so; did you mean 2024-07? " +
            keep);
  CHECK(spreadsheet_period_hint("45474", Cadence::kQuarter) ==
        "'45474' is a spreadsheet's day number for the date 2024-07-01: Excel and WPS read the "
        "period 2024-07 as the date 2024-07-01 and save it so; did you mean 2024-07? " +
            keep);
  CHECK(spreadsheet_period_hint("2024-07-15", Cadence::kQuarter) ==
        "'2024-07-15' is a date, not a period; did you mean 2024-Q3, the quarter that holds it? "
        "Format the period column as text (文本) before typing, or type an apostrophe first "
        "('2024-Q3)");
  CHECK_FALSE(spreadsheet_period_hint("2024-07", Cadence::kMonth));
  CHECK_FALSE(spreadsheet_period_hint("2024", Cadence::kYear));  // a year, not a day number
  CHECK_FALSE(spreadsheet_period_hint("2024/2/30", Cadence::kMonth));
}
