#!/usr/bin/env bash
# Replays every reproducer of one fuzz target:
#   bash tests/fuzz/replay.sh BINARY DIR
# BINARY is the libFuzzer target or, in builds without libFuzzer, the same
# target linked with replay_main.cc; both run each file once. No files: a pass.
set -euo pipefail
binary=$1 dir=$2
files=()
if [ -d "$dir" ]; then
  while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -type f | sort)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "no reproducers in $dir"
  exit 0
fi
"$binary" "${files[@]}"
echo "replayed ${#files[@]} reproducer(s) from $dir"
