#!/usr/bin/env bash
# bulletin.sh: write one scheduled bulletin as a dated file, and commit it.
#
#   scripts/bulletin.sh dekad|month|quarter [--commit] [--out DIR] [--format html|md]
#                       [--plan DIR] [-- REPORT-OPTIONS...]
#
#   dekad    旬简报  the report for last-dekad   → reports/2024-06-D2.html
#   month    月通报  the report for last-month   → reports/2024-06.html
#   quarter  季讲评  the report for last-quarter → reports/2024-Q2.html,
#                    and its ranking (tally rank) → reports/2024-Q2-rank.html
#
# The file is named after the period tally resolves, in the plan's time zone,
# and written atomically (tally report --output). With --commit it is added
# and committed alone (the quarter's two files together); an unchanged file
# makes no commit. Options after -- go to `tally report` (e.g. -- --by bureau
# --lang en).
#
# Reports are deterministic: rerun later with TALLY_TODAY set to the day of
# the original run (the date in the commit) and the same plan files, and the
# bytes are the same; records made after that day are not yet seen.
#
# The tally binary: $TALLY_BIN, else `tally` on PATH, else build/tally at the
# top of the repository.
set -euo pipefail

usage() {
  sed -n '3,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

[ $# -ge 1 ] || usage
kind=$1
shift
case "$kind" in
dekad) word=last-dekad name="旬简报" ;;
month) word=last-month name="月通报" ;;
quarter) word=last-quarter name="季讲评" ;;
*) usage ;;
esac

commit=0 out=reports format=html
global=()
while [ $# -gt 0 ]; do
  case "$1" in
  --commit) commit=1 ;;
  --out) out=${2:?--out needs a directory}; shift ;;
  --format) format=${2:?--format needs html or md}; shift ;;
  --plan) global+=(--plan "${2:?--plan needs a directory}"); shift ;;
  --) shift; break ;;
  *) usage ;;
  esac
  shift
done
case "$format" in html | md) ;; *) usage ;; esac

tally=${TALLY_BIN:-}
if [ -z "$tally" ]; then
  if command -v tally >/dev/null 2>&1; then
    tally=tally
  elif top=$(git rev-parse --show-toplevel 2>/dev/null) && [ -x "$top/build/tally" ]; then
    tally="$top/build/tally"
  else
    echo "bulletin.sh: cannot find tally: set TALLY_BIN, put tally on PATH, or build it as build/tally" >&2
    exit 3
  fi
fi

# Resolve the period and fix "today" once, so both runs below agree even
# across midnight. The JSON report says both.
json=$("$tally" "${global[@]}" report --period "$word" --format json)
period=$(sed -n '/^  "period": {$/,/^  }/s/^    "id": "\([^"]*\)",\{0,1\}$/\1/p' <<<"$json")
today=$(sed -n 's/^  "as_of": "\([^"]*\)",\{0,1\}$/\1/p' <<<"$json")
if [ -z "$period" ] || [ -z "$today" ]; then
  echo "bulletin.sh: tally report --format json did not name the period" >&2
  exit 3
fi

mkdir -p "$out"
file="$out/$period.$format"
TALLY_TODAY=$today "$tally" "${global[@]}" report --period "$period" --format "$format" \
  --output "$file" "$@"
echo "$file"
files=("$file")

# The 季讲评 also ranks the bureaus (tally rank), when the quarter is inside
# the plan (tally rank refuses one that is not: it would judge nothing).
if [ "$kind" = quarter ]; then
  field() { sed -n "/^  \"$1\": {\$/,/^  }/s/^    \"$2\": \"\([^\"]*\)\",\{0,1\}\$/\1/p" <<<"$json"; }
  plan_start=$(field plan start) plan_end=$(field plan end)
  period_start=$(field period start) period_end=$(field period end)
  if [[ ! $period_end < $plan_start && ! $plan_end < $period_start ]]; then
    ranking="$out/$period-rank.$format"
    TALLY_TODAY=$today "$tally" "${global[@]}" rank --period "$period" --format "$format" \
      --output "$ranking"
    echo "$ranking"
    files+=("$ranking")
  fi
fi

if [ "$commit" = 1 ]; then
  git add -- "${files[@]}"
  if git diff --cached --quiet -- "${files[@]}"; then
    echo "bulletin.sh: ${files[*]} unchanged; nothing to commit" >&2
  else
    git commit -q -m "$name $period (as of $today)" -- "${files[@]}"
  fi
fi
