# tally record refuses bad input with one clear line per problem, the right
# exit code, and no change to any file.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
before=$(actuals_state)

refused() {  # refused EXPECTED-STDERR ARGS...
  local want=$1
  shift
  t record "$@"
  expect_run 1 '' "$want
"
}

refused "tally: error: INDICATOR: unknown indicator 'industry.bio-outpt' (did you mean 'industry.bio-output'?); \`tally list indicators\` lists them" \
  industry.bio-outpt 1.8 --period 2024-06 --source 统计局
refused "tally: error: INDICATOR: '城镇新增就业' is the name of 'industry.jobs'; give its id" \
  城镇新增就业 1200 --period 2024-06 --source 人社局
refused "tally: error: --period: '2024-13': there is no month 13" \
  industry.jobs 1200 --period 2024-13 --source 人社局
refused "tally: error: --period: '2024-06-15' looks like a date; periods name a span: write 2024, 2024-H1, 2024-Q2, 2024-06 or 2024-06-D2 (2024-06上旬/中旬/下旬)" \
  industry.jobs 1200 --period 2024-06-15 --source 人社局
refused "tally: error: --period: 2025-01 is outside the plan (2024-01-01 to 2024-12-31)" \
  industry.jobs 1200 --period 2025-01 --source 人社局
refused "tally: error: --period: 2024-08 has not started yet (it starts 2024-08-01; today is 2024-07-15); a figure can be recorded once its period has begun" \
  industry.jobs 1200 --period 2024-08 --source 人社局
refused "tally: error: --by: unknown bureau '工信' (did you mean '工信局'?); \`tally list bureaus\` shows ids, names and aliases" \
  industry.jobs 1200 --period 2024-06 --source 人社局 --by 工信
# industry.jobs: lead rsj; its action's office fgj may record it, gxj may not.
refused "tally: error: --by: 市工信局 (gxj) neither leads nor works on 'industry.jobs' (lead 市人社局; office 市发改局); name one of them, or give --force if it reports this figure" \
  industry.jobs 1200 --period 2024-06 --source 人社局 --by 工信局
refused "tally: error: VALUE: '3.6亿美元' is in 亿美元, which does not convert to the indicator's unit 亿元" \
  industry.bio-output 3.6亿美元 --period 2024-06 --source 统计局
refused "tally: error: VALUE: '1,200' has a thousands separator; write the number without it, e.g. 1200" \
  industry.jobs 1,200 --period 2024-06 --source 人社局
refused "tally: error: VALUE: 'inf' is not a number; write a decimal such as 3.6, optionally with a unit such as 3.6亿元" \
  industry.jobs inf --period 2024-06 --source 人社局
refused "tally: error: VALUE: '99999999999.99999亿元' is 99999999999.99999亿元, more digits than an actuals file keeps exactly (15 significant digits, 18 in a whole number); round it" \
  industry.bio-output 99999999999.99999亿元 --period 2024-06 --source 统计局
refused "tally: error: VALUE: '-5' is negative; a cumulative value cannot be below 0 (only growth rates can)" \
  industry.jobs -5 --period 2024-06 --source 人社局
refused "tally: error: VALUE: 'finish' is not a stage of milestone 'industry.museum'; give not-started, in-progress, done or a percent such as 60%" \
  industry.museum finish --period 2024-06 --source 现场
refused "tally: error: --source: empty; say where the figure comes from, e.g. 统计局6月月报" \
  industry.jobs 1200 --period 2024-06 --source ' '
refused "tally: error: --reason: industry.bio-output 2024-05 already has 1.5亿元 (recorded 2024-06-12T09:30:00+08:00 by gxj, source 统计局5月月报); a second record must give a reason saying why it replaces that one" \
  industry.bio-output 1.6 --period 2024-05 --source 统计局
# Text fields are UTF-8 on one line without control characters, of a sane
# length: an escape in a source would retitle the terminal of whoever runs
# `tally log`, a line end in a reason would print a fake row.
refused "tally: error: --source: character 2 is the control character \\x1b; write the text on one line, without control characters" \
  industry.jobs 1200 --period 2024-06 --source $'x\e]0;pwned\a'
refused "tally: error: --note: character 2 is the control character \\x0a; write the text on one line, without control characters" \
  industry.jobs 1200 --period 2024-06 --source 人社局 --note $'a\n2024-07-16 08:00  industry.jobs'
refused "tally: error: --note: 2001 bytes long, at most 2000 are kept; give the gist and cite the document it comes from" \
  industry.jobs 1200 --period 2024-06 --source 人社局 --note "$(printf 'n%.0s' $(seq 2001))"
# A 19-digit value is refused, never silently rounded.
refused "tally: error: VALUE: '1234567890123456789' has 19 digits, more than an actuals file keeps exactly (15 significant digits, 18 in a whole number); round it" \
  industry.jobs 1234567890123456789 --period 2024-06 --source 人社局
# Bytes that are not UTF-8 (a terminal set to GBK) and an empty --by are a
# wrong command line: exit 2, one line, nothing written.
t record industry.jobs 1200 --period 2024-06 --source $'\xe4\xba\xff'
expect_run 2 '' "tally: error: --source: byte 1 is not UTF-8; type the text in UTF-8 (a terminal set to GBK sends GBK)
"
t record industry.jobs 1200 --period 2024-06 --source 人社局 --by ''
expect_run 2 '' "tally: error: --by: empty; name the reporting bureau (\`tally list bureaus\`), or leave --by out for the indicator's lead
"
# Every problem of one command at once.
refused "tally: error: --period: 2025-01 is outside the plan (2024-01-01 to 2024-12-31)
tally: error: --by: unknown bureau 'nobody'; \`tally list bureaus\` shows ids, names and aliases
tally: error: VALUE: 'x' is not a number; write a decimal such as 3.6, optionally with a unit such as 3.6亿元
tally: error: --source: empty; say where the figure comes from, e.g. 统计局6月月报" \
  industry.jobs x --period 2025-01 --source '' --by nobody

# A malformed command line or environment: exit 2.
t record industry.jobs 1200 --period 2024-06
expect_run 2 '' '--source is required
Run with --help for more information.
'
TALLY_NOW=yesterday t record industry.jobs 1200 --period 2024-06 --source 人社局
expect_run 2 '' "tally: error: TALLY_NOW 'yesterday' is not a time such as 2024-07-15T10:02:00+08:00
"
TALLY_NOW=2024-07-16T08:00:00+08:00 t record industry.jobs 1200 --period 2024-06 --source 人社局
expect_run 2 '' "tally: error: TALLY_NOW 2024-07-16T08:00:00+08:00 is after today (2024-07-15); a record cannot be stamped in the future
"

expect "actuals after the refusals" "$before" "$(actuals_state)"
