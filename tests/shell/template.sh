# tally template: the sheet a bureau fills for a period, as CSV (exact
# text) and as a workbook (openpyxl reads it: locked key columns, unlocked
# input cells, a drop-down of stages on a milestone's value, the
# instructions sheet); its rows are the reports `tally overdue` lists for
# the bureau once the period falls due.
source "$SRC/tests/shell/lib/scratch.bash"
plan="$SRC/tests/plans/report"
py=/usr/bin/python3
t() { "$TALLY" --plan "$plan" "$@"; }
cd "$TMPDIR_TEST"

# 县发改局 (fgj) on 1 July, for June. By hand:
# - economy.new-firms is quarterly: Q2 is owed; the last figure is Q1's 2;
#   expected 11 × 0.5 = 5.5 firms, counted whole: 5.
# - economy.invest-growth, a growth rate: June owed; nothing expected but
#   the target rate.
# - economy.park, a milestone due 2024-12-31 with the stage point
#   2024-06-30 in-progress: June owed, 推进中 required by then.
# economy.urban-rate is yearly (nothing due for June) and has no row.
expected='﻿指标编号,指标,计量单位,目标,最近实绩,最近期别,应完成,期别,本期实绩/状态,来源,备注,更正原因
economy.new-firms,新增规模工业企业,家,11,2,2024-Q1,5,2024-Q2,,,,
economy.invest-growth,固定资产投资增速,%,9,,,,2024-06,,,,
economy.park,产业园标准厂房建成投用,,2024-12-31,,,推进中,2024-06,,,,'
expect "template --format csv (fgj, 2024-06)" "$expected" \
  "$(t --today 2024-07-01 template --bureau fgj --period 2024-06 --format csv | tr -d '\r')"
expect "template --lang en: the import keys as headings" \
  "﻿indicator,name,unit,target,last value,last period,expected value,period,value,source,note,reason
economy.park,产业园标准厂房建成投用,,2024-12-31,,,in-progress,2024-06,,,," \
  "$(t --today 2024-07-01 --lang en template --bureau 县发改局 --period 2024-06 --format csv |
    tr -d '\r' | sed -n '1p;4p')"

# The same reports as the 催报 list of the due date (2024-06-30 + 23 days).
for b in fgj gxj rsj zjj yjj; do
  sheet=$(t --today 2024-07-23 template --bureau $b --period 2024-06 --format csv 2>/dev/null |
    tr -d '\r' | sed 1d | cut -d, -f1,8 | sort)
  list=$(t overdue --as-of 2024-07-23 --bureau $b --format csv | tr -d '\r' | sed 1d |
    cut -d, -f3,6 | sort)
  expect "template $b = overdue --bureau $b on the due date" "$list" "$sheet"
done

# The workbook: written to <bureau>-<period>.xlsx unless --output says.
err=$(t --today 2024-07-01 template --bureau fgj --period 2024-06 2>&1)
expect "template (xlsx): exit" 0 $?
expect "template (xlsx): note" "fgj-2024-06.xlsx: 3 rows for 县发改局 (fgj) to fill for 2024-06" "$err"
out=$("$py" - <<'PY'
import openpyxl
wb = openpyxl.load_workbook("fgj-2024-06.xlsx")
print(" ".join(wb.sheetnames))
ws = wb["填报表"]
print("protected", ws.protection.sheet, "frozen", ws.freeze_panes)
print(ws.oddHeader.left.text, "|", ws.oddHeader.right.text)
for row in ws.iter_rows():
    print(" ".join("-" if c.value is None else str(c.value) for c in row))
print("unlocked", " ".join(c.value for c in ws[1] if not ws.cell(2, c.column).protection.locked))
for dv in ws.data_validations.dataValidation:
    print("list", dv.sqref, dv.formula1)
for row in wb["填报说明"].iter_rows(max_row=4):
    print(row[0].value)
PY
)
expect "template (xlsx): the workbook" "填报表 填报说明
protected True frozen C2
填报表 · 县发改局 | 报告期 2024-06 · 报送截止 2024-07-23
指标编号 指标 计量单位 目标 最近实绩 最近期别 应完成 期别 本期实绩/状态 来源 备注 更正原因
economy.new-firms 新增规模工业企业 家 11 2 2024-Q1 5 2024-Q2 - - - -
economy.invest-growth 固定资产投资增速 % 9 - - - 2024-06 - - - -
economy.park 产业园标准厂房建成投用 - 2024-12-31 - - 推进中 2024-06 - - - -
unlocked 本期实绩/状态 来源 备注 更正原因
list I4 \"未开始,推进中,已完成\"
填报说明
示例县“三大行动”方案
填报单位：县发改局（fgj） · 报告期 2024-06 · 报送截止 2024-07-23
截至 2024-07-01 应报 3 项，每项一行。" "$out"

