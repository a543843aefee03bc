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
# periods, dates or figures. The 催报 list of tests/plans/report needs 93
# columns piped. At 80, 县发改局's table fits exactly (10 + 7 + 10 + 8 + 8
# + 8 + 17 + 6 × 2 = 80); 县应急局's cannot: with its names cut to their
# floor of 8 columns, safety.pollution-days (21) and the dekad periods
# (10) kept whole, it is 8 + 10 + 10 + 8 + 8 + 10 + 21 + 12 = 87 wide.
# --wide and a pipe cut nothing.
widest() { python3 -c '
import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n")) for l in sys.stdin))'; }
expect "overdue piped: full width" 93 "$(t overdue | widest)"
expect "overdue --width 80" '催报清单 · 示例县“三大行动”方案
截至 2024-07-25 · 期末后 23 天内报送 · 未报送 3 项, 涉及 2 个单位

县发改局 (fgj) · 1 项
指标        期别     应报日期    逾期天数  连续未报  最近报送  指标编号
----------  -------  ----------  --------  --------  --------  -----------------
新增规模…   2024-Q2  2024-07-23         2  1         2024-Q1   economy.new-firms

县应急局 (yjj) · 2 项
指标      期别        应报日期    逾期天数  连续未报  最近报送    指标编号
--------  ----------  ----------  --------  --------  ----------  ---------------------
应急演练  2024-06-D3  2024-07-23         2  1         2024-06-D2  safety.drills
重污染…   2024-06     2024-07-23         2  1         2024-05     safety.pollution-days' \
  "$(t --width 80 overdue)"
expect "overdue --width 80 --wide" "$piped" "$(t --width 80 --wide overdue)"
# The record log is fitted too; its times are not cut.
expect "log --width 80: the first record" \
  "2024-04-10 09:00  safety.fires             2024-Q1          1起  yjj       消防救…   3月12日…            现行" \
  "$(t --width 80 log | sed -n 3p)"
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
  "$(t --width 80 report | sed -n 23p)"
expect "report --width 80 --lang en" \
  '(left out to fit 80 columns: projection, lead; --wide shows them)' \
  "$(t --width 80 --lang en report | grep -m1 'left out')"
expect "report --width 120: nothing left out" "" "$(t --width 120 report | grep '省略')"
