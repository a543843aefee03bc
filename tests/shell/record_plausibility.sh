# A scale typo is refused with the likely reading spelled out, by record and
# by import (all or nothing), and recorded with --force: the case,
# 106000 typed for 新增银行贷款 (target 20亿元) where the clerk meant 万元.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST" || exit 1
cp -r "$SRC/docs/examples/hongjiang-2024-h1/actuals" a
export TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T10:00:00+08:00

run() {
  "$TALLY" --plan "$SRC/plans/hongjiang-2024" --actuals a "$@" >out 2>err
  rc=$?
  out=$(cat out; echo .); out=${out%.}
  err=$(cat err; echo .); err=${err%.}
}
state() { cat a/*.toml | md5sum; }
before=$(state)

# 106000 亿元 / 20 亿元 = 5300 (the largest figure on record, 12.2亿元 for
# June, is smaller); 106000 万元 = 10.6 亿元 lies within 2–200.
typo="'106000' is 106000亿元, 5300× the target 20亿元 (did you mean 106000万元 = 10.6亿元?); give --force if the figure is right"
run record industry.bank-loans 106000 --period 2024-07 --source 市发改局工作台账
expect "record: exit code" 1 "$rc"
expect "record: stderr" "tally: error: VALUE: $typo
" "$err"
expect "record: nothing written" "$before" "$(state)"

# import: one implausible row refuses the whole file.
printf 'indicator,period,value,source\n%s\n%s\n' \
  "industry.bank-loans,2024-07,106000,市发改局工作台账" \
  "industry.bio-output,2024-07,1.1,市统计局统计月报" >rows.csv
run import rows.csv
expect "import: exit code" 1 "$rc"
expect "import: stderr" "rows.csv:2: value: $typo
tally: error: rows.csv: 1 row cannot be recorded; nothing was imported
" "$err"
expect "import: nothing written" "$before" "$(state)"

# What the clerk meant is recorded; so is the figure with --force.
run record industry.bank-loans 106000万元 --period 2024-07 --source 市发改局工作台账 --dry-run
expect "the meant figure: exit code" 0 "$rc"
expect "the meant figure: value" "value = 10.6" "$(grep '^value' out)"
run import rows.csv --force --dry-run
expect "import --force: exit code" 0 "$rc"
