# tally report, overdue and show through the binary, against golden files:
# every format and grouping on tests/plans/report as of 2024-07-25 (June's
# actuals were due on 23 July), selections, --as-of, --actuals, --fail-on
# exit codes, --output, determinism and the alignment of Chinese text.
#
# To refresh the goldens after an intended change:
#   cmake --build build --target update-golden
# (which runs this script with --update) and read the diff before
# committing it.

source "$SRC/tests/shell/lib/scratch.bash"
golden_mode "$@"
plan="$SRC/tests/plans/report"
golden="$SRC/tests/golden/report"

# run ARGS...: tally on the test plan as of 2024-07-25; stdout in $out,
# stderr in $err, exit code in $rc.
run() {
  rc=0
  out=$("$TALLY" --plan "$plan" --today 2024-07-25 "$@" 2>"$TMPDIR_TEST/stderr") || rc=$?
  err=$(cat "$TMPDIR_TEST/stderr")
}

# golden NAME ARGS...: the output of `run ARGS` must equal $golden/NAME and
# the command must exit 0.
golden() {
  local name=$1
  shift
  run "$@"
  [ "$rc" = 0 ] || fail "$name: tally $* exited $rc: $err"
  if [ "$update" = 1 ]; then
    printf '%s\n' "$out" >"$golden/$name"
    return
  fi
  if ! diff -u "$golden/$name" <(printf '%s\n' "$out") >"$TMPDIR_TEST/diff"; then
    fail "$name: tally $* differs from tests/golden/report/$name"
    cat "$TMPDIR_TEST/diff" >&2
  fi
}

mkdir -p "$golden"

# Every format and grouping of the June bulletin.
golden action.txt report --period 2024-06
golden bureau.txt report --period 2024-06 --by bureau
golden indicator.txt report --period 2024-06 --by indicator
golden action-en.txt --lang en report --period 2024-06
golden bureau-en.txt --lang en report --period 2024-06 --by bureau
golden action.md report --period 2024-06 --format md
golden bureau.md report --period 2024-06 --format md --by bureau
golden indicator.md report --period 2024-06 --format md --by indicator
golden indicator.csv report --period 2024-06 --format csv --by indicator
golden action.csv report --period 2024-06 --format csv --by action
golden bureau.csv report --period 2024-06 --format csv --by bureau
golden indicator-en.csv --lang en report --period 2024-06 --format csv --by indicator
golden report.json report --period 2024-06 --format json

# Selections, another date, another set of actuals.
golden select-action-status.txt report --period 2024-06 --action economy --status behind,off-track
golden select-bureau.txt report --period 2024-06 --bureau 工信局 --by bureau
golden select-none.txt report --period 2024-06 --status overdue --action economy
golden as-of.txt report --as-of 2024-07-16
golden actuals-alt.txt --actuals "$plan/actuals-alt" report --period 2024-06 --by bureau
golden quarter.txt report --period 2024-Q2 --by indicator
golden dekad.txt report --period 2024-06-D2 --by indicator --status missing,behind

# The 催报 list and one indicator in full.
golden overdue.txt overdue
golden overdue-en.txt --lang en overdue
golden overdue.md overdue --format md
golden overdue.csv overdue --format csv
golden overdue.json overdue --format json
golden overdue-as-of.txt overdue --as-of 2024-06-30
golden show-output.txt show economy.output
golden show-jobs.txt show livelihood.jobs
golden show-museum-en.txt --lang en show livelihood.museum
golden show-fires.txt show safety.fires
golden show-output.html show economy.output --format html

# The June 工作月报 on the shipped plan with the demo data: the indicators
# (only the missing ones, to keep the file short) and the sections 重点任务,
# 突出问题, 特色亮点. Hand-worked counts, from the demo's README:
#   tasks: 121 = 105 in progress (102 reported June + 3 whose last report is
#   May) + 6 done + 5 stalled + 5 never reported; 8 owe June's report (due
#   07-23): the 3 May-only and the 5 never reported.
#   problems: opened in June Q2024-0002, -0003, -0004 (3); closed in June
#   Q2024-0001 (1); open on 07-25 Q2024-0002, -0003, -0005, -0006 (4), all but
#   -0003 (due 07-31) past their due date (3); Q2024-0002 is 25 days late
#   (06-30 → 07-25), Q2024-0004 was closed 5 days late (07-10 → 07-15).
#   highlights: the 3 task reports marked highlight.
demo="$SRC/docs/examples/hongjiang-2024-h1"
plan="$SRC/plans/hongjiang-2024"
# The plan's [bulletin] issuer signs each one (落款: 洪江市“八大行动”总专班办公室,
# 2024年7月25日, the as-of date); --number 6 numbers it 第6期.
demo_args=(--actuals "$demo/actuals" --problems "$demo/problems" report --period 2024-06 --status missing
  --number 6)
golden monthly-bulletin.txt "${demo_args[@]}"
golden monthly-bulletin.md "${demo_args[@]}" --format md
golden monthly-bulletin-en.txt --lang en "${demo_args[@]}"
golden monthly-bulletin.html "${demo_args[@]}" --format html
# The sections follow --action as they follow --bureau. industry's 13 tasks
# (actions/01-industry.toml): 11 in progress + 1 done + 1 stalled
# (industry.trade-logistics) + 0 never reported; 1 owes June's report
# (industry.factor-support, last reported May). No problem of the demo
# concerns an indicator or a task, so none belongs to an action: 突出问题 is
# empty. Highlights: 1 of the 3 (industry.electronics-chain, an industry task).
golden monthly-bulletin-industry.md "${demo_args[@]}" --format md --action industry
# --status filters the indicators only: demand owes no June figure, so no
# indicator is left, but its tasks still make the 重点任务 section. demand's
# 11 tasks (actions/03-demand.toml): 9 in progress + 0 done + 1 stalled
# (demand.investment-promotion) + 1 never reported (demand.policy-support).
golden monthly-bulletin-demand-none.txt "${demo_args[@]}" --action demand
golden monthly-bulletin-demand-none.md "${demo_args[@]}" --format md --action demand
plan="$SRC/tests/plans/report"

