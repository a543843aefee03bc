#!/usr/bin/env bash
# Benchmarks of tally, each figure beside `cat` of the same bytes measured in
# the same run, beside a baseline binary (say, one built from main) on the
# same files, and, when hledger is installed, beside `hledger bal --budget`
# on an equivalent journal. Not run by CTest: timings depend on the machine.
#
#   tests/bench/run.sh [BUILD_DIR]
#
# BUILD_DIR (default build) must hold tally; the bench tools (gen_plan,
# measure) are built there when missing (it is configured with
# -DTALLY_BENCH=ON). The workloads:
#   demo     every command on the shipped plan with the demo actuals
#            (docs/examples/hongjiang-2024-h1)
#   100000   check and report on 100,000 synthetic actuals (tests/bench
#            gen_plan: 2,000 indicators, 60 bureau files), and hledger
#   1000000  the same on 1,000,000 actuals
#   record   record into the 100,000-actual plan (into a file of 1,700
#            records), beside `cat` of that file
#   1file    record into a plan whose one file holds 100,000 records
#   import   import of 100,000 rows (beside `cat` of the CSV file) into it
#
# Environment:
#   RUNS=5                   runs per measurement (the median is reported)
#   SIZES="100000 1000000"   actuals in the synthetic plans
#   BASELINE=baseline/tally  another tally timed on the same files ("" none)
#   WORK=/tmp/tally-bench    where the plans are generated (kept between runs)
#   HLEDGER=100000           sizes on which to time hledger ("" for none)
#   TODAY=2025-06-30         --today for tally (after every generated record)
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${RUNS:-5}
sizes=${SIZES:-"100000 1000000"}
baseline=${BASELINE-$src/baseline/tally}
work=${WORK:-/tmp/tally-bench}
hledger_sizes=${HLEDGER-100000}
today=${TODAY:-2025-06-30}
[[ -n $baseline && ! -x $baseline ]] && baseline=

if [[ ! -x $build/tally ]]; then
  echo "run.sh: $build/tally is missing; build it first (Release)" >&2
  exit 1
fi
if [[ ! -x $build/tests/bench/gen_plan || ! -x $build/tests/bench/measure ]]; then
  cmake -S "$src" -B "$build" -DTALLY_BENCH=ON >/dev/null
  cmake --build "$build" -j2 --target gen_plan measure >/dev/null
fi
tally=$build/tally
measure_bin=$build/tests/bench/measure
mkdir -p "$work"
results=$work/results.txt
: >"$results"

# measure NAME TARGET_S TARGET_MIB SETUP -- COMMAND...: runs COMMAND $runs
# times (SETUP, a shell command or "", untimed before each) and appends
# "NAME median_s min_s max_s cpu_s peak_mib target_s target_mib" to
# $results. A failing command stops the run.
measure() {
  local name=$1 target_s=$2 target_mib=$3 setup=$4
  shift 5
  local figures
  if [[ -n $setup ]]; then
    figures=$("$measure_bin" "$runs" --setup "$setup" -- "$@")
  else
    figures=$("$measure_bin" "$runs" -- "$@")
  fi
  echo "$name $figures $target_s $target_mib" >>"$results"
}

# both NAME TARGET_S TARGET_MIB SETUP -- ARGS...: `tally ARGS`, then the
# baseline's (row NAME@main), on the same files, unless the baseline cannot
# run them (a command it does not have yet).
both() {
  local name=$1 target_s=$2 target_mib=$3 setup=$4
  shift 5
  measure "$name" "$target_s" "$target_mib" "$setup" -- "$tally" "$@"
  [[ -n $baseline ]] || return 0
  if [[ -n $setup ]]; then sh -c "$setup"; fi
  if "$baseline" "$@" >/dev/null 2>&1; then
    measure "$name@main" - - "$setup" -- "$baseline" "$@"
  fi
}

cat_of() { # cat_of CASE DIR...: `cat` of every .toml file under the DIRs
  local files
  mapfile -d '' files < <(find "${@:2}" -name '*.toml' -print0 | sort -z)
  measure "$1:cat" - - "" -- cat "${files[@]}"
}

echo "tally benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before, $runs runs each"
echo "  $("$tally" --version), built in $build${baseline:+; baseline $("$baseline" --version) at $baseline}"

