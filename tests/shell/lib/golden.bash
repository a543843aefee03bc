# Sourced by the tests that compare tally's own output (errors.sh,
# golden_check_list.sh, mutations.sh): absolute $TALLY and $SRC, a scratch
# directory in $scratch and no environment that would change the output.
# The assertions, and golden_mode for the tests with golden files, are
# those of common.bash.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"
: "${TALLY:?set TALLY to the tally binary}" "${SRC:?set SRC to the source tree}"
SRC=$(cd "$SRC" && pwd)
TALLY=$(cd "$(dirname "$TALLY")" && pwd)/$(basename "$TALLY")
[[ -x $TALLY ]] || { echo "no tally binary at $TALLY" >&2; exit 1; }
scratch=${TMPDIR_TEST:-$(mktemp -d)}
mkdir -p "$scratch"
export TALLY_TODAY= TALLY_PLAN= NO_COLOR=
