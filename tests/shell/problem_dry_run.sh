# tally problem open|close|reopen --dry-run: prints exactly the bytes that
# would be written (a new file's whole text, or the text appended), checks
# them as the write would, takes no lock and writes nothing.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
export TALLY_USER=督查室

# open: the whole file, with the next free id; not even problems/ is made.
t problem open --bureau 工信局 --due 2024-08-15 --text 园区道路施工围挡破损未修复 --source 暗访 --dry-run
expect_run 0 '# 问题 Q2024-0001. `tally problem` writes this file and appends its closes and reopens;
# what is already written is never rewritten.

[problem]
id = "Q2024-0001"
bureau = "gxj"
opened = 2024-07-15T10:02:00+08:00
due = 2024-08-15
text = "园区道路施工围挡破损未修复"
source = "暗访"
by = "督查室"
' 'dry run: nothing was written; rec/problems/Q2024-0001.toml would be created with the text above (the next free id now: a problem opened before yours would take it)
'
expect "no problems/ after open --dry-run" "" "$(ls rec | grep problems)"

# The same open for real writes those bytes, under that id.
t problem open --bureau 工信局 --due 2024-08-15 --text 园区道路施工围挡破损未修复 --source 暗访
expect_run 0 'Q2024-0001
' 'opened in rec/problems/Q2024-0001.toml, due 2024-08-15
'
opened=$(cat rec/problems/Q2024-0001.toml; echo .)

# close: the text appended, the blank line before it included; the file and
# the directory stay as they were, and no lock file is made.
rm rec/problems/.tally.lock
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:00:00+08:00 t problem close Q2024-0001 --evidence 围挡已修复 --dry-run
expect_run 0 '
[[close]]
at = 2024-07-25T09:00:00+08:00
by = "督查室"
evidence = "围挡已修复"
' 'dry run: nothing was written; rec/problems/Q2024-0001.toml would get the text above
'
expect "the file after close --dry-run" "$opened" "$(cat rec/problems/Q2024-0001.toml; echo .)"
expect "problems/ after close --dry-run" "Q2024-0001.toml" "$(ls -A rec/problems)"

# A dry run is refused as the write would be: reopening an open problem,
# closing an unknown one.
TALLY_TODAY=2024-07-25 t problem reopen Q2024-0001 --reason 复查 --dry-run
expect_run 1 '' 'tally: error: ID: problem Q2024-0001 is open; only a closed problem can be reopened
'
TALLY_TODAY=2024-07-25 t problem close Q2024-0003 --evidence 复查 --dry-run
expect_run 1 '' "tally: error: ID: unknown problem 'Q2024-0003' (did you mean 'Q2024-0001'?); \`tally problem list\` lists them
"

# reopen after a real close: the dry run shows the [[reopen]] it would append.
TALLY_TODAY=2024-07-25 TALLY_NOW=2024-07-25T09:00:00+08:00 t problem close Q2024-0001 --evidence 围挡已修复
expect "close exit" 0 "$rc"
closed=$(cat rec/problems/Q2024-0001.toml; echo .)
TALLY_TODAY=2024-07-26 TALLY_NOW=2024-07-26T09:00:00+08:00 t problem reopen Q2024-0001 --reason 复查发现仍有破损 --dry-run
expect_run 0 '
[[reopen]]
at = 2024-07-26T09:00:00+08:00
by = "督查室"
reason = "复查发现仍有破损"
' 'dry run: nothing was written; rec/problems/Q2024-0001.toml would get the text above
'
expect "the file after reopen --dry-run" "$closed" "$(cat rec/problems/Q2024-0001.toml; echo .)"
