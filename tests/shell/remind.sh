# tally remind: one 催报通知 per bureau, ready to paste into a work group.
# Its late items are exactly the 催报 list of `tally overdue` on the same
# date (the same compute function); what falls due next is listed after
# them, or named beside the late item it settles.
source "$SRC/tests/shell/lib/scratch.bash"
plan="$SRC/tests/plans/report"
t() { "$TALLY" --plan "$plan" "$@"; }

# 县发改局 on 2024-07-10. By hand: monthly figures are due 23 days after the
# month, so May's on 2024-06-23 (17 days before 07-10) and June's on
# 2024-07-23, the next deadline. 固定资产投资增速 has no record at all:
# January to May are owed (5 periods), and June's figure, a growth rate
# read as the latest figure, settles them all. 新增规模工业企业 is
# quarterly: Q2 falls due on 07-23 too. 产业园标准厂房 was recorded for June
# on 07-10 (its record is seen at the end of that day) and owes nothing.
expect "remind --bureau fgj on 2024-07-10" '【催报通知】县发改局
截至 2024-07-10，县发改局尚有 2 项数据未报送。

已到期未报（请尽快报送）：
1. 固定资产投资增速（economy.invest-growth）2024-05 期，应于 2024-06-23 前报送，已逾期 17 天（自 2024-01 起连续 5 期未报；报 2024-06 数据即可一并补齐）

请于 2024-07-23 前报送：
1. 新增规模工业企业（economy.new-firms）2024-Q2 期

请按时报送；如有困难，请及时与专班办公室联系。' "$(t --today 2024-07-10 remind --bureau fgj)"

# On the due date itself a report is due, 0 days late.
expect "remind on a due date" '1. 固定资产投资增速（economy.invest-growth）2024-05 期，今日（2024-06-23）到期（自 2024-01 起连续 5 期未报；报 2024-06 数据即可一并补齐）' \
  "$(t --today 2024-06-23 remind --bureau 县发改局 | sed -n 5p)"

# Markdown and English.
expect "remind --format md" '## 催报通知 · 县发改局

截至 2024-07-25，县发改局尚有 3 项数据未报送。

**已到期未报（请尽快报送）：**

1. 新增规模工业企业（economy.new-firms）2024-Q2 期，应于 2024-07-23 前报送，已逾期 2 天

**请于 2024-08-23 前报送：**

1. 固定资产投资增速（economy.invest-growth）2024-07 期
2. 产业园标准厂房建成投用（economy.park）2024-07 期

请按时报送；如有困难，请及时与专班办公室联系。' "$(t --today 2024-07-25 remind --bureau fgj --format md)"
expect "remind --lang en" 'Reminder: 县发改局 (fgj)
As of 2024-07-25, 3 reports are outstanding.

Due and not reported (please report at once):
1. 新增规模工业企业 (economy.new-firms) for 2024-Q2, due 2024-07-23, 2 days late

Due by 2024-08-23:
1. 固定资产投资增速 (economy.invest-growth) for 2024-07
2. 产业园标准厂房建成投用 (economy.park) for 2024-07

Please report on time; if anything stands in the way, tell the office.' \
  "$(t --today 2024-07-25 --lang en remind --bureau fgj)"

# The late items of every notice are the 催报 list, item for item, on any
# date: before the first deadline, on one, between, at the year's end and
# after it.
for day in 2024-02-01 2024-06-23 2024-07-10 2024-07-25 2024-12-31 2025-02-01; do
  notices=$(t --today "$day" remind | grep -E '，(应于|今日)' |
    sed -E 's/^[0-9]+\. [^（]*（([^）]*)）([^ ]*) 期.*/\1,\2/' | sort)
  list=$(t overdue --as-of "$day" --format csv | tr -d '\r' | sed 1d | cut -d, -f3,6 | sort)
  expect "remind on $day: the late items are overdue's" "$list" "$notices"
  # Every bureau on the list has its notice, once.
  notices=$(t --today "$day" remind | sed -n 's/^【催报通知】//p')
  expect "remind on $day: one notice per bureau" "$(sort -u <<<"$notices")" "$(sort <<<"$notices")"
  expect "remind on $day: a notice for every bureau that is late" "" \
    "$(comm -23 <(t overdue --as-of "$day" --format csv | tr -d '\r' | sed 1d | cut -d, -f2 |
      sort -u) <(sort <<<"$notices"))"
done

# Nothing owed; an unknown bureau.
err=$(t --today 2024-07-25 remind --bureau 县统计局 2>&1)
expect "remind, nothing owed: exit" 0 $?
expect "remind, nothing owed: note" "县统计局 owes nothing as of 2024-07-25; no notice" "$err"
err=$(t --today 2024-07-25 remind --bureau fgk 2>&1 >/dev/null)
expect "remind --bureau fgk: exit" 2 $?
expect "remind --bureau fgk: message" \
  "tally: error: --bureau 'fgk' is not a bureau of the plan (did you mean 'fgj'?)" "$err"
