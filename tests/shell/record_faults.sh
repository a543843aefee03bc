# Writes that fail part-way (a file-size limit, a read-only directory) leave
# every file byte-identical with no temporary file, exit 3 and say so; a
# transaction a crash interrupted is undone by the next writer.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan

# gxj.toml just under 1 KiB: the record fits no more under `ulimit -f 1`.
for i in $(seq 12); do printf '# %s\n' "padding line $i for the size limit test, 1234567890 abcdefghij" >>rec/actuals/gxj.toml; done
# Make sure the lock file is there before the limit applies.
printf '' >rec/actuals/.tally.lock
before=$(actuals_state)
last="record under ulimit -f 1"
(ulimit -f 1; run record industry.bio-output 1.8 --period 2024-06 --source 统计局; declare -p out err rc >vars)
source ./vars
expect_run 3 '' "tally: error: cannot write rec/actuals/.gxj.toml.tally-tmp: File too large; nothing was written, the actuals are as they were
"
expect "actuals after the failed record" "$before" "$(actuals_state)"

# An import whose second file cannot be written: the first is not replaced.
printf '%s\n' 'indicator,period,value,source' 'industry.firms,2024-06,30100,市场监管局' \
  'industry.bio-output,2024-06,1.8,统计局' >two.csv
last="import under ulimit -f 1"
(ulimit -f 1; run import two.csv; declare -p out err rc >vars)
source ./vars
expect_run 3 '' "tally: error: cannot write rec/actuals/.gxj.toml.tally-tmp: File too large; nothing was written, the actuals are as they were
"
expect "actuals after the failed import" "$before" "$(actuals_state)"

# A read-only actuals directory (as another user when the tests run as root,
# since root writes anywhere).
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chmod -R a+rX "$TMPDIR_TEST"
fi
chmod a-w rec/actuals
last="record into a read-only directory"
"${as_user[@]}" "$TALLY" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局 >.out 2>.err
rc=$?; out=$(cat .out); err=$(cat .err)
expect_run 3 '' "tally: error: cannot create rec/actuals/.rsj.toml.tally-tmp: Permission denied; nothing was written, the actuals are as they were"
expect "actuals after the read-only record" "$before" "$(actuals_state)"
chmod u+w rec/actuals && rm rec/actuals/.tally.lock && chmod a-w rec/actuals
"${as_user[@]}" "$TALLY" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局 >.out 2>.err
rc=$?; out=$(cat .out); err=$(cat .err)
expect_run 3 '' "tally: error: cannot create the lock file rec/actuals/.tally.lock: Permission denied; nothing was written, the actuals are as they were"
chmod u+w rec/actuals

# What a crash in the middle of an import leaves: fgj.toml new, gxj.toml
# already replaced (its backup beside it), rsj.toml not yet renamed.
fresh_plan
cp rec/actuals/gxj.toml rec/actuals/.gxj.toml.tally-bak
printf '%s\n' '[[actual]]' 'indicator = "industry.firms"' 'period = "2024-06"' 'value = 30100' \
  'recorded = 2024-07-15T09:00:00+08:00' 'by = "fgj"' 'source = "市场监管局"' >rec/actuals/fgj.toml
