# Sourced by the shell tests that check many things and report every
# failure (report_golden.sh, html_chromium.sh): no environment that would
# change tally's output, an empty $TMPDIR_TEST, and fail() to note a failure
# and go on; the test ends with a non-zero exit when $failures is not 0.
set -uo pipefail
export NO_COLOR=1
unset TALLY_PLAN TALLY_TODAY
rm -rf "${TMPDIR_TEST:?}"
mkdir -p "$TMPDIR_TEST"
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
