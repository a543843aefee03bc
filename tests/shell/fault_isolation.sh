# One actuals record that breaks a rule is left out of the bulletin and
# named under 数据问题, instead of stopping report, overdue, show and log:
# the June bulletin of the demo ledger with one hand-edited bad record is,
# in every format, the bulletin without it plus that section. `check` still
# fails, `record` still refuses a record beside it, and records for other
# indicators succeed with a warning.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST" || exit 1
plan="$SRC/plans/hongjiang-2024"
cp -r "$SRC/docs/examples/hongjiang-2024-h1/actuals" good
cp -r good bad
# The demo's gxj.toml has 1271 lines; the record appended below starts with
# a blank line, so its [[actual]] is line 1273 and it ends on line 1279.
expect "lines of the demo's gxj.toml" 1271 "$(wc -l <good/gxj.toml)"
cat >>bad/gxj.toml <<'TOML'

[[actual]]
indicator = "industry.bio-outptu"
period = "2024-06"
value = 1.8
recorded = 2024-07-10T09:00:00+08:00
by = "gxj"
source = "手工补录"
TOML

# run DIR ARGS...: tally on the plan with the actuals of DIR as of
# 2024-07-25; stdout in $out, stderr in $err, exit code in $rc.
run() {
  local dir=$1
  shift
  "$TALLY" --plan "$plan" --actuals "$dir" --today 2024-07-25 "$@" >out 2>err
  rc=$?
  out=$(cat out; echo .); out=${out%.}
  err=$(cat err; echo .); err=${err%.}
}

warning="tally: warning: 1 record of the actuals breaks a rule and is left out; the section 数据问题 names it (\`tally check\` shows the finding)
"
reason="unknown indicator 'industry.bio-outptu' (did you mean 'industry.bio-output'?)"

# same_plus NAME SECTION-TRANSFORM ARGS...: the command on the bad ledger
# prints what it prints on the good one, changed by the function $2, exits
# 0 and warns once.
same_plus() {
  local name=$1 change=$2
  shift 2
  run good "$@"
  [ "$rc" = 0 ] || fail "$name: exit $rc on the good ledger: $err"
  local want
  want=$("$change" "$out"; echo .)
  want=${want%.}
  run bad "$@"
  expect "$name: exit code" 0 "$rc"
  expect "$name: stdout" "$want" "$out"
  expect "$name: stderr" "${want_err:-$warning}" "$err"
}

text_section="
数据问题 · 1 条记录不符合规则，未计入
记录位置           指标编号             问题
-----------------  -------------------  -----------------------------------------------------------------------------
bad/gxj.toml:1273  industry.bio-outptu  $reason
"
append_text() { printf '%s%s' "$1" "$text_section"; }
append_text_en() {
  printf '%s%s' "$1" "
Data problems · 1 record breaks a rule and is left out
record             id                   problem
-----------------  -------------------  -----------------------------------------------------------------------------
bad/gxj.toml:1273  industry.bio-outptu  $reason
"
}
append_md() {
  printf '%s%s' "$1" "
## 数据问题

1 条记录不符合规则，未计入。

| 记录位置 | 指标编号 | 问题 |
|---|---|---|
| bad/gxj.toml:1273 | industry.bio-outptu | $reason |
"
}
append_csv() {
  # CSV rows end in CRLF (RFC 4180).
  printf '%s\n%s\r\n%s\r\n' "$1" "数据问题,指标编号,问题" "bad/gxj.toml:1273,industry.bio-outptu,$reason"
}
html_section="<section class=\"problems\">
<h2>数据问题</h2>
<p>1 条记录不符合规则，未计入。</p>
<table>
<thead><tr><th>记录位置</th><th>指标编号</th><th>问题</th></tr></thead>
<tbody>
<tr><td>bad/gxj.toml:1273</td><td>industry.bio-outptu</td><td>unknown indicator &#39;industry.bio-outptu&#39; (did you mean &#39;industry.bio-output&#39;?)</td></tr>
</tbody>
</table>
</section>
"
before_footer() { printf '%s%s<footer>%s' "${1%%<footer>*}" "$html_section" "${1#*<footer>}"; }
json_section='  "data_problems": [
    {
      "file": "bad/gxj.toml",
      "line": 1273,
      "indicator": "industry.bio-outptu",
      "codes": [
        "unknown-indicator"
      ],
      "reasons": [
        "unknown indicator '"'industry.bio-outptu'"' (did you mean '"'industry.bio-output'"'?)"
      ]
    }
  ]'
