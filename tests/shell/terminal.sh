# tally in a terminal: long output goes through a pager ($PAGER, else
# less -FRX) when stdout is an interactive terminal, and never when piped;
# --width N fits tables to N columns and --wide never cuts them; a note
# says so when today comes from the clock after the plan's year is over.
# `script` (util-linux) gives the command a terminal.
source "$SRC/tests/shell/lib/scratch.bash"
plan="$SRC/tests/plans/report"
cd "$TMPDIR_TEST"
t() { "$TALLY" --plan "$plan" --today 2024-07-25 --color never "$@"; }
# in_terminal ENV... -- ARGS...: tally ARGS with stdout on a terminal.
in_terminal() {
  local cmd=(env)
  while [ "$1" != -- ]; do cmd+=("$1"); shift; done
  shift
  cmd+=("$TALLY" --plan "$plan" --today 2024-07-25 --color never "$@")
  script -qec "$(printf '%q ' "${cmd[@]}")" /dev/null >terminal.out
}

# The pager gets exactly what a pipe gets; the terminal shows only the pager.
piped=$(t overdue)
rm -f paged.txt
in_terminal 'PAGER=cat > paged.txt' -- overdue
expect "overdue in a terminal: paged" "$piped" "$(cat paged.txt)"
expect "overdue in a terminal: nothing besides the pager" "" "$(cat terminal.out)"
rm -f paged.txt
in_terminal 'PAGER=cat > paged.txt' -- overdue --no-pager
[ -e paged.txt ] && fail "--no-pager: the pager ran"
expect "--no-pager: printed to the terminal" "$piped" "$(tr -d '\r' <terminal.out)"
in_terminal PAGER= -- overdue
expect "PAGER empty: printed to the terminal" "$piped" "$(tr -d '\r' <terminal.out)"
# A command that writes records is never paged.
rm -f paged.txt
in_terminal 'PAGER=cat > paged.txt' -- check
[ -e paged.txt ] && fail "check was paged"

# --width fits tables to N columns by cutting names with …, never ids,
# periods, dates or figures; when the names would be cut short, 连续未报 and
# then 最近报送 give way, named under the table. The 催报 list of
# tests/plans/report needs 93 columns piped. At 80, 县发改局's table without
# 连续未报 is 16 + 7 + 10 + 8 + 8 + 17 + 5 × 2 = 76 wide; 县应急局's needs
# both left out: 14 + 10 + 10 + 8 + 21 + 4 × 2 = 71. --wide and a pipe cut
# nothing.
widest() { python3 -c '
import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in sys.stdin))'; }
expect "overdue piped: full width" 93 "$(t overdue | widest)"
expect "overdue --width 80" '催报清单 · 示例县“三大行动”方案
截至 2024-07-25 · 期末后 23 天内报送 · 未报送 3 项, 涉及 2 个单位

县发改局 (fgj) · 1 项
指标              期别     应报日期    逾期天数  最近报送  指标编号
----------------  -------  ----------  --------  --------  -----------------
新增规模工业企业  2024-Q2  2024-07-23         2  2024-Q1   economy.new-firms
（为适应 80 列宽省略：连续未报；--wide 显示全部）

县应急局 (yjj) · 2 项
指标            期别        应报日期    逾期天数  指标编号
--------------  ----------  ----------  --------  ---------------------
应急演练        2024-06-D3  2024-07-23         2  safety.drills
重污染天数同比  2024-06     2024-07-23         2  safety.pollution-days
（为适应 80 列宽省略：连续未报、最近报送；--wide 显示全部）' \
  "$(t --width 80 overdue)"
expect "overdue --width 80 --wide" "$piped" "$(t --width 80 --wide overdue)"
# The record log is fitted too; its times and values are not cut. Its
# time (16), id (23), period (10), value (11) and state (8) take
# 16 + 23 + 10 + 11 + 8 + 4 × 2 = 76 columns, so the reason, note, source
# and by give way, named under the table.
expect "log --width 80: the first record" \
  "2024-04-10 09:00  safety.fires             2024-Q1             1起  现行" \
  "$(t --width 80 log | sed -n 3p)"
