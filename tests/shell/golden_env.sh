# TALLY_UPDATE_GOLDEN left in the environment once made the golden tests
# rewrite the files they compare with, and pass. Now every test with golden
# files fails at once, saying how to rewrite them (the update-golden
# target), and writes nothing. The scripts run from a scratch copy, so that
# a regression could not touch the source tree.
source "$SRC/tests/shell/lib/scratch.bash"
mkdir -p "$TMPDIR_TEST/src/tests"
cp -r "$SRC/tests/shell" "$TMPDIR_TEST/src/tests/shell"
touch "$TMPDIR_TEST/copied"
message="FAIL: TALLY_UPDATE_GOLDEN is set (1), but a test run never rewrites golden files: unset it; to rewrite them run cmake --build build --target update-golden"
for name in report_golden errors golden_check_list; do
  rc=0
  err=$(TALLY_UPDATE_GOLDEN=1 SRC="$TMPDIR_TEST/src" TMPDIR_TEST="$TMPDIR_TEST/$name" \
    bash "$TMPDIR_TEST/src/tests/shell/$name.sh" 2>&1 >/dev/null) || rc=$?
  expect "$name.sh with TALLY_UPDATE_GOLDEN=1" "1:$message
1 check(s) failed" "$rc:$err"
done
written=$(find "$TMPDIR_TEST/src" -newer "$TMPDIR_TEST/copied")
expect "what the golden tests wrote" "" "$written"

# The unit test of the HTML golden file, likewise (it cannot be moved: it
# writes where it was built from, so it runs only when it compares).
rc=0
out=$(TALLY_UPDATE_GOLDEN=1 "$TALLY_TESTS" "[golden]" 2>&1) || rc=$?
expect "tally_tests [golden] with TALLY_UPDATE_GOLDEN=1 exits" 1 "$rc"
grep -q "TALLY_UPDATE_GOLDEN is set (1), but a test run never rewrites golden files" <<<"$out" ||
  fail "tally_tests [golden] does not say why it fails: $out"
