#!/usr/bin/env bash
# Benchmark of `tally diff` (not run by CTest): a synthetic plan of 2000
# indicators and 100k actuals in a git repository, ten targets changed in
# the working tree. Reported as medians of RUNS runs, beside baselines
# measured in the same run:
#   - archive: `git archive HEAD` of the plan's definitions piped to cat,
#     the floor for reading one revision's definitions out of git;
#   - list: `tally list indicators --format json`, loading the definitions
#     from disk once and printing them.
#
#   TALLY=build-bench/tally GEN_PLAN=build-bench/tests/bench/gen_plan tests/bench/diff.sh [RUNS]
#
# Build with -DCMAKE_BUILD_TYPE=Release -DTALLY_BENCH=ON first.
set -euo pipefail
TALLY=${TALLY:-build-bench/tally}
GEN_PLAN=${GEN_PLAN:-build-bench/tests/bench/gen_plan}
RUNS=${1:-7}
TALLY=$(realpath "$TALLY")
GEN_PLAN=$(realpath "$GEN_PLAN")
work=$(mktemp -d "${TMPDIR:-/tmp}/tally-diff-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null NO_COLOR=1

cd "$work"
git init -q -b main repo
cd repo
git config user.name bench
git config user.email bench@example.org
"$GEN_PLAN" --out plans/big --indicators 2000 --actuals 100000 >/dev/null
git add -A
git commit -q -m plan
# Ten target changes in the working tree.
for f in plans/big/actions/*.toml; do
  sed -i '0,/^target = /s/^target = \(.*\)$/target = 9\1/' "$f"
done

# median COMMAND...: the median wall-clock seconds of $RUNS runs.
median() {
  local times=()
  for ((i = 0; i < RUNS; i++)); do
    local start=${EPOCHREALTIME/./}
    "$@" >/dev/null
    local end=${EPOCHREALTIME/./}
    times+=($((end - start)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

archive() { git archive HEAD plans/big/plan.toml plans/big/bureaus.toml plans/big/actions | cat >/dev/null; }
base_archive=$(median archive)
base_list=$(median "$TALLY" --plan plans/big list indicators --format json)
diff_worktree=$(median "$TALLY" --plan plans/big diff)
git commit -q -a -m targets
diff_commits=$(median "$TALLY" --plan plans/big diff HEAD~1 HEAD)

bytes=$(du -sb plans/big | cut -f1)
echo "plan: 2000 indicators, 100000 actuals, $((bytes / 1024)) KiB; median of $RUNS runs"
printf '%-34s %9s %8s %8s\n' measurement ms "÷archive" "÷list"
row() {
  awk -v n="$1" -v t="$2" -v a="$base_archive" -v l="$base_list" \
    'BEGIN { printf "%-34s %9.1f %8.2f %8.2f\n", n, t / 1000, t / a, t / l }'
}
row "git archive definitions (baseline)" "$base_archive"
row "tally list indicators (baseline)" "$base_list"
row "tally diff (HEAD → working tree)" "$diff_worktree"
row "tally diff HEAD~1 HEAD" "$diff_commits"
