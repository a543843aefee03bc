# A milestone due after the plan's end (续建) is judged on its stages within
# the plan: never overdue for want of `done` within the year, shown with its
# final due date and 续建. Worked by hand beside each line below.
source "$SRC/tests/shell/lib/scratch.bash"
plan=$TMPDIR_TEST/plan
cp -r "$SRC/tests/plans/targets" "$plan"
cat >>"$plan/actions/01-economy.toml" <<'EOF'

# 高铁站综合枢纽：2024年开工，2025年6月底建成（续建）.
[[indicator]]
id = "economy.hub"
name = "高铁站综合枢纽"
kind = "milestone"
lead = "fgj"
due = 2025-06-30
stages = [{ date = 2024-06-30, stage = "in-progress" }]
EOF
cat >>"$plan/actuals/fgj.toml" <<'EOF'

[[actual]]
indicator = "economy.hub"
period = "2024-Q2"
value = "in-progress"
recorded = 2024-07-08T10:02:00+08:00
by = "fgj"
source = "项目调度会"
EOF

err=$("$TALLY" check --plan "$plan" 2>&1)
expect "check: a due in 2025 is 续建, not outside the plan" 0 "$?"

# At 2024-Q2 (seen 2024-07-20): the stage due by 2024-06-30 is in-progress,
# and it is in progress: 达序时.
expect "report: 续建 with its final due date" \
'高铁站综合枢纽      县发改局  推进中  2024-Q2          2025-06-30（续建）                 达序时' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 | grep '^高铁站综合枢纽' | sed 's/ *$//')"

# At the plan's end, Q4 seen 2025-01-20, still in progress: no stage or due
# fell on or before 2024-12-31 beyond in-progress, so 达序时, not 逾期 (a due
# of 2024-12-31 would make it 逾期).
cat >>"$plan/actuals/fgj.toml" <<'EOF'

[[actual]]
indicator = "economy.hub"
period = "2024-Q4"
value = "in-progress"
recorded = 2025-01-08T10:02:00+08:00
by = "fgj"
source = "项目调度会"
EOF
expect "report at the year's end: still 达序时" 'on-track' \
  "$("$TALLY" report --plan "$plan" --period 2024-Q4 --today 2025-01-20 --format json |
    jq -r '.indicators[] | select(.id == "economy.hub") | .status')"
expect "report --format json: due and continued" '{"due":"2025-06-30","continued":true}' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format json |
    jq -c '.indicators[] | select(.id == "economy.hub") | {due, continued}')"
expect "report --format json: continued only when so" 'null' \
  "$("$TALLY" report --plan "$plan" --today 2024-07-20 --format json |
    jq -c '.indicators[] | select(.id == "economy.gdp") | .continued')"
expect "list: 续建" 'economy.hub,高铁站综合枢纽,milestone,2025-06-30（续建）' \
  "$("$TALLY" list indicators --plan "$plan" --format csv | tr -d '\r' | grep '^economy.hub' | cut -d, -f1-4)"
expect "show --lang en: continued" '2025-06-30 (continued)' \
  "$("$TALLY" show economy.hub --plan "$plan" --today 2024-07-20 --lang en | sed -n 's/^due  *//p')"
