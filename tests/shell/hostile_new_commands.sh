# Hostile input to plan import, add and rank: each refusal is one message
# naming the file or the argument, a non-zero exit, and nothing written;
# what is odd but readable (a 10 000-character cell) makes a plan that
# `tally check` passes; six `tally add` at once each land, whole.
source "$SRC/tests/shell/lib/scratch.bash"
cd "$TMPDIR_TEST" || exit 1
# t ARGS...: tally ARGS, its exit code in $rc and its stderr in $err.
t() {
  err=$("$TALLY" "$@" 2>&1 >/dev/null)
  rc=$?
}

# An .xlsx that is not a zip archive (a CSV renamed, a page saved from a
# browser): said so, not read as a CSV that has no header.
printf '2024年任务\n序号,目标任务,牵头单位\n' >renamed.xlsx
t plan import renamed.xlsx --into p1
expect "xlsx not a zip: exit" 1 "$rc"
expect "xlsx not a zip" 'renamed.xlsx: not an .xlsx workbook: it is not a zip archive, as every .xlsx is; save it from Excel or WPS as "Excel 工作簿 (*.xlsx)", or as CSV UTF-8
tally: error: renamed.xlsx: nothing was written' "$err"

# An Excel 97-2003 workbook (its first bytes D0 CF 11 E0).
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1' >old.xls
t plan import old.xls --into p2
expect "an .xls: exit" 1 "$rc"
expect "an .xls" 'old.xls: an Excel 97-2003 workbook (.xls), which tally does not read; save it from Excel or WPS as "Excel 工作簿 (*.xlsx)", or as CSV UTF-8
tally: error: old.xls: nothing was written' "$err"

# A zip that is no workbook: the message is about the file, with no line 0.
printf 'PK\x03\x04 cut short' >cut.xlsx
t plan import cut.xlsx --into p3
expect "a broken zip: exit" 1 "$rc"
expect "a broken zip" 'cut.xlsx: not an .xlsx workbook (Not a zip archive); save it from Excel or WPS as "Excel 工作簿 (*.xlsx)", or as CSV UTF-8
tally: error: cut.xlsx: nothing was written' "$err"
expect "refusals: nothing written" "" "$(ls -d p1 p2 p3 .*.tally-tmp-* 2>/dev/null)"

# A cell of 10 000 characters (新建, 9 996 × 桥, 2座): one indicator named
# with all of it, its figure 2 座, and a plan check passes.
/usr/bin/python3 -c "print('2024年任务\n序号,目标任务,牵头单位\n1,新建' + '桥' * 9996 + '2座,县住建局')" >long.csv
t plan import long.csv --into long -q
expect "a 10 000-character cell: exit" 0 "$rc"
expect "a 10 000-character cell: the name's length" 10000 \
  "$(sed -n 's/^name = "\(新建.*\)"$/\1/p' long/actions/01-a01.toml | /usr/bin/python3 -c 'import sys; print(len(sys.stdin.read().strip()))')"
expect "a 10 000-character cell: the target" 'unit = "座"
target = 2' "$(grep -E '^(target|unit) =' long/actions/01-a01.toml)"
expect "a 10 000-character cell: check" "long: 0 errors, 0 warnings (1 actions, 1 indicators, 0 tasks, 1 bureaus, 0 actuals, 0 problems)" \
  "$("$TALLY" check --plan long 2>&1)"

# Six `tally add` at once into one action file: the lock lets one write at a
# time, so all six land and the file stays whole.
for i in 1 2 3 4 5 6; do
  "$TALLY" --plan long -q add indicator --action a01 --id "bridge-$i" --name "新建桥梁$i" \
    --kind cumulative --unit 座 --target "$i" --lead 县住建局 >"add$i.out" 2>"add$i.err" &
done
wait
expect "six adds at once: each names the file it wrote" "$(printf 'long/actions/01-a01.toml\n%.0s' 1 2 3 4 5 6)" \
  "$(cat add?.out)"
expect "six adds at once: no message" "" "$(cat add?.err)"
expect "six adds at once: every one in the file" "a01.bridge-1 a01.bridge-2 a01.bridge-3 a01.bridge-4 a01.bridge-5 a01.bridge-6" \
  "$(sed -n 's/^id = "\(a01\.bridge-.*\)"$/\1/p' long/actions/01-a01.toml | sort | tr '\n' ' ' | sed 's/ $//')"
expect "six adds at once: check" "long: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 1 bureaus, 0 actuals, 0 problems)" \
  "$("$TALLY" check --plan long 2>&1)"
expect "six adds at once: no file left behind" "01-a01.toml" "$(ls -A long/actions)"

# rank with a month that does not exist.
cp -r "$SRC/plans/hongjiang-2024" hj
t rank --plan hj --period 2024-13
expect "rank --period 2024-13: exit" 2 "$rc"
expect "rank --period 2024-13" "tally: error: --period '2024-13': there is no month 13" "$err"
