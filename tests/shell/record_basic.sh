# tally record: what it prints and appends, byte preservation of a
# hand-edited file, --dry-run, a correction with --reason, and tally log.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
original=$(cat rec/actuals/gxj.toml; echo .)
original=${original%.}

# --dry-run prints exactly the bytes it would append, and writes nothing.
before=$(actuals_state)
t record industry.bio-output 18000万元 --period 2024-06 --source 统计局6月月报 --note 1-6月累计 --dry-run
expect_run 0 '

[[actual]]
indicator = "industry.bio-output"
period = "2024-06"
value = 1.8
unit = "亿元"
recorded = 2024-07-15T10:02:00+08:00
by = "gxj"
source = "统计局6月月报"
note = "1-6月累计"
' 'dry run: nothing was written; rec/actuals/gxj.toml would get the text above
'
expect "actuals after --dry-run" "$before" "$(actuals_state)"

# The record itself: 18000万元 is 1.8 亿元; the hand-edited file keeps every
# byte, and gets the newline it lacked before the new record.
t record industry.bio-output 18000万元 --period 2024-06 --source 统计局6月月报 --note 1-6月累计
expect_run 0 '[[actual]]
indicator = "industry.bio-output"
period = "2024-06"
value = 1.8
unit = "亿元"
recorded = 2024-07-15T10:02:00+08:00
by = "gxj"
source = "统计局6月月报"
note = "1-6月累计"
' 'recorded in rec/actuals/gxj.toml:12
'
expect "rec/actuals/gxj.toml" "$original

[[actual]]
indicator = \"industry.bio-output\"
period = \"2024-06\"
value = 1.8
unit = \"亿元\"
recorded = 2024-07-15T10:02:00+08:00
by = \"gxj\"
source = \"统计局6月月报\"
note = \"1-6月累计\"" "$(cat rec/actuals/gxj.toml)"

# A bureau named by its alias; a milestone as a percent; a new file.
# TALLY_NOW holds the clock at 10:02:00, where a record is stamped already:
# each write after it is a millisecond later (.001, then .002), so stamps
# follow the order of writes, across files too.
t record industry.museum 60% --period 2024-Q2 --source 现场核查 --by 发改局
expect_run 0 '[[actual]]
indicator = "industry.museum"
period = "2024-Q2"
value = "60%"
recorded = 2024-07-15T10:02:00.001+08:00
by = "fgj"
source = "现场核查"
' 'recorded in rec/actuals/fgj.toml:4 (new file)
'
expect "rec/actuals/fgj.toml" '# Actuals reported by 市发改局 (fgj). `tally record` and `tally import` append here;
# what is already written is never rewritten.

[[actual]]
indicator = "industry.museum"
period = "2024-Q2"
value = "60%"
recorded = 2024-07-15T10:02:00.001+08:00
by = "fgj"
source = "现场核查"' "$(cat rec/actuals/fgj.toml)"

# Relative periods and units: 0.12万人 for last-month is 1200 人 for 2024-06.
t record industry.jobs 0.12万人 --period last-month --source 人社局月报 -q
expect_run 0 '[[actual]]
indicator = "industry.jobs"
period = "2024-06"
value = 1200
unit = "人"
recorded = 2024-07-15T10:02:00.002+08:00
by = "rsj"
source = "人社局月报"
' ''

# The statistics bureau revises June: a second record needs --reason.
export TALLY_NOW=2024-07-20T15:30:00+08:00 TALLY_TODAY=2024-07-20
t record industry.bio-output 1.9 --period 2024-06 --source 统计局修订稿 --reason 统计局修订 --note '1-6月累计, "修订"'
expect_run 0 '[[actual]]
indicator = "industry.bio-output"
period = "2024-06"
value = 1.9
unit = "亿元"
recorded = 2024-07-20T15:30:00+08:00
by = "gxj"
source = "统计局修订稿"
note = "1-6月累计, \"修订\""
reason = "统计局修订"
' 'recorded in rec/actuals/gxj.toml:22
'

t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 5 actuals)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'

t log
expect_run 0 '登记时间          指标                 期间        数值  报送单位  来源           备注               更正原因    状态
----------------  -------------------  -------  -------  --------  -------------  -----------------  ----------  --------
2024-06-12 09:30  industry.bio-output  2024-05  1.5亿元  gxj       统计局5月月报  1-5月累计                      现行
2024-07-15 10:02  industry.bio-output  2024-06  1.8亿元  gxj       统计局6月月报  1-6月累计                      已被更正
2024-07-15 10:02  industry.museum      2024-Q2      60%  fgj       现场核查                                      现行
2024-07-15 10:02  industry.jobs        2024-06   1200人  rsj       人社局月报                                    现行
2024-07-20 15:30  industry.bio-output  2024-06  1.9亿元  gxj       统计局修订稿   1-6月累计, "修订"  统计局修订  现行
' ''

# CSV lines end in CRLF (RFC 4180).
t log industry.bio-output --since 2024-07 --lang en --format csv
expect_run 0 "$(printf '%s\r\n' \
  'recorded,indicator,period,value,unit,by,source,note,reason,status' \
  '2024-07-15T10:02:00+08:00,industry.bio-output,2024-06,1.8,亿元,gxj,统计局6月月报,1-6月累计,,superseded' \
  '2024-07-20T15:30:00+08:00,industry.bio-output,2024-06,1.9,亿元,gxj,统计局修订稿,"1-6月累计, ""修订""",统计局修订,in force')
" ''

t log industry.museum --format json
expect_run 0 '[
  {
    "recorded": "2024-07-15T10:02:00.001+08:00",
    "indicator": "industry.museum",
    "period": "2024-Q2",
    "value": "60%",
    "unit": "",
    "by": "fgj",
    "source": "现场核查",
    "note": "",
    "reason": "",
    "superseded": false,
    "file": "rec/actuals/fgj.toml",
    "line": 4
  }
]
' ''

t log --since 2024-07-21
expect_run 0 '' 'no records
'
t log industry.bio-outpt
expect_run 2 '' "tally: error: unknown indicator 'industry.bio-outpt' (did you mean 'industry.bio-output'?); \`tally list indicators\` lists them
"
t log --since yesterday
expect_run 2 '' "tally: error: --since 'yesterday' is not a date such as 2024-07-01 or a period such as 2024-07 or last-month
"
