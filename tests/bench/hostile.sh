#!/usr/bin/env bash
# Times tally on hostile plans, each beside `cat` of the same bytes in the
# same run: `check` on plan.toml with 20k and 100k unknown keys, on an
# indicator with a 1 MB note and on an action whose lead is a 1 MB unknown
# id; `log` on a record with a 1 MB note (seconds and bytes printed). Every
# one must finish in well under a second. Not run by CTest: timings depend
# on the machine.
#
#   tests/bench/hostile.sh [TALLY] [BASELINE] [WORK]
#
# TALLY defaults to build/tally. BASELINE, another tally binary (say, one
# built from main), is timed on the same files in a second column. WORK
# (default /tmp/tally-hostile) holds the generated plans.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
tally=${1:-$src/build/tally}
baseline=${2:-}
work=${3:-/tmp/tally-hostile}
rm -rf "$work"
mkdir -p "$work"
export TALLY_TODAY=2024-07-15

# A copy of the shipped plan with its actuals, then one hostile change.
make_plan() {
  local dir=$work/$1
  cp -r "$src/plans/hongjiang-2024" "$dir"
  echo "$dir"
}

unknown_keys() {
  local dir
  dir=$(make_plan "keys-$1")
  # Unknown keys go into the [plan] table, right after its header.
  python3 - "$dir/plan.toml" "$1" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
text = open(path, encoding="utf-8").read()
keys = "".join(f"bogus{i} = 1\n" for i in range(n))
text = text.replace("[plan]\n", "[plan]\n" + keys, 1)
open(path, "w", encoding="utf-8").write(text)
PY
  echo "$dir"
}

long_note() {
  local dir
  dir=$(make_plan note-1mb)
  python3 - "$dir/actions/01-industry.toml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r'^note = ".*"$', 'note = "' + "长" * 350000 + '"', text, count=1, flags=re.M)
open(path, "w", encoding="utf-8").write(text)
PY
  echo "$dir"
}

long_id() {
  local dir
  dir=$(make_plan id-1mb)
  python3 - "$dir/actions/01-industry.toml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('lead = "gxj"', 'lead = "' + "g" * 1000000 + '"', 1)
open(path, "w", encoding="utf-8").write(text)
PY
  echo "$dir"
}

# A record with a 1 MB note, written into an actuals file by hand.
log_note() {
  local dir
  dir=$(make_plan log-note-1mb)
  mkdir -p "$dir/actuals"
  python3 - "$dir/actuals/gxj.toml" <<'PY'
import sys
with open(sys.argv[1], "a", encoding="utf-8") as f:
    f.write('\n[[actual]]\nindicator = "industry.adv-manufacturing-output-growth"\nperiod = "2024-06"\n'
            'value = 1\nrecorded = 2024-07-10T09:00:00+08:00\nby = "gxj"\nsource = "统计局"\n'
            'note = "' + "n" * 1000000 + '"\n')
PY
  echo "$dir"
}

# Wall seconds of a command, output discarded.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# Bytes a command prints, for at most 60 s.
printed() { { timeout 60 "$@" 2>/dev/null || true; } | wc -c; }

printf '%-16s %-6s %10s %10s %10s %8s\n' case what bytes tally_s baseline_s cat_s
for dir in $(unknown_keys 20000) $(unknown_keys 100000) $(long_note) $(long_id) $(log_note); do
  files=("$dir"/plan.toml "$dir"/bureaus.toml "$dir"/actions/*.toml)
  what=check
  [[ $(basename "$dir") == log-* ]] && what=log && files=("$dir"/actuals/*.toml)
  bytes=$(cat "${files[@]}" | wc -c)
  t=$(seconds timeout 60 "$tally" --plan "$dir" "$what")
  b=-
  [[ -n $baseline ]] && b=$(printf '%.3f' "$(seconds timeout 60 "$baseline" --plan "$dir" "$what")")
  c=$(seconds cat "${files[@]}")
  printf '%-16s %-6s %10s %10.3f %10s %8.3f\n' "$(basename "$dir")" "$what" "$bytes" "$t" "$b" "$c"
  if [[ $what == log ]]; then
    printf '%-16s %-6s %10s %10s %10s\n' "" "output" "" "$(printed "$tally" --plan "$dir" log)" \
      "$([[ -n $baseline ]] && printed "$baseline" --plan "$dir" log || echo -)"
  fi
done
