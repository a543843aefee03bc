# tally rank: the 季讲评 ranking on the demo data (docs/examples/hongjiang-2024-h1),
# 2024-Q2, judged as of 2024-07-23, the day June's reports fell due. Three
# bureaus' scores and ranks are worked by hand below from the fractions in
# the table; the fractions themselves are counted from the files as said.
source "$(dirname "$0")/lib/scratch.bash"
cd "$SRC"
demo() {
  "$TALLY" rank --plan plans/hongjiang-2024 --actuals docs/examples/hongjiang-2024-h1/actuals \
    --problems docs/examples/hongjiang-2024-h1/problems "$@"
}
rank() { demo --today 2024-07-25 --period 2024-Q2 "$@"; }

# 序时达标 (progress): the statuses `tally report --period 2024-Q2 --today 2024-07-23`
# gives the indicators each bureau leads; done and on-track are met,
# not-due and missing are not judged:
#   市工信局 gxj    29 led: on-track 15, done 6, off-track 3, overdue 2, behind 1,
#                  not-due 2                    → met 21, judged 29 − 2 = 27
#   市住建局 zjj    14 led: on-track 6, done 4, behind 1, not-due 3 → 10 of 11
#   市农业农村局 nyncj 54 led: on-track 16, done 10, off-track 5, behind 4,
#                  overdue 1, missing 1, not-due 17 → 26 of 54 − 17 − 1 = 36
# 及时报送 (reporting): the reports for April, May and June (and Q2 for
# quarterly indicators), due 23 days after each, none after the period an
# indicator or task was finished in (a milestone done, a running total at
# its target). gxj: 29 indicators and 7 tasks owe 108 reports by cadence;
# five running totals reach their targets in June or April (5 fewer) → 103
# due, 88 recorded by their due date. zjj: 48 less one milestone done in
# March (industry.construction-waste-recycling-project) → 47 due, 39 on time.
# 任务推进 (tasks): the latest report of each task led, by 2024-06: gxj 7 of 7
# in progress or done, zjj 4 of 4, nyncj 8 of 9 (one stalled).
# 问题销号 (problems due in Q2):
#   gxj   Q2024-0001 due 06-20, closed 06-18                 → 1 of 1
#   zjj   Q2024-0002 due 06-30, open                         → 0 of 1
#   nyncj Q2024-0005 due 05-31, closed 05-28, reopened 06-10 → 0 of 1
#         and on 2024-06-30 it is open past its due date     → 逾期问题 1
# 得分, weights 40/20/20/20 (the defaults), every component judged, Σw = 100:
#   gxj   (40 × 21/27 + 20 × 88/103 + 20 × 7/7 + 20 × 1/1) ÷ 100 × 100
#         = 31.111 + 17.087 + 20 + 20 = 88.198 → 88.2
#   zjj   40 × 10/11 + 20 × 39/47 + 20 × 4/4 + 20 × 0/1
#         = 36.364 + 16.596 + 20 + 0 = 72.959 → 73.0
#   nyncj 40 × 26/36 + 20 × 135/158 + 20 × 8/9 + 20 × 0/1
#         = 28.889 + 17.089 + 17.778 + 0 = 63.755 → 63.8
# 市妇联 fl leads no task and has no problem: those two are left out and the
# weights renormalised over 40 + 20 = 60:
#   fl    (40 × 2/3 + 20 × 9/9) ÷ 60 × 100 = 46.667 ÷ 60 × 100 = 77.8
# Ranks: 10 bureaus score above 88.2 (so gxj is 11th), 21 above 73.0, 32
# above 63.8.
rows=$(rank --format md | grep -E '^\| [0-9]+ \| (市工信局|市妇联|市住建局|市农业农村局) ')
expect "rank: three bureaus worked by hand, and a renormalised one" \
  '| 11 | 市工信局 | 77.8% (21/27) | 85.4% (88/103) | 100.0% (7/7) | 100.0% (1/1) | 0 | 88.2 |
| 18 | 市妇联 | 66.7% (2/3) | 100.0% (9/9) | — | — | 0 | 77.8 |
| 22 | 市住建局 | 90.9% (10/11) | 83.0% (39/47) | 100.0% (4/4) | 0.0% (0/1) | 0 | 73.0 |
| 33 | 市农业农村局 | 72.2% (26/36) | 85.4% (135/158) | 88.9% (8/9) | 0.0% (0/1) | 1 | 63.8 |' "$rows"

