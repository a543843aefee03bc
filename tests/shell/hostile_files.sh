# Files are what they claim: a plan file that is a link leading out of the
# plan, a FIFO or a device is refused with a message (never read, never
# waited on); a link that stays inside the plan is read like the file it
# names (diff_git.sh shows diff reading it the same way).
source "$SRC/tests/shell/lib/record.bash"

# A link to /proc/self/environ in place of bureaus.toml: refused, and not a
# byte of the environment is shown.
fresh_plan
mv rec/bureaus.toml rec/bureaus.real
ln -s /proc/self/environ rec/bureaus.toml
SECRET_FOR_THE_TEST=hunter2 run check
expect "check: a link out of the plan, exit" 1 "$rc"
expect "check: a link out of the plan" \
  "rec/bureaus.toml: error: cannot read: it leads outside the plan directory, to /proc/$(echo '[0-9]*')/environ; plan files must be inside it [unreadable-file]" \
  "$(printf '%s' "$out" | grep -F 'unreadable-file' | sed -E 's#/proc/[0-9]+/#/proc/[0-9]*/#')"
expect "check: nothing of the environment" "" "$(printf '%s%s' "$out" "$err" | grep -F hunter2)"

# A link that stays inside the plan is followed.
rm rec/bureaus.toml
ln -s bureaus.real rec/bureaus.toml
t check
expect_run 0 '' 'rec: 0 errors, 0 warnings (1 actions, 7 indicators, 0 tasks, 3 bureaus, 1 actuals, 0 problems)
note: 1 record has no unit = "…" (recorded before records kept their unit); it is read in its indicator'"'"'s unit, so changing that unit in the plan would rescale it
'

# A FIFO among the action files: refused at once, not waited on.
mkfifo rec/actions/02-pipe.toml
last="check with a FIFO action file"
timeout 10 "$TALLY" --plan rec check >.out 2>.err
rc=$?
expect "check: a FIFO, exit (not 124, a hang)" 1 "$rc"
expect "check: a FIFO" "rec/actions/02-pipe.toml: error: cannot read: is a FIFO (named pipe), not a file [unreadable-file]" \
  "$(grep -F 'unreadable-file' .out)"
rm rec/actions/02-pipe.toml

# A device among the actuals: refused, not read.
ln -s /dev/zero rec/actuals/zero.toml
last="report with /dev/zero linked into the actuals"
timeout 10 "$TALLY" --plan rec report >.out 2>.err
rc=$?
expect "report: a device, exit" 1 "$rc"
expect "report: a device" "rec/actuals/zero.toml: error: cannot read: it leads outside the plan directory, to /dev/zero; actuals files must be inside it [unreadable-file]" \
  "$(grep -F 'unreadable-file' .err)"
rm rec/actuals/zero.toml

# A problem file that leads out of the plan: refused like an actuals file.
mkdir -p rec/problems
ln -s /dev/zero rec/problems/Q2024-0001.toml
last="check with /dev/zero linked into the problems"
timeout 10 "$TALLY" --plan rec check >.out 2>.err
rc=$?
expect "check: a problem file leading out, exit" 1 "$rc"
expect "check: a problem file leading out" "rec/problems/Q2024-0001.toml: error: cannot read: it leads outside the plan directory, to /dev/zero; problem files must be inside it [unreadable-file]" \
  "$(grep -F 'unreadable-file' .out)"
rm rec/problems/Q2024-0001.toml
