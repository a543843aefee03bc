# tally add indicator|task|bureau: one entry appended as the file's entries
# are written, after the plan with it passes `tally check`; a bad value gets
# the diagnostic check gives it, and nothing is written.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST" || exit 1
# t ARGS...: tally ARGS, its exit code in $rc and exact output in $out, $err.
t() {
  last="tally $*"
  "$TALLY" "$@" >.out 2>.err
  rc=$?
  out=$(cat .out; echo .); out=${out%.}
  err=$(cat .err; echo .); err=${err%.}
}
# expect_run RC STDOUT STDERR: the exit code, stdout and stderr of the last `t`.
expect_run() {
  expect "exit code of: $last" "$1" "$rc"
  expect "stdout of: $last" "$2" "$out"
  expect "stderr of: $last" "$3" "$err"
}
"$TALLY" plan import "$SRC/tests/data/dazhu-2016-minsheng.csv" --into dz -q >/dev/null
action=dz/actions/01-a01.toml

# An indicator, its bureau given by name (县住建局 is b02), its id by slug.
t --plan dz add indicator --action a01 --id shelter-units --name 保障性住房配租 --kind cumulative \
  --unit 套 --target 300 --lead 县住建局 --co 县民政局,b01 --source 竹府办〔2016〕20号
expect_run 0 'dz/actions/01-a01.toml
' 'tally: indicator a01.shelter-units added to dz/actions/01-a01.toml
'
expect "add indicator: the text appended" 'source = "2016年民生实事目标任务分解表 序号10"

[[indicator]]
id = "a01.shelter-units"
name = "保障性住房配租"
kind = "cumulative"
unit = "套"
target = 300
lead = "b02"
co = ["b07", "b01"]
source = "竹府办〔2016〕20号"' "$(tail -11 "$action")"

# A task and a bureau.
t --plan dz add task --action a01 --id flood-control --name 城区防洪 --text 完成东柳河城区段防洪堤建设 \
  --lead b01 --due 2016-10-31
expect_run 0 'dz/actions/01-a01.toml
' 'tally: task a01.flood-control added to dz/actions/01-a01.toml
'
expect "add task: the text appended, no co when none is given" '[[task]]
id = "a01.flood-control"
name = "城区防洪"
text = "完成东柳河城区段防洪堤建设"
due = 2016-10-31
lead = ["b01"]' "$(tail -6 "$action")"
t --plan dz add bureau --id tjj --name 县统计局 --full-name 大竹县统计局 --alias 统计局
expect_run 0 'dz/bureaus.toml
' 'tally: bureau tjj added to dz/bureaus.toml
'
expect "add bureau: the text appended" '
[bureau.tjj]
name = "县统计局"
full_name = "大竹县统计局"
aliases = ["统计局"]' "$(tail -5 dz/bureaus.toml)"
expect "check after the adds" "dz: 0 errors, 0 warnings (1 actions, 12 indicators, 1 tasks, 11 bureaus, 0 actuals, 0 problems)" \
  "$("$TALLY" check --plan dz 2>&1)"

# Refused with check's diagnostics, nothing written: a kind that is not
# one (增长 for 增速), a full-width target, a lead no bureau has, an id
# already taken, a due date outside the plan.
before=$(cat "$action" dz/bureaus.toml | md5sum)
t --plan dz add indicator --action a01 --id gdp --name 地区生产总值增速 --kind 增长 --unit % --target ６ --lead 县发改局
expect_run 1 '' 'dz/actions/01-a01.toml:154:8: error: kind '"'"'增长'"'"' is not one of cumulative, level, growth, milestone, rank (in Chinese 累计, 存量, 增速, 里程碑, 排名, 名次) (did you mean '"'"'增速'"'"'?) [bad-enum]
  kind = "增长"
         ^
dz/actions/01-a01.toml:156:10: error: '"'"'target'"'"' must be a number, { about = <number> } or [<low>, <high>], not a string [wrong-type]
  target = "６"
           ^
