#!/bin/bash
# Benchmark of the write path (not run by CTest):
#  - `tally record` into an actuals file that already holds 100k records;
#  - `tally import` of a CSV file of 100k rows;
# each as the median of several runs, beside the median time `cat` takes to
# read the same bytes in the same run (the floor any reader has to pay), and
# the median CPU time where /usr/bin/time is installed.
#
#   TALLY=build/tally tests/bench/record_import.sh [RUNS]
#
# Build tally with -DCMAKE_BUILD_TYPE=Release first. The synthetic plan (2000
# level indicators, one bureau) is generated in a scratch directory.
set -eu
TALLY=${TALLY:-build/tally}
RUNS=${1:-7}
RECORDS=100000
work=$(mktemp -d "${TMPDIR:-/tmp}/tally-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
export TALLY_TODAY=2024-12-31 TALLY_NOW=2024-12-31T09:00:00+08:00

# The plan: 2000 indicators × 55 periods of 2024 leave room for 110k records.
plan=$work/plan
mkdir -p "$plan/actions" "$plan/actuals"
printf '[plan]\nid = "bench"\ntitle = "bench"\nstart = 2024-01-01\nend = 2024-12-31\nutc_offset = "+08:00"\n' >"$plan/plan.toml"
printf '[bureau.b]\nname = "市统计局"\n' >"$plan/bureaus.toml"
awk 'BEGIN {
  print "[action]\nid = \"a\"\nnumber = 1\nname = \"基准\"\nlead = [\"b\"]"
  for (i = 0; i < 2000; i++)
    printf "\n[[indicator]]\nid = \"a.i%04d\"\nname = \"指标%04d\"\nkind = \"level\"\nunit = \"户\"\ntarget = 1000\nlead = \"b\"\n", i, i
}' >"$plan/actions/01-a.toml"
periods="2024 2024-H1 2024-H2 2024-Q1 2024-Q2 2024-Q3 2024-Q4"
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do periods="$periods 2024-$m 2024-$m-D1 2024-$m-D2 2024-$m-D3"; done

# 100k records in the layout `tally record` writes, periods 1–50; and the
# same figures as CSV rows for import.
awk -v n=$RECORDS -v periods="$periods" -v toml="$work/b.toml" -v csv="$work/rows.csv" 'BEGIN {
  split(periods, p, " ")
  print "# 市统计局 (b)" > toml
  print "indicator,period,value,by,source,note,reason" > csv
  for (k = 0; k < n; k++) {
    i = sprintf("a.i%04d", k % 2000); per = p[int(k / 2000) + 1]
    printf "\n[[actual]]\nindicator = \"%s\"\nperiod = \"%s\"\nvalue = %d\nrecorded = 2024-07-15T10:02:00+08:00\nby = \"b\"\nsource = \"统计局月报\"\nnote = \"第%d条\"\n", i, per, k, k > toml
    printf "%s,%s,%d,,统计局月报,第%d条,\n", i, per, k, k > csv
  }
}'

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'; }
# time_runs SETUP COMMAND...: the median wall-clock milliseconds of RUNS runs;
# SETUP runs untimed before each. With /usr/bin/time, the median CPU time
# (user + system) goes to $cpu_file, since on a shared machine wall-clock
# time also counts waiting for a core.
cpu_file=$work/cpu
time_runs() {
  local setup=$1 r t0
  shift
  : >"$work/cpu.runs"
  for ((r = 0; r < RUNS; r++)); do
    eval "$setup"
    t0=$(now)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu.one" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
      awk '{ print ($1 + $2) * 1000 }' "$work/cpu.one" >>"$work/cpu.runs"
    else
      "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    fi
    echo $((($(now) - t0) / 1000))
  done | median | awk '{ printf "%.1f", $1 / 1000 }'
  if [ -s "$work/cpu.runs" ]; then median <"$work/cpu.runs" >"$cpu_file"; else echo "-" >"$cpu_file"; fi
}
# row LABEL MS BASELINE-MS BASELINE-NAME: one line of the report.
row() {
  printf '  %-28s %9s ms  cpu %7s ms' "$1" "$2" "$(cat "$cpu_file")"
  [ -n "${3:-}" ] && printf '  (%.0f× %s)' "$(echo "$2 / $3" | bc -l)" "$4"
  echo
}

restore_100k() { cp "$work/b.toml" "$plan/actuals/b.toml"; }
empty_actuals() { rm -f "$plan/actuals/b.toml"; }

bytes=$(stat -c %s "$work/b.toml")
csv_bytes=$(stat -c %s "$work/rows.csv")
echo "tally: $TALLY ($("$TALLY" --version)); $RUNS runs each; medians in ms; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

restore_100k
cat_file=$(time_runs : cat "$plan/actuals/b.toml"); cat_file_cpu=$(cat "$cpu_file")
printf 'record into a file of %d records (%d bytes)\n' $RECORDS "$bytes"
echo "$cat_file_cpu" >"$cpu_file"; row "cat of the file" "$cat_file"
check=$(time_runs : "$TALLY" --plan "$plan" check); row "tally check (load only)" "$check" "$cat_file" cat
dry=$(time_runs restore_100k "$TALLY" --plan "$plan" record a.i0000 7 --period 2024-12-D3 --source 统计局月报 --dry-run)
row "tally record --dry-run" "$dry" "$cat_file" cat
record=$(time_runs restore_100k "$TALLY" --plan "$plan" record a.i0000 7 --period 2024-12-D3 --source 统计局月报)
row "tally record" "$record" "$cat_file" cat
echo

empty_actuals
cat_csv=$(time_runs : cat "$work/rows.csv"); cat_csv_cpu=$(cat "$cpu_file")
import=$(time_runs empty_actuals "$TALLY" --plan "$plan" import "$work/rows.csv"); import_cpu=$(cat "$cpu_file")
written=$(stat -c %s "$plan/actuals/b.toml")
cat_out=$(time_runs : cat "$plan/actuals/b.toml"); cat_out_cpu=$(cat "$cpu_file")
printf 'import of %d rows (%d bytes of CSV, %d bytes written)\n' $RECORDS "$csv_bytes" "$written"
echo "$cat_csv_cpu" >"$cpu_file"; row "cat of the CSV file" "$cat_csv"
echo "$cat_out_cpu" >"$cpu_file"; row "cat of the file written" "$cat_out"
import_dry=$(time_runs empty_actuals "$TALLY" --plan "$plan" import "$work/rows.csv" --dry-run)
row "tally import --dry-run" "$import_dry" "$cat_csv" "cat of the CSV"
echo "$import_cpu" >"$cpu_file"; row "tally import" "$import" "$cat_csv" "cat of the CSV"