# Nothing owed: no sheet. An unknown bureau: the closest id.
err=$(t --today 2024-07-25 template --bureau fgj --period 2024-01 --output none.xlsx 2>&1)
expect "template, nothing owed: exit" 0 $?
expect "template, nothing owed: note" \
  "县发改局 (fgj) owes nothing for 2024-01 as of 2024-07-25; no sheet written" "$err"
[ -e none.xlsx ] && fail "template wrote a sheet with nothing to fill"
err=$(t --today 2024-07-01 template --bureau fgk --period 2024-06 2>&1)
expect "template --bureau fgk: exit" 2 $?
expect "template --bureau fgk: message" \
  "tally: error: --bureau 'fgk' is not a bureau of the plan (did you mean 'fgj'?)" "$err"

# Tasks (重点任务) the bureau leads owe a progress report each month: a row
# each, with a drop-down of 推进中, 已完成, 滞后, the task's due date as its
# target. The shipped plan with the demonstration actuals, 市发改局, June: the
# rows are overdue's on the due date, tasks included, and a task row filled
# in imports as a progress record.
cp -r "$SRC/docs/examples/hongjiang-2024-h1/actuals" "$TMPDIR_TEST/hj-actuals"
hj() { "$TALLY" --plan "$SRC/plans/hongjiang-2024" --actuals "$TMPDIR_TEST/hj-actuals" "$@"; }
sheet=$(hj --today 2024-07-23 template --bureau fgj --period 2024-06 --format csv | tr -d '\r' |
  sed 1d | cut -d, -f1,8 | sort)
list=$(hj overdue --as-of 2024-07-23 --bureau fgj --format csv | tr -d '\r' | sed 1d |
  cut -d, -f3,6 | sort)
expect "template fgj (shipped plan) = overdue --bureau fgj on the due date" "$list" "$sheet"
expect "template: a task row" "region.xiangxi-development,做好湘西地区开发工作,,,,,,2024-06,,,," \
  "$(hj --today 2024-07-25 template --bureau fgj --period 2024-06 --format csv | tr -d '\r' |
    grep '^region.xiangxi-development')"
hj --today 2024-07-25 template --bureau fgj --period 2024-06 --output hj-fgj.xlsx 2>/dev/null
expect "template: a task's drop-down" '"推进中,已完成,滞后"' "$("$py" - <<'PY'
import openpyxl
ws = openpyxl.load_workbook("hj-fgj.xlsx")["填报表"]
row = next(c.row for c in ws["A"] if c.value == "region.xiangxi-development")
print(next(dv.formula1 for dv in ws.data_validations.dataValidation if f"I{row}" in str(dv.sqref)))
PY
)"
printf '%s\n' '指标编号,期别,本期实绩/状态,来源,备注' \
  'region.xiangxi-development,2024-06,推进中,发改局调度,已完成湘西开发项目调度一次' >task.csv
expect "a task row imported" 'value = "in-progress"
by = "fgj"
note = "已完成湘西开发项目调度一次"' \
  "$(TALLY_NOW=2024-07-25T10:00:00+08:00 hj --today 2024-07-25 import task.csv --dry-run |
    grep -E '^(value|by|note) =')"
