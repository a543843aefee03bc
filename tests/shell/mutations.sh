#!/usr/bin/env bash
# Robustness: a few hundred broken copies of tests/plans/mini, each made by
# one deterministic mutation of one file (cut short, a line deleted or
# doubled, a byte flipped, GBK bytes inserted, a value of another type,
# tables turned into arrays). `tally check` must answer every one with exit
# 0 or 1 (never a crash, a signal or a hang) and, when it exits 1, say why
# on stdout.
source "$(dirname "$0")/lib/golden.bash"

files=()
while IFS= read -r f; do files+=("$f"); done < <(cd "$SRC/tests/plans/mini" && find . -name '*.toml' | sed 's|^\./||' | sort)

# try WHAT FILE: runs check on the mutated plan in $work, then restores FILE.
try() {
  local what=$1 file=$2 rc
  runs=$((runs + 1))
  timeout 10 "$TALLY" check --plan "$work" --today 2024-07-01 --color never >"$out" 2>"$err"
  rc=$?
  if [[ $rc != 0 && $rc != 1 ]]; then
    echo "mutations: $what: exit $rc"
    sed 's/^/  /' "$err" | head -20
    failures=$((failures + 1))
  elif [[ $rc == 1 && ! -s $out ]]; then
    echo "mutations: $what: exit 1 with nothing on stdout"
    failures=$((failures + 1))
  fi
  rm -rf "${work:?}/$file"
  cp -r "$SRC/tests/plans/mini/$file" "$work/$file"
}

# sed_line FILE LINE SCRIPT: applies a sed command to one line of FILE.
sed_line() { sed -i "$2$3" "$work/$1"; }

# mutate FILE FILENO: every mutation of one file.
mutate() {
  local file=$1 fileno=$2
  local orig size nlines k at ln byte news new i s pattern hits swaps
  orig=$SRC/tests/plans/mini/$file
  size=$(stat -c %s "$orig")
  nlines=$(wc -l <"$orig")

  # Cut short at 4 offsets, including the empty file and mid-character.
  for k in 0 1 2 3; do
    at=$((size * k / 4 + k))
    head -c "$at" "$orig" >"$work/$file"
    try "$file cut at byte $at" "$file"
  done

  # Delete or double one line at 2 places.
  for k in 0 1; do
    ln=$((nlines * k / 2 + 1))
    sed_line "$file" "$ln" d
    try "$file without line $ln" "$file"
    sed_line "$file" "$ln" p
    try "$file with line $ln twice" "$file"
  done

  # Change one byte at 2 places: to its ASCII case, to 0xFF or to NUL.
  for k in 1 2; do
    at=$(((k * 7919) % size))
    byte=$(od -An -tu1 -j "$at" -N1 "$orig" | tr -d ' ')
    news=($((byte ^ 32)) 255)
    ((k == 1)) && news+=(0)
    for new in "${news[@]}"; do
      { head -c "$at" "$orig"; printf "\\$(printf '%03o' "$new")"; tail -c +$((at + 2)) "$orig"; } >"$work/$file"
      try "$file byte $at $byte→$new" "$file"
    done
  done

  # GBK bytes (市发改局) at the start of a line and inside the first string.
  { head -n 2 "$orig"; printf '\xca\xd0\xb7\xa2\xb8\xc4\xbe\xd6\n'; tail -n +3 "$orig"; } >"$work/$file"
  try "$file with a GBK line" "$file"
  sed -i '0,/"/s//"\xca\xd0\xb7\xa2/' "$work/$file"
  try "$file with GBK in a string" "$file"

  # A value of another type, on the first or the last line where it fits
  # (by turns, so both are covered); each file gets every other swap, the
  # next file the others, to keep the run short under the sanitizers.
  swaps=(
    's/= "[^"]*"/= 42/'
    's/= "[^"]*"/= true/'
    's/= \([0-9][0-9.]*\)\( *#.*\)\?$/= "\1"/'
    's/= \(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\)/= "\1"/'
    's/= \(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]\)[^ ]*/= 07:32:00/'
    's/= \[\(.*\)\]$/= { a = [\1] }/'
    's/= \(.*\)$/= [\1]/'
    's/= \(.*\)$/= { value = \1 }/'
    's/= \(.*\)$/= -1e400/'
    's/= \(.*\)$/= 99999999999999999999/'
    's/^\[\[\(.*\)\]\]$/[\1]/'
    's/^\[\([a-z.]*\)\]$/[[\1]]/'
    's/^\([a-z_]*\) =/\1x =/'
  )
  for i in "${!swaps[@]}"; do
    (((i + fileno) % 2)) && continue
    s=${swaps[$i]}
    pattern=${s#s/}
    pattern=${pattern%%/*}
    mapfile -t hits < <(grep -n -- "$pattern" "$orig" | cut -d: -f1)
    ((${#hits[@]})) || continue
    ln=${hits[0]}
    ((runs % 2)) && ln=${hits[-1]}
    sed_line "$file" "$ln" "$s"
    try "$file line $ln: $s" "$file"
  done
}

# Whole-plan oddities: deep nesting, a huge line, a directory for a file.
oddities() {
  printf 'x = %s1%s\n' "$(printf '[%.0s' {1..5000})" "$(printf ']%.0s' {1..5000})" >>"$work/plan.toml"
  try "plan.toml nested 5000 deep" plan.toml
  { printf 'note = "'; head -c 300000 /dev/zero | tr '\0' 'x'; printf '"\n'; } >>"$work/bureaus.toml"
  try "bureaus.toml with a 300 kB line" bureaus.toml
  rm "$work/actuals/gxj.toml"
  mkdir "$work/actuals/gxj.toml"
  try "actuals/gxj.toml is a directory" actuals/gxj.toml
  rm -r "$work/actuals"
  echo "not a directory" >"$work/actuals"
  try "actuals is a file" actuals
}

# worker N: its own copy of the plan, two of every four files (so each
# worker sees files of both parities), and the oddities for worker 0. The
# two run side by side; their counts meet in $scratch/result.N.
worker() {
  local n=$1 fileno=0 file
  work=$scratch/plan.$n out=$scratch/out.$n err=$scratch/err.$n runs=0 failures=0
  rm -rf "$work"
  cp -r "$SRC/tests/plans/mini" "$work"
  for file in "${files[@]}"; do
    fileno=$((fileno + 1))
    ((fileno / 2 % 2 == n)) && mutate "$file" "$fileno"
  done
  ((n == 0)) && oddities
  echo "$runs $failures" >"$scratch/result.$n"
}

worker 0 &
worker 1 &
wait
runs=0 failures=0
for n in 0 1; do
  read -r r f <"$scratch/result.$n" || { echo "mutations: worker $n did not finish"; exit 1; }
  runs=$((runs + r)) failures=$((failures + f))
done
echo "mutations: $runs variants, $failures failures"
((failures == 0))
