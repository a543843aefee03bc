# [defaults] of plan.toml and of an action file: a plan that states each
# value once reads as the same plan written out in full, entry by entry.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST"

# The parts both plans share: the header, the bureaus, the actuals.
common() {
  local d=$1
  mkdir -p "$d/actions" "$d/actuals"
  cat >"$d/plan.toml" <<'EOF'
[plan]
id = "county-2024"
title = "某县2024年重点工作"
start = 2024-01-01
end = 2024-12-31

[reporting]
cadence = "month"
timely_days = 10
EOF
  cat >"$d/bureaus.toml" <<'EOF'
[bureau.fgj]
name = "县发改局"

[bureau.gxj]
name = "县工信局"

[bureau.tjj]
name = "县统计局"

[bureau.rsj]
name = "县人社局"
EOF
  cat >"$d/actuals/fgj.toml" <<'EOF'
[[actual]]
indicator = "economy.invest"
period = "2024-Q2"
value = 14
unit = "亿元"
recorded = 2024-07-05T10:00:00+08:00
by = "fgj"
source = "统计局二季度快报"

[[actual]]
indicator = "economy.park"
period = "2024-Q2"
value = "in-progress"
recorded = 2024-07-05T10:01:00+08:00
by = "fgj"
source = "现场核查"

[[actual]]
indicator = "economy.reform"
period = "2024-Q2"
value = "in-progress"
recorded = 2024-07-05T10:02:00+08:00
by = "fgj"
source = "发改局工作台账"
note = "方案已报县政府常务会"
EOF
  cat >"$d/actuals/gxj.toml" <<'EOF'
[[actual]]
indicator = "economy.output"
period = "2024-Q2"
value = 5.5
unit = "亿元"
recorded = 2024-07-06T10:00:00+08:00
by = "gxj"
source = "统计局二季度快报"

[[actual]]
indicator = "economy.growth"
period = "2024-Q2"
value = 7.9
unit = "%"
recorded = 2024-07-06T10:01:00+08:00
by = "gxj"
source = "统计局二季度快报"
EOF
  cat >"$d/actuals/rsj.toml" <<'EOF'
[[actual]]
indicator = "people.jobs"
period = "2024-06"
value = 1000
unit = "人"
recorded = 2024-07-08T10:00:00+08:00
by = "rsj"
source = "人社局6月报表"
EOF
}

# With defaults: the plan's (lead, cadence, source) and economy's (lead,
# co, unit, schedule); each entry writes only what differs.
common short
cat >>short/plan.toml <<'EOF'

[defaults]
lead = "tjj"
cadence = "quarter"
source = "县政府工作报告"
EOF
cat >short/actions/01-economy.toml <<'EOF'
[action]
id = "economy"
number = 1
name = "经济发展"
lead = "fgj"

[defaults]
lead = "fgj"
co = ["tjj"]
unit = "亿元"
schedule = [0.2, 0.5, 0.75, 1]

[[indicator]]
id = "economy.invest"
name = "固定资产投资"
kind = "cumulative"
target = 30

[[indicator]]
id = "economy.output"
name = "规模工业总产值"
kind = "cumulative"
target = 12
lead = "gxj"
schedule = "even"

[[indicator]]
id = "economy.growth"
name = "规模工业增加值增速"
kind = "growth"
unit = "%"
target = 8
lead = "gxj"

[[indicator]]
id = "economy.park"
name = "建成产业园标准厂房"
kind = "milestone"
due = 2024-10-31

[[task]]
id = "economy.reform"
name = "投融资体制改革"
text = "深化投融资体制改革"
EOF
cat >short/actions/02-people.toml <<'EOF'
[action]
id = "people"
number = 2
name = "民生保障"
lead = "rsj"

[[indicator]]
id = "people.jobs"
name = "城镇新增就业"
kind = "cumulative"
unit = "人"
target = 2100
lead = "rsj"
cadence = "month"
EOF

# The same plan with every value written where it applies.
common full
cat >full/actions/01-economy.toml <<'EOF'
[action]
id = "economy"
number = 1
name = "经济发展"
lead = "fgj"

[[indicator]]
id = "economy.invest"
name = "固定资产投资"
kind = "cumulative"
unit = "亿元"
target = 30
lead = "fgj"
co = ["tjj"]
cadence = "quarter"
schedule = [0.2, 0.5, 0.75, 1]
source = "县政府工作报告"

