# The first-half demo actuals (docs/examples/hongjiang-2024-h1) check clean
# against the shipped plan: exit 0, every record read, and no warning but the
# five metric-mismatch warnings of the document's own contradictions.
set -u
out=$("$TALLY" check --plan "$SRC/plans/hongjiang-2024" \
  --actuals "$SRC/docs/examples/hongjiang-2024-h1/actuals" --today 2024-07-25 2>&1)
rc=$?
if [ "$rc" != 0 ]; then
  echo "tally check exited $rc, expected 0:"; echo "$out"; exit 1
fi
summary=$(printf '%s\n' "$out" | tail -n 1)
want="plans/hongjiang-2024: 0 errors, 5 warnings (8 actions, 270 indicators, 73 bureaus, 1520 actuals)"
case "$summary" in
  *"$want") ;;
  *) echo "summary differs:"; echo "  expected: …$want"; echo "  actual:   $summary"; exit 1 ;;
esac
codes=$(printf '%s\n' "$out" | grep -E ': (warning|error): ' | grep -o '\[[a-z-]*\]$' | sort | uniq -c | sed 's/^ *//')
if [ "$codes" != "5 [metric-mismatch]" ]; then
  echo "expected exactly 5 [metric-mismatch] warnings, got:"; echo "$codes"; exit 1
fi
# Nothing may be written under the shipped plan's own actuals.
if [ -e "$SRC/plans/hongjiang-2024/actuals" ]; then
  echo "plans/hongjiang-2024/actuals exists; the shipped plan carries no actuals"; exit 1
fi
