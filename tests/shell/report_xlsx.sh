# The bulletin as a workbook: tally report --format xlsx holds the CSV
# bulletin's views (actions, bureaus, indicators, the 催报 list), equal value
# for value, with the HTML report's status colours, a frozen heading row,
# columns as wide as their Chinese text and A4 landscape pages headed by the
# title and period; overdue --format xlsx holds the 催报 list. openpyxl reads
# them (Debian: python3-openpyxl, for /usr/bin/python3).
source "$SRC/tests/shell/lib/scratch.bash"
plan="$SRC/tests/plans/report"
py=/usr/bin/python3
if ! "$py" -c 'import openpyxl' 2>/dev/null; then
  fail "openpyxl is not installed for $py; this test reads the workbooks with it" \
    "(Debian: apt-get install python3-openpyxl)"
  exit 1
fi

t() { "$TALLY" --plan "$plan" --today 2024-07-25 "$@"; }
cd "$TMPDIR_TEST"

t report --period 2024-06 --format xlsx --output june.xlsx
expect "report --format xlsx: exit" 0 $?
t report --period 2024-06 --format csv --by action >action.csv
t report --period 2024-06 --format csv --by bureau >bureau.csv
t report --period 2024-06 --format csv --by indicator >indicator.csv
t overdue --format csv >overdue.csv
t report --period 2024-06 --format html >june.html
out=$("$py" "$SRC/tests/shell/lib/xlsx_bulletin.py" june.xlsx june.html 按行动=action.csv \
  按牵头单位=bureau.csv 全部指标=indicator.csv 催报清单=overdue.csv 2>&1)
expect "the June workbook against the CSV and HTML bulletins" "" "$out"

# The workbook itself: its sheets in order, the page header and footer, and
# the figures a reader checks by hand. 规模工业总产值: 1.7 of 3.6 亿元 is
# 47.2% (1.7 / 3.6 = 0.472222), 序时进度 50.0%, gap -2.8 points; it is
# 欠序时 (behind), filled as the HTML's .s-behind (#fff1c2 on #6f4400).
# Printed one page wide and as many tall as it takes (fitToHeight 0), the
# heading row repeated on each.
out=$("$py" - <<'PY'
import openpyxl
wb = openpyxl.load_workbook("june.xlsx")
print(" ".join(wb.sheetnames))
ws = wb["全部指标"]
print(ws.oddHeader.left.text, "|", ws.oddHeader.right.text, "|", ws.oddFooter.center.text)
print(ws.print_title_rows, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage)
row = {ws.cell(1, c).value: ws.cell(2, c) for c in range(1, ws.max_column + 1)}
for k in ["指标编号", "指标", "牵头", "牵头 id", "实绩", "目标", "完成率", "序时进度", "差距", "状态"]:
    c = row[k]
    print(k, repr(c.value), c.number_format)
print(row["状态"].fill.fgColor.rgb, row["状态"].font.color.rgb)
PY
)
expect "the June workbook, by hand" "按行动 按牵头单位 全部指标 催报清单
示例县“三大行动”方案 示政发〔2024〕7号 | 报告期 2024-06 (2024-06-01~2024-06-30) · 截至 2024-07-25 · 序时进度 50.0% | 第 &P 页，共 &N 页
\$1:\$1 0 True
指标编号 'economy.output' @
指标 '规模工业总产值' @
牵头 '县工信局' @
牵头 id 'gxj' @
实绩 1.7 General
目标 3.6 General
完成率 0.472222 0.0%
序时进度 0.5 0.0%
差距 -2.777778 General
状态 '欠序时' @
FFFFF1C2 FF6F4400" "$out"

# The same bytes when run again (the document's date is the as-of date).
sleep 1
t report --period 2024-06 --format xlsx --output again.xlsx
cmp -s june.xlsx again.xlsx
expect "report --format xlsx twice: the same bytes" 0 $?

# overdue --format xlsx: the 催报 list alone.
t overdue --format xlsx --output overdue.xlsx
out=$("$py" "$SRC/tests/shell/lib/xlsx_bulletin.py" overdue.xlsx june.html 催报清单=overdue.csv 2>&1)
expect "overdue --format xlsx against overdue --format csv" "" "$out"

# A workbook is never printed to the terminal, and a refused run writes nothing.
err=$(t report --format xlsx 2>&1 >/dev/null)
expect "report --format xlsx without --output: exit" 2 $?
expect "report --format xlsx without --output: message" \
  "tally: error: --format xlsx writes a workbook: give the file with --output, e.g. --output 通报.xlsx" \
  "$err"
err=$(t overdue --format xlsx 2>&1 >/dev/null)
expect "overdue --format xlsx without --output: exit" 2 $?
expect "overdue --format xlsx without --output: message" \
  "tally: error: --format xlsx writes a workbook: give the file with --output, e.g. --output 催报.xlsx" \
  "$err"

# The CSV bulletin is by indicator unless --by says otherwise, with the lead
# bureaus by name and by id.
expect "report --format csv: by indicator" "$(cat indicator.csv)" \
  "$(t report --period 2024-06 --format csv)"
expect "report --format csv: a row" \
  "economy.output,规模工业总产值,economy,县工信局,gxj,cumulative,up,亿元,month,3.6,,,1.7,2024-06,2024-06,0.5,1.8,0.472222,-2.777778,欠序时,,0.316667,6,3.4,2024-07-20T16:30:00+08:00,gxj,县统计局6月月报" \
  "$(sed -n 2p indicator.csv | tr -d '\r')"

# A record that breaks a rule is left out of the workbook's figures and
# named on a last sheet, 数据问题, as the other formats name it in their
# section; a workbook with none left out has no such sheet. gxj.toml has
# 45 lines; the record below starts with a blank line, so its [[actual]]
# is line 47.
cp -r "$plan/actuals" bad
expect "lines of the test plan's gxj.toml" 45 "$(wc -l <bad/gxj.toml)"
cat >>bad/gxj.toml <<'TOML'

[[actual]]
indicator = "economy.outptu"
period = "2024-06"
value = 1.8
recorded = 2024-07-10T09:00:00+08:00
by = "gxj"
source = "手工补录"
TOML
t --actuals bad report --period 2024-06 --format xlsx --output bad.xlsx 2>/dev/null
expect "report --format xlsx, a record left out: exit" 0 $?
t --actuals bad overdue --format xlsx --output bad-overdue.xlsx 2>/dev/null
expect "overdue --format xlsx, a record left out: exit" 0 $?
sheet() { "$py" - "$1" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(" ".join(wb.sheetnames))
if "数据问题" in wb.sheetnames:
    for row in wb["数据问题"].iter_rows(values_only=True):
        print(" | ".join(row))
PY
}
problem="bad/gxj.toml:47 | economy.outptu | unknown indicator 'economy.outptu' (did you mean 'economy.output'?)"
expect "report workbook: the 数据问题 sheet" "按行动 按牵头单位 全部指标 催报清单 数据问题
记录位置 | 指标编号 | 问题
$problem" "$(sheet bad.xlsx)"
expect "overdue workbook: the 数据问题 sheet" "催报清单 数据问题
记录位置 | 指标编号 | 问题
$problem" "$(sheet bad-overdue.xlsx)"
expect "no record left out: no 数据问题 sheet" "按行动 按牵头单位 全部指标 催报清单" "$(sheet june.xlsx)"
err=$(t --actuals bad overdue --format xlsx --output bad-overdue.xlsx --strict 2>&1)
expect "overdue --format xlsx --strict, a record left out: exit" 1 $?