[ "$update" = 1 ] && exit 0

# The default period is the latest due one: June on 25 July.
run report
expect "default period is due" "$(cat "$golden/action.txt")" "$out"
# Relative words resolve against --today.
run report --period last-month
expect "last-month on 25 July is June" "$(cat "$golden/action.txt")" "$out"

# Deterministic: the same files and options give the same bytes.
for format in table md csv json; do
  "$TALLY" --plan "$plan" --today 2024-07-25 report --format "$format" --by indicator >"$TMPDIR_TEST/a"
  "$TALLY" --plan "$plan" --today 2024-07-25 report --format "$format" --by indicator >"$TMPDIR_TEST/b"
  cmp -s "$TMPDIR_TEST/a" "$TMPDIR_TEST/b" || fail "two runs of --format $format differ"
done

# --bom starts the CSV with a UTF-8 byte-order mark, and only then.
run report --format csv --bom
[ "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
  fail "--bom: no byte-order mark"
run report --format csv
[ "$(printf '%s' "$out" | head -c 3 | od -An -tx1 | tr -d ' ')" != efbbbf ] ||
  fail "a byte-order mark without --bom"

# --fail-on: exit 1 when a reported indicator has one of the statuses.
run report --fail-on off-track
expect "--fail-on off-track" "1" "$rc"
expect "--fail-on still prints the report" "$(cat "$golden/action.txt")" "$out"
run report --fail-on overdue,breached --format json
expect "--fail-on overdue,breached" "1" "$rc"
run report --action livelihood --fail-on off-track,breached
expect "--fail-on with no such indicator in the selection" "0" "$rc"
run report --period 2024-06 --fail-on 严重滞后
expect "--fail-on takes zh labels" "1" "$rc"

# --output writes the file atomically and prints nothing.
run report --format md --output "$TMPDIR_TEST/bulletin.md"
expect "--output exit" "0" "$rc"
expect "--output prints nothing" "" "$out"
expect "--output file" "$(cat "$golden/action.md")" "$(cat "$TMPDIR_TEST/bulletin.md")"
run report --format json --output "$TMPDIR_TEST/bulletin.md"
expect "--output replaces" "$(cat "$golden/report.json")" "$(cat "$TMPDIR_TEST/bulletin.md")"
run report --output "$TMPDIR_TEST/no/such/dir/r.txt"
expect "--output into a missing directory" "3" "$rc"
[ ! -e "$TMPDIR_TEST/no" ] || fail "--output failure left something behind"
[ -z "$(ls -A "$TMPDIR_TEST" | grep -v -x -e bulletin.md -e stderr -e a -e b -e diff)" ] ||
  fail "--output left temporary files: $(ls -A "$TMPDIR_TEST")"

# Bad command lines: one line naming the argument, a suggestion, exit 2.
run report --action ecnomy
expect "unknown action" "2:tally: error: --action 'ecnomy' is not an action of the plan (did you mean 'economy'?)" "$rc:$err"
run report --bureau gxjj
expect "unknown bureau" "2:tally: error: --bureau 'gxjj' is not a bureau of the plan (did you mean 'gxj'?)" "$rc:$err"
run report --status ontrack
expect "unknown status" "2:tally: error: --status 'ontrack' is not a status (did you mean 'on-track'?)" "$rc:$err"
run report --fail-on late
expect "unknown status, nothing close" "2:tally: error: --fail-on 'late' is not a status; use done, on-track, behind, off-track, breached, overdue, missing, not-due" "$rc:$err"
run report --period 2024-13
expect "bad period" "2:tally: error: --period '2024-13': there is no month 13" "$rc:$err"
run report --period 2024-06 --as-of 2024-07-01
expect "--period with --as-of" "2" "$rc"
run report --as-of 2024-07-32
expect "bad --as-of" "2:tally: error: --as-of '2024-07-32' is not a date such as 2024-07-25" "$rc:$err"
run overdue --as-of tomorrow
expect "bad overdue --as-of" "2:tally: error: --as-of 'tomorrow' is not a date such as 2024-07-25" "$rc:$err"
run show economy.outptu
expect "unknown indicator" "2:tally: error: 'economy.outptu' is not an indicator or a task of the plan (did you mean 'economy.output'?)" "$rc:$err"

# Chinese text is aligned by display width: in every table of the text
# report, each column starts at the same terminal column on every line.
for name in action.txt bureau.txt indicator.txt overdue.txt show-output.txt; do
  python3 - "$golden/$name" <<'PY' || fail "$name: columns not aligned by display width"
import sys, unicodedata

def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

def cut(line, cols):
    """The characters of `line` that fill exactly `cols` display columns, or None."""
    w = 0
    for i, c in enumerate(line):
        if w == cols:
            return line[:i]
        w += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return line if w <= cols else None

lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
bad = 0
for k, rule in enumerate(lines):
    if not rule or set(rule) - set("- "):
        continue
    # The dashes under a header: each run is one column.
    starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]
    table = [lines[k - 1]]
    j = k + 1
    while j < len(lines) and lines[j]:
        table.append(lines[j])
        j += 1
    for row in table:
        for s in starts[1:]:
            head = cut(row, s)
            if width(row) <= s - 2:
                break  # trailing empty cells
            if head is None or not head.endswith("  "):
                print(f"misaligned at column {s}: {row}", file=sys.stderr)
                bad += 1
                break
sys.exit(1 if bad else 0)
PY
done
