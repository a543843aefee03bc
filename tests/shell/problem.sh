# tally problem: open a problem (an id from the files under the lock), list
# it, see it overdue after its due date, close it with evidence, refuse
# closing twice, unknown ids, due dates before today; each step is text
# appended to problems/<id>.toml and nothing is written on a refusal.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
export TALLY_USER=督查室
state() { (cd rec && find problems -type f 2>/dev/null | sort | xargs -r md5sum); }

# Everything wrong at once: one line each, nothing written, not even problems/.
t problem open --bureau 工信 --due 2024-07-01 --text '' --indicator industry.bio-outpt
expect_run 1 '' "tally: error: --bureau: unknown bureau '工信' (did you mean '工信局'?); \`tally list bureaus\` shows ids, names and aliases
tally: error: --due: 2024-07-01 is before today (2024-07-15); a problem is due on the day it is opened or later
tally: error: --text: empty; say what the problem is
tally: error: --indicator: unknown indicator 'industry.bio-outpt' (did you mean 'industry.bio-output'?); \`tally list indicators\` lists them
"
expect "no problems/ after a refusal" '' "$(state)"

# Text as record takes it: one line without control characters, at most 2000
# bytes (an escape would act on the terminal of whoever lists the problems).
# 700 × 围 is 2100 bytes.
long=$(printf '围%.0s' $(seq 700))
t problem open --bureau 工信局 --due 2024-08-15 --text $'围挡\e[31m破损' --source $'暗\n访'
expect_run 1 '' "tally: error: --text: character 3 is the control character \\x1b; write the text on one line, without control characters
tally: error: --source: character 2 is the control character \\x0a; write the text on one line, without control characters
"
t problem open --bureau 工信局 --due 2024-08-15 --text "$long"
expect_run 1 '' "tally: error: --text: 2100 bytes long, at most 2000 are kept; give the gist and cite the document it comes from
"
expect "no problems/ after a refused text" '' "$(state)"

# The first problem of the plan's year is Q2024-0001; its file is new.
t problem open --bureau 工信局 --due 2024-08-15 --text 园区道路施工围挡破损未修复 --indicator industry.bio-output --source 暗访
expect_run 0 'Q2024-0001
' 'opened in rec/problems/Q2024-0001.toml, due 2024-08-15
'
expect "rec/problems/Q2024-0001.toml" '# 问题 Q2024-0001. `tally problem` writes this file and appends its closes and reopens;
# what is already written is never rewritten.

[problem]
id = "Q2024-0001"
bureau = "gxj"
opened = 2024-07-15T10:02:00+08:00
due = 2024-08-15
text = "园区道路施工围挡破损未修复"
indicator = "industry.bio-output"
source = "暗访"
by = "督查室"' "$(cat rec/problems/Q2024-0001.toml)"

# The next id is one more than the largest in problems/, whatever was loaded.
TALLY_NOW=2024-07-15T11:00:00+08:00 t problem open --bureau fgj --due 2024-07-20 --text 项目审批超时限 --source 群众反映 --by 张三
expect_run 0 'Q2024-0002
' 'opened in rec/problems/Q2024-0002.toml, due 2024-07-20
'

# On 2024-07-25 Q2024-0002 is 5 days past its due date (07-20 → 07-25).
t problem list --as-of 2024-07-25
expect_run 0 '问题编号    单位      销号状态    交办日期    整改时限    逾期天数  销号日期  涉及                 发现途径  问题                        销号依据
----------  --------  ----------  ----------  ----------  --------  --------  -------------------  --------  --------------------------  --------
Q2024-0001  市工信局  未销号      2024-07-15  2024-08-15                      industry.bio-output  暗访      园区道路施工围挡破损未修复
Q2024-0002  市发改局  逾期未销号  2024-07-15  2024-07-20         5                                 群众反映  项目审批超时限
' ''
t problem list --as-of 2024-07-25 --overdue --format csv
expect_run 0 $'问题编号,单位,销号状态,交办日期,整改时限,逾期天数,销号日期,涉及,发现途径,问题,销号依据\r
Q2024-0002,fgj,逾期未销号,2024-07-15T11:00:00+08:00,2024-07-20,5,,,群众反映,项目审批超时限,\r
' ''

# Closing: dated, by whom, with evidence; the table is appended.
before=$(cat rec/problems/Q2024-0002.toml)
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:00:00+08:00 t problem close Q2024-0002 --evidence '已于7月24日办结, 附审批单'
expect_run 0 '[[close]]
at = 2024-07-25T09:00:00+08:00
by = "督查室"
evidence = "已于7月24日办结, 附审批单"
' 'closed Q2024-0002 in rec/problems/Q2024-0002.toml
'
expect "close appends" "$before

[[close]]
at = 2024-07-25T09:00:00+08:00
by = \"督查室\"
evidence = \"已于7月24日办结, 附审批单\"" "$(cat rec/problems/Q2024-0002.toml)"

# Closing twice, an unknown id, reopening an open problem: refused, nothing written.
written=$(state)
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:30:00+08:00 t problem close Q2024-0002 --evidence 复查
expect_run 1 '' 'tally: error: ID: problem Q2024-0002 is already closed (2024-07-25T09:00:00+08:00 by 督查室: 已于7月24日办结, 附审批单); reopen it first if it is not put right
'
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:30:00+08:00 t problem close Q2024-0012 --evidence 复查
expect_run 1 '' "tally: error: ID: unknown problem 'Q2024-0012' (did you mean 'Q2024-0002'?); \`tally problem list\` lists them
"
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:30:00+08:00 t problem reopen Q2024-0001 --reason 复查未整改
expect_run 1 '' 'tally: error: ID: problem Q2024-0001 is open; only a closed problem can be reopened
'
expect "problems after refusals" "$written" "$(state)"

# Closed 5 days after its due date: listed as closed, 5 days late.
TALLY_TODAY=2024-07-25 t problem list --closed --format json
expect_run 0 '{
  "schema": "tally.problems",
  "version": 1,
  "as_of": "2024-07-25",
  "problems": [
    {
      "id": "Q2024-0002",
      "bureau": "fgj",
      "bureau_name": "市发改局",
      "state": "closed",
      "opened": "2024-07-15T11:00:00+08:00",
      "due": "2024-07-20",
      "days_late": 5,
      "indicator": "",
      "task": "",
      "source": "群众反映",
      "text": "项目审批超时限",
      "by": "张三",
      "reopened": 0,
      "closed": "2024-07-25T09:00:00+08:00",
      "closed_by": "督查室",
      "evidence": "已于7月24日办结, 附审批单"
    }
  ]
}
' ''

# Reopened: open again, and overdue since its due date has passed.
TALLY_TODAY=2024-07-26 TALLY_NOW=2024-07-26T09:00:00+08:00 t problem reopen Q2024-0002 --reason 复查发现仍未办结
expect_run 0 '[[reopen]]
at = 2024-07-26T09:00:00+08:00
by = "督查室"
reason = "复查发现仍未办结"
' 'reopened Q2024-0002 in rec/problems/Q2024-0002.toml
'
TALLY_TODAY=2024-07-26 t problem list --bureau 发改局 --format md
expect_run 0 '| 问题编号 | 单位 | 销号状态 | 交办日期 | 整改时限 | 逾期天数 | 销号日期 | 涉及 | 发现途径 | 问题 | 销号依据 |
|---|---|---|---|---|--:|---|---|---|---|---|
| Q2024-0002 | 市发改局 | 逾期未销号 | 2024-07-15 | 2024-07-20 | 6 |  |  | 群众反映 | 项目审批超时限 |  |
' ''

TALLY_TODAY=2024-07-26 t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 1 actuals, 2 problems)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'

# The rest of the bad input, each refused with one line naming the
# argument, nothing written: a due date that is no date, both an indicator
# and a task, an unknown task, reopening an unknown problem, closing
# without evidence.
written=$(state)
t problem open --bureau 工信局 --due 2024-02-30 --text 围挡 --indicator industry.bio-output --task industry.bio-chain
expect_run 1 '' "tally: error: --due: '2024-02-30' is not a date such as 2024-08-15
tally: error: --task: give --indicator or --task, not both
"
t problem open --bureau 工信局 --due 2024-08-15 --text 围挡 --task industry.bio-chian
expect_run 1 '' "tally: error: --task: unknown task 'industry.bio-chian'; \`tally list tasks\` lists them
"
TALLY_TODAY=2024-07-26 t problem reopen Q2024-0011 --reason 复查
expect_run 1 '' "tally: error: ID: unknown problem 'Q2024-0011' (did you mean 'Q2024-0001'?); \`tally problem list\` lists them
"
TALLY_TODAY=2024-07-26 t problem close Q2024-0001 --evidence ' '
expect_run 1 '' "tally: error: --evidence: empty; say what shows the problem is put right (销号依据)
"
expect "problems after the bad input" "$written" "$(state)"
