# Shared by tests/shell/record_*.sh: a scratch copy of tests/plans/rec, fixed
# "today" and record time, and exact comparisons of what tally prints (with
# the assertions of common.bash).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
export TALLY_TODAY=2024-07-15 TALLY_NOW=2024-07-15T10:02:00+08:00 NO_COLOR=1
unset TALLY_PLAN

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

# expect_run RC STDOUT STDERR: the exit code, stdout and stderr of the last `t`.
expect_run() {
  expect "exit code of: $last" "$1" "$rc"
  expect "stdout of: $last" "$2" "$out"
  expect "stderr of: $last" "$3" "$err"
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

