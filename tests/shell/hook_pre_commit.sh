# githooks/pre-commit: checks the plan as staged, refuses a commit that
# breaks it with tally's own diagnostics, lets a good one through, and does
# not run tally at all when no plan file is staged.
source "$SRC/tests/shell/lib/git.bash"

repo="$TMPDIR_TEST/office"
new_repo "$repo"
write_plan "$repo/plans/demo"
mkdir -p "$repo/githooks"
cp "$SRC/githooks/pre-commit" "$repo/githooks/pre-commit"
cd "$repo"
git config core.hooksPath githooks
export TALLY_BIN="$TALLY"

# try_commit MESSAGE: commits what is staged; sets $rc and $err.
try_commit() {
  rc=0
  err=$(git commit -q -m "$1" 2>&1) || rc=$?
}

git add -A
try_commit "方案初版"
expect "a good plan is committed" "0:" "$rc:$err"

# A typo in a lead bureau: refused, with tally's message and suggestion.
sed -i 's/^lead = "gxj"$/lead = "gxjj"/' plans/demo/actions/01-industry.toml
git add plans/demo/actions/01-industry.toml
try_commit "改牵头单位"
[ "$rc" != 0 ] || fail "the hook let a broken plan through"
expect "the refusal" "plans/demo/actions/01-industry.toml:14:8: error: unknown bureau 'gxjj' in lead (did you mean 'gxj'?) [unknown-bureau]
  lead = \"gxjj\"
         ^
plans/demo/actions/01-industry.toml:24:8: error: unknown bureau 'gxjj' in lead (did you mean 'gxj'?) [unknown-bureau]
  lead = \"gxjj\"
         ^
pre-commit: the staged plan does not pass \`tally check\`; commit refused.
pre-commit: fix the files above and \`git add\` them again." "$err"
expect "nothing was committed" "1" "$(git rev-list --count HEAD)"

# Fixed in the working tree but not staged: still refused, the hook checks
# what would be committed.
sed -i 's/^lead = "gxjj"$/lead = "gxj"/' plans/demo/actions/01-industry.toml
try_commit "改牵头单位"
[ "$rc" != 0 ] || fail "the hook checked the working tree instead of the index"

# Staged fixed, working tree broken again: allowed.
git add plans/demo/actions/01-industry.toml
sed -i 's/^target = 11$/target = "十一"/' plans/demo/actions/01-industry.toml
echo "# 督查室" >README.md
git add README.md
try_commit "说明"
expect "the staged plan is good" "0:" "$rc:$err"
git checkout -q -- plans/demo

# No plan file staged: tally is not even looked for.
echo "值班表" >>README.md
git add README.md
TALLY_BIN=/nonexistent/tally try_commit "只改说明"
expect "no plan file staged" "0:" "$rc:$err"

# A plan file staged and no tally anywhere: refused, saying how to fix it.
sed -i 's/^target = 11$/target = 12/' plans/demo/actions/01-industry.toml
git add plans/demo
if ! PATH=/usr/bin:/bin command -v tally >/dev/null; then
  rc=0
  err=$(env -u TALLY_BIN PATH=/usr/bin:/bin git commit -q -m "调标" 2>&1) || rc=$?
  [ "$rc" != 0 ] || fail "committed without tally"
  expect "no tally" "pre-commit: cannot find tally to check plans/demo: set TALLY_BIN, put tally on PATH,
pre-commit: or build it as build/tally; commit refused (git commit --no-verify skips the check)" "$err"
fi
git commit -q -m "调标"

# Warnings let the commit through with one line; TALLY_HOOK_STRICT=1 refuses.
sed -i 's/^source = "附件1 一"$/source = "附件1 一"\nmetric = "output"/; s/^source = "附件1 二"$/source = "附件1 二"\nmetric = "output"/' \
  plans/demo/actions/01-industry.toml
git add plans/demo
rc=0
err=$(TALLY_HOOK_STRICT=1 git commit -q -m "同口径" 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "TALLY_HOOK_STRICT=1 let a warning through"
grep -q "warning: metric 'output'" <<<"$err" || fail "the strict refusal does not show the warning: $err"
try_commit "同口径"
expect "warnings pass with a count" "0:pre-commit: plans/demo passes tally check with 1 warning (\`tally check\` lists them)" "$rc:$err"

# A rename that moves a file out of the plan is a change to the plan.
git mv plans/demo/actions/02-safety.toml safety.toml
try_commit "移走平安建设行动"
expect "moving an action out keeps the plan valid" \
  "0:pre-commit: plans/demo passes tally check with 1 warning (\`tally check\` lists them)" "$rc:$err"
git mv plans/demo/bureaus.toml bureaus.toml
try_commit "移走单位表"
[ "$rc" != 0 ] || fail "the hook missed a file moved out of the plan"
