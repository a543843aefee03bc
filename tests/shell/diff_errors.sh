# tally diff fails clearly: exit 3 outside a repository, for an unknown
# revision, for a repository without commits and for a plan missing at a
# revision; exit 1 when a side does not load; exit 2 for three revisions.
source "$SRC/tests/shell/lib/git.bash"

# run_tally EXPECTED_RC ARGS...: runs tally, keeps stderr in $err, checks the exit code.
run_tally() {
  local want=$1 rc=0
  shift
  err=$("$TALLY" "$@" 2>&1 >/dev/null) || rc=$?
  [ "$rc" = "$want" ] || fail "tally $* exited $rc, expected $want: $err"
}

# Outside any repository. The scratch directory may itself lie inside a
# clone (a build directory), so git is told not to look above it.
write_plan "$TMPDIR_TEST/loose/demo"
cd "$TMPDIR_TEST/loose/demo"
GIT_CEILING_DIRECTORIES="$TMPDIR_TEST/loose" run_tally 3 diff
expect "outside a repository" \
  "tally: error: $TMPDIR_TEST/loose/demo is not inside a git repository; tally diff compares versions of a plan kept in git" "$err"

# A repository without commits.
repo="$TMPDIR_TEST/office"
new_repo "$repo"
write_plan "$repo/plans/demo"
cd "$repo"
run_tally 3 diff
expect "no commits" "tally: error: unknown revision 'HEAD': the repository at $repo has no commits yet" "$err"

commit_all . "方案初版"
git tag v1

# Unknown revisions, with a suggestion when a branch or tag is close.
run_tally 3 diff mian
expect "misspelt branch" "tally: error: unknown revision 'mian' (did you mean 'main'?)" "$err"
run_tally 3 diff v1 v2
expect "misspelt tag" "tally: error: unknown revision 'v2' (did you mean 'v1'?)" "$err"
run_tally 3 diff 0123456789abcdef
expect "unknown commit id" "tally: error: unknown revision '0123456789abcdef'" "$err"

# A plan that is not committed yet.
write_plan plans/next
run_tally 3 diff --plan plans/next
expect "plan missing at the revision" \
  "tally: error: the plan plans/next does not exist at HEAD ($(short . HEAD)): there is no HEAD:plans/next/plan.toml" "$err"
rm -rf plans/next

# A side that does not load shows its diagnostics and exits 1.
printf 'oops = [\n' >>plans/demo/actions/01-industry.toml
run_tally 1 diff
expect "broken working tree" "plans/demo/actions/01-industry.toml:26:10: error: TOML syntax: Error while parsing array: encountered end-of-file [toml-syntax]
  oops = [
          ^
tally: error: the plan in the working tree does not load (1 error); fix it before comparing" "$err"
commit_all . "误提交"
git checkout -q -- .
run_tally 1 diff v1 HEAD
expect "broken revision" "HEAD:plans/demo/actions/01-industry.toml:26:10: error: TOML syntax: Error while parsing array: encountered end-of-file [toml-syntax]
  oops = [
          ^
tally: error: the plan at HEAD does not load (1 error); fix it before comparing" "$err"
# The same files on both sides load once, but a plan that does not load
# is reported as before: the revision's side first.
run_tally 1 diff
expect "broken on both sides alike" "HEAD:plans/demo/actions/01-industry.toml:26:10: error: TOML syntax: Error while parsing array: encountered end-of-file [toml-syntax]
  oops = [
          ^
tally: error: the plan at HEAD does not load (1 error); fix it before comparing" "$err"

# Three revisions is a usage error.
run_tally 2 diff v1 v1 v1
