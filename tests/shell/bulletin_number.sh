# The plan's [bulletin] signs and numbers a bulletin: the issuer and the
# as-of date in Chinese (落款) end the table, Markdown and HTML forms;
# number = "period" gives 第N期 under the title, N the period's place in its
# year; --number N overrides it. Without [bulletin], neither.
source "$SRC/tests/shell/lib/scratch.bash"
cp -r "$SRC/tests/plans/report" "$TMPDIR_TEST/plan"
plan="$TMPDIR_TEST/plan"
t() { "$TALLY" --plan "$plan" --today 2024-07-25 --color never "$@"; }
bare=$(t report --period 2024-06)
cat >>"$plan/plan.toml" <<'TOML'

[bulletin]
issuer = "示例县“三大行动”工作专班办公室"
number = "period"
TOML

# June is the 6th month: 第6期, under the title; the as-of date 2024-07-25
# is 2024年7月25日. Everything else is the report without [bulletin].
out=$(t report --period 2024-06)
expect "table: 第6期 under the title" "示例县“三大行动”方案 示政发〔2024〕7号
第6期" "$(head -2 <<<"$out")"
expect "table: the 落款 at the end" "
示例县“三大行动”工作专班办公室
2024年7月25日" "$(tail -3 <<<"$out")"
expect "table: the rest unchanged" "$bare" "$(sed '2d' <<<"$out" | head -n -3)"
# 2024-Q2 is the second quarter; --number overrides the plan.
expect "quarter: 第2期" "第2期" "$(t report --period 2024-Q2 | sed -n 2p)"
expect "--number 12" "第12期" "$(t report --period 2024-06 --number 12 | sed -n 2p)"
expect "--lang en" "No. 6" "$(t --lang en report --period 2024-06 | sed -n 2p)"
expect "--lang en: the date" "2024-07-25" "$(t --lang en report --period 2024-06 | tail -1)"

md=$(t report --period 2024-06 --format md)
expect "md: 第6期 under the heading" "# 示例县“三大行动”方案 示政发〔2024〕7号 · 2024-06

第6期" "$(head -3 <<<"$md")"
expect "md: the 落款, one line each" '
示例县“三大行动”工作专班办公室\
2024年7月25日' "$(tail -3 <<<"$md")"

html=$(t report --period 2024-06 --format html)
expect "html: the number" '<p class="number">第6期</p>' "$(grep -o '<p class="number">[^<]*</p>' <<<"$html")"
expect "html: the 落款" '<p class="signature">示例县“三大行动”工作专班办公室<br>2024年7月25日</p>' \
  "$(grep -o '<p class="signature">.*</p>' <<<"$html")"

# CSV and JSON carry neither.
expect "csv: no 落款" "" "$(t report --period 2024-06 --format csv | grep 专班)"

# --number 0 is refused; so is a number word other than "period".
err=$(t report --number 0 2>&1 >/dev/null)
expect "--number 0: exit" 2 $?
expect "--number 0: message" "--number: Value 0 not in range 1 to 9999
Run with --help for more information." "$err"
sed -i 's/number = "period"/number = "month"/' "$plan/plan.toml"
err=$(t report 2>&1 >/dev/null)
expect "number = \"month\": exit" 1 $?
expect "number = \"month\": message" "$plan/plan.toml:26:10: error: number 'month' is not \"period\" (a bulletin numbered by its period's place in its year: June is 第6期); leave it out for no number, or give \`tally report --number N\` [bad-enum]" \
  "$(head -1 <<<"$err")"
