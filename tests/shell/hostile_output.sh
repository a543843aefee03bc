# Hostile text in the files reaches no terminal and no spreadsheet live:
# control characters are shown, not sent; Markdown shows HTML as text; a
# formula is written to CSV as text; a huge note is cut, not padded into
# every row.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan

# A record written into the file by hand (tally record refuses these): a
# source that would retitle the terminal, a note that is a live formula.
cat >>rec/actuals/gxj.toml <<'TOML'

[[actual]]
indicator = "industry.bio-output"
period = "2024-06"
value = 1.8
recorded = 2024-07-10T09:00:00+08:00
by = "gxj"
source = "x\u001b]0;pwned\u0007"
note = "=HYPERLINK(\"http://e.x\",\"点击\")"
TOML

t log
expect "log: no ESC or BEL reaches the terminal" "" "$(printf '%s' "$out" | tr -d -c '\033\007')"
expect "log: the escape is shown" 1 "$(printf '%s' "$out" | grep -c -F 'x\x1b]0;pwned\x07')"
t log --format csv
expect "log csv: the formula is text" 1 \
  "$(printf '%s' "$out" | grep -c -F "\"'=HYPERLINK(\"\"http://e.x\"\",\"\"点击\"\")\"")"
t show industry.bio-output
expect "show: no ESC or BEL reaches the terminal" "" "$(printf '%s' "$out" | tr -d -c '\033\007')"
expect "show: the escape is shown" 1 "$(printf '%s' "$out" | grep -c -F 'x\x1b]0;pwned\x07')"

# Markdown shows HTML from names and notes as text.
fresh_plan
sed -i 's/^name = "城镇新增就业"$/name = "<img src=x onerror=alert(1)>就业"/' rec/actions/01-industry.toml
t report --format md
expect "md: exit" 0 "$rc"
expect "md: no raw HTML" "" "$(printf '%s' "$out" | grep -F '<img')"
# Twice: in 需关注 and in its action's table.
expect "md: the name as text" 2 "$(printf '%s' "$out" | grep -c -F '&lt;img src=x onerror=alert(1)&gt;就业')"

# A note of 1 MB written into the file by hand: tally log prints its rows
# with the note cut to 500 columns, not 1.6 GB of padding.
fresh_plan
python3 - rec/actuals/gxj.toml <<'PY'
import sys
with open(sys.argv[1], "a", encoding="utf-8") as f:
    f.write('\n[[actual]]\nindicator = "industry.bio-output"\nperiod = "2024-06"\nvalue = 1.8\n'
            'recorded = 2024-07-10T09:00:00+08:00\nby = "gxj"\nsource = "统计局"\n'
            'note = "' + "长" * 350000 + '"\n')
PY
t log
expect "log with a 1 MB note: exit" 0 "$rc"
expect "log with a 1 MB note: lines" 4 "$(printf '%s' "$out" | wc -l)"
[[ $(printf '%s' "$out" | wc -c) -lt 20000 ]] || fail "log with a 1 MB note printed $(printf '%s' "$out" | wc -c) bytes"
expect "log with a 1 MB note: the note cut" 1 "$(printf '%s' "$out" | grep -c "$(printf '长%.0s' $(seq 249))…")"

# A record the rules leave out (an indicator that does not exist, named
# with an escape sequence) is listed under 数据问题 in every format, with
# its control characters shown, HTML included.
fresh_plan
cat >>rec/actuals/gxj.toml <<'TOML'

[[actual]]
indicator = "x\u001b]0;pwned\u0007"
period = "2024-06"
value = 1.8
recorded = 2024-07-10T09:00:00+08:00
by = "gxj"
source = "s\u001b[2J"
TOML
for format in table md csv json html; do
  t report --format "$format"
  expect "report --format $format: exit" 0 "$rc"
  expect "report --format $format: no ESC or BEL" "" "$(printf '%s%s' "$out" "$err" | tr -d -c '\033\007')"
done
t report --format html
expect "html: the indicator shown" 1 "$(printf '%s' "$out" | grep -c -F '<td>x\x1b]0;pwned\x07</td>')"
