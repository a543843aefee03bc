# Eight processes record 25 figures each at the same time, into the same and
# into different bureau files, while four readers run check, report, log and
# overdue over and over: every one of the 200 arrives, every read succeeds
# (a reader sees each file whole, before or after a write), `tally check` is
# clean, and no temporary file is left.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
export TALLY_TODAY=2024-12-31 TALLY_NOW=2024-12-31T09:00:00+08:00

indicators=(industry.firms industry.urban-rate industry.invest-growth industry.output-growth)
periods=(2024 2024-H1 2024-H2 2024-Q1 2024-Q2 2024-Q3 2024-Q4)
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
  periods+=("2024-$m" "2024-$m-D1" "2024-$m-D2" "2024-$m-D3")
done

# The figures are counters (k + 1, up to 200), not plausible figures of the
# indicators: each write is --force.
writer() {  # writer P: records k = P*25 … P*25+24, by gxj (even P) or fgj (odd P)
  local p=$1 by=gxj k
  [ $((p % 2)) = 1 ] && by=fgj
  for ((k = p * 25; k < p * 25 + 25; k++)); do
    "$TALLY" --plan rec -q record "${indicators[k % 4]}" "$((k + 1))" \
      --period "${periods[k / 4]}" --source "writer $p" --by "$by" --force >/dev/null ||
      echo "writer $p: record $k exited $?"
  done
}
reader() {  # reader N COMMAND...: runs it until the writers are done; says each failure
  local n=$1
  shift
  while [ ! -e writers.done ]; do
    "$TALLY" --plan rec -q "$@" >/dev/null 2>"r$n.err" || echo "$* exited $?: $(cat "r$n.err")"
  done
}
rm -f writers.done
for p in 0 1 2 3 4 5 6 7; do writer "$p" >"w$p.log" 2>&1 & done
writers=$(jobs -p)
reader 0 check >r0.log 2>&1 &
reader 1 report >r1.log 2>&1 &
reader 2 log >r2.log 2>&1 &
reader 3 overdue >r3.log 2>&1 &
# shellcheck disable=SC2086
wait $writers
touch writers.done
wait
for p in 0 1 2 3 4 5 6 7; do
  expect "output of writer $p" "" "$(cat "w$p.log")"
done
for r in 0 1 2 3; do
  expect "failures of reader $r" "" "$(cat "r$r.log")"
done

t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 201 actuals)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'
expected=$(for ((k = 0; k < 200; k++)); do
  p=$((k / 25)); by=gxj; [ $((p % 2)) = 1 ] && by=fgj
  echo "${indicators[k % 4]} ${periods[k / 4]} $((k + 1)) $by writer $p"
done | sort)
t log --format csv --lang en
recorded=$(printf '%s' "$out" | tr -d '\r' | awk -F, 'NR > 1 && $7 ~ /^writer/ {print $2, $3, $4, $6, $7}' | sort)
expect "the 200 records" "$expected" "$recorded"
expect "files in the actuals directory" ".tally.lock fgj.toml gxj.toml " "$(ls -A rec/actuals | tr '\n' ' ')"
