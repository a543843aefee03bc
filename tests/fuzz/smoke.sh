#!/usr/bin/env bash
# A short fuzzing run of each target in turn, seeded from the tree (seeds.sh):
#   bash tests/fuzz/smoke.sh SOURCE_DIR WORK_DIR SECONDS TARGET=BINARY...
# Fails on any crash, sanitizer report, timeout (over 5 s on one input) or
# out-of-memory, printing the input. No TARGET=BINARY: this build has no
# libFuzzer (exit 77, which ctest reports as skipped).
set -euo pipefail
src=$1 work=$2 seconds=$3
shift 3
if [ $# -eq 0 ]; then
  echo "skipped: this build has no libFuzzer targets; configure with" \
    "CC=clang CXX=clang++ cmake -DTALLY_FUZZ=ON (see docs/fuzzing.md)"
  exit 77
fi
failed=0
for pair in "$@"; do
  target=${pair%%=*} binary=${pair#*=}
  dir=$work/$target
  rm -rf "$dir"
  mkdir -p "$dir/seeds" "$dir/corpus" "$dir/artifacts"
  bash "$src/tests/fuzz/seeds.sh" "$target" "$src" "$dir/seeds"
  echo "== $target: $(find "$dir/seeds" -type f | wc -l) seeds, $seconds s"
  dict=()
  [ -f "$src/tests/fuzz/$target.dict" ] && dict=(-dict="$src/tests/fuzz/$target.dict")
  status=0
  "$binary" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=16384 \
    -print_final_stats=1 "${dict[@]}" -artifact_prefix="$dir/artifacts/" \
    "$dir/corpus" "$dir/seeds" > "$dir/log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|Done|INFO: Seed: )' "$dir/log" || true
  if [ $status -ne 0 ]; then
    failed=1
    tail -n 60 "$dir/log"
    for f in "$dir/artifacts"/*; do
      [ -f "$f" ] || continue
      echo "=== $target finding $f (base64); keep it as tests/fuzz/regressions/$target/<name>:"
      base64 "$f"
    done
  fi
done
exit $failed
