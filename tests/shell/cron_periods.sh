# The relative periods cron uses, resolved on fixed dates (TALLY_TODAY) by
# report and overdue, and both reproducible on a later rerun.
source "$SRC/tests/shell/lib/git.bash"

mkdir -p "$TMPDIR_TEST"
cp -r "$SRC/tests/plans/mini" "$TMPDIR_TEST/mini"
cd "$TMPDIR_TEST"

# period DAY WORD: the period `tally report --period WORD` covers on DAY.
period() {
  TALLY_TODAY=$1 "$TALLY" --plan mini report --period "$2" --format json |
    sed -n '/^  "period": {$/,/^  }/s/^    "id": "\([^"]*\)",\{0,1\}$/\1/p'
}

# day word expected (the plan reports monthly, due 10 days after a period ends)
while read -r day word want; do
  expect "$word on $day" "$want" "$(period "$day" "$word")"
done <<'TABLE'
2024-07-01 today        2024-07-D1
2024-07-01 this-dekad   2024-07-D1
2024-07-01 last-dekad   2024-06-D3
2024-07-01 last-month   2024-06
2024-07-01 last-quarter 2024-Q2
2024-07-01 last-half    2024-H1
2024-07-01 this-year    2024
2024-07-01 due          2024-05
2024-07-09 due          2024-05
2024-07-10 due          2024-06
2024-07-11 due          2024-06
2024-07-11 last-dekad   2024-07-D1
2024-07-21 last-dekad   2024-07-D2
2024-03-01 last-dekad   2024-02-D3
2024-03-01 last-month   2024-02
2024-12-31 this-quarter 2024-Q4
2024-12-31 last-quarter 2024-Q3
TABLE

# overdue on a fixed day: June's 规模工业总产值 was due on 10 July.
overdue() { TALLY_TODAY=$1 "$TALLY" --plan mini overdue; }
grep -q "economy.output" <<<"$(overdue 2024-07-11)" || fail "June's figure is not overdue on 11 July"
before=$(overdue 2024-07-11)

# It arrives on 12 July.
append_late_june_output mini
grep -q "economy.output" <<<"$(overdue 2024-07-15)" && fail "June's figure is still overdue after it came in"
expect "overdue as of 11 July, rerun later" "$before" "$(overdue 2024-07-11)"
