# tally list --bureau: only the indicators or actions one bureau leads.
source "$SRC/tests/shell/lib/common.bash"
cd "$SRC"
list() { "$TALLY" list --plan plans/hongjiang-2024 --color never "$@"; }
# 市司法局 leads one indicator of the shipped plan, and no action.
expected='id                    指标              类型        目标  单位  方向  牵头
--------------------  ----------------  ----------  ----  ----  ----  --------
livelihood.legal-aid  提供法律援助案件  cumulative   260  件    up    市司法局'
expect "list indicators --bureau sfj" "$expected" "$(list indicators --bureau sfj)"
expect "list indicators --bureau 市司法局" "$expected" "$(list indicators --bureau 市司法局)"
expect "list actions --bureau sfj" '编号  id  行动  牵头单位  专班办公室  指标数  附件
----  --  ----  --------  ----------  ------  ----' "$(list actions --bureau sfj)"
# Every indicator the whole list shows with 市司法局 as lead, and no other.
expect "the rows of the whole list" "$(list indicators | awk '$NF == "市司法局" { print $1 }')" \
  "$(list indicators --bureau sfj | tail -n +3 | awk '{ print $1 }')"
err=$(list indicators --bureau sfjj 2>&1 >/dev/null)
expect "list --bureau sfjj: exit" 2 "$?"
expect "list --bureau sfjj: message" \
  "tally: error: --bureau 'sfjj' is not a bureau of the plan (did you mean 'sfj'?)" "$err"
