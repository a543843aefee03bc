# Period arithmetic is bounded: a plan that runs to the year 4000 is refused
# by check at once, and no command walks two thousand years of months (the
# refusal comes before any period arithmetic; the ctest timeout bounds it).
source "$SRC/tests/shell/lib/record.bash"

fresh_plan
sed -i 's/^end = 2024-12-31$/end = 4000-12-31/' rec/plan.toml
t show industry.jobs
expect "show on a plan to 4000: exit" 1 "$rc"
expect "show on a plan to 4000: the finding" "rec/plan.toml:9:7: error: the plan runs from 2024-01-01 to 4000-12-31, more than 10 years; a plan covers at most 10 years (a five-year plan is 5): is the year of \`end\` a typo? [plan-dates]" \
  "$(printf '%s' "$err" | head -n 1)"
