# Targets as plans state them (tests/plans/targets): 左右, ranges and 力争
# keep the plan's words in the bulletin, and the status is judged on one
# figure, worked by hand beside each line below.
source "$SRC/tests/shell/lib/scratch.bash"
plan=$SRC/tests/plans/targets

err=$("$TALLY" check --plan "$plan" 2>&1)
expect "check: exit" 0 "$?"

# At 2024-Q2, due 10 days later, seen on 2024-07-20:
#   gdp     6%左右, ±10% (plan)    met from 5.4; 5.8 ≥ 5.4: 达序时, gap 5.8 − 5.4 = +0.4
#   cpi     3%左右 ±0.5, down      ceiling 3.5; 3.6 ≤ 3.5 + 0.35: 欠序时, gap +0.1
#   invest  8–9%, up               met from 8; 7 < 8 − 0.8: 严重滞后, gap −1.0
#   retail  50亿元, 力争52          26/50 = 52% ≥ 50% expected: 达序时; 26 < 52
#   trade   4亿元, 力争4.5          4.6/4 = 115%: 已完成; 4.6 ≥ 4.5: 力争 reached
#   urban   +2pp from 45.3         judged on 47.3; Q2 expects 45.3 + 2 × 50% = 46.3;
#                                  (46.5 − 45.3) ÷ 2 = 60% ≥ 50%: 达序时, gap +10.0,
#                                  (47.3 − 46.5) ÷ 2 quarters = 0.4/季 still to gain
#   ranking 前10名                  12th: 0.90 × 12 = 10.8 > 10: 严重滞后, not 已突破;
#                                  (10 − 12) ÷ 2 = -1 place a quarter; a place
#                                  has no 完成率 (12 ÷ 10 = 120% would read as
#                                  over-achievement), so the column shows —
expect "report: the targets as the plan states them" \
'指标                牵头      实绩  期别                           目标  完成率   差距  状态      每期需完成  预计全年
------------------  --------  ----  -------  --------------------------  ------  -----  --------  ----------  --------
地区生产总值增速    县统计局   5.8  2024-Q2                      6%左右           +0.4  达序时
居民消费价格涨幅    县统计局   3.6  2024-Q2                      3%左右           +0.1  欠序时
固定资产投资增速    县发改局     7  2024-Q2                        8–9%           -1.0  严重滞后
社会消费品零售总额  县商务局    26  2024-Q2        50亿元（力争52亿元）   52.0%   +2.0  达序时         12/季    52亿元
外贸进出口总额      县商务局   4.6  2024-Q2  4亿元（力争4.5亿元，已达）  115.0%  +65.0  已完成          0/季   9.2亿元
常住人口城镇化率    县统计局  46.5  2024-Q2                  +2个百分点   60.0%  +10.0  达序时        0.4/季
营商环境全省排名    县发改局    12  2024-Q2                      前10名       —  +20.0  严重滞后       -1/季' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 | sed -n '/^指标  /,$p')"

expect "report --lang en: the targets" 'about 6%
about 3%
8–9%
50亿元 (stretch 52亿元)
4亿元 (stretch 4.5亿元, reached)
+2 pp
top 10' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --lang en --format json |
    jq -r '.indicators[].id' | while read -r id; do
      "$TALLY" show "$id" --plan "$plan" --today 2024-07-20 --lang en | sed -n 's/^target  *//p'
    done)"

# JSON: the judged target, and the parts of the form beside it.
expect "report --format json: the parts" \
'{"id":"economy.gdp","target":5.4,"about":6,"tolerance":0.6,"status":"on-track"}
{"id":"economy.cpi","target":3.5,"about":3,"tolerance":0.5,"status":"behind"}
{"id":"economy.invest","target":8,"range":[8,9],"status":"off-track"}
{"id":"economy.retail","target":50,"stretch":52,"stretch_reached":false,"status":"on-track"}
{"id":"economy.trade","target":4,"stretch":4.5,"stretch_reached":true,"status":"done"}
{"id":"economy.urban","kind":"level","target":47.3,"change":2,"status":"on-track"}
{"id":"economy.ranking","kind":"rank","target":10,"status":"off-track"}' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format json |
    jq -c '.indicators[] | {id, kind: (if .kind == "rank" or .kind == "level" then .kind else null end), target, about, tolerance, range, stretch, stretch_reached, change, status} | with_entries(select(.value != null))')"

# A rank's 完成率 in every format: — in text, markdown and html; empty in
# CSV; null in JSON, with 12 ÷ 10 = 1.2 kept as place_ratio. The status mix
# and 达序时率 count it as 严重滞后 (off-track) all the same: of 7 judged,
# gdp, retail, urban on track and trade done: 4 ÷ 7 = 57.1%; 平均完成率 is of
# the up-direction ones only: (0.52 + 1 (115% capped) + 0.60) ÷ 3 = 70.7%.
expect "report: status mix and rates with the rank in them" \
'指标 7 个: 已完成 1 · 达序时 3 · 欠序时 1 · 严重滞后 2 · 已突破 0 · 逾期 0 · 未报送 0 · 未到期 0
达序时率 57.1% · 平均完成率 70.7%' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 | sed -n 3,4p)"
expect "report --format md: a rank's 完成率" \
'| 营商环境全省排名 | 县发改局 | 12 | 2024-Q2 | 前10名 | — | +20.0 | 严重滞后 | -1/季 |' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format md | grep '^| 营商环境全省排名' | head -1)"
expect "report --format html: a rank's 完成率 (both tables)" 2 \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format html | grep -c '营商环境全省排名.*<td[^>]*>—</td>')"
expect "report --format csv: a rank's 完成率 empty beside its gap" ',20' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format csv | tr -d '\r' | grep '^economy.ranking,' | cut -d, -f18-19)"
expect "report --format json: a rank's place_ratio" \
'{"completion":null,"place_ratio":1.2,"gap":20,"status":"off-track"}' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format json |
    jq -c '.indicators[] | select(.id == "economy.ranking") | {completion, place_ratio, gap, status}')"
expect "show: a rank's 完成率 and no path bar" \
'2024-Q2    100.0%    10名    12       —  严重滞后
完成率      —' \
  "$("$TALLY" show economy.ranking --plan "$plan" --today 2024-07-20 | grep -E '^2024-Q2  +100|^完成率')"

# In CSV a cell starting with + is written '+ (no spreadsheet formula).
expect "list: the targets without their unit" 'growth,6左右,%
growth,3左右,%
growth,8–9,%
cumulative,50（力争52）,亿元
cumulative,4（力争4.5）,亿元
level,'"'"'+2个百分点,%
rank,前10名,名' \
  "$("$TALLY" list indicators --plan "$plan" --format csv | tr -d '\r' | tail -n +2 | cut -d, -f3-5)"
