#!/usr/bin/env bash
# tally plan import|export|compare: a real county table (大竹县 2016年民生实事
# 目标任务分解表, tests/data/README.md) made into a plan that `tally check`
# passes, its files against the golden files in tests/golden/plan-import/;
# the round trips export → import → compare for that plan and for annex 1
# of the shipped plan (CSV and xlsx); the forms of target text; rows it
# cannot read; and refusals that write nothing.
#
#   plan_import.sh            compare
#   plan_import.sh --update   rewrite tests/golden/plan-import/ (run it as
#                             cmake --build build --target update-golden)
source "$(dirname "$0")/lib/golden.bash"
golden_mode "$@"
gold=$SRC/tests/golden/plan-import
cd "$scratch" || exit 1
rm -rf -- ./* ./.[!.]*
# fields N,M,…: those fields of each CSV row on stdin but the header, joined by commas.
fields() {
  /usr/bin/python3 -c 'import csv, sys
cols = [int(c) - 1 for c in sys.argv[1].split(",")]
for row in list(csv.reader(sys.stdin))[1:]:
    print(",".join(row[c] for c in cols))' "$1"
}
table=$SRC/tests/data/dazhu-2016-minsheng.csv
hj=$SRC/plans/hongjiang-2024

# The 大竹 table: 序号, 民生实事, 责任单位, 完成时限 under a title row.
out=$("$TALLY" plan import "$table" --into dz 2>err)
expect "import dazhu: exit" 0 "$?"
expect "import dazhu: the files" 'dz/plan.toml
dz/bureaus.toml
dz/actions/01-a01.toml' "$out"
expect "import dazhu: the note" 'tally: plan dz (2016) made in dz: 1 action, 11 indicators, 0 tasks in it, 10 bureaus (10 new); next: `tally check --plan dz`' "$(cat err)"
"$TALLY" plan export --plan dz >dz-export.csv
for f in plan.toml bureaus.toml actions/01-a01.toml ../dz-export.csv; do
  if [[ $update == 1 ]]; then
    mkdir -p "$gold/dazhu/actions" && cp "dz/$f" "$gold/dazhu/$f"
  else
    diff -u --label "tests/golden/plan-import/dazhu/$f" --label "made from $table" \
      "$gold/dazhu/$f" "dz/$f" || fail "import dazhu: dz/$f differs from the golden file"
  fi
done
# What the golden files hold, worked by hand from the table: ten numbered
# rows and row 5's second line (its 序号 and 责任单位 merged) make 11
# entries; 2座, 2所, 2836户 and 1个 are counts, the rest milestones due on
# their 完成时限 (5月底前动工 → 2016-05-31 for 开工建设县老年养护楼), none
# beyond the year; 建成县残疾人综合服务中心 with 5月底前动工 must be under way
# by 2016-05-31 and done by the year's end, not done by May.
expect "dazhu: the entries" 'a01.01,milestone,2016-12-31,,b01
a01.02,cumulative,2,座,b02
a01.03,milestone,2016-12-31,,b04
a01.04,milestone,2016-12-31,,b06
a01.05,milestone,2016-05-31,,b07
a01.06,milestone,2016-12-31,,b07
a01.07,milestone,2016-12-31,,b08
a01.08,milestone,2016-12-31,,b01
a01.09,cumulative,2,所,b09
a01.10,cumulative,2836,户,b02
a01.11,cumulative,1,个,b10' \
  "$("$TALLY" list indicators --plan dz --format csv --lang en | fields 1,3,4,5,7)"
expect "dazhu: 建成 by the year's end, 动工 by May" 'due = 2016-12-31
stages = [{ date = 2016-05-31, stage = "in-progress" }]' "$(sed -n '/^id = "a01.04"/,/^stages/p' dz/actions/01-a01.toml | tail -2)"
err=$("$TALLY" check --plan dz 2>&1)
expect "check dazhu: exit" 0 "$?"
expect "check dazhu" "dz: 0 errors, 0 warnings (1 actions, 11 indicators, 0 tasks, 10 bureaus, 0 actuals, 0 problems)" "$err"

# Its round trip: the exported table imported again sets the same targets.
"$TALLY" plan import dz-export.csv --into dz2 -q >/dev/null
expect "reimport dazhu: exit" 0 "$?"
err=$("$TALLY" plan compare dz dz2 2>&1)
expect "compare dazhu: exit" 0 "$?"
expect "compare dazhu" "tally: dz and dz2 set the same targets, units, directions, leads and due dates (11 indicators and 0 tasks matched)" "$err"

# The same table as Excel's "CSV (逗号分隔)" saves it on a Chinese Windows: GBK.
# Its first byte that is not UTF-8 is the first of 年 (GBK C4 EA) after "2016".
iconv -f UTF-8 -t GBK "$table" >dazhu-gbk.csv
err=$("$TALLY" plan import dazhu-gbk.csv --into gbk 2>&1)
expect "GBK without --encoding: exit" 1 "$?"
expect "GBK without --encoding" 'dazhu-gbk.csv:1: the file is not UTF-8 (byte 0xC4); a table Excel saved as "CSV (逗号分隔)" is GBK: give --encoding gbk
tally: error: dazhu-gbk.csv: nothing was written' "$err"
"$TALLY" plan import dazhu-gbk.csv --into gbk --encoding gbk -q >/dev/null
expect "GBK with --encoding gbk: exit" 0 "$?"
err=$("$TALLY" plan compare dz gbk 2>&1)
expect "GBK with --encoding gbk: the same plan" "tally: dz and gbk set the same targets, units, directions, leads and due dates (11 indicators and 0 tasks matched)" "$err"

# The same table as a workbook laid out as the document is: the title
# merged across the columns, row 5's 序号 and 责任单位 merged over its two
# lines, line breaks inside cells. A merged cell holds its text in its first
# cell only, as the CSV has it.
/usr/bin/python3 - "$table" <<'PY'
import csv, sys
import openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
wb = openpyxl.Workbook()
ws = wb.active
for row in rows:
    ws.append([int(c) if c.isdigit() else (c or None) for c in row])
ws.merge_cells("A1:D1")
ws.merge_cells("A7:A8")
ws.merge_cells("C7:C8")
wb.save("dazhu.xlsx")
PY
"$TALLY" plan import dazhu.xlsx --into xl -q >/dev/null
expect "workbook with merged cells: exit" 0 "$?"
err=$("$TALLY" plan compare dz xl 2>&1)
expect "workbook with merged cells: the same plan" "tally: dz and xl set the same targets, units, directions, leads and due dates (11 indicators and 0 tasks matched)" "$err"

# Annex 1 of the shipped plan (87 indicators, 13 tasks), through CSV and
# through a workbook, its bureaus resolved through its bureaus.toml.
"$TALLY" plan export --plan "$hj" --action industry --output h1.csv
expect "export annex 1: exit" 0 "$?"
expect "export annex 1: rows" 101 "$(wc -l <h1.csv)"
expect "export annex 1: a count, a growth rate, a milestone" \
  '4,产业培塑行动,industry.bio-output,生物基产业链规模工业总产值,,累计,3.6,亿元,上升,市工信局、市高新区,市发改局、市科技局、市自然资源局、市商务局、市林业局,
5,产业培塑行动,industry.bio-output-growth,生物基产业链规模工业总产值增速,,增速,10,%,上升,市工信局、市高新区,市发改局、市科技局、市自然资源局、市商务局、市林业局,' \
  "$(sed -n '5,6p' h1.csv | cut -d, -f1-12)"
"$TALLY" plan import h1.csv --into h1 --bureaus "$hj/bureaus.toml" -q >/dev/null
expect "import annex 1: exit" 0 "$?"
err=$("$TALLY" check --plan h1 2>&1)
expect "check annex 1" "h1: 0 errors, 0 warnings (1 actions, 87 indicators, 13 tasks, 73 bureaus, 0 actuals, 0 problems)" "$err"
err=$("$TALLY" plan compare "$hj" h1 --action industry 2>&1)
expect "compare annex 1: exit" 0 "$?"
expect "compare annex 1" "tally: $hj and h1 set the same targets, units, directions, leads and due dates (87 indicators and 13 tasks matched)" "$err"
"$TALLY" plan export --plan "$hj" --action industry --format xlsx --output h1.xlsx
expect "export annex 1 as a workbook: exit" 0 "$?"
"$TALLY" plan import h1.xlsx --into h1x --bureaus "$hj/bureaus.toml" -q >/dev/null
err=$("$TALLY" plan compare "$hj" h1x --action industry 2>&1)
expect "compare annex 1 through a workbook" "tally: $hj and h1x set the same targets, units, directions, leads and due dates (87 indicators and 13 tasks matched)" "$err"

# The whole shipped plan round-trips as well: eight actions, each its own file.
"$TALLY" plan export --plan "$hj" --output all.csv
"$TALLY" plan import all.csv --into all --bureaus "$hj/bureaus.toml" -q >/dev/null
expect "whole plan: the action files" "01-industry.toml 02-innovation.toml 03-demand.toml 04-reform.toml 05-market.toml 06-region.toml 07-safety.toml 08-livelihood.toml" "$(ls all/actions | tr '\n' ' ' | sed 's/ $//')"
err=$("$TALLY" plan compare "$hj" all 2>&1)
expect "whole plan: compare" "tally: $hj and all set the same targets, units, directions, leads and due dates (270 indicators and 121 tasks matched)" "$err"

# compare finds a changed target (3.6 → 3.7亿元), a moved due date and a
# lead given to another bureau, and exits 1.
sed -i '0,/^target = 3.6$/s//target = 3.7/; 0,/^due = 2024-12-31$/s//due = 2024-11-30/' h1/actions/01-industry.toml
sed -i '0,/^lead = "gxj"/s//lead = "fgj"/' h1/actions/01-industry.toml
out=$("$TALLY" plan compare "$hj" h1 --action industry 2>err)
expect "compare a changed plan: exit" 1 "$?"
expect "compare a changed plan" 'industry.adv-manufacturing-output-growth 先进制造业总产值增速: lead 市工信局 → 市发改局
industry.bio-output 生物基产业链规模工业总产值: target 3.6 → 3.7
industry.bamboo-furniture-project 年产8万㎡竹木家具制造项目建成投产: due 2024-12-31 → 2024-11-30' "$out"
expect "compare a changed plan: the note" "tally: $hj and h1 differ: 3 fields, 0 items only in one (87 indicators and 13 tasks matched)" "$(cat err)"
out=$("$TALLY" plan compare dz "$hj" --action a01 2>/dev/null | head -2)
expect "compare: items only in one plan" 'a01.01 启动建设东柳河城区段综合治理工程和东湖湿地公园: only in dz
a01.02 新建2座人行天桥: only in dz' "$out"

# The forms of target text the importer reads, each hand-read: growth
# 8.5 %; a count of 20亿元; a ceiling of 3 %; a floor of 95 %; milestones
# due at the year's end and on 30 June; work with no figure or date, a task.
cat >forms.csv <<'CSV'
序号,目标任务,牵头单位,配合单位,完成时限
1,规模以上工业增加值增长8.5%,县工信局,,
2,新增银行贷款20亿元,县金融办,县人行、县财政局,
3,居民消费价格涨幅控制在3%以内,县发改局,,
4,城乡居民医保参保率达到95%以上,县医保局,,
5,2024年底前建成投产,县工信局,,
6,城区污水处理厂提标改造,县住建局,,6月底前完成
7,持续优化营商环境,县发改局,工信局,
CSV
"$TALLY" plan import forms.csv --into forms -q >/dev/null
expect "import forms: exit" 0 "$?"
expect "forms: kinds, targets, units, directions" 'a01.01,growth,8.5,%,up,b01
a01.02,cumulative,20,亿元,up,b02
a01.03,level,3,%,down,b05
a01.04,level,95,%,up,b06
a01.05,milestone,2024-12-31,,up,b01
a01.06,milestone,2024-06-30,,up,b07' \
  "$("$TALLY" list indicators --plan forms --format csv --lang en | fields 1,3,4,5,6,7)"
expect "forms: the task, its co 工信局 resolved to 县工信局" 'a01.07,持续优化营商环境,b05,b01' \
  "$("$TALLY" list tasks --plan forms --format csv --lang en | fields 1,2,5,6)"
expect "forms: the bureaus, each spelling kept" '[bureau.b01]
name = "县工信局"
aliases = ["工信局"]' "$(sed -n '/^\[bureau.b01\]/,/^aliases/p' forms/bureaus.toml)"
expect "forms: check" "forms: 0 errors, 0 warnings (1 actions, 6 indicators, 1 tasks, 7 bureaus, 0 actuals, 0 problems)" "$("$TALLY" check --plan forms 2>&1)"

# Rows it cannot read: written as comments saying why, listed on stderr,
# exit 0; the plan still checks.
cat >stubs.csv <<'CSV'
2024年重点工作任务清单
序号,行动,目标任务,牵头单位,完成时限
1,经济发展,城乡居民人均可支配收入分别增长6%、6.5%,县统计局,
2,经济发展,常住人口城镇化率提高2个百分点,县发改局,
3,经济发展,新增市场主体3000户,,
4,项目建设,新建县城第二水厂,县水务局,2025年底前
5,项目建设,新建5G基站300个,县工信局,
CSV
out=$("$TALLY" plan import stubs.csv --into stubs 2>err)
expect "import stubs: exit" 0 "$?"
expect "import stubs: the files" 'stubs/plan.toml
stubs/bureaus.toml
stubs/actions/01-a01.toml
stubs/actions/02-a02.toml' "$out"
expect "import stubs: the rows not imported" 'stubs.csv:3: not imported: 2 figures in one target (6%、6.5%): give each its own row
stubs.csv:4: not imported: a change of 2个百分点 needs the baseline it starts from: write the level it reaches (达到…%) as the target
stubs.csv:5: not imported: no lead bureau: the 牵头单位 cell is empty
stubs.csv:6: not imported: due 2025-12-31 is outside the plan'"'"'s year 2024
tally: plan stubs (2024) made in stubs: 2 actions, 1 indicator, 0 tasks in them, 4 bureaus (4 new); 4 rows not imported, written as comments to finish by hand; next: `tally check --plan stubs`' "$(cat err)"
expect "import stubs: a stub" '# stubs.csv:3: 1 | 经济发展 | 城乡居民人均可支配收入分别增长6%、6.5% | 县统计局
# Not imported: 2 figures in one target (6%、6.5%): give each its own row.
# [[indicator]]
# id = "a01.01"
# name = "城乡居民人均可支配收入分别增长6%、6.5%"
# lead = "b01"  # 县统计局' "$(sed -n '/^# stubs.csv:3:/,/^# lead/p' stubs/actions/01-a01.toml)"
expect "import stubs: 300个, not 5G" 'a02.02,cumulative,300,个' \
  "$("$TALLY" list indicators --plan stubs --format csv --lang en | fields 1,3,4,5)"
expect "import stubs: check" "stubs: 0 errors, 0 warnings (2 actions, 1 indicators, 0 tasks, 4 bureaus, 0 actuals, 0 problems)" "$("$TALLY" check --plan stubs 2>&1)"

# A target value with no unit is a stub too: an empty unit is no unit.
printf '2024年任务\n序号,指标,目标值,单位,牵头单位\n1,居民消费价格指数,103,,县发改局\n2,新增就业,2000,人,县人社局\n' >nounit.csv
"$TALLY" plan import nounit.csv --into nounit >/dev/null 2>err
expect "a target without a unit: exit" 0 "$?"
expect "a target without a unit" "nounit.csv:3: not imported: no unit for the target 103: fill in the 单位 cell" "$(head -1 err)"
expect "a target without a unit: the other row" 'a01.02,cumulative,2000,人' \
  "$("$TALLY" list indicators --plan nounit --format csv --lang en | fields 1,3,4,5)"

# Heading rows (one cell, no lead) split a table without an action column.
printf '2024年任务\n序号,目标任务,牵头单位\n一、经济发展,,\n1,地区生产总值增长6%%,县发改局\n二、民生保障,,\n2,新增城镇就业2000人,县人社局\n' >headings.csv
"$TALLY" plan import headings.csv --into headings -q >/dev/null
expect "heading rows: exit" 0 "$?"
expect "heading rows: the actions" 'a01,一、经济发展
a02,二、民生保障' "$("$TALLY" list actions --plan headings --format csv --lang en | fields 2,3)"
expect "heading rows: the entries" 'a01.01,地区生产总值增长6%
a02.01,新增城镇就业2000人' "$("$TALLY" list indicators --plan headings --format csv --lang en | fields 1,2)"

# Control characters in cells (Word's line break \v, a stray escape) are
# spaces in the plan: in a name or a comment they would make bad TOML.
printf '2024年任务\n序号,目标任务,牵头单位\n1,"新建\v2座\033桥",县住建局\n' >control.csv
"$TALLY" plan import control.csv --into control -q >/dev/null
expect "control characters: exit" 0 "$?"
expect "control characters: the entry" '# control.csv:3: 1 | 新建 2座 桥 | 县住建局
[[indicator]]
id = "a01.01"
name = "新建 2座 桥"' "$(sed -n '/^# control.csv:3/,/^name/p' control/actions/01-a01.toml)"
expect "control characters: check" "control: 0 errors, 0 warnings (1 actions, 1 indicators, 0 tasks, 1 bureaus, 0 actuals, 0 problems)" "$("$TALLY" check --plan control 2>&1)"

# Refusals, each writing nothing: a directory that holds files, a file, a
# table without a header or a year, a --bureaus file that does not read.
mkdir full && echo x >full/notes.txt
err=$("$TALLY" plan import "$table" --into full 2>&1)
expect "into a non-empty directory: exit" 3 "$?"
expect "into a non-empty directory" "tally: error: full is not empty; tally plan import writes only into an empty or new directory" "$err"
expect "into a non-empty directory: nothing written" "notes.txt" "$(ls -A full)"
touch afile
err=$("$TALLY" plan import "$table" --into afile 2>&1)
expect "onto a file: exit" 3 "$?"
expect "onto a file" "tally: error: afile exists and is not a directory" "$err"
printf 'a,b\n1,2\n' >noheader.csv
err=$("$TALLY" plan import noheader.csv --into nh 2>&1)
expect "no header: exit" 1 "$?"
expect "no header" "noheader.csv:1: no header row names the targets: the first rows should hold column names such as 序号, 目标任务 (or 指标, 民生实事), 牵头单位, 完成时限
tally: error: noheader.csv: nothing was written" "$err"
printf '指标,牵头单位\n新建2座桥,县住建局\n' >noyear.csv
err=$("$TALLY" plan import noyear.csv --into ny 2>&1)
expect "no year: exit" 1 "$?"
expect "no year" "noyear.csv:1: the table names no year (such as 2024年 in its title or 2024年6月底 in 完成时限); give the plan's year with --year
tally: error: noyear.csv: nothing was written" "$err"
"$TALLY" plan import noyear.csv --into ny --year 2025 -q >/dev/null
expect "no year, --year 2025: exit" 0 "$?"
printf '[bureau.x]\nnam = "y"\n' >bad-bureaus.toml
err=$("$TALLY" plan import "$table" --into bb --bureaus bad-bureaus.toml --color never 2>&1)
expect "bad --bureaus: exit" 1 "$?"
expect "bad --bureaus: the last line" "tally: error: --bureaus bad-bureaus.toml does not read; nothing was written" "$(tail -1 <<<"$err")"
expect "refusals: nothing written" "" "$(ls -d nh bb .*.tally-tmp-* 2>/dev/null)"
err=$("$TALLY" plan export --plan "$hj" --action industri 2>&1)
expect "export --action unknown: exit" 2 "$?"
expect "export --action unknown" "tally: error: --action: the plan has no action 'industri' (did you mean 'industry'?)" "$err"

# An action whose only row is a stub and names no lead: tally guesses no
# lead; the empty list is written with a comment, named on stderr, and is
# the one finding of check (missing-key at that line).
printf '行动,目标任务,牵头单位,完成时限\n民生保障,......,,2024年12月底前\n经济发展,新建桥梁2座,县住建局,2024年12月底前\n' >leaderless.csv
"$TALLY" plan import leaderless.csv --into ll >/dev/null 2>err
expect "leaderless: exit" 0 "$?"
expect "leaderless: stderr" "leaderless.csv:2: not imported: no target: the 目标任务 cell '......' holds no words
ll/actions/01-a01.toml: no row of this action names a lead bureau: write its id in 'lead'" "$(head -2 err)"
err=$("$TALLY" check --plan ll --color never 2>&1)
expect "leaderless: check exit" 1 "$?"
expect "leaderless: check" "ll/actions/01-a01.toml:10:8: error: action 'a01' needs at least one lead bureau [missing-key]
  lead = []  # no row of this action names a lead bureau: write its id here
         ^
ll: 1 error, 0 warnings (2 actions, 1 indicators, 0 tasks, 1 bureaus, 0 actuals, 0 problems)" "$err"
