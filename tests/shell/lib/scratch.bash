# Sourced by the shell tests that run tally on a plan of the source tree and
# keep what they make in $TMPDIR_TEST (report_golden.sh, html_chromium.sh):
# no environment that would change tally's output, and an empty
# $TMPDIR_TEST. The assertions are those of common.bash.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
export NO_COLOR=1
unset TALLY_PLAN TALLY_TODAY
rm -rf "${TMPDIR_TEST:?}"
mkdir -p "$TMPDIR_TEST"
