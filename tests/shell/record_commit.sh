# tally record --commit: the record is appended, then its file alone is
# committed with a message naming indicator, period, value and bureau; when
# git fails the record stays written and tally exits 3 saying so.
source "$SRC/tests/shell/lib/git.bash"

office_repo "$TMPDIR_TEST/office"
export TALLY_BIN="$TALLY" TALLY_TODAY=2024-07-20

# record NOW ARGS...: tally record at a fixed clock; sets $out, $err and $rc.
record() {
  local now=$1
  shift
  rc=0
  out=$(TALLY_NOW=$now "$TALLY" record "$@" 2>"$TMPDIR_TEST/err") || rc=$?
  err=$(cat "$TMPDIR_TEST/err")
}

# Something else is staged: it must stay staged, out of the record's commit.
echo "值班表" >README.md
git add README.md

record 2024-07-20T10:00:00+08:00 economy.output 19000万元 --period 2024-06 --source "统计局6月月报" --commit
expect "exit" 0 "$rc"
expect "stderr" "recorded in plans/mini/actuals/gxj.toml:53
committed: economy.output 2024-06 = 1.9亿元 (gxj)" "$err"
expect "commit message" "economy.output 2024-06 = 1.9亿元 (gxj)" "$(git log -1 --format=%s)"
expect "committed file" "plans/mini/actuals/gxj.toml" "$(git show --format= --name-only HEAD)"
expect "still staged" "A  README.md" "$(git status --porcelain --untracked-files=no)"

# A milestone, from a subdirectory, the bureau given by name.
(cd plans/mini/actions && record 2024-07-20T11:00:00+08:00 safety.broadcast in-progress \
  --period 2024-07-D2 --by 市应急局 --source "建设进度表" --commit && expect "milestone exit" 0 "$rc")
expect "milestone message" "safety.broadcast 2024-07-D2 = in-progress (yjj)" "$(git log -1 --format=%s)"

# A dry run neither writes nor commits.
commits=$(git rev-list --count HEAD)
record 2024-07-20T12:00:00+08:00 economy.new-jobs 800 --period 2024-Q2 --source x --dry-run --commit
expect "dry run exit" 0 "$rc"
expect "dry run commits nothing" "$commits" "$(git rev-list --count HEAD)"

# git fails (the plan is not in a repository): the record stays, exit 3.
cp -r plans/mini "$TMPDIR_TEST/loose"
cd "$TMPDIR_TEST"
GIT_CEILING_DIRECTORIES="$TMPDIR_TEST" record 2024-07-20T13:00:00+08:00 --plan loose \
  economy.new-jobs 800 --period 2024-Q2 --source "人社局报表" --commit
expect "git failure exit" 3 "$rc"
expect "git failure message" "recorded in loose/actuals/rsj.toml:19
tally: error: git add loose/actuals/rsj.toml: not a git repository (or any of the parent directories): .git; the record is written in loose/actuals/rsj.toml but not committed" "$err"
grep -q '^source = "人社局报表"$' loose/actuals/rsj.toml || fail "the record was lost when git failed"