# Ties (no problem due, so Σw = 80):
#   市财政局     (40 × 6/6 + 20 × 24/42 + 20 × 9/9) ÷ 80 × 100 = 71.429 ÷ 0.8 = 89.29
#   市文旅广体局 (40 × 10/11 + 20 × 37/49 + 20 × 6/6) ÷ 80 × 100 = 71.466 ÷ 0.8 = 89.33
# both show 89.3: they share rank 7, listed in the order of bureaus.toml,
# and the next, 市安委办 (40 + 20 × 25/44 + 20) ÷ 0.8 = 89.20, is 9th.
ties=$(rank --format md | grep -E '^\| (6|7|8|9) \|')
expect "rank: equal shown scores share a rank and the next skips" \
  '| 6 | 市科技局 | 100.0% (5/5) | 62.3% (33/53) | 100.0% (9/9) | — | 0 | 90.6 |
| 7 | 市财政局 | 100.0% (6/6) | 57.1% (24/42) | 100.0% (9/9) | — | 0 | 89.3 |
| 7 | 市文旅广体局 | 90.9% (10/11) | 75.5% (37/49) | 100.0% (6/6) | — | 0 | 89.3 |
| 9 | 市安委办 | 100.0% (5/5) | 56.8% (25/44) | 100.0% (9/9) | — | 0 | 89.2 |' "$ties"

# The text table, per action, as a terminal of 80 columns shows it: the
# formula under it, broken at spaces. 安全守底行动: (40 × 26/27 + 20 × 119/182 +
# 20 × 27/29) ÷ 80 × 100 = (38.519 + 13.077 + 18.621) ÷ 0.8 = 87.77 → 87.8; no
# problem concerns an indicator or task of an action on the demo data, so
# 问题销号 is — for every action and Σw = 80.
expect "rank --by action --width 80" '季讲评排名 · 洪江市实施“八大行动”总体方案
2024-Q2 · 截至 2024-07-23 · 按行动 · 共 8 个行动

名次  行动          序时达标  及时报送  任务推进  问题销号  逾期问题  得分
----  ------------  --------  --------  --------  --------  --------  ----
   1  安全守底行动     96.3%     65.4%     93.1%         —         0  87.8
   2  区域共进行动     90.3%     77.7%     89.5%         —         0  86.9
   3  创新提升行动     90.0%     62.2%    100.0%         —         0  85.5
   4  产业培塑行动     78.9%     87.9%     92.3%         —         0  84.5
   5  改革攻坚行动     88.2%     63.0%     93.8%         —         0  83.3
   6  民生可感行动     76.5%     83.5%     83.3%         —         0  80.0
   7  激发需求行动     80.0%     63.5%     81.8%         —         0  76.3
   8  主体强身行动     66.7%     66.7%     93.3%         —         0  73.3

得分 = (序时进度达标率 × 40 + 按时报送率 × 20 + 任务推进率 × 20 + 问题销号率 ×
  20) ÷ 参评各项权重之和 (plan.toml [evaluation])
序时达标: 本行动指标中已完成或达序时的比例 (未到期、未报送的不计); 及时报送:
  本期各月 (季) 指标和任务报送中按时报送的比例; 任务推进:
  本行动任务中最近进展为推进中或已完成的比例; 问题销号:
  期内到期的问题中按期销号的比例; 逾期问题: 2024-06-30 逾期未销号的问题数
— 表示无可评事项, 不计入得分, 其余各项权重按比例折算; 得分保留一位小数,
  相同者名次并列, 下一名次顺延; 并列者按行动编号列出' "$(rank --by action --width 80)"
# Every line of the bureau table fits 80 columns; names are cut with … to fit.
widest=$(rank --width 80 | python3 -c 'import sys, unicodedata
print(max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line.rstrip("\n"))
          for line in sys.stdin))')
expect "rank --width 80: the widest line" 80 "$widest"

# JSON carries the rates as fractions with met and of, the weights and the
# formula; a component with nothing to judge has rate null.
json=$(rank --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["schema"], d["version"], d["period"], d["as_of"], d["by"], d["weights"])
print(d["formula"])
for r in d["rows"]:
    if r["id"] in ("gxj", "fl"):
        print(r["rank"], r["id"], r["progress"], r["tasks"], r["overdue_problems"], r["score"])')
