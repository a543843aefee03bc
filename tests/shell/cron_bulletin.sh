# scripts/bulletin.sh as cron runs it: the file is named after the resolved
# period, committed once, and a rerun a week later with TALLY_TODAY set to
# the original day gives the same bytes even though records came in since.
source "$SRC/tests/shell/lib/git.bash"

repo="$TMPDIR_TEST/office"
new_repo "$repo"
mkdir -p "$repo/plans"
cp -r "$SRC/tests/plans/mini" "$repo/plans/mini"
commit_all "$repo" "方案与实绩"
cd "$repo"
export TALLY_BIN="$TALLY"
format=html

# run_bulletin DAY KIND: the cron job of that day; prints the file it wrote.
run_bulletin() {
  TALLY_TODAY=$1 "$SRC/scripts/bulletin.sh" "$2" --plan plans/mini --format "$format" --commit
}

# 1 July: the monthly bulletin for June, the ten-day brief for 下旬 of June,
# the quarterly review for Q2.
expect "monthly file" "reports/2024-06.$format" "$(run_bulletin 2024-07-01 month)"
expect "ten-day file" "reports/2024-06-D3.$format" "$(run_bulletin 2024-07-01 dekad)"
expect "quarterly files: the review and its ranking" "reports/2024-Q2.$format
reports/2024-Q2-rank.$format" "$(run_bulletin 2024-07-01 quarter)"
expect "the ranking is committed with the review" "reports/2024-Q2-rank.$format
reports/2024-Q2.$format" "$(git show --format= --name-only HEAD)"
grep -q "季讲评排名" "reports/2024-Q2-rank.$format" || fail "the ranking file holds no ranking"
expect "one commit each" "季讲评 2024-Q2 (as of 2024-07-01)
旬简报 2024-06-D3 (as of 2024-07-01)
月通报 2024-06 (as of 2024-07-01)" "$(git log --format=%s -3)"
expect "nothing left uncommitted" "" "$(git status --porcelain)"
cp "reports/2024-06.$format" "$TMPDIR_TEST/june-as-sent.$format"
grep -q "2024-06" "reports/2024-06.$format" || fail "the bulletin does not name its period"

# 11 July the ten-day job writes the brief for 上旬 of July.
expect "next dekad" "reports/2024-07-D1.$format" "$(run_bulletin 2024-07-11 dekad)"

# A late June figure arrives on 12 July and is committed.
append_late_june_output plans/mini
commit_all . "规模工业总产值 2024-06 = 1.9亿元 (gxj)"
commits=$(git rev-list --count HEAD)

# A week later the bulletin of 1 July is rerun with that day: same bytes, no commit.
expect "rerun names the same file" "reports/2024-06.$format" "$(run_bulletin 2024-07-01 month 2>/dev/null)"
cmp "$TMPDIR_TEST/june-as-sent.$format" "reports/2024-06.$format" ||
  fail "the rerun of 1 July's bulletin differs from the original"
expect "no empty commit" "$commits" "$(git rev-list --count HEAD)"

# Run as of 15 July, the June bulletin sees the late figure.
out=$(TALLY_TODAY=2024-07-15 "$SRC/scripts/bulletin.sh" month --plan plans/mini --format "$format" --out "$TMPDIR_TEST/later")
expect "later run, same period" "$TMPDIR_TEST/later/2024-06.$format" "$out"
if cmp -s "$TMPDIR_TEST/june-as-sent.$format" "$out"; then
  fail "the bulletin as of 15 July does not show the record of 12 July"
fi

# Usage errors exit 2.
rc=0
"$SRC/scripts/bulletin.sh" weekly 2>/dev/null || rc=$?
expect "unknown kind" 2 "$rc"
