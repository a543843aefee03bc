#!/usr/bin/env bash
# Benchmarks of `tally check` and `tally report` on large synthetic plans and
# on the shipped plan, each beside the time to `cat` the same bytes measured
# in the same run (and, when hledger is installed, `hledger bal --budget` on
# an equivalent journal). Not run by CTest: timings depend on the machine.
#
#   tests/bench/run.sh [BUILD_DIR]
#
# BUILD_DIR defaults to build-bench; it is configured and built (Release,
# -DTALLY_BENCH=ON) when it has no tally and gen_plan yet.
#
# Environment:
#   RUNS=5                     runs per measurement (the median is reported)
#   SIZES="100000 1000000"     actuals in the synthetic plans
#   WORK=/tmp/tally-bench      where the plans are generated (kept between runs)
#   HLEDGER=100000             sizes on which to time hledger ("" for none)
#   TODAY=2025-06-30           --today for tally (after every generated record)
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build-bench}
runs=${RUNS:-5}
sizes=${SIZES:-"100000 1000000"}
work=${WORK:-/tmp/tally-bench}
hledger_sizes=${HLEDGER-100000}
today=${TODAY:-2025-06-30}

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing (Debian package 'time'): it measures peak memory" >&2
  exit 1
fi
if [[ ! -x $build/tally || ! -x $build/tests/bench/gen_plan ]]; then
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTALLY_BENCH=ON -DTALLY_TESTS=OFF >/dev/null
  cmake --build "$build" -j2 --target tally gen_plan phases >/dev/null
fi
tally=$build/tally
mkdir -p "$work"

results=$work/results.txt
: >"$results"

# median VALUES...: the middle value (the upper middle of an even count).
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 2) / 2))p"; }

# measure NAME TARGET_S TARGET_MIB -- COMMAND...: runs COMMAND $runs times
# (output discarded) and appends "NAME median_s min_s max_s cpu_s peak_mib
# target_s target_mib" to $results: wall-clock seconds, the median CPU
# seconds (user + system, all threads) and the peak resident memory. A
# failing command stops the run.
measure() {
  local name=$1 target_s=$2 target_mib=$3
  shift 4
  local walls=() cpus=() peak=0 kib wall user sys
  for ((i = 0; i < runs; i++)); do
    # bash's `time` gives wall and CPU time to the millisecond; GNU time the
    # peak resident memory.
    local TIMEFORMAT='%3R %3U %3S'
    if ! { time /usr/bin/time -f "%M" -o "$work/rss.txt" "$@" >/dev/null 2>"$work/stderr.txt"; } \
      2>"$work/time.txt"; then
      echo "run.sh: '$*' failed:" >&2
      cat "$work/stderr.txt" >&2
      exit 1
    fi
    read -r wall user sys <"$work/time.txt"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.3f", u + s }')")
    kib=$(tail -1 "$work/rss.txt")
    ((kib > peak)) && peak=$kib
  done
  local sorted
  sorted=$(printf '%s\n' "${walls[@]}" | sort -g)
  echo "$name $(median "${walls[@]}") $(head -1 <<<"$sorted") $(tail -1 <<<"$sorted")" \
    "$(median "${cpus[@]}") $((peak / 1024)) $target_s $target_mib" >>"$results"
}

# bench CASE PLAN_DIR TARGET_S TARGET_MIB
bench() {
  local case=$1 plan=$2 target_s=$3 target_mib=$4
  # The baseline: one `cat` of the same bytes tally reads, every .toml file.
  local files
  mapfile -d '' files < <(find "$plan" -name '*.toml' -print0 | sort -z)
  measure "$case:cat" - - -- cat "${files[@]}"
  measure "$case:check" "$target_s" "$target_mib" -- "$tally" check --plan "$plan" --today "$today" -q
  measure "$case:report" "$target_s" "$target_mib" -- \
    "$tally" report --plan "$plan" --today "$today" --period 2024-12 --color never
}

echo "tally benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before, $runs runs each"
echo "  $($tally --version), built in $build"

bench shipped "$src/plans/hongjiang-2024" 0.030 -

for n in $sizes; do
  plan=$work/plan-$n
  if [[ ! -f $plan/.complete ]]; then
    rm -rf "$plan"
    "$build/tests/bench/gen_plan" --out "$plan" --actuals "$n" --hledger "$work/plan-$n.journal"
    touch "$plan/.complete"
  fi
  case $n in
    100000) bench "$n" "$plan" 0.5 - ;;
    1000000) bench "$n" "$plan" 3 1536 ;;
    *) bench "$n" "$plan" - - ;;
  esac
  if [[ " $hledger_sizes " == *" $n "* ]] && command -v hledger >/dev/null; then
    measure "$n:hledger-budget" - - -- hledger -f "$work/plan-$n.journal" bal --budget -b 2024-01-01 -e 2025-01-01
  fi
done

# The table: medians, each command against `cat` of the same plan, and the
# targets judged on the wall-clock median and on the CPU time. A process
# that never waits finishes on an idle machine in at most its CPU time, so
# on a machine busy with other work the second verdict is the one to read.
echo
awk '
  { split($1, k, ":"); if (k[2] == "cat") base[k[1]] = $2; rows[NR] = $0 }
  function verdict(s, mib, ts, tm) { return (s <= ts && (tm == "-" || mib <= tm)) ? "met" : "MISSED" }
  END {
    printf "%-8s %-14s %8s %8s %8s %8s %8s %6s  %s\n", "plan", "command", "median s", "min s",
           "max s", "cpu s", "peak MiB", "x cat", "target: by wall, by cpu"
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, " "); split(f[1], k, ":")
      ratio = (k[2] == "cat" || base[k[1]] == 0) ? "-" : sprintf("%.1f", f[2] / base[k[1]])
      target = "-"
      if (f[7] != "-") {
        target = sprintf("<= %s s%s: %s, %s", f[7], f[8] != "-" ? sprintf(" and %s MiB", f[8]) : "",
                         verdict(f[2], f[6], f[7], f[8]), verdict(f[5], f[6], f[7], f[8]))
      }
      printf "%-8s %-14s %8.3f %8.3f %8.3f %8.3f %8s %6s  %s\n", k[1], k[2], f[2], f[3], f[4], f[5],
             f[6], ratio, target
    }
  }' "$results"
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) after"