expect "rank --format json" "tally.rank 1 2024-Q2 2024-07-23 bureau {'progress': 40, 'reporting': 20, 'tasks': 20, 'problems': 20}
score = 100 × Σ weight × rate ÷ Σ weight, over the components whose rate is not null
11 gxj {'rate': 0.777778, 'met': 21, 'of': 27} {'rate': 1, 'met': 7, 'of': 7} 0 88.2
18 fl {'rate': 0.666667, 'met': 2, 'of': 3} {'rate': None, 'met': 0, 'of': 0} 0 77.8" "$json"

# CSV: ids, the fractions and their counts, the weights and the score, so
# each score can be worked again from its row.
# (CSV lines end in CRLF, RFC 4180.)
csv=$(rank --format csv | tr -d '\r' | sed -n '1p;/^11,gxj,/p')
expect "rank --format csv" '名次,id,单位,序时达标,序时达标·达标,序时达标·应评,及时报送,及时报送·达标,及时报送·应评,任务推进,任务推进·达标,任务推进·应评,问题销号,问题销号·达标,问题销号·应评,逾期问题,权重·序时达标,权重·及时报送,权重·任务推进,权重·问题销号,得分
11,gxj,市工信局,0.777778,21,27,0.854369,88,103,1,7,7,1,1,1,0,40,20,20,20,88.2' "$csv"

# Weights from plan.toml [evaluation]: with progress = 0 and problems = 0,
# gxj scores (20 × 88/103 + 20 × 7/7) ÷ 40 × 100 = (17.087 + 20) ÷ 0.4 = 92.7
# and 市妇联, with no task, (20 × 9/9) ÷ 20 × 100 = 100.0.
cp -r plans/hongjiang-2024 "$TMPDIR_TEST/plan"
printf '\n[evaluation]\nprogress = 0\nreporting = 20\ntasks = 20\nproblems = 0\n' \
  >>"$TMPDIR_TEST/plan/plan.toml"
weighted=$("$TALLY" rank --plan "$TMPDIR_TEST/plan" --actuals docs/examples/hongjiang-2024-h1/actuals \
  --problems docs/examples/hongjiang-2024-h1/problems --today 2024-07-25 --period 2024-Q2 \
  --format csv | tr -d '\r' | grep -E '^[0-9]*,(gxj|fl),' | cut -d, -f2,17-21)
expect "rank with [evaluation] weights" 'fl,0,20,20,0,100.0
gxj,0,20,20,0,92.7' "$(sort <<<"$weighted")"

# Before the period's reports are due, it is judged on today; a bad period
# is a usage error.
head=$(demo --today 2024-07-01 --period 2024-Q2 | sed -n 2p)
expect "rank before the due date: judged on today" "2024-Q2 · 截至 2024-07-01 · 按单位 · 共 36 个单位" "$head"
err=$(demo --today 2024-07-25 --period 2024-Q5 2>&1 >/dev/null)
expect "rank --period 2024-Q5: exit" 2 "$?"
expect "rank --period 2024-Q5: message" "tally: error: --period '2024-Q5': a year has quarters Q1 to Q4" "$err"

# HTML: the same row with its fractions, and the formula under the table.
html=$(rank --format html)
expect "rank --format html: 市工信局's row" \
  '<tr><td class="r">11</td><td>市工信局</td><td class="r">77.8% (21/27)</td><td class="r">85.4% (88/103)</td><td class="r">100.0% (7/7)</td><td class="r">100.0% (1/1)</td><td class="r">0</td><td class="r">88.2</td></tr>' \
  "$(grep '<td>市工信局</td>' <<<"$html")"
expect "rank --format html: the formula" \
  '<li>得分 = (序时进度达标率 × 40 + 按时报送率 × 20 + 任务推进率 × 20 + 问题销号率 × 20) ÷ 参评各项权重之和 (plan.toml [evaluation])</li>' \
  "$(grep '<li>得分' <<<"$html")"

# A workbook: the CSV's columns, numbers as numbers, rates as percentages
# (openpyxl, as tests/shell/report_xlsx.sh reads them).
rank --format xlsx --output "$TMPDIR_TEST/rank.xlsx"
expect "rank --format xlsx: exit" 0 "$?"
out=$(/usr/bin/python3 - "$TMPDIR_TEST/rank.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(ws.title)
for row in ws.iter_rows(values_only=True):
    if row[1] == "gxj":
        print(row[0], row[1], row[2], row[3], row[4], row[5], row[20])
print(ws.cell(row=2, column=4).number_format)
PY
)
expect "rank --format xlsx" '季讲评排名
11 gxj 市工信局 0.777778 21 27 88.2
0.0%' "$out"