printf '\n# half of an interrupted import\n' >>rec/actuals/gxj.toml
printf 'leftover' >rec/actuals/.rsj.toml.tally-tmp
# The journal gives each file's new size and FNV-1a hash, as tally writes it.
journal() {  # journal LINE...: each "replace|create NAME", fingerprinted from the file now
  python3 - "$@" <<'PY' >rec/actuals/.tally.journal
import os, sys
def fp(path):
    data = open(path, "rb").read() if os.path.exists(path) else b""
    h = 14695981039346656037
    for b in data:
        h = ((h ^ b) * 1099511628211) % (1 << 64)
    return f"{len(data)} {h:016x}"
print("tally-journal 2")
for line in sys.argv[1:]:
    kind, name = line.split()
    print(kind, fp("rec/actuals/" + name), name)
print("end")
PY
}
journal "create fgj.toml" "replace gxj.toml" "create rsj.toml"
t record industry.jobs 1200 --period 2024-06 --source 人社局 -q
expect_run 0 '[[actual]]
indicator = "industry.jobs"
period = "2024-06"
value = 1200
unit = "人"
recorded = 2024-07-15T10:02:00+08:00
by = "rsj"
source = "人社局"
' 'tally: recovery: removed rec/actuals/fgj.toml, created by an interrupted write
tally: recovery: restored rec/actuals/gxj.toml as it was before an interrupted write
'
expect "gxj.toml after recovery" "$(cat "$SRC/tests/plans/rec/actuals/gxj.toml")" "$(cat rec/actuals/gxj.toml)"
expect "files after recovery" ".tally.lock gxj.toml rsj.toml " "$(ls -A rec/actuals | tr '\n' ' ')"
# A stale or planted journal that does not match the files is not applied:
# nothing is deleted or reverted, the write is refused, and it says why.
fresh_plan
cp rec/actuals/gxj.toml rec/actuals/.gxj.toml.tally-bak
printf '\n# an edit made after the backup\n' >>rec/actuals/.gxj.toml.tally-bak
journal "replace gxj.toml" "create fgj.toml"
printf '# fgj.toml, planted\n' >rec/actuals/fgj.toml
printf '# gxj.toml, edited since\n' >>rec/actuals/gxj.toml
: >rec/actuals/.tally.lock
before=$(actuals_state)
t record industry.jobs 1200 --period 2024-06 --source 人社局
expect_run 3 '' "tally: error: rec/actuals/.tally.journal does not match gxj.toml: it is neither as it was nor as the interrupted write left it; nothing was restored. Check the actuals files (the backups of an interrupted write are .<name>.tally-bak), then remove the journal; nothing was written, the actuals are as they were
"
expect "actuals after a journal that does not match" "$before" "$(actuals_state)"

# A journal that is a FIFO is refused at once, not waited on with the lock held.
fresh_plan
mkfifo rec/actuals/.tally.journal
last="record with a FIFO journal"
timeout 10 "$TALLY" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局 >.out 2>.err
rc=$?; out=$(cat .out); err=$(cat .err)
expect_run 3 '' "tally: error: rec/actuals/.tally.journal is not a regular file, not a journal tally wrote; remove it; nothing was written, the actuals are as they were"

# A lock file that is a link is not followed: no file appears at its target.
fresh_plan
ln -s ../../planted rec/actuals/.tally.lock
t record industry.jobs 1200 --period 2024-06 --source 人社局
expect_run 3 '' "tally: error: rec/actuals/.tally.lock is a symbolic link; tally locks only a file of its own there, remove the link; nothing was written, the actuals are as they were
"
expect "nothing at the link's target" "no" "$([ -e planted ] && echo yes || echo no)"

# A file system mounted read-only says so, not "Permission denied" (where a
# private mount namespace is allowed, as for root): without a lock file, and
# with one (then the write itself fails).
fresh_plan
mkdir ro
if unshare -m true 2>/dev/null; then
  read_only_record() {
    unshare -m sh -c 'mount -t tmpfs none ro && cp -r rec ro/ && mount -o remount,ro ro &&
      cd ro && "$1" --plan rec record industry.jobs 1200 --period 2024-06 --source 人社局' \
      sh "$TALLY" >.out 2>.err
    rc=$?; out=$(cat .out); err=$(cat .err)
  }
  last="record on a read-only file system"
  read_only_record
  expect_run 3 '' "tally: error: cannot create the lock file rec/actuals/.tally.lock: the file system is mounted read-only; nothing was written, the actuals are as they were"
  : >rec/actuals/.tally.lock
  read_only_record
  expect_run 3 '' "tally: error: cannot create rec/actuals/.rsj.toml.tally-tmp: the file system is mounted read-only; nothing was written, the actuals are as they were"
fi
