# Every command's output fits a terminal of 80, 100 and 120 columns: on the
# shipped plan with the demo's half year of actuals and problems, no line of
# a table or heading is wider than --width (a Chinese character is two
# columns), and a column that gives way is named under its table. The
# lines of messages (check's findings, remind's numbered items) are the
# exception the docs give: each stays one line, for grep, editors and
# pasting (docs/commands/check.md, docs/commands/remind.md).
source "$SRC/tests/shell/lib/scratch.bash"
demo="$SRC/docs/examples/hongjiang-2024-h1"
t() {
  "$TALLY" --plan "$SRC/plans/hongjiang-2024" --actuals "$demo/actuals" --problems "$demo/problems" \
    --today 2024-07-25 --color never "$@"
}
# over W: the lines of stdin wider than W display columns, each after its width.
over() { python3 -c '
import sys, unicodedata
w = int(sys.argv[1])
for line in sys.stdin:
    line = line.rstrip("\n")
    n = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if n > w:
        print(n, line)' "$1"; }
# headings: the words of the first line (a table's header).
headings() { sed -n 1p | tr -s ' ' '\n' | sed '/^$/d' | sort; }
# left_out: the headings named in the notes of columns left out.
left_out() {
  tr -d '\n' | grep -oE '列宽省略：[^；]*' | sed 's/列宽省略：//' | sed 's/、/\n/g' | sed '/^$/d' | sort -u
}

rev=$(git -C "$SRC" log --format=%h -1 --diff-filter=A -- plans/hongjiang-2024/plan.toml)
views=("list indicators" "list tasks" "list bureaus" "list actions" "log"
  "log industry.fruit-leading-firms" "show industry.fruit-leading-firms" "show industry.electronics-chain"
  "problem list" "remind" "overdue" "report" "report --by bureau" "report --by indicator"
  "diff $rev" "rank --period 2024-Q2" "rank --period 2024-Q2 --by action" "check")
for w in 80 100 120; do
  for view in "${views[@]}"; do
    # shellcheck disable=SC2086
    text=$(t --width "$w" $view 2>&1)
    case $view in
      check) # a finding, the summary or a note: one line each
        wide=$(over "$w" <<<"$text" | cut -d' ' -f2- |
          grep -vE '^[^ ]+:[0-9]+:[0-9]+: (error|warning): .* \[[a-z-]+\]$|^[^ ]+: [0-9]+ errors?, |^note: ') ;;
      remind) # a numbered item of a notice: one line each
        wide=$(over "$w" <<<"$text" | cut -d' ' -f2- | grep -vE '^[0-9]+\. ') ;;
      *) wide=$(over "$w" <<<"$text") ;;
    esac
    expect "$view at $w columns: no line wider" "" "$wide"
  done
  # No column lost unsaid: the headings shown and those named as left out
  # are the headings of the table at full width.
  for view in "list indicators" "list tasks" "list bureaus" "list actions" "log" "problem list"; do
    # shellcheck disable=SC2086
    all=$(t --wide $view | headings)
    # shellcheck disable=SC2086
    text=$(t --width "$w" $view)
    expect "$view at $w columns: every column shown or named" "$all" \
      "$( (headings <<<"$text"; left_out <<<"$text") | sort)"
  done
done

# list indicators at 80: the widest id, industry.construction-waste-recycling-project,
# is 45 columns; targets (a milestone's date, 2024-12-31) take 10 and
# units (平方公里) 8, so with two spaces between four columns the names
# have 80 - 45 - 10 - 8 - 3 × 2 = 11 columns: five characters and "…".
# Direction, kind and lead give way first, named under the table.
expect "list indicators --width 80: the head lines" \
  'id                                             指标               目标  单位
---------------------------------------------  -----------  ----------  --------
industry.adv-manufacturing-output-growth       先进制造业…          10  %
industry.green-agri-output-growth              绿色农产品…           8  %' \
  "$(t --width 80 list indicators | head -4)"
expect "list indicators --width 80: the note" \
  '（为适应 80 列宽省略：方向、类型、牵头；--wide 显示全部）' \
  "$(t --width 80 list indicators | tail -1)"
# At 120 only direction gives way: 45 + 18 + 10 + 10 + 8 + 19 (市发改局、市工信局…)
# + 5 × 2 = 120.
expect "list indicators --width 120: the note" \
  '（为适应 120 列宽省略：方向；--wide 显示全部）' \
  "$(t --width 120 list indicators | tail -1)"
# The record log at 80: the id (45), period (7), value (12: 0.27万平方米)
# and state (8: 已被更正) take 78 with their spaces, so the reason, note,
# source, by and the time recorded all give way; the note of them would
# be 81 columns, so its hint goes on a line of its own.
log80=$(t --width 80 log)
expect "log --width 80: the head and the note" \
  '指标                                           期间             数值  状态
---------------------------------------------  -------  ------------  --------
livelihood.small-water-sources                 2024-01          15处  现行
（为适应 80 列宽省略：更正原因、备注、来源、报送单位、登记时间；
--wide 显示全部）' \
  "$(sed -n '1,3p' <<<"$log80"; tail -2 <<<"$log80")"
# Piped, nothing is cut or left out.
expect "list indicators piped: nothing left out" "" "$(t list indicators | grep '省略')"
