# tally overdue --bureau: only the items one bureau owes, named by id, name
# or alias, from the same list as tally overdue; an unknown bureau is a
# usage error with the closest id suggested.
source "$SRC/tests/shell/lib/common.bash"
cd "$SRC"
overdue() {
  "$TALLY" overdue --plan plans/hongjiang-2024 --actuals docs/examples/hongjiang-2024-h1/actuals \
    --today 2024-07-25 --color never "$@"
}
# The June figure was due on 2024-07-23 (23 days after the period);
# 2024-07-25 − 2024-07-23 = 2 days late.
expected='催报清单 · 洪江市实施“八大行动”总体方案
截至 2024-07-25 · 期末后 23 天内报送 · 未报送 1 项, 涉及 1 个单位

市司法局 (sfj) · 1 项
指标              期别     应报日期    逾期天数  连续未报  最近报送  指标编号
----------------  -------  ----------  --------  --------  --------  --------------------
提供法律援助案件  2024-06  2024-07-23         2  1         2024-05   livelihood.legal-aid'
expect "overdue --bureau sfj" "$expected" "$(overdue --bureau sfj)"
expect "overdue --bureau 市司法局" "$expected" "$(overdue --bureau 市司法局)"
# The same rows as the whole list holds for that bureau.
whole=$(overdue | sed -n '/^市司法局 (sfj)/,/^$/p' | sed '/^$/d')
expect "the bureau's rows in the whole list" "$(sed -n '4,$p' <<<"$expected")" "$whole"

err=$(overdue --bureau sfjj 2>&1 >/dev/null)
rc=$?
expect "overdue --bureau sfjj: exit" 2 "$rc"
expect "overdue --bureau sfjj: message" \
  "tally: error: --bureau 'sfjj' is not a bureau of the plan (did you mean 'sfj'?)" "$err"
