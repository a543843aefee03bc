# A task's progress report (重点任务 进展报送): tally record and import take
# a state and a required note, refuse anything else with nothing written,
# and the report settles what overdue chases; show and log list it.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
cat >>rec/actions/01-industry.toml <<'EOF'

[[task]]
id = "industry.bio-chain"
name = "生物基产业链"
text = "推进“以竹代塑”产业体系构建, 加快“园中园”开发建设。"
lead = ["gxj", "fgj"]
co = ["rsj"]
source = "附件1 二(一)1"
EOF

# Today is 2024-07-15 and reports are due 23 days after a month ends: May's
# was due 2024-06-23 (22 days ago), June's is not due until 2024-07-23. The
# task has no report, so it owes January to May, one item: 5 since 2024-01.
t overdue --bureau gxj
expect_run 0 '催报清单 · 记录测试方案
截至 2024-07-15 · 期末后 23 天内报送 · 未报送 2 项, 涉及 1 个单位

市工信局 (gxj) · 2 项
指标                期别     应报日期    逾期天数  连续未报       最近报送  指标编号
------------------  -------  ----------  --------  -------------  --------  ----------------------
生物基产业链        2024-05  2024-06-23        22  5 (2024-01起)  -         industry.bio-chain
规模工业增加值增速  2024-05  2024-06-23        22  5 (2024-01起)  -         industry.output-growth
' ''

# A state that is not one of the three, and a report without a note: refused,
# each with what to write, and nothing is written.
before=$(actuals_state)
t record industry.bio-chain 滞後 --period 2024-05 --source 工信局5月台账 --note 园区道路已招标
expect_run 1 '' "tally: error: VALUE: '滞後' is not a state of task 'industry.bio-chain'; give in-progress, done or stalled (推进中, 已完成, 滞后) (did you mean '滞后'?)
"
t record industry.bio-chain stall --period 2024-05 --source 工信局5月台账
expect_run 1 '' "tally: error: VALUE: 'stall' is not a state of task 'industry.bio-chain'; give in-progress, done or stalled (推进中, 已完成, 滞后) (did you mean 'stalled'?)
tally: error: --note: empty; a task's progress report says what was done in the period (进展情况), e.g. 完成园区道路招标
"
t record industry.bio-chain not-started --period 2024-05 --source 工信局5月台账 --note 未启动
expect_run 1 '' "tally: error: VALUE: 'not-started' is not a state of task 'industry.bio-chain'; give in-progress, done or stalled (推进中, 已完成, 滞后)
"
# A note that would retitle the terminal of whoever reads the log, as for
# an indicator's record.
t record industry.bio-chain in-progress --period 2024-05 --source 工信局5月台账 --note $'a\e]0;pwned\a'
expect_run 1 '' "tally: error: --note: character 2 is the control character \\x1b; write the text on one line, without control characters
"
expect "actuals after refused task reports" "$before" "$(actuals_state)"

# 推进中 is stored as in-progress, by the task's first lead, in its file.
t record industry.bio-chain 推进中 --period 2024-05 --source 工信局5月台账 --note 园中园道路已招标
expect_run 0 '[[actual]]
indicator = "industry.bio-chain"
period = "2024-05"
value = "in-progress"
recorded = 2024-07-15T10:02:00+08:00
by = "gxj"
source = "工信局5月台账"
note = "园中园道路已招标"
' 'recorded in rec/actuals/gxj.toml:12
'

# May's report settles the run: the task owes nothing until June is due.
t overdue --bureau gxj
expect_run 0 '催报清单 · 记录测试方案
截至 2024-07-15 · 期末后 23 天内报送 · 未报送 1 项, 涉及 1 个单位

市工信局 (gxj) · 1 项
指标                期别     应报日期    逾期天数  连续未报       最近报送  指标编号
------------------  -------  ----------  --------  -------------  --------  ----------------------
规模工业增加值增速  2024-05  2024-06-23        22  5 (2024-01起)  -         industry.output-growth
' ''

# On 2024-08-01 June's report (due 2024-07-23) is 9 days late.
t overdue --bureau gxj --as-of 2024-08-01 --format csv
expect "task owed on 2024-08-01" 'industry.bio-chain,2024-06,2024-07-23,9' \
  "$(grep '^gxj' <<<"$out" | grep bio-chain | cut -d, -f3,6-8)"