dz/actions/01-a01.toml:157:8: error: unknown bureau '"'"'县发改局'"'"' in lead [unknown-bureau]
  lead = "县发改局"
         ^
tally: error: the plan with this entry would have 3 errors; nothing was written
'
# (The file has 149 lines: the entry starts at 151, its id on 152, its kind
# on 154, the due date or unit on 155.)
t --plan dz add indicator --action a01 --id 02 --name 重复 --kind milestone --due 2015-12-31 --lead b01
expect_run 1 '' 'dz/actions/01-a01.toml:152:6: error: indicator id '"'"'a01.02'"'"' is already defined in actions/01-a01.toml [duplicate-id]
  id = "a01.02"
       ^
dz/actions/01-a01.toml:155:7: error: due date 2015-12-31 is outside the plan (2016-01-01 to 2016-12-31) [date-outside-plan]
  due = 2015-12-31
        ^
tally: error: the plan with this entry would have 2 errors; nothing was written
'
t --plan dz add task --action a02 --id x --name x --text x --lead b01
expect_run 2 '' "tally: error: --action: the plan has no action 'a02' (did you mean 'a01'?)
"
t --plan dz add bureau --id TJJ --name 县统计局
expect_run 1 '' 'dz/bureaus.toml:47:9: error: '"'"'县统计局'"'"' names both bureau '"'"'TJJ'"'"' and bureau '"'"'tjj'"'"'; a name or alias must lead to one bureau [duplicate-name]
  [bureau.tjj]
          ^
dz/bureaus.toml:52:9: error: bureau id '"'"'TJJ'"'"' must be lower-case ASCII letters, digits and '"'"'-'"'"' [bad-slug]
  [bureau.TJJ]
          ^
tally: error: the plan with this entry would have 2 errors; nothing was written
'
expect "refusals: nothing written" "$before" "$(cat "$action" dz/bureaus.toml | md5sum)"
expect "refusals: no file left behind" "" "$(ls -A dz/actions dz | grep -E 'tally-(tmp|bak)|journal')"

# A temporary file a crashed add left in actions/ is cleared by the next
# add to that file, under the same lock.
echo partial >dz/actions/.01-a01.toml.tally-tmp
t --plan dz add task --action a01 --id drainage --name 城区排涝 --text 完成城区排涝管网改造 --lead b02
expect "add after a crash: exit" 0 "$rc"
expect "add after a crash: the temporary file is gone" "01-a01.toml" "$(ls -A dz/actions)"

# With a lead in [defaults], --lead may be left out, and nothing is written
# for it or for co, so the entry takes the defaults; with none, the check's
# missing-key.
t --plan dz add indicator --action a01 --id no-lead --name 无牵头 --kind milestone --due 2016-11-30
expect "no --lead and no default: exit" 1 "$rc"
expect "no --lead and no default" "tally: error: the plan with this entry would have 1 error; nothing was written" "$(grep "^tally:" <<<"$err")"
expect "no --lead and no default: the code" 1 "$(grep -c '\[missing-key\]' <<<"$err")"
printf '\n[defaults]\nlead = "b02"\nco = ["b07"]\n' >>dz/plan.toml
t --plan dz add indicator --action a01 --id shelter-repair --name 保障房维修 --kind milestone --due 2016-11-30
expect "no --lead, a default: exit" 0 "$rc"
expect "no --lead, a default: the text appended" '[[indicator]]
id = "a01.shelter-repair"
name = "保障房维修"
kind = "milestone"
due = 2016-11-30' "$(tail -5 "$action")"
expect "no --lead, a default: the lead and co taken" 'a01.shelter-repair,b02,b07' \
  "$("$TALLY" list indicators --plan dz --format csv --lang en | grep '^a01.shelter-repair,' | cut -d, -f1,7,8)"
