# The assertions of every shell test. Each tests/shell/*.sh sources this
# file, directly or through the library of its kind (git.bash, record.bash,
# golden.bash, scratch.bash), and checks with:
#
#   expect NAME EXPECTED ACTUAL   the two strings are equal, byte for byte;
#                                 else a failure named NAME, with a diff
#   fail MESSAGE                  a failure
#
# A failure is noted and the test goes on, so that one run shows every
# difference. It is noted in a file, so a failure in a subshell, a command
# substitution or a background job counts too; when the test ends, however
# it ends, any failure makes it exit 1.

# Debian's python3, which python3-openpyxl installs into (the README's test
# command), whatever comes first on PATH: a pyenv shim there may lack
# openpyxl, and costs about a second a call where Debian's takes 30 ms.
python3() { /usr/bin/python3 "$@"; }

_tally_failures=$(mktemp "${TMPDIR:-/tmp}/tally-test-failures.XXXXXX") || exit 1

# fail MESSAGE: notes a failure and says what failed on stderr.
fail() {
  echo "FAIL: $*" >&2
  echo x >>"$_tally_failures"
}

# expect NAME EXPECTED ACTUAL: a failure named NAME, with a unified diff,
# when ACTUAL is not exactly EXPECTED.
expect() {
  if [ "$2" != "$3" ]; then
    fail "$1"
    diff -u --label expected --label actual <(printf '%s\n' "$2") <(printf '%s\n' "$3") >&2 || true
  fi
  return 0
}

# golden_mode "$@": for a test that compares with golden files of the
# source tree. Sets $update to 1 when the test was given --update, which
# only the update-golden target does (cmake --build build --target
# update-golden). Otherwise the test compares, and TALLY_UPDATE_GOLDEN in
# the environment, which once made a test rewrite the files it compares
# with and pass, fails it at once.
golden_mode() {
  update=0
  if [[ ${1:-} == --update ]]; then
    update=1
  elif [[ -n ${TALLY_UPDATE_GOLDEN:-} ]]; then
    fail "TALLY_UPDATE_GOLDEN is set ($TALLY_UPDATE_GOLDEN), but a test run never rewrites" \
      "golden files: unset it; to rewrite them run cmake --build build --target update-golden"
    exit 1
  fi
}

# failure_count: how many failures were noted so far.
failure_count() {
  local n
  n=$(wc -l <"$_tally_failures")
  echo $((n))
}

# The end of every test: exit 1 after any failure, else as the test exits.
# Subshells do not inherit this trap, so only the test itself runs it.
_tally_end() {
  local rc=$? n
  n=$(failure_count)
  rm -f "$_tally_failures"
  if ((n > 0)); then
    echo "$n check(s) failed" >&2
    exit 1
  fi
  exit "$rc"
}
trap _tally_end EXIT