# A second report for a period needs a reason, as a figure does.
t record industry.bio-chain 滞后 --period 2024-05 --source 工信局5月台账 --note 二期用地未批
expect_run 1 '' "tally: error: --reason: industry.bio-chain 2024-05 already has in-progress (recorded 2024-07-15T10:02:00+08:00 by gxj, source 工信局5月台账); a second record must give a reason saying why it replaces that one
"

# import takes task rows with the same rules, all or nothing.
printf 'indicator,period,value,source,note\nindustry.bio-chain,2024-06,done,工信局6月台账,园中园一期建成\nindustry.bio-chain,2024-04,停顿,工信局4月台账,\n' >bad.csv
t import bad.csv
expect_run 1 '' "bad.csv:3: value: '停顿' is not a state of task 'industry.bio-chain'; give in-progress, done or stalled (推进中, 已完成, 滞后) (did you mean '停滞'?)
bad.csv:3: note: empty; a task's progress report says what was done in the period (进展情况), e.g. 完成园区道路招标
tally: error: bad.csv: 1 row cannot be recorded; nothing was imported
"
printf 'indicator,period,value,source,note,highlight\nindustry.bio-chain,2024-06,已完成,工信局6月台账,园中园一期建成,是\n' >june.csv
TALLY_NOW=2024-07-15T11:00:00+08:00 t import june.csv
expect_run 0 'rec/actuals/gxj.toml: 1 record appended
' 'imported 1 record from june.csv
'
# 是 in the highlight column marks the note a highlight (特色亮点).
expect "the highlighted report" '[[actual]]
indicator = "industry.bio-chain"
period = "2024-06"
value = "done"
recorded = 2024-07-15T11:00:00+08:00
by = "gxj"
source = "工信局6月台账"
note = "园中园一期建成"
highlight = true' "$(tail -n 9 rec/actuals/gxj.toml)"

# A highlight is its note: a figure marked without one is refused.
t record industry.jobs 1200 --period 2024-06 --source 人社局月报 --highlight
expect_run 1 '' 'tally: error: --highlight: a highlight (特色亮点) is its note; give the note worth spreading
'

# Done in June: nothing is owed after June, even in December.
t overdue --bureau gxj --as-of 2024-12-31 --format csv
expect "task owed after done" '' "$(grep bio-chain <<<"$out")"

t log industry.bio-chain
expect_run 0 '登记时间          指标                期间            数值  报送单位  来源           备注              更正原因  状态
----------------  ------------------  -------  -----------  --------  -------------  ----------------  --------  ----
2024-07-15 10:02  industry.bio-chain  2024-05  in-progress  gxj       工信局5月台账  园中园道路已招标            现行
2024-07-15 11:00  industry.bio-chain  2024-06         done  gxj       工信局6月台账  园中园一期建成              现行
' ''

t show industry.bio-chain
expect_run 0 'industry.bio-chain  生物基产业链
项目      内容
--------  --------------------------------------------------
行动      产业培塑行动 (industry)
任务内容  推进“以竹代塑”产业体系构建, 加快“园中园”开发建设。
牵头      市工信局、市发改局
配合      市人社局
报送      每月, 期末后 23 天内
出处      附件1 二(一)1

报送记录
期别     进展状态  录入时间                   报送单位  来源           进展情况          说明
-------  --------  -------------------------  --------  -------------  ----------------  --------
2024-05  推进中    2024-07-15T10:02:00+08:00  gxj       工信局5月台账  园中园道路已招标  逾期报送
2024-06  已完成    2024-07-15T11:00:00+08:00  gxj       工信局6月台账  园中园一期建成

当前
项目      内容
--------  ----------------
截至      2024-07-15
进展状态  已完成 (2024-06)
进展情况  园中园一期建成
' ''

# As of 2024-07-01 neither report was recorded (both were on 2024-07-15):
# the task has no state and owes January to May, as overdue said above.
t show industry.bio-chain --as-of 2024-07-01
expect "show --as-of before the reports" '当前
项目      内容
--------  -----------------------------
截至      2024-07-01
进展状态  未报送
应报期    2024-05 · 应报日期 2024-06-23
连续未报  5 (2024-01起)' "$(sed -n '/^当前/,$p' <<<"$out")"

t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 1 tasks, 3 bureaus, 3 actuals)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'
