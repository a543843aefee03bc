# tally import: a CSV file as spreadsheets write it (BOM, CRLF, quotes),
# every row checked first with its line number, all or nothing, --dry-run.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
before=$(actuals_state)

# One bad row among good ones: every problem is listed, nothing is written.
printf '%s\r\n' \
  'indicator,period,value,by,source,note,reason' \
  'industry.jobs,2024-06,0.12万人,,人社局月报,1-6月累计,' \
  'industry.firms,2024-06,30100,发改局,市场监管局,"含""个体户"", 不含农户",' \
  'industry.jobs,2024-06,1300,,人社局,,' \
  'industry.bio-outpt,2024-13,1.8,,统计局,,' \
  'industry.urban-rate,2024-06,43.2,,统计局' \
  ',,,,,,' \
  'industry.bio-output,2024-05,1.6,,统计局,,' >bad.csv
t import bad.csv
expect_run 1 '' "bad.csv:4: period: industry.jobs 2024-06 is also on line 2; one batch records one figure per indicator and period
bad.csv:5: indicator: unknown indicator 'industry.bio-outpt' (did you mean 'industry.bio-output'?); \`tally list indicators\` lists them
bad.csv:5: period: '2024-13': there is no month 13
bad.csv:6: 5 fields, but the header names 7 columns
bad.csv:8: reason: industry.bio-output 2024-05 already has 1.5亿元 (recorded 2024-06-12T09:30:00+08:00 by gxj, source 统计局5月月报); a second record must give a reason saying why it replaces that one
tally: error: bad.csv: 4 rows cannot be recorded; nothing was imported
"
expect "actuals after a refused import" "$before" "$(actuals_state)"

# Text fields are refused per row as by tally record: a note of 1 MB
# (before, a 50 MB note was imported without complaint and made tally log
# print gigabytes), a line end in a quoted reason, a formula is fine as text.
{ printf '%s\r\n' 'indicator,period,value,source,note,reason' \
    'industry.jobs,2024-06,1200,人社局,=HYPERLINK("http://e.x"),'
  printf 'industry.firms,2024-06,30100,市场监管局,%s,\r\n' "$(head -c 1000000 /dev/zero | tr '\0' n)"
  printf '%s\r\n' 'industry.bio-output,2024-06,1.8,统计局,,"修订' '2024-07-16 08:00  伪造的一行"'
} >text.csv
t import text.csv
expect_run 1 '' "text.csv:3: note: 1000000 bytes long, at most 2000 are kept; give the gist and cite the document it comes from
text.csv:4: reason: character 3 is the control character \\x0a; write the text on one line, without control characters
tally: error: text.csv: 2 rows cannot be recorded; nothing was imported
"
expect "actuals after refused text" "$before" "$(actuals_state)"

# The file as Excel saves "CSV UTF-8": a byte-order mark and CRLF; columns
# in any order, by and note left out.
{ printf '\xEF\xBB\xBF'; printf '%s\r\n' \
  'Indicator,Value,Period,Source,Reason' \
  'industry.jobs,0.12万人,2024-06,人社局月报,' \
  'industry.firms,30100,2024-06,"市场监管局, 6月",' \
  '' \
  'industry.bio-output,1.6,2024-05,统计局修订稿,统计局修订'; } >june.csv
t import june.csv --dry-run
expect_run 0 '# rec/actuals/fgj.toml: 1 record would be appended (new file)
# Actuals reported by 市发改局 (fgj). `tally record` and `tally import` append here;
# what is already written is never rewritten.

[[actual]]
indicator = "industry.firms"
period = "2024-06"
value = 30100
unit = "户"
recorded = 2024-07-15T10:02:00+08:00
by = "fgj"
source = "市场监管局, 6月"
# rec/actuals/gxj.toml: 1 record would be appended


[[actual]]
indicator = "industry.bio-output"
period = "2024-05"
value = 1.6
unit = "亿元"
recorded = 2024-07-15T10:02:00+08:00
by = "gxj"
source = "统计局修订稿"
reason = "统计局修订"
# rec/actuals/rsj.toml: 1 record would be appended (new file)
# Actuals reported by 市人社局 (rsj). `tally record` and `tally import` append here;
# what is already written is never rewritten.

[[actual]]
indicator = "industry.jobs"
period = "2024-06"
value = 1200
unit = "人"
recorded = 2024-07-15T10:02:00+08:00
by = "rsj"
source = "人社局月报"
' 'dry run: nothing was written; would import 3 records from june.csv
'
expect "actuals after --dry-run" "$before" "$(actuals_state)"

t import june.csv
expect_run 0 'rec/actuals/fgj.toml: 1 record appended (new file)
rec/actuals/gxj.toml: 1 record appended
rec/actuals/rsj.toml: 1 record appended (new file)
' 'imported 3 records from june.csv
'
t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 4 actuals)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'
# Importing the same file again is refused: the figures are there already.
# Row 5, a correction with a reason, would be accepted in the same second:
# it is appended after the record it corrects, in the same file (gxj.toml).
t import june.csv
expect_run 1 '' "june.csv:2: reason: industry.jobs 2024-06 already has 1200人 (recorded 2024-07-15T10:02:00+08:00 by rsj, source 人社局月报); a second record must give a reason saying why it replaces that one
june.csv:3: reason: industry.firms 2024-06 already has 30100户 (recorded 2024-07-15T10:02:00+08:00 by fgj, source 市场监管局, 6月); a second record must give a reason saying why it replaces that one
tally: error: june.csv: 2 rows cannot be recorded; nothing was imported
"

# Files that are not CSV as expected.
printf 'indicator;period;value;source\n' >semi.csv
t import semi.csv
expect_run 1 '' "semi.csv:1: the columns are separated by ';' or tabs; save the file as CSV with commas (indicator,period,value,by,source,note,reason,highlight)
tally: error: semi.csv: nothing was imported
"
printf 'indicator,period,vlue,source\n' >col.csv
t import col.csv
expect_run 1 '' "col.csv:1: unknown column 'vlue' (did you mean 'value'?); the columns are indicator, period, value, by, source, note, reason, highlight (or 指标编号, 期别, 本期实绩/状态, 报送单位, 来源, 备注, 更正原因, 特色亮点)
tally: error: col.csv: nothing was imported
"
printf 'indicator,period,value\n' >nosrc.csv
t import nosrc.csv
expect_run 1 '' "nosrc.csv:1: no column 'source'; the header must name indicator, period, value and source (by, note, reason and highlight are optional)
tally: error: nosrc.csv: nothing was imported
"
printf 'indicator,period,value,source\nindustry.jobs,2024-06,1,"open\n' >quote.csv
t import quote.csv
expect_run 1 '' "quote.csv:2: a quoted field starts here and is never closed; add the closing \"
tally: error: quote.csv: nothing was imported
"
printf 'indicator,period,value,source\nindustry.jobs,2024-06,1,\xcd\xb3\xbc\xc6\xbe\xd6\n' >gbk.csv
t import gbk.csv
expect_run 1 '' "gbk.csv:2: the file is not UTF-8: byte 0xBC at offset 56; Excel's \"CSV (逗号分隔)\" saves GBK: import it with --encoding gbk, or save as \"CSV UTF-8 (逗号分隔)\"
tally: error: gbk.csv: nothing was imported
"
printf 'indicator,period,value,source\n' >empty.csv
t import empty.csv
expect_run 0 '' 'empty.csv: no rows to import
'
t import missing.csv
expect_run 2 '' 'tally: error: missing.csv: no such file
'
