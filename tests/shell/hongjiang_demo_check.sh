# The first-half demo actuals (docs/examples/hongjiang-2024-h1) check clean
# against the shipped plan: exit 0, every record read, and no warning but the
# five metric-mismatch warnings of the document's own contradictions.
set -u
source "$SRC/tests/shell/lib/common.bash"
out=$("$TALLY" check --plan "$SRC/plans/hongjiang-2024" \
  --actuals "$SRC/docs/examples/hongjiang-2024-h1/actuals" --today 2024-07-25 2>&1)
rc=$?
[ "$rc" = 0 ] || fail "tally check exited $rc, expected 0: $out"
summary=$(printf '%s\n' "$out" | tail -n 2)
# The demo's records were written before records kept their unit: of the
# 1636, the 1160 numbers carry none (the other 476 are 360 milestone stages
# and 116 task states).
want="plans/hongjiang-2024: 0 errors, 5 warnings (8 actions, 270 indicators, 121 tasks, 73 bureaus, 1636 actuals)
note: 1160 records have no unit = \"…\" (recorded before records kept their unit); they are read in their indicator's unit, so changing that unit in the plan would rescale them"
case "$summary" in
  *"$want") ;;
  *) fail "summary differs: expected …$want, actual $summary" ;;
esac
codes=$(printf '%s\n' "$out" | grep -E ': (warning|error): ' | grep -o '\[[a-z-]*\]$' | sort | uniq -c | sed 's/^ *//')
expect "the warnings are exactly 5 [metric-mismatch]" "5 [metric-mismatch]" "$codes"
# Nothing may be written under the shipped plan's own actuals.
[ ! -e "$SRC/plans/hongjiang-2024/actuals" ] ||
  fail "plans/hongjiang-2024/actuals exists; the shipped plan carries no actuals"