# The shipped plan with the demo actuals: every command, from start to exit.
demo_actuals=$src/docs/examples/hongjiang-2024-h1
P=(--plan "$src/plans/hongjiang-2024" --actuals "$demo_actuals/actuals" --problems
  "$demo_actuals/problems" --today 2024-07-25)
cat_of demo "$src/plans/hongjiang-2024" "$demo_actuals"
both demo:check 0.010 - "" -- check "${P[@]}" -q
both demo:report 0.010 - "" -- report "${P[@]}" --period 2024-06 --color never
both demo:report-bureau 0.010 - "" -- report "${P[@]}" --period 2024-06 --by bureau --color never
both demo:overdue 0.010 - "" -- overdue "${P[@]}" --as-of 2024-07-25 --color never
both demo:show 0.010 - "" -- show demand.retail-sales "${P[@]}" --color never
both demo:log 0.010 - "" -- log "${P[@]}" --since 2024-07-01 --color never
both demo:problem-list 0.010 - "" -- problem list "${P[@]}" --overdue --color never
both demo:list 0.010 - "" -- list indicators "${P[@]}" --color never
both demo:rank 0.010 - "" -- rank "${P[@]}" --period 2024-Q2 --color never
both demo:diff 0.010 - "" -- diff --plan "$src/plans/hongjiang-2024" --color never

for n in $sizes; do
  plan=$work/plan-$n
  if [[ ! -f $plan/.complete ]]; then
    rm -rf "$plan"
    "$build/tests/bench/gen_plan" --out "$plan" --actuals "$n" --bureaus 60 \
      --hledger "$work/plan-$n.journal"
    touch "$plan/.complete"
  fi
  case $n in
    100000) target=(0.10 48) ;;
    1000000) target=(0.8 256) ;;
    *) target=(- -) ;;
  esac
  cat_of "$n" "$plan"
  both "$n:check" - - "" -- check --plan "$plan" --today "$today" -q
  both "$n:report" "${target[@]}" "" -- report --plan "$plan" --today "$today" --period 2024-12 \
    --color never
  if [[ " $hledger_sizes " == *" $n "* ]] && command -v hledger >/dev/null; then
    measure "$n:hledger-budget" - - "" -- hledger -f "$work/plan-$n.journal" bal --budget \
      -b 2024-01-01 -e 2025-01-01
  fi
done

# The write path. `record` into the 100,000-actual plan (its file of b001,
# restored before each run) and into a plan whose one file holds 100,000
# records; `import` of 100,000 rows into that plan with no actuals.
export TALLY_TODAY=2024-12-31 TALLY_NOW=2024-12-31T09:00:00+08:00
one=$work/one-100000
if [[ ! -f $one/.complete ]]; then
  rm -rf "$one"
  mkdir -p "$one/actions" "$one/actuals"
  printf '[plan]\nid = "bench"\ntitle = "bench"\nstart = 2024-01-01\nend = 2024-12-31\nutc_offset = "+08:00"\n' >"$one/plan.toml"
  printf '[bureau.b]\nname = "市统计局"\n' >"$one/bureaus.toml"
  # 2000 level indicators × 55 periods of 2024 leave room for 110k records.
  awk 'BEGIN {
    print "[action]\nid = \"a\"\nnumber = 1\nname = \"基准\"\nlead = [\"b\"]"
    for (i = 0; i < 2000; i++)
      printf "\n[[indicator]]\nid = \"a.i%04d\"\nname = \"指标%04d\"\nkind = \"level\"\nunit = \"户\"\ntarget = 1000\nlead = \"b\"\n", i, i
  }' >"$one/actions/01-a.toml"
  periods="2024 2024-H1 2024-H2 2024-Q1 2024-Q2 2024-Q3 2024-Q4"
  for m in 01 02 03 04 05 06 07 08 09 10 11 12; do periods="$periods 2024-$m 2024-$m-D1 2024-$m-D2 2024-$m-D3"; done
  # 100k records in the layout `tally record` writes, periods 1–50; the same
  # figures as CSV rows for import.
  awk -v n=100000 -v periods="$periods" -v toml="$one/b.toml.orig" -v csv="$one/rows.csv" 'BEGIN {
    split(periods, p, " ")
    print "# 市统计局 (b)" > toml
    print "indicator,period,value,by,source,note,reason" > csv
    for (k = 0; k < n; k++) {
      i = sprintf("a.i%04d", k % 2000); per = p[int(k / 2000) + 1]
      printf "\n[[actual]]\nindicator = \"%s\"\nperiod = \"%s\"\nvalue = %d\nrecorded = 2024-07-15T10:02:00+08:00\nby = \"b\"\nsource = \"统计局月报\"\nnote = \"第%d条\"\n", i, per, k, k > toml
      printf "%s,%s,%d,,统计局月报,第%d条,\n", i, per, k, k > csv
    }
  }'
  touch "$one/.complete"
