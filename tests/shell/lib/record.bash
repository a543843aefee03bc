# Shared by tests/shell/record_*.sh: a scratch copy of tests/plans/rec, fixed
# "today" and record time, and exact comparisons of what tally prints.
set -u
export TALLY_TODAY=2024-07-15 TALLY_NOW=2024-07-15T10:02:00+08:00 NO_COLOR=1
unset TALLY_PLAN
failures=0

# A fresh copy of the test plan at $TMPDIR_TEST/rec; the tests run in $TMPDIR_TEST.
fresh_plan() {
  rm -rf "$TMPDIR_TEST"
  mkdir -p "$TMPDIR_TEST"
  cp -r "$SRC/tests/plans/rec" "$TMPDIR_TEST/rec"
  cd "$TMPDIR_TEST" || exit 1
}

# run ARGS...: tally --plan rec ARGS; sets $out, $err (exact, with the final
# newline kept as a trailing "." removed) and $rc.
run() {
  "$TALLY" --plan rec "$@" >"$TMPDIR_TEST/.out" 2>"$TMPDIR_TEST/.err"
  rc=$?
  out=$(cat "$TMPDIR_TEST/.out"; echo .); out=${out%.}
  err=$(cat "$TMPDIR_TEST/.err"; echo .); err=${err%.}
}

# same WHAT ACTUAL EXPECTED: reports a difference.
same() {
  if [ "$2" != "$3" ]; then
    echo "--- $1 differs (expected, then actual):"
    diff <(printf '%s' "$3") <(printf '%s' "$2")
    failures=$((failures + 1))
  fi
}

# expect RC STDOUT STDERR: compares the last run.
expect() {
  same "exit code of: $last" "$rc" "$1"
  same "stdout of: $last" "$out" "$2"
  same "stderr of: $last" "$err" "$3"
}

# t ARGS...: run and remember the command for messages.
t() {
  last="tally $*"
  run "$@"
}

# A fingerprint of every file under the actuals directory, names included.
actuals_state() {
  (cd "$TMPDIR_TEST/rec/actuals" && ls -A && cat -- * .[!.]* 2>/dev/null | md5sum)
}

finish() {
  if [ "$failures" != 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  exit 0
}
