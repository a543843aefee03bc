# tally import reads back what the office sends out and what spreadsheets
# make of it: a fill-in sheet (tally template) filled by a script with
# openpyxl, as a bureau fills it in Excel or WPS; CSV with Chinese headings;
# GBK CSV with --encoding gbk; and periods Excel turned into dates, refused
# with the period meant and why.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
py=/usr/bin/python3
before=$(actuals_state)

# 市发改局 (fgj) owes four June reports on 2024-07-15. The bureau fills three
# in the workbook: 30100 households, a growth rate of 8.7 %, and the museum
# 推进中 (picked from the drop-down) with a note; it leaves 城镇化率 blank.
t template --bureau fgj --period 2024-06 --output fgj.xlsx
expect_run 0 '' 'fgj.xlsx: 4 rows for 市发改局 (fgj) to fill for 2024-06
'
"$py" - <<'PY'
import openpyxl
wb = openpyxl.load_workbook("fgj.xlsx")
ws = wb["填报表"]
head = {c.value: c.column for c in ws[1]}
fill = {
    "industry.firms": (30100, "市场监管局6月台账", None),
    "industry.invest-growth": (8.7, "统计局6月月报", None),
    "industry.museum": ("推进中", "项目调度会", "主体完工, 布展中"),
}
for r in range(2, ws.max_row + 1):
    got = fill.get(ws.cell(r, head["指标编号"]).value)
    if got:
        ws.cell(r, head["本期实绩/状态"]).value = got[0]
        ws.cell(r, head["来源"]).value = got[1]
        ws.cell(r, head["备注"]).value = got[2]
wb.save("fgj-returned.xlsx")
PY
t import fgj-returned.xlsx
expect_run 0 'rec/actuals/fgj.toml: 3 records appended (new file)
' 'imported 3 records from fgj-returned.xlsx (1 row left blank)
'
expect "the records of the returned sheet" '# Actuals reported by 市发改局 (fgj). `tally record` and `tally import` append here;
# what is already written is never rewritten.

[[actual]]
indicator = "industry.firms"
period = "2024-06"
value = 30100
unit = "户"
recorded = 2024-07-15T10:02:00+08:00
by = "fgj"
source = "市场监管局6月台账"

[[actual]]
indicator = "industry.invest-growth"
period = "2024-06"
value = 8.7
unit = "%"
recorded = 2024-07-15T10:02:00+08:00
by = "fgj"
source = "统计局6月月报"

[[actual]]
indicator = "industry.museum"
period = "2024-06"
value = "in-progress"
recorded = 2024-07-15T10:02:00+08:00
by = "fgj"
source = "项目调度会"
note = "主体完工, 布展中"' "$(cat rec/actuals/fgj.toml)"
# What is left to fill is the blank row: the next sheet has only 城镇化率.
t template --bureau fgj --period 2024-06 --format csv
expect "the next sheet" '﻿指标编号,指标,计量单位,目标,最近实绩,最近期别,应完成,期别,本期实绩/状态,来源,备注,更正原因
industry.urban-rate,城镇化率,%,43.59,,,,2024-06,,,,' "$(tr -d '\r' <<<"$out")"
before=$(actuals_state)

# CSV with Chinese headings, in UTF-8 and in GBK (as Excel's plain "CSV
# (逗号分隔)" saves it on a Chinese Windows). Read as UTF-8, 指 (GBK D6 B8)
# passes for a two-byte UTF-8 character; the first byte that cannot be
# UTF-8 is 标's B1, at offset 2.
printf '%s\r\n' '指标编号,期别,本期实绩,来源,备注' \
  'industry.jobs,2024-06,1200,人社局月报,1-6月累计' >zh.csv
iconv -f UTF-8 -t GBK zh.csv >gbk.csv
t import gbk.csv
expect_run 1 '' "gbk.csv:1: the file is not UTF-8: byte 0xB1 at offset 2; Excel's \"CSV (逗号分隔)\" saves GBK: import it with --encoding gbk, or save as \"CSV UTF-8 (逗号分隔)\"
tally: error: gbk.csv: nothing was imported
"
# The fill-in sheet above was recorded at 10:02:00 (TALLY_NOW), so this
# write in the same second is stamped a millisecond after it.
t import gbk.csv --encoding gbk --dry-run
expect_run 0 '# rec/actuals/rsj.toml: 1 record would be appended (new file)
# Actuals reported by 市人社局 (rsj). `tally record` and `tally import` append here;
# what is already written is never rewritten.