json_problems() { printf '%s' "${1/  \"data_problems\": \[\]/$json_section}"; }
unchanged() { printf '%s' "$1"; }

# The June bulletin in every format and grouping.
same_plus "report" append_text report --period 2024-06
same_plus "report --by bureau" append_text report --period 2024-06 --by bureau
want_err="tally: warning: 1 record of the actuals breaks a rule and is left out; the section Data problems names it (\`tally check\` shows the finding)
" same_plus "report --lang en" append_text_en --lang en report --period 2024-06
same_plus "report md" append_md report --period 2024-06 --format md
same_plus "report csv" append_csv report --period 2024-06 --format csv --by indicator
same_plus "report html" before_footer report --period 2024-06 --format html
same_plus "report json" json_problems report --period 2024-06 --format json
# The 催报 list and the record log.
same_plus "overdue" append_text overdue
same_plus "overdue json" json_problems overdue --format json
same_plus "log" append_text log
same_plus "log csv" append_csv log --format csv

# --strict: the same bulletin, exit 1.
run bad report --period 2024-06 --strict
expect "report --strict: exit code" 1 "$rc"
expect "report --strict: stderr" "$warning" "$err"

# show names only the records of its own indicator: bio-output's bulletin
# is unchanged and nothing is said.
run good show industry.bio-output
want=$out
run bad show industry.bio-output
expect "show of another indicator: exit code" 0 "$rc"
expect "show of another indicator: stdout" "$want" "$out"
expect "show of another indicator: stderr" "" "$err"

# check still fails on it.
run bad check
expect "check: exit code" 1 "$rc"
expect "check: the finding" "bad/gxj.toml:1273:1: error: $reason [unknown-indicator]" "$(grep -F 'bad/gxj.toml' out)"

# record: another indicator is recorded beside the bad record, with a
# warning; the file it went to is the one with the bad record (after its
# line 1279, a blank line and the new [[actual]] on 1281).
export TALLY_NOW=2024-07-20T10:00:00+08:00
run bad record industry.bio-output 0.95 --period 2024-06 --source 市统计局统计月报 --reason 统计局修订
expect "record beside: exit code" 0 "$rc"
expect "record beside: stderr" "recorded in bad/gxj.toml:1281
tally: warning: 1 other record of the actuals breaks a rule (bad/gxj.toml:1273); it is left out of bulletins until fixed (\`tally check\` shows the finding)
" "$err"
# A record for an indicator with a bad record of its own is refused, by
# record and import alike, and nothing is written. The record above ends on
# line 1289 (eight keys, its unit among them), so this one's [[actual]] is
# line 1291.
cat >>bad/gxj.toml <<'TOML'

[[actual]]
indicator = "industry.bio-output"
period = "2024-07"
value = -0.7
recorded = 2024-07-20T11:00:00+08:00
by = "gxj"
source = "手工补录"
TOML
cp bad/gxj.toml before.toml
refusal="'industry.bio-output' has a record that breaks a rule (bad/gxj.toml:1291: 'industry.bio-output' is cumulative; a negative value -0.7 cannot be right); fix that record first (\`tally check\` shows it)"
run bad record industry.bio-output 0.96 --period 2024-06 --source 市统计局统计月报 --reason 再次修订
expect "record beside its own bad record: exit code" 1 "$rc"
expect "record beside its own bad record: stderr" "tally: error: INDICATOR: $refusal
" "$err"
printf 'indicator,period,value,source,reason\nindustry.bio-output,2024-06,0.96,x,再次修订\n' >rows.csv
run bad import rows.csv
expect "import beside its own bad record: exit code" 1 "$rc"
expect "import beside its own bad record: stderr" "rows.csv:2: indicator: $refusal
tally: error: rows.csv: 1 row cannot be recorded; nothing was imported
" "$err"
expect "nothing written beside a bad record" "" "$(cmp before.toml bad/gxj.toml)"
unset TALLY_NOW

# A file that is not TOML still stops the bulletin: which records it holds
# is unknown, and leaving them all out would report its bureau as missing.
cp -r good broken
printf '\n[[actual]\n' >>broken/gxj.toml
run broken report --period 2024-06
expect "syntax error: exit code" 1 "$rc"
expect "syntax error: last line" "tally: error: the plan has 1 error; fix it first (\`tally check\` lists every finding)" "$(tail -n 1 err)"
