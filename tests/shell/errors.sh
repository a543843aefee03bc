#!/usr/bin/env bash
# One reproducer per diagnostic: every tests/errors/<case>/ is a plan with
# exactly one defect. `tally check` on it must print exactly `expected` on
# stdout and exit with the code in `rc`.
#
#   errors.sh            run every case, print a unified diff for each mismatch
#   errors.sh --update   rewrite `expected` and `rc` from the binary: run it as
#                        cmake --build build --target update-golden, then read
#                        the diff before committing it
source "$(dirname "$0")/lib/golden.bash"
golden_mode "$@"

# Paths in the output are relative to tests/errors, e.g. `bad-period/actuals/gxj.toml`.
cd "$SRC/tests/errors" || exit 1
cases=0 failed=0
for dir in */; do
  name=${dir%/}
  [[ -f $name/expected || $update == 1 ]] || { echo "errors: $name has no expected file"; failed=$((failed + 1)); continue; }
  cases=$((cases + 1))
  timeout 10 "$TALLY" check --plan "$name" --today 2024-07-01 --color never \
    >"$scratch/out" 2>"$scratch/err"
  rc=$?
  if [[ $update == 1 ]]; then
    cp "$scratch/out" "$name/expected"
    echo "$rc" >"$name/rc"
    continue
  fi
  if ! diff -u --label "$name/expected" --label "tally check --plan $name" "$name/expected" "$scratch/out"; then
    failed=$((failed + 1))
  fi
  want=$(<"$name/rc")
  if [[ $rc != "$want" ]]; then
    echo "errors: $name: exit code $rc, expected $want"
    sed 's/^/  stderr: /' "$scratch/err"
    failed=$((failed + 1))
  fi
  # A check that fails must say why on stdout.
  if [[ $rc != 0 && ! -s $scratch/out ]]; then
    echo "errors: $name: exit $rc with nothing on stdout"
    failed=$((failed + 1))
  fi
done
if [[ $update == 1 ]]; then
  echo "errors: wrote expected and rc for $cases cases"
  exit 0
fi
# Every code the loader and the checks can report has a reproducer and a
# section in docs/diagnostics.md.
codes=$(grep -ohE '(error|warning)\([^;]*"[a-z]+(-[a-z0-9]+)+"' "$SRC"/src/core/read/*.cc "$SRC"/src/core/check/*.cc |
  grep -oE '"[a-z]+(-[a-z0-9]+)+"' | tr -d '"' | sort -u)
for code in $codes; do
  if ! grep -qF "[$code]" */expected; then
    echo "errors: no reproducer prints [$code]"
    failed=$((failed + 1))
  fi
  if ! grep -q "^### \`$code\`" "$SRC/docs/diagnostics.md"; then
    echo "errors: docs/diagnostics.md has no section for $code"
    failed=$((failed + 1))
  fi
done
if (($(wc -w <<<"$codes") < 30)); then
  echo "errors: found only $(wc -w <<<"$codes") codes in src/core; the pattern above needs a look"
  failed=$((failed + 1))
fi
echo "errors: $cases cases, $(wc -w <<<"$codes") codes, $failed mismatches"
((failed == 0))