expect "log --width 80: the note" \
  "（为适应 80 列宽省略：更正原因、备注、来源、报送单位；--wide 显示全部）" \
  "$(t --width 80 log | tail -1)"
err=$(t --width 20 overdue 2>&1 >/dev/null)
expect "--width 20: exit" 2 $?
expect "--width 20: message" "--width: Value 20 not in range 40 to 1000
Run with --help for more information." "$err"

# Today from the clock, after the plan's year (2024): a note on stderr,
# the report still printed; none with --today, TALLY_TODAY or --quiet.
err=$("$TALLY" --plan "$plan" overdue 2>&1 >/dev/null)
expect "overdue after the plan's year" \
  "tally: note: the plan ended on 2024-12-31 and today is $(TZ=Asia/Shanghai date +%F): everything not recorded is late. To see it as it stood then, give --today DATE (or TALLY_TODAY)." \
  "$err"
expect "with --today: no note" "" "$(t overdue 2>&1 >/dev/null)"
expect "with TALLY_TODAY: no note" "" "$(TALLY_TODAY=2024-07-25 "$TALLY" --plan "$plan" overdue 2>&1 >/dev/null)"
expect "with --quiet: no note" "" "$("$TALLY" --plan "$plan" -q overdue 2>&1 >/dev/null)"

# A column that gives way in a narrow terminal is named under its table.
# At 80 columns the indicators of 一、经济发展行动 lose 预计全年, then 牵头,
# before their names are cut below 16 characters.
expect "report --width 80: the columns left out are named" \
  '（为适应 80 列宽省略：预计全年、牵头；--wide 显示全部）' \
  "$(t --width 80 report | grep -m1 '省略')"
expect "report --width 80 --lang en" \
  '(left out to fit 80 columns: projection, lead; --wide shows them)' \
  "$(t --width 80 --lang en report | grep -m1 'left out')"
expect "report --width 120: nothing left out" "" "$(t --width 120 report | grep '省略')"

# The shipped plan's June bulletin and 催报 list at 80, 100 and 120 columns:
# no line wider, no indicator id cut (each id of the CSV is whole in the
# text), and the roll-up tables split in two rather than cut.
hj=("$TALLY" --plan "$SRC/plans/hongjiang-2024" --actuals "$SRC/docs/examples/hongjiang-2024-h1/actuals"
  --today 2024-07-25 --color never)
ids=$("${hj[@]}" report --format csv | tr -d '\r' | sed 1d | cut -d, -f1 | sort)
for w in 80 100 120; do
  for view in "report" "report --by bureau" "report --by indicator" "overdue"; do
    # shellcheck disable=SC2086
    text=$("${hj[@]}" --width $w $view)
    n=$(widest <<<"$text")
    [ "$n" -le "$w" ] || fail "$view at $w columns: a line $n columns wide"
  done
  text=$("${hj[@]}" --width $w overdue)
  missing=$(comm -23 <("${hj[@]}" overdue --format csv | tr -d '\r' | sed 1d | cut -d, -f3 | sort -u) \
    <(grep -oE '[a-z]+\.[a-z0-9.-]+' <<<"$text" | sort -u))
  expect "overdue at $w columns: every id whole" "" "$missing"
done
expect "report --width 80: the action table in two" 2 \
  "$("${hj[@]}" --width 80 report | grep -c '^行动  ')"
expect "with --as-of: no note" "" "$("$TALLY" --plan "$plan" overdue --as-of 2024-07-25 2>&1 >/dev/null)"
expect "with --period: no note" "" "$("$TALLY" --plan "$plan" report --period 2024-06 2>&1 >/dev/null)"
