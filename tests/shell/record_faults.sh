# Writes that fail part-way (a file-size limit, a read-only directory) leave
# every file byte-identical with no temporary file, exit 3 and say so; a
# transaction a crash interrupted is undone by the next writer.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan

# gxj.toml just under 1 KiB: the record fits no more under `ulimit -f 1`.
for i in $(seq 12); do printf '# %s\n' "padding line $i for the size limit test, 1234567890 abcdefghij" >>rec/actuals/gxj.toml; done
# Make sure the lock file is there before the limit applies.
printf '' >rec/actuals/.tally.lock
before=$(actuals_state)
last="record under ulimit -f 1"
(ulimit -f 1; run record industry.bio-output 1.8 --period 2024-06 --source 统计局; declare -p out err rc >vars)
source ./vars
expect_run 3 '' "tally: error: cannot write rec/actuals/.gxj.toml.tally-tmp: File too large; nothing was written, the actuals are as they were
"
expect "actuals after the failed record" "$before" "$(actuals_state)"

# An import whose second file cannot be written: the first is not replaced.
printf '%s\n' 'indicator,period,value,source' 'industry.firms,2024-06,30100,市场监管局' \
  'industry.bio-output,2024-06,1.8,统计局' >two.csv
last="import under ulimit -f 1"
(ulimit -f 1; run import two.csv; declare -p out err rc >vars)
source ./vars
expect_run 3 '' "tally: error: cannot write rec/actuals/.gxj.toml.tally-tmp: File too large; nothing was written, the actuals are as they were
"
expect "actuals after the failed import" "$before" "$(actuals_state)"

# A read-only actuals directory (as another user when the tests run as root,
# since root writes anywhere).
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chmod -R a+rX "$TMPDIR_TEST"
fi
chmod a-w rec/actuals
last="record into a read-only directory"
"${as_user[@]}" "$TALLY" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局 >.out 2>.err
rc=$?; out=$(cat .out); err=$(cat .err)
expect_run 3 '' "tally: error: cannot create rec/actuals/.rsj.toml.tally-tmp: Permission denied; nothing was written, the actuals are as they were"
expect "actuals after the read-only record" "$before" "$(actuals_state)"
chmod u+w rec/actuals && rm rec/actuals/.tally.lock && chmod a-w rec/actuals
"${as_user[@]}" "$TALLY" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局 >.out 2>.err
rc=$?; out=$(cat .out); err=$(cat .err)
expect_run 3 '' "tally: error: cannot create the lock file rec/actuals/.tally.lock: Permission denied; nothing was written, the actuals are as they were"
chmod u+w rec/actuals

# What a crash in the middle of an import leaves: fgj.toml new, gxj.toml
# already replaced (its backup beside it), rsj.toml not yet renamed.
fresh_plan
cp rec/actuals/gxj.toml rec/actuals/.gxj.toml.tally-bak
printf '%s\n' '[[actual]]' 'indicator = "industry.firms"' 'period = "2024-06"' 'value = 30100' \
  'recorded = 2024-07-15T09:00:00+08:00' 'by = "fgj"' 'source = "市场监管局"' >rec/actuals/fgj.toml
printf '\n# half of an interrupted import\n' >>rec/actuals/gxj.toml
printf 'leftover' >rec/actuals/.rsj.toml.tally-tmp
printf 'tally-journal 1\ncreate fgj.toml\nreplace gxj.toml\ncreate rsj.toml\n' >rec/actuals/.tally.journal
t record industry.jobs 1200 --period 2024-06 --source 人社局 -q
expect_run 0 '[[actual]]
indicator = "industry.jobs"
period = "2024-06"
value = 1200
unit = "人"
recorded = 2024-07-15T10:02:00+08:00
by = "rsj"
source = "人社局"
' ''
expect "gxj.toml after recovery" "$(cat "$SRC/tests/plans/rec/actuals/gxj.toml")" "$(cat rec/actuals/gxj.toml)"
expect "files after recovery" ".tally.lock gxj.toml rsj.toml " "$(ls -A rec/actuals | tr '\n' ' ')"