[[indicator]]
id = "economy.output"
name = "规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 12
lead = "gxj"
co = ["tjj"]
cadence = "quarter"
schedule = "even"
source = "县政府工作报告"

[[indicator]]
id = "economy.growth"
name = "规模工业增加值增速"
kind = "growth"
unit = "%"
target = 8
lead = "gxj"
co = ["tjj"]
cadence = "quarter"
schedule = [0.2, 0.5, 0.75, 1]
source = "县政府工作报告"

[[indicator]]
id = "economy.park"
name = "建成产业园标准厂房"
kind = "milestone"
due = 2024-10-31
lead = "fgj"
co = ["tjj"]
cadence = "quarter"
source = "县政府工作报告"

[[task]]
id = "economy.reform"
name = "投融资体制改革"
text = "深化投融资体制改革"
lead = "fgj"
co = ["tjj"]
cadence = "quarter"
source = "县政府工作报告"
EOF
cat >full/actions/02-people.toml <<'EOF'
[action]
id = "people"
number = 2
name = "民生保障"
lead = "rsj"

[[indicator]]
id = "people.jobs"
name = "城镇新增就业"
kind = "cumulative"
unit = "人"
target = 2100
lead = "rsj"
cadence = "month"
source = "县政府工作报告"
EOF

for d in short full; do
  err=$("$TALLY" check --plan $d 2>&1)
  expect "check $d: exit" 0 "$?"
  expect "check $d" "$d: 0 errors, 0 warnings (2 actions, 5 indicators, 1 tasks, 4 bureaus, 6 actuals, 0 problems)" "$err"
done

# The bulletins are the same, byte for byte, in every format a program reads.
for f in json csv; do
  a=$("$TALLY" report --plan short --today 2024-07-20 --format $f 2>&1)
  b=$("$TALLY" report --plan full --today 2024-07-20 --format $f 2>&1)
  expect "report --format $f: the same with defaults as written out" "$b" "$a"
done
# A figure of it, worked by hand: economy.invest follows the action's
# default path [0.2, 0.5, 0.75, 1]; by the end of Q2 it expects 0.5 × 30 =
# 15亿元 and has 14: completion 14/30 = 46.7%, at least 0.90 × 50% = 45%
# of the year, so behind (not off-track).
expect "invest against its default path" 'expected_value 15 completion 0.466667 status behind' \
  "$("$TALLY" report --plan short --today 2024-07-20 --format json |
    python3 -c 'import json,sys
r=[i for i in json.load(sys.stdin)["indicators"] if i["id"]=="economy.invest"][0]
print("expected_value", r["expected_value"], "completion", r["completion"], "status", r["status"])')"

# list shows the effective values, and says in JSON which were taken.
expect "list: the effective values" 'economy.invest,cumulative,30,亿元,fgj,tjj,县政府工作报告
economy.output,cumulative,12,亿元,gxj,tjj,县政府工作报告
economy.growth,growth,8,%,gxj,tjj,县政府工作报告
economy.park,milestone,2024-10-31,,fgj,tjj,县政府工作报告
people.jobs,cumulative,2100,人,rsj,,县政府工作报告' \
  "$("$TALLY" list indicators --plan short --format csv --lang en | tr -d '\r' | tail -n +2 | cut -d, -f1,3-5,7-9)"
expect "list: the same values when written out" \
  "$("$TALLY" list indicators --plan full --format csv)" \
  "$("$TALLY" list indicators --plan short --format csv)"
inherited() { "$TALLY" list "$1" --plan short --format json | tr -d ' \n' | grep -o '"id":"[a-z.]*"\|"inherited":\[[^]]*\]' | paste -sd' '; }
expect "list --format json: what each entry takes" \
  '"id":"economy.invest" "inherited":["cadence","co","lead","schedule","source","unit"] "id":"economy.output" "inherited":["cadence","co","source","unit"] "id":"economy.growth" "inherited":["cadence","co","schedule","source"] "id":"economy.park" "inherited":["cadence","co","lead","source"] "id":"people.jobs" "inherited":["source"]' \
  "$(inherited indicators)"
expect "list tasks --format json: what the task takes" \
  '"id":"economy.reform" "inherited":["cadence","co","lead","source"]' "$(inherited tasks)"