fi
rec=$work/record-100000
rm -rf "$rec"
cp -r "$work/plan-100000" "$rec"
cp "$rec/actuals/b001.toml" "$work/b001.toml.orig"
measure record:cat - - "" -- cat "$rec/actuals/b001.toml"
first=$(awk -F'"' '/^indicator = / { print $2; exit }' "$rec/actuals/b001.toml")
TALLY_TODAY=$today TALLY_NOW=${today}T09:00:00+08:00 \
  both record:record 0.15 - "cp $work/b001.toml.orig $rec/actuals/b001.toml" -- \
  record "$first" 1000 --period 2024-12 --source 统计局月报 --reason 基准 --plan "$rec"
measure 1file:cat - - "" -- cat "$one/b.toml.orig"
both 1file:record 0.15 - "cp $one/b.toml.orig $one/actuals/b.toml" -- \
  record a.i0000 7 --period 2024-12-D3 --source 统计局月报 --plan "$one"
measure import:cat - - "" -- cat "$one/rows.csv"
both import:import 0.6 - "rm -f $one/actuals/b.toml" -- import "$one/rows.csv" --force --plan "$one"
unset TALLY_TODAY TALLY_NOW

# The table: medians; each command against `cat` of the same bytes (wall
# time) and against the baseline in the same run (CPU time); targets judged on the wall-clock
# median and on the CPU time (a process that never waits finishes on an
# idle machine in at most its CPU time, so on a busy machine the second
# verdict is the one to read).
echo
awk '
  { split($1, k, ":"); if (k[2] ~ /^cat/) base[k[1]] = $2; rows[NR] = $0; wall[$1] = $2; cpu[$1] = $5 }
  function verdict(s, mib, ts, tm) { return (s <= ts && (tm == "-" || mib <= tm)) ? "met" : "MISSED" }
  END {
    printf "%-7s %-16s %8s %8s %8s %8s %8s %6s %6s  %s\n", "case", "command", "median s", "min s",
           "max s", "cpu s", "peak MiB", "x cat", "x main", "target: by wall, by cpu"
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, " "); split(f[1], k, ":")
      if (k[2] ~ /@main$/) continue
      ratio = (k[2] ~ /^cat/ || base[k[1]] == 0) ? "-" : sprintf("%.1f", f[2] / base[k[1]])
      m = f[1] "@main"
      vs = (m in cpu && f[5] > 0) ? sprintf("%.2f", cpu[m] / f[5]) : "-"
      target = "-"
      if (f[7] != "-") {
        target = sprintf("<= %s s%s: %s, %s", f[7], (f[8] != "-" ? sprintf(" and %s MiB", f[8]) : ""),
                         verdict(f[2], f[6], f[7], f[8]), verdict(f[5], f[6], f[7], f[8]))
      }
      printf "%-7s %-16s %8.3f %8.3f %8.3f %8.3f %8s %6s %6s  %s\n", k[1], k[2], f[2], f[3], f[4],
             f[5], f[6], ratio, vs, target
      if (m in wall) {
        split("", g); for (j = 1; j <= NR; j++) { split(rows[j], h, " "); if (h[1] == m) split(rows[j], g, " ") }
        printf "%-7s %-16s %8.3f %8.3f %8.3f %8.3f %8s %6s %6s\n", "", "  main", g[2], g[3], g[4],
               g[5], g[6], (base[k[1]] > 0 ? sprintf("%.1f", g[2] / base[k[1]]) : "-"), "1.00"
      }
    }
  }' "$results"
echo
echo "x main: the baseline's median CPU time over this one's (above 1: cheaper than the baseline);"
echo "CPU time, unlike wall-clock time, does not count waiting for a core on a busy machine"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
