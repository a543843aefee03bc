# tally problem open|close|reopen --commit: the problem's file alone is
# committed with a message naming the step; a dry run commits nothing; when
# git fails the file stays written and tally exits 3 saying so.
source "$SRC/tests/shell/lib/git.bash"

office_repo "$TMPDIR_TEST/office"
export TALLY_BIN="$TALLY" TALLY_TODAY=2024-07-20 TALLY_USER=督查室

# problem NOW ARGS...: tally problem at a fixed clock; sets $out, $err and $rc.
problem() {
  local now=$1
  shift
  rc=0
  out=$(TALLY_NOW=$now "$TALLY" problem "$@" 2>"$TMPDIR_TEST/err") || rc=$?
  err=$(cat "$TMPDIR_TEST/err")
}

# Something else is staged: it must stay staged, out of the problem's commit.
echo "值班表" >README.md
git add README.md

problem 2024-07-20T10:00:00+08:00 open --bureau 工信局 --due 2024-08-15 --text 围挡破损 --source 暗访 --commit
expect "open exit" 0 "$rc"
expect "open stdout" "Q2024-0001" "$out"
expect "open stderr" "opened in plans/mini/problems/Q2024-0001.toml, due 2024-08-15
committed: Q2024-0001 open: 围挡破损 (gxj, due 2024-08-15)" "$err"
expect "open message" "Q2024-0001 open: 围挡破损 (gxj, due 2024-08-15)" "$(git log -1 --format=%s)"
expect "open committed file" "plans/mini/problems/Q2024-0001.toml" "$(git show --format= --name-only HEAD)"
expect "still staged" "A  README.md" "$(git status --porcelain --untracked-files=no)"

problem 2024-07-20T11:00:00+08:00 close Q2024-0001 --evidence 已修复 --commit
expect "close exit" 0 "$rc"
expect "close message" "Q2024-0001 close: 已修复 (by 督查室)" "$(git log -1 --format=%s)"
expect "close commit adds the [[close]] table" "+[[close]]
+at = 2024-07-20T11:00:00+08:00
+by = \"督查室\"
+evidence = \"已修复\"" "$(git show --format= HEAD | grep '^+[^+]')"

problem 2024-07-20T12:00:00+08:00 reopen Q2024-0001 --reason 复查未修复 --by 李四 --commit
expect "reopen exit" 0 "$rc"
expect "reopen message" "Q2024-0001 reopen: 复查未修复 (by 李四)" "$(git log -1 --format=%s)"

# A dry run neither writes nor commits.
commits=$(git rev-list --count HEAD)
problem 2024-07-20T13:00:00+08:00 close Q2024-0001 --evidence 已修复 --dry-run --commit
expect "dry run exit" 0 "$rc"
expect "dry run commits nothing" "$commits" "$(git rev-list --count HEAD)"
expect "dry run leaves the tree clean" "A  README.md" "$(git status --porcelain --untracked-files=no)"

# git fails (the plan is not in a repository): the problem stays, exit 3.
cp -r plans/mini "$TMPDIR_TEST/loose"
cd "$TMPDIR_TEST"
rc=0
out=$(GIT_CEILING_DIRECTORIES="$TMPDIR_TEST" TALLY_NOW=2024-07-20T14:00:00+08:00 "$TALLY" problem \
  --plan loose close Q2024-0001 --evidence 二次复查已修复 --commit 2>"$TMPDIR_TEST/err") || rc=$?
expect "git failure exit" 3 "$rc"
expect "git failure message" "closed Q2024-0001 in loose/problems/Q2024-0001.toml
tally: error: git add loose/problems/Q2024-0001.toml: not a git repository (or any of the parent directories): .git; the problem is written in loose/problems/Q2024-0001.toml but not committed" "$(cat "$TMPDIR_TEST/err")"
grep -q '^evidence = "二次复查已修复"$' loose/problems/Q2024-0001.toml || fail "the close was lost when git failed"