[[actual]]
indicator = "industry.jobs"
period = "2024-06"
value = 1200
unit = "人"
recorded = 2024-07-15T10:02:00.001+08:00
by = "rsj"
source = "人社局月报"
note = "1-6月累计"
' 'dry run: nothing was written; would import 1 record from gbk.csv
'
# The UTF-8 file gives the same records, byte for byte.
t import zh.csv --dry-run
expect "zh.csv and gbk.csv --encoding gbk" '# rec/actuals/rsj.toml: 1 record would be appended (new file)' \
  "$(head -1 <<<"$out")"
# The header line is 40 bytes of UTF-8 (which GB18030 reads as other
# characters), the second line has 27 bytes before the source: 40 + 27 = 67.
printf '指标编号,期别,本期实绩,来源\nindustry.jobs,2024-06,1200,\xff\xff\n' >bad-gbk.csv
t import bad-gbk.csv --encoding gbk
expect_run 1 '' "bad-gbk.csv:2: --encoding gbk: byte 0xFF at offset 67 is not GBK text
tally: error: bad-gbk.csv: nothing was imported
"

# Periods Excel turned into dates: 2024-06 read as 1 June 2024 and saved
# as 2024/6/1, as 2024-06-01, or in a workbook as its day number 45444
# (1899-12-30 + 45444 days = 2024-06-01). A date that is not the 1st is
# placed in the indicator's period (monthly: 2024-06).
printf '%s\n' 'indicator,period,value,source' 'industry.jobs,2024/6/1,1200,月报' \
  'industry.firms,45444,30100,台账' 'industry.bio-output,2024-06-01,1.8,月报' \
  'industry.output-growth,2024/6/30,7.5,月报' >excel.csv
t import excel.csv
expect_run 1 '' "excel.csv:2: period: '2024/6/1' is a date, not a period: Excel and WPS read the period 2024-06 as the date 2024-06-01 and save it so; did you mean 2024-06? Format the period column as text (文本) before typing, or type an apostrophe first ('2024-06)
excel.csv:3: period: '45444' is a spreadsheet's day number for the date 2024-06-01: Excel and WPS read the period 2024-06 as the date 2024-06-01 and save it so; did you mean 2024-06? Format the period column as text (文本) before typing, or type an apostrophe first ('2024-06)
excel.csv:4: period: '2024-06-01' is a date, not a period: Excel and WPS read the period 2024-06 as the date 2024-06-01 and save it so; did you mean 2024-06? Format the period column as text (文本) before typing, or type an apostrophe first ('2024-06)
excel.csv:5: period: '2024/6/30' is a date, not a period; did you mean 2024-06, the month that holds it? Format the period column as text (文本) before typing, or type an apostrophe first ('2024-06)
tally: error: excel.csv: 4 rows cannot be recorded; nothing was imported
"
# The same in a workbook: a period cell holding a date.
"$py" - <<'PY'
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["indicator", "period", "value", "source"])
ws.append(["industry.jobs", datetime.datetime(2024, 6, 1), 1200, "月报"])
wb.save("date.xlsx")
PY
t import date.xlsx
expect_run 1 '' "date.xlsx:2: period: '45444' is a spreadsheet's day number for the date 2024-06-01: Excel and WPS read the period 2024-06 as the date 2024-06-01 and save it so; did you mean 2024-06? Format the period column as text (文本) before typing, or type an apostrophe first ('2024-06)
tally: error: date.xlsx: 1 row cannot be recorded; nothing was imported
"

# Not a workbook after all; --encoding on a workbook.
printf 'PK\003\004 not really a zip archive' >broken.xlsx
t import broken.xlsx
expect_run 1 '' 'broken.xlsx: not an .xlsx workbook (Not a zip archive); save it from Excel or WPS as "Excel 工作簿 (*.xlsx)", or as CSV UTF-8
tally: error: broken.xlsx: nothing was imported
'
t import date.xlsx --encoding gbk
expect_run 2 '' 'tally: error: --encoding gbk: date.xlsx is a workbook, whose text is always Unicode; --encoding is for CSV files
'
expect "actuals after the refused imports" "$before" "$(actuals_state)"
