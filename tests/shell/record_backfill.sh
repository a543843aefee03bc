# A month back-filled before a later month of a running total (basis =
# "ytd") that is already on file: the later record now falls, and the
# warning points at that record in its own file, exactly as `tally check`
# shows it, whether the file is the one written or another bureau's.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan

TALLY_NOW=2024-07-15T10:00:00+08:00 t record industry.bio-output 1 --period 2024-02 --source 统计局2月月报 -q
expect_run 0 '[[actual]]
indicator = "industry.bio-output"
period = "2024-02"
value = 1
unit = "亿元"
recorded = 2024-07-15T10:00:00+08:00
by = "gxj"
source = "统计局2月月报"
' ''

# January, recorded after February: February's total of 1 is below it.
falls_feb="rec/actuals/gxj.toml:15:9: warning: running total of 'industry.bio-output' falls from 2 (2024-01) to 1 (2024-02); a ytd value is the total since the plan start [ytd-decrease]
  value = 1
          ^
"
before=$(actuals_state)
TALLY_NOW=2024-07-15T10:01:00+08:00 t record industry.bio-output 2 --period 2024-01 --source 统计局1月月报 --dry-run
expect_run 0 '
[[actual]]
indicator = "industry.bio-output"
period = "2024-01"
value = 2
unit = "亿元"
recorded = 2024-07-15T10:01:00+08:00
by = "gxj"
source = "统计局1月月报"
' "dry run: nothing was written; rec/actuals/gxj.toml would get the text above
$falls_feb"
expect "actuals after --dry-run" "$before" "$(actuals_state)"

TALLY_NOW=2024-07-15T10:01:00+08:00 t record industry.bio-output 2 --period 2024-01 --source 统计局1月月报
expect_run 0 '[[actual]]
indicator = "industry.bio-output"
period = "2024-01"
value = 2
unit = "亿元"
recorded = 2024-07-15T10:01:00+08:00
by = "gxj"
source = "统计局1月月报"
' "recorded in rec/actuals/gxj.toml:21
$falls_feb"

# April by another bureau, imported with a figure of a third: May's 1.5,
# typed by hand in gxj.toml, falls. February's fall was there before and
# is not repeated.
printf '%s\n' 'indicator,period,value,by,source' 'industry.bio-output,2024-04,2,fgj,统计局4月月报' \
  'industry.jobs,2024-06,1200,rsj,人社局月报' >apr.csv
falls_may="rec/actuals/gxj.toml:6:15: warning: running total of 'industry.bio-output' falls from 2 (2024-04) to 1.5 (2024-05); a ytd value is the total since the plan start [ytd-decrease]
  value       = 1.5
                ^
"
TALLY_NOW=2024-07-15T10:02:00+08:00 t import apr.csv
expect_run 0 'rec/actuals/fgj.toml: 1 record appended (new file)
rec/actuals/rsj.toml: 1 record appended (new file)
' "imported 2 records from apr.csv
$falls_may"

# tally check says the same of the files as written.
t check
expect_run 0 "$falls_may$falls_feb" 'rec: 0 errors, 2 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 5 actuals)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'
