# The HTML report as a browser shows it: headless Chromium opens the June
# report of tests/plans/report, with one more indicator whose name is markup,
# and the test checks the page Chromium built (the counts per status, the
# chart of statuses, the hostile name as text and no script), the PDF it
# prints (A4 landscape, one page or more per section, the Chinese set in an
# embedded Noto CJK face rather than as empty boxes) and a screenshot.
#
# Chromium is required (Debian: apt-get install chromium). Without it the
# test fails: a skipped browser test would let a broken page through. So it
# does without fonts-noto-cjk, whose absence turns the Chinese into boxes.

source "$SRC/tests/shell/lib/scratch.bash"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  fail "chromium is not installed; this test renders the HTML report in it" \
    "(Debian: apt-get install chromium)"
  exit 1
fi

# chromium ARGS...: headless, offline, with a fresh profile; stdout kept.
chromium() {
  local profile
  profile=$(mktemp -d "$TMPDIR_TEST/profile.XXXXXX")
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>"$TMPDIR_TEST/chromium.err"
}

# The test plan, and an indicator named like a script: with no actual it is
# missing in June, so it shows in 需关注 and in its action.
plan=$TMPDIR_TEST/plan
cp -r "$SRC/tests/plans/report" "$plan"
cat >>"$plan/actions/01-economy.toml" <<'EOF'

[[indicator]]
id = "economy.hostile"
name = "<script>alert(\"x\")</script>&"
kind = "cumulative"
unit = "个"
target = 10
lead = "fgj"
source = "tests/shell/html_chromium.sh"
EOF

html=$TMPDIR_TEST/report.html
"$TALLY" --plan "$plan" --today 2024-07-25 report --period 2024-06 --format html --output "$html" ||
  fail "tally report --format html exited $?"
json=$("$TALLY" --plan "$plan" --today 2024-07-25 report --period 2024-06 --format json) ||
  fail "tally report --format json exited $?"

# 1. The page Chromium builds.
dom=$(chromium --dump-dom "file://$html") || fail "chromium --dump-dom exited $?"
labels=(已完成 达序时 欠序时 严重滞后 已突破 逾期 未报送 未到期)
statuses=(done on-track behind off-track breached overdue missing not-due)
for i in "${!statuses[@]}"; do
  s=${statuses[$i]}
  # The count the JSON report gives for this status, in its totals.
  n=$(printf '%s\n' "$json" | awk -v s="\"$s\":" '/"totals"/ { on = 1 } on && $1 == s { gsub(/,/, "", $2); print $2; exit }')
  [ -n "$n" ] || fail "no count for $s in the JSON report"
  grep -q "<li class=\"s-$s[^\"]*\"><b>$n</b>${labels[$i]}</li>" <<<"$dom" ||
    fail "the page does not show $n ${labels[$i]} ($s) in its header"
done
grep -q '<li class="s-missing"><b>3</b>未报送</li>' <<<"$dom" ||
  fail "the hostile indicator is not counted as missing"
[ "$(grep -o '<svg ' <<<"$dom" | wc -l)" = 1 ] || fail "the page does not hold its one chart"
# The red is visible: one bar per action holding off-track or breached
# indicators (in June 一、经济发展行动 has 1 严重滞后, 三、安全守底行动 2 已突破),
# besides the legend's square of each.
for s in off-track breached; do
  n=$(grep -o "<rect class=\"f-$s\"" <<<"$dom" | wc -l)
  [ "$n" = 2 ] || fail "the status chart draws $n f-$s shapes, not one bar and one legend square"
done
hostile='&lt;script&gt;alert("x")&lt;/script&gt;&amp;'
[ "$(grep -o -F "$hostile" <<<"$dom" | wc -l)" = 2 ] ||
  fail "the hostile name is not shown as text in 需关注 and in its action: $(grep -o -F 'alert' <<<"$dom" | wc -l) mentions"
if grep -q -i '<script' <<<"$dom"; then
  fail "the page holds a script element: $(grep -o -i '<script[^<]*' <<<"$dom" | head -3)"
fi

# 2. The PDF: A4 landscape pages (842 x 595 pt), the three sections on pages
# of their own.
pdf=$TMPDIR_TEST/report.pdf
chromium --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >/dev/null ||
  fail "chromium --print-to-pdf exited $?"
boxes=$(grep -a -o '/MediaBox \[[^]]*\]' "$pdf" | sort -u)
if ! awk '{ w = $4; h = $5 + 0; exit !(NR == 1 && w >= 841 && w <= 843 && h >= 594 && h <= 596) }' <<<"$boxes" ||
  [ "$(wc -l <<<"$boxes")" != 1 ]; then
  fail "the PDF pages are not all A4 landscape: $boxes"
fi
pages=$(grep -a -o '/Count [0-9]*' "$pdf" | awk '{ if ($2 > max) max = $2 } END { print max + 0 }')
[ "$pages" -ge 3 ] || fail "the PDF has $pages pages; each of the three sections starts a page"
# The Chinese is drawn in a CJK face the PDF embeds (Chromium names it in
# each font descriptor, e.g. /AAAAAA+NotoSansCJKsc-Regular); without one it
# would fall back to boxes.
fonts=$(grep -a -o '/FontName */[A-Za-z0-9+-]*' "$pdf" | sed 's|.*+||' | sort -u | tr '\n' ' ')
grep -q 'NotoSansCJK' <<<"$fonts" ||
  fail "the PDF embeds no Noto CJK face (fonts: ${fonts:-none}); install fonts-noto-cjk"

# 3. A screenshot of the top of the page (to look at: $TMPDIR_TEST/report.png).
png=$TMPDIR_TEST/report.png
chromium --window-size=1200,1400 --screenshot="$png" "file://$html" >/dev/null ||
  fail "chromium --screenshot exited $?"
header=$(od -An -tx1 -N 24 "$png" 2>/dev/null | tr -d ' \n')
[ "${header:0:16}" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
[ "${header:32:8}" = 000004b0 ] || fail "the screenshot is not 1200 pixels wide"

if (($(failure_count) > 0)); then
  echo "html_chromium: $(failure_count) failures; chromium said:" >&2
  tail -5 "$TMPDIR_TEST/chromium.err" >&2
  exit 1
fi
echo "html_chromium: the report renders in $("$browser" --version 2>/dev/null | head -1)"
