#!/usr/bin/env bash
# Golden tests of `tally check` and `tally list` through the real binary: the
# exact stdout, stderr and exit code of each command below, against
# tests/golden/<name>.out, <name>.err and the code in the table.
#
#   golden_check_list.sh            compare; print a unified diff per mismatch
#   golden_check_list.sh --update   rewrite the golden files: run it as
#                                   cmake --build build --target update-golden
#                                   (and read the diff!)
source "$(dirname "$0")/lib/golden.bash"
golden_mode "$@"
golden=$SRC/tests/golden
cd "$SRC" || exit 1
failed=0 cases=0

# golden NAME RC ARGS...: runs tally ARGS from the source tree.
golden() {
  local name=$1 want=$2 rc
  shift 2
  cases=$((cases + 1))
  timeout 10 "$TALLY" "$@" >"$scratch/$name.out" 2>"$scratch/$name.err"
  rc=$?
  if [[ $update == 1 ]]; then
    cp "$scratch/$name.out" "$golden/$name.out"
    if [[ -s $scratch/$name.err ]]; then cp "$scratch/$name.err" "$golden/$name.err"; else rm -f "$golden/$name.err"; fi
    [[ $rc == "$want" ]] || echo "golden: $name: exit $rc, the table says $want"
    return
  fi
  local label="tally $*"
  diff -u --label "tests/golden/$name.out" --label "$label (stdout)" "$golden/$name.out" "$scratch/$name.out" ||
    failed=$((failed + 1))
  if [[ -f $golden/$name.err ]]; then
    diff -u --label "tests/golden/$name.err" --label "$label (stderr)" "$golden/$name.err" "$scratch/$name.err" ||
      failed=$((failed + 1))
  elif [[ -s $scratch/$name.err ]]; then
    echo "golden: $name: unexpected stderr:"
    sed 's/^/  /' "$scratch/$name.err"
    failed=$((failed + 1))
  fi
  if [[ $rc != "$want" ]]; then
    echo "golden: $name: exit $rc, expected $want ($label)"
    failed=$((failed + 1))
  fi
}

mini=(--plan tests/plans/mini --today 2024-07-01 --color never)

# check: a valid plan prints nothing but the summary (on stderr).
golden check-mini 0 "${mini[@]}" check
golden check-mini-quiet 0 "${mini[@]}" --quiet check
golden check-mini-strict 0 "${mini[@]}" check --strict
golden check-mini-json 0 "${mini[@]}" check --format json
# Warnings alone pass, unless --strict; errors fail; JSON carries both.
golden check-warning 0 --today 2024-07-01 --color never --plan tests/errors/metric-mismatch check
golden check-warning-strict 1 --today 2024-07-01 --color never --plan tests/errors/metric-mismatch check --strict
golden check-warning-json 0 --today 2024-07-01 --plan tests/errors/metric-mismatch check --format json
golden check-error-json 1 --today 2024-07-01 --plan tests/errors/unknown-bureau-name check --format json
golden check-colour 1 --today 2024-07-01 --color always --plan tests/errors/toml-syntax check
# The shipped plan: its warnings are the contradictions of the source document.
golden check-hongjiang 0 --plan plans/hongjiang-2024 --today 2024-07-01 --color never check

# list: each registry in each format, and the English labels.
for what in actions bureaus indicators; do
  golden "list-$what" 0 "${mini[@]}" list "$what"
  golden "list-$what-json" 0 "${mini[@]}" list "$what" --format json
  golden "list-$what-csv" 0 "${mini[@]}" list "$what" --format csv
  golden "list-$what-en" 0 "${mini[@]}" --lang en list "$what"
  golden "list-$what-csv-en" 0 "${mini[@]}" --lang en list "$what" --format csv
done
# Tasks: the shipped plan's 121, as the table, CSV (ids, co and source) and JSON.
hj=(--plan plans/hongjiang-2024 --today 2024-07-01)
golden list-tasks 0 "${hj[@]}" list tasks
golden list-tasks-csv 0 "${hj[@]}" list tasks --format csv
golden list-tasks-json 0 "${hj[@]}" list tasks --format json
golden list-bureaus-csv-bom 0 "${mini[@]}" list bureaus --format csv --bom
# list refuses a plan with errors: they go to stderr, and it exits 1.
golden list-invalid-plan 1 --color never --plan tests/errors/bad-enum-kind list actions
# A wrong command line exits 2 and says why on stderr.
golden list-bad-what 2 "${mini[@]}" list actuals
golden check-bad-format 2 "${mini[@]}" check --format xml
golden check-bad-today 2 --plan tests/plans/mini --today 2024-02-30 check
golden check-no-plan 2 --plan tests/plans/nowhere check

if [[ $update == 1 ]]; then
  echo "golden: wrote $cases cases"
  exit 0
fi
echo "golden: $cases cases, $failed mismatches"
((failed == 0))
