# A record and its correction in the same second, by two bureaus: the
# correction is stamped a millisecond later, so it is in force, and check
# finds nothing ambiguous.
source "$SRC/tests/shell/lib/record.bash"
fresh_plan
# TALLY_NOW (record.bash) holds the clock at 2024-07-15T10:02:00+08:00.
t record industry.bio-output 1.8 --period 2024-06 --source 统计局6月月报 -q
expect "first record: exit code" 0 "$rc"
expect "first record: stamp" "recorded = 2024-07-15T10:02:00+08:00" "$(grep '^recorded' <<<"$out")"
# fgj, the second lead, corrects it at once: into fgj.toml, another file.
t record industry.bio-output 1.9 --period 2024-06 --source 统计局修订稿 --reason 统计局修订 --by fgj -q
expect "correction: exit code" 0 "$rc"
expect "correction: stamp" "recorded = 2024-07-15T10:02:00.001+08:00" "$(grep '^recorded' <<<"$out")"
t check -q
expect_run 0 '' ''
t log industry.bio-output --since 2024-07 --lang en --format csv
expect_run 0 "$(printf '%s\r\n' \
  'recorded,indicator,period,value,unit,by,source,note,reason,status' \
  '2024-07-15T10:02:00+08:00,industry.bio-output,2024-06,1.8,亿元,gxj,统计局6月月报,,,superseded' \
  '2024-07-15T10:02:00.001+08:00,industry.bio-output,2024-06,1.9,亿元,fgj,统计局修订稿,,统计局修订,in force')
" ''
