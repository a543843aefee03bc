# The June bulletin of the shipped plan on a normal year's figures
# (tests/plans/normal-year/actuals, illustrative): nothing on course is red —
# a harvest due in September, fruit that ripens in November, one township
# named at the year's end, a standard raised from 1 July, schools opening in
# September, reservoir works paused for the flood season, a rising rate
# judged at the year's end — while a flow truly behind still is.

source "$SRC/tests/shell/lib/scratch.bash"

json=$("$TALLY" report --plan "$SRC/plans/hongjiang-2024" --actuals "$SRC/tests/plans/normal-year/actuals" \
  --period 2024-06 --today 2024-07-25 --format json) || fail "report exited $?"
got=$(printf '%s' "$json" | python3 -c '
import json, sys
for i in json.load(sys.stdin)["indicators"]:
    if i["actual"] is not None:
        print(i["id"], i["status"])')

# Hand-worked, June = 18/36 of the year:
# - bio-output 0.87 of 3.6亿元 on an even path: 0.2417 < 0.9 × 0.5: off-track.
# - bio-innovation-platforms 0 of 1家: floor(1 × 0.5) = 0 expected: not-due.
# - prefab-share 16 of 20%, a level with no baseline: judged in December.
# - seed-output 0 of 0.6万吨, harvested in August–September: 0 expected.
# - fruit-output 1.2 of 57万吨 at Q2: 2% = 1.14 expected: on-track.
# - bank-loans 11 of 20亿元, 开门红 path 65% by June: 0.55 < 0.9 × 0.65 = 0.585: off-track
#   (a straight line would have called it on track at 0.55 ≥ 0.5).
# - huaihua-harmony-town 0 of 1个, named at the year's end: not-due.
# - childcare-new-places 0 of 222个, places open on 1 September: not-due.
# - urban-dibao 650 元/月, from 650 to 700 on 1 July: not-due in June.
# - reservoir-reinforcement 5 of 8处, dry-season path 0.625 by June: 5 expected: on-track.
want='industry.bio-output off-track
industry.bio-innovation-platforms not-due
industry.prefab-share not-due
industry.seed-output not-due
industry.fruit-output on-track
industry.bank-loans off-track
region.huaihua-harmony-town not-due
livelihood.childcare-new-places not-due
livelihood.urban-dibao not-due
livelihood.reservoir-reinforcement on-track'
expect "statuses against the hand-worked ones" "$want" "$got"

# The same figures never reach the 严重滞后/欠序时 filter except the two flows.
red=$("$TALLY" report --plan "$SRC/plans/hongjiang-2024" --actuals "$SRC/tests/plans/normal-year/actuals" \
  --period 2024-06 --today 2024-07-25 --status behind,off-track --format csv --by indicator |
  python3 -c 'import csv, sys; print(" ".join(r[0] for r in list(csv.reader(sys.stdin))[1:]))')
expect "red rows" "industry.bio-output industry.bank-loans" "$red"

# `list` names each path as the plan writes it.
paths=$("$TALLY" list indicators --plan "$SRC/plans/hongjiang-2024" --format json | python3 -c '
import json, sys
want = ("industry.bio-output", "industry.seed-output", "livelihood.urban-dibao")
print(" ".join(str(i["schedule"]) for i in json.load(sys.stdin) if i["id"] in want))')
expect "list schedules" "even seed-harvest from-july" "$paths"
