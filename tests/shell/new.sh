# tally new DIR: a scaffold that `tally check` passes, each example kind
# passing too once uncommented, and refusals that write nothing.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST"

out=$("$TALLY" new county-2025 --year 2025 --title '某县2025年“十大民生实事”' 2>err)
expect "new: exit" 0 "$?"
expect "new: the files made" 'county-2025/plan.toml
county-2025/bureaus.toml
county-2025/actions/01-example.toml' "$out"
expect "new: the note" 'tally: plan county-2025 (2025-01-01 to 2025-12-31) made in county-2025; next: add bureaus and actions, then `tally check --plan county-2025`' "$(cat err)"
# The plan runs over the year given, in the zone +08:00, reported monthly
# and due 23 days after each month, as the shipped plan is.
expect "new: plan.toml" '# 某县2025年“十大民生实事”
# Made by `tally new`. Fill in the document number and the date of issue, and
# see docs/format.md for every key.

[plan]
id = "county-2025"
title = "某县2025年“十大民生实事”"
document = ""
# issued = 2025-01-01
start = 2025-01-01
end = 2025-12-31
utc_offset = "+08:00"

[reporting]
# Actuals are reported monthly; those of a month are due by the 23rd of the
# next (timely_days = 23). Change both to what the plan'"'"'s document says.
cadence = "month"
timely_days = 23

[thresholds]
behind = 0.90' "$(cat county-2025/plan.toml)"

err=$("$TALLY" check --plan county-2025 2>&1)
expect "check on the scaffold: exit" 0 "$?"
expect "check on the scaffold" \
  "county-2025: 0 errors, 0 warnings (1 actions, 0 indicators, 0 tasks, 1 bureaus, 0 actuals)" "$err"

# Every example uncommented: one indicator of each kind, a task, a second bureau.
cp -r county-2025 examples
sed -i 's/^# \(\[\[[a-z]*\]\]$\|[a-z_]* = \)/\1/' examples/actions/01-example.toml
sed -i '/^# \[bureau.fgj/,$ s/^# //' examples/bureaus.toml
err=$("$TALLY" check --plan examples 2>&1)
expect "check with every example: exit" 0 "$?"
expect "check with every example" \
  "examples: 0 errors, 0 warnings (1 actions, 4 indicators, 1 tasks, 2 bureaus, 0 actuals)" "$err"
expect "the examples' kinds" 'example.new-jobs,cumulative,2100,人
example.urban-rate,level,43.59,%
example.invest-growth,growth,9,%
example.museum,milestone,2025-12-31,' \
  "$("$TALLY" list indicators --plan examples --format csv --lang en | tail -n +2 | cut -d, -f1,3,4,5)"

# The year defaults to today's (in +08:00); the id to plan-YEAR when the
# directory's name is not a slug; the title to YEAR年重点工作.
TALLY_TODAY=2026-03-01 "$TALLY" new 某县 -q >/dev/null
expect "new without --year: exit" 0 "$?"
expect "new without --year" '[plan]
id = "plan-2026"
title = "2026年重点工作"
document = ""
# issued = 2026-01-01
start = 2026-01-01
end = 2026-12-31' "$(sed -n '/^\[plan\]/,/^end/p' 某县/plan.toml)"

# Refusals: a directory that is not empty, a file, a missing parent; each
# exit 3 with nothing written.
mkdir full && echo x >full/notes.txt
err=$("$TALLY" new full 2>&1)
expect "new into a non-empty directory: exit" 3 "$?"
expect "new into a non-empty directory" \
  "tally: error: full is not empty; tally new writes only into an empty or new directory" "$err"
expect "new into a non-empty directory: nothing written" "notes.txt" "$(ls -A full)"
touch afile
err=$("$TALLY" new afile 2>&1)
expect "new onto a file: exit" 3 "$?"
expect "new onto a file" "tally: error: afile exists and is not a directory" "$err"
err=$("$TALLY" new no/such 2>&1)
expect "new under a missing directory: exit" 3 "$?"
expect "new under a missing directory" \
  "tally: error: cannot create directory no/such: No such file or directory" "$err"
expect "new under a missing directory: nothing written" "" "$(ls -d no 2>/dev/null)"
err=$("$TALLY" new x --year 20 2>&1)
expect "new --year 20: exit" 2 "$?"