# A period outside the plan, or not begun, has nothing to judge: refused.
err=$(demo --today 2024-07-25 --period 2025-Q1 2>&1 >/dev/null)
expect "rank --period 2025-Q1: exit" 2 "$?"
expect "rank --period 2025-Q1: message" "tally: error: --period 2025-Q1 is outside the plan (2024-01-01 to 2024-12-31); did you mean 2024-Q1?" "$err"
# report and template refuse it the same way (one function): a bulletin for
# 2025 would show 2024's statuses under 2025's name. report --as-of
# 2026-03-01 would report January 2026 (February is not due until 03-23).
plan_args="--plan plans/hongjiang-2024 --actuals docs/examples/hongjiang-2024-h1/actuals --problems docs/examples/hongjiang-2024-h1/problems --today 2024-07-25"
err=$("$TALLY" report $plan_args --period 2025-Q1 2>&1 >/dev/null)
expect "report --period 2025-Q1: exit" 2 "$?"
expect "report --period 2025-Q1: message" "tally: error: --period 2025-Q1 is outside the plan (2024-01-01 to 2024-12-31); did you mean 2024-Q1?" "$err"
err=$("$TALLY" report $plan_args --as-of 2026-03-01 2>&1 >/dev/null)
expect "report --as-of 2026-03-01: exit" 2 "$?"
expect "report --as-of 2026-03-01: message" "tally: error: --as-of 2026-03-01: period 2026-01 is outside the plan (2024-01-01 to 2024-12-31); did you mean 2024-01?" "$err"
out=$("$TALLY" report $plan_args --as-of 2025-01-25 2>/dev/null | sed -n 2p)
expect "report --as-of 2025-01-25: December, due 2025-01-23, is still the plan's" "报告期 2024-12 (2024-12-01~2024-12-31) · 截至 2025-01-25 · 序时进度 100.0%" "$out"
err=$("$TALLY" template $plan_args --bureau gxj --period 2025-06 --output t.xlsx 2>&1 >/dev/null)
expect "template --period 2025-06: exit" 2 "$?"
expect "template --period 2025-06: message" "tally: error: --period 2025-06 is outside the plan (2024-01-01 to 2024-12-31); did you mean 2024-06?" "$err"
expect "template --period 2025-06: nothing written" "" "$(ls t.xlsx 2>/dev/null)"
err=$(demo --today 2024-07-25 --period 2024-Q4 2>&1 >/dev/null)
expect "rank --period 2024-Q4: exit" 2 "$?"
expect "rank --period 2024-Q4: message" "tally: error: --period 2024-Q4 begins 2024-10-01, after today (2024-07-25); rank a period that has begun" "$err"

# Mid-period (2024-Q3 on 2024-07-25): judged on today; Q2024-0003 (市场监管局,
# due 07-31) is not due yet and not counted, so 问题销号 is — for it, not 0.
row=$(demo --today 2024-07-25 --period 2024-Q3 --format csv | tr -d '\r' | grep ',scjgj,' | cut -d, -f2,13-16)
expect "rank mid-period: a problem not yet due is not counted" "scjgj,,0,0,0" "$row"

# A misspelt weight: the plan does not pass `tally check`, so no ranking.
cp -r plans/hongjiang-2024 "$TMPDIR_TEST/misspelt"
printf '\n[evaluation]\nprogres = 50\n' >>"$TMPDIR_TEST/misspelt/plan.toml"
line=$(wc -l <"$TMPDIR_TEST/misspelt/plan.toml")  # the last line
err=$(cd "$TMPDIR_TEST" && "$TALLY" rank --plan misspelt --today 2024-07-25 --period 2024-Q2 2>&1 >/dev/null)
expect "rank with a misspelt weight: exit" 1 "$?"
expect "rank with a misspelt weight: message" "misspelt/plan.toml:$line:1: error: unknown key 'progres' in [evaluation] (did you mean 'progress'?) [unknown-key]
  progres = 50
  ^
tally: error: the plan has 1 error; fix it first (\`tally check\` lists every finding)" "$err"
