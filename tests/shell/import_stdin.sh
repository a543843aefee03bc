# tally import reads its CSV from standard input as `-` or /dev/stdin (a
# pipe is not "no such file").
source "$SRC/tests/shell/lib/record.bash"

fresh_plan
csv=$'indicator,period,value,source\nindustry.jobs,2024-06,1200,人社局\n'
last="import -"
printf '%s' "$csv" | "$TALLY" --plan rec import - --dry-run >.out 2>.err
rc=$?
expect "import -: exit" 0 "$rc"
expect "import -: what it says" "dry run: nothing was written; would import 1 record from standard input" "$(cat .err)"
last="import /dev/stdin"
printf '%s' "$csv" | "$TALLY" --plan rec import /dev/stdin >.out 2>.err
rc=$?
expect "import /dev/stdin: exit" 0 "$rc"
expect "import /dev/stdin: appended" "rec/actuals/rsj.toml: 1 record appended (new file)" "$(cat .out)"
t import missing.csv
expect_run 2 '' "tally: error: missing.csv: no such file
"

