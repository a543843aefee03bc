# A plan of many findings costs little and prints a bounded list: at most
# 200 findings as text with a count of the rest, all of them as JSON; the
# commands that refuse an invalid plan print at most 200 errors too.
source "$SRC/tests/shell/lib/record.bash"

# 250 unknown keys: 200 findings printed, then how many more; JSON has all.
fresh_plan
# The keys go after the [plan] header, wherever it is.
python3 - rec/plan.toml <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("[plan]\n", "[plan]\n" + "".join(f"bogus{i} = 1\n" for i in range(250)), 1)
open(p, "w", encoding="utf-8").write(s)
PY
t check
expect "check: exit" 1 "$rc"
expect "check: 200 findings printed" 200 "$(printf '%s' "$out" | grep -c '\[unknown-key\]$')"
expect "check: the rest counted" "… 50 more findings not shown; \`tally check --format json\` lists all" \
  "$(printf '%s' "$out" | tail -n 1)"
t check --format json
expect "check json: every finding" 250 "$(printf '%s' "$out" | grep -c '"code": "unknown-key"')"
t report
expect "report: exit" 1 "$rc"
expect "report: 200 errors printed" 200 "$(printf '%s' "$err" | grep -c '\[unknown-key\]$')"
expect "report: the rest counted" "… 50 more errors not shown
tally: error: the plan has 250 errors; fix them first (\`tally check\` lists every finding)" \
  "$(printf '%s' "$err" | tail -n 2)"

# 100k unknown keys (1.3 MB): the excerpts come from a line index, not a
# scan from the start of the file per finding (quadratic: ~29 s in a Release
# build before the index). How long it takes is measured by
# tests/bench/hostile.sh, not here; the test's ctest timeout is the bound.
python3 - rec/plan.toml <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("[plan]\n", "[plan]\n" + "".join(f"more{i} = 1\n" for i in range(100000)), 1)
open(p, "w", encoding="utf-8").write(s)
PY
t check
expect "check 100k: exit" 1 "$rc"
# 250 + 100000 findings, 200 printed: 100250 - 200 = 100050 more.
expect "check 100k: the rest counted" "… 100050 more findings not shown; \`tally check --format json\` lists all" \
  "$(printf '%s' "$out" | tail -n 1)"
