#!/usr/bin/env bash
# Assembles the seed corpus of one fuzz target from files already in the
# tree, so no corpus is kept in git:
#   bash tests/fuzz/seeds.sh TARGET SOURCE_DIR OUT_DIR
# TARGET is plan, actuals, csv, period, xlsx or plan_table. The reproducers in
# tests/fuzz/regressions/TARGET are seeds too.
set -euo pipefail
target=$1 src=$2 out=$3
mkdir -p "$out"
put() {  # put < bytes: a seed file named by its SHA-1, as libFuzzer names them
  local tmp
  tmp=$(mktemp "$out/.seed.XXXXXX")
  cat > "$tmp"
  mv "$tmp" "$out/$(sha1sum < "$tmp" | cut -d' ' -f1)"
}

tomls_in() {  # the *.toml files of a directory that may not exist, sorted
  if [ -d "$1" ]; then find "$1" -maxdepth 1 -name '*.toml' | sort; fi
}

case $target in
  plan)
    # plan.toml NUL bureaus.toml NUL one action file NUL one actuals file,
    # as fuzz_plan.cc splits its input; once per action file of every plan
    # in the tree (tests/errors/*, tests/plans/*, plans/*).
    while IFS= read -r plan; do
      dir=$(dirname "$plan")
      actuals=$(tomls_in "$dir/actuals" | head -n 1)
      actions=$(tomls_in "$dir/actions")
      for action in ${actions:-none}; do
        {
          cat "$plan"
          printf '\0'
          [ -f "$dir/bureaus.toml" ] && cat "$dir/bureaus.toml"
          printf '\0'
          [ -f "$action" ] && cat "$action"
          if [ -n "$actuals" ]; then
            printf '\0'
            cat "$actuals"
          fi
        } | put
      done
    done < <(find "$src/tests/errors" "$src/tests/plans" "$src/plans" -name plan.toml | sort)
    # The shipped plan with [defaults] and [evaluation] that are right (the
    # cases in tests/errors hold only wrong ones), and an indicator that
    # takes its lead and its cadence from them.
    hj=$src/plans/hongjiang-2024
    {
      cat "$hj/plan.toml"
      printf '\n[defaults]\ncadence = "quarter"\nsource = "分工方案"\n'
      if ! grep -q '^\[evaluation\]' "$hj/plan.toml"; then
        printf '\n[evaluation]\nprogress = 40\nreporting = 20\ntasks = 20\nproblems = 20\n'
      fi
      printf '\0'
      cat "$hj/bureaus.toml"
      printf '\0'
      cat "$(tomls_in "$hj/actions" | head -n 1)"
      printf '\n[defaults]\nlead = "%s"\n' \
        "$(sed -n 's/^\[bureau\.\([a-z0-9]*\)\]$/\1/p' "$hj/bureaus.toml" | head -n 1)"
    } | put
    ;;
  actuals)
    while IFS= read -r f; do put < "$f"; done < <(
      find "$src/tests" "$src/plans" "$src/docs/examples" -path '*/actuals*/*.toml' | sort)
    ;;
  csv)
    while IFS= read -r f; do put < "$f"; done < <(
      find "$src/tests/golden" \( -name '*.csv' -o -name '*csv*.out' \) | sort)
    ;;
  plan_table)
    # The 分工方案 tables in the tree, and the tables the shell tests of
    # `plan import` write inline (cat >NAME.csv <<'CSV' ... CSV).
    while IFS= read -r f; do put < "$f"; done < <(
      find "$src/tests/data" "$src/tests/golden/plan-import" -name '*.csv' | sort)
    awk '/^cat >[^ ]*\.csv <<.CSV.$/ { n++; on = 1; next }
         on && /^CSV$/ { on = 0; next }
         on { print > (out "/.table." n) }' out="$out" "$src/tests/shell/plan_import.sh"
    for f in "$out"/.table.*; do
      [ -f "$f" ] || continue
      put < "$f"
      rm -f "$f"
    done
    ;;
  xlsx)
    # The reproducers (below) are the seeds: XML of every cell type, and a
    # fill-in sheet as openpyxl saves it.
    ;;
  period)
    # Every string literal of the unit tests of periods, units and record.
    while IFS= read -r s; do printf '%s' "$s" | put; done < <(
      for f in period_test.cc units_test.cc record_test.cc; do
        grep -o '"[^"\\]*"' "$src/tests/unit/$f" | sed 's/^"//; s/"$//'
      done | sort -u)
    ;;
  *)
    echo "seeds.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac
if [ -d "$src/tests/fuzz/regressions/$target" ]; then
  find "$src/tests/fuzz/regressions/$target" -type f -exec cp {} "$out/" \;
fi
