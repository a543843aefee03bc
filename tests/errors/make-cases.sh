#!/usr/bin/env bash
# Writes the reproducers under tests/errors/: each case directory is the base
# plan below with exactly one defect. The committed directories are what the
# test (tests/shell/errors.sh) reads; this script only saves typing them.
#
# After adding or changing a case:
#   tests/errors/make-cases.sh
#   cmake --build build --target update-golden
# and read every changed `expected` before committing it.
set -euo pipefail
cd "$(dirname "$0")"

die() { echo "make-cases: $*" >&2; exit 1; }

# The base plan: one action, one indicator, one actual. It is valid.
base() {
  local d=$1
  mkdir -p "$d/actions" "$d/actuals"
  cat >"$d/plan.toml" <<'EOF'
[plan]
id = "errors-2024"
title = "错误示例方案"
start = 2024-01-01
end = 2024-12-31

[reporting]
cadence = "month"
timely_days = 10
EOF
  cat >"$d/bureaus.toml" <<'EOF'
[bureau.fgj]
name = "市发改局"
aliases = ["发改局"]

[bureau.gxj]
name = "市工信局"
EOF
  cat >"$d/actions/01-industry.toml" <<'EOF'
[action]
id = "industry"
number = 1
name = "产业培塑行动"
lead = "fgj"

[[indicator]]
id = "industry.output"
name = "规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 3.6
lead = "gxj"
EOF
  cat >"$d/actuals/gxj.toml" <<'EOF'
[[actual]]
indicator = "industry.output"
period = "2024-05"
value = 1.5
recorded = 2024-06-10T10:00:00+08:00
by = "gxj"
source = "统计局5月月报"
EOF
}

# new NAME: starts case NAME from the base plan; later edits apply to it.
# The case's `expected` and `rc` are kept.
new() {
  dir=$1
  local keep
  keep=$(mktemp -d)
  cp "$dir/expected" "$dir/rc" "$keep/" 2>/dev/null || true
  rm -rf "$dir"
  base "$dir"
  cp "$keep"/* "$dir/" 2>/dev/null || true
  rm -r "$keep"
}

# sub FILE FROM TO: replaces the first FROM in the case's FILE by TO.
sub() {
  local file=$dir/$1 text
  text=$(<"$file")
  [[ $text == *"$2"* ]] || die "$dir: '$2' not in $1"
  printf '%s\n' "${text/"$2"/"$3"}" >"$file"
}

# add FILE: appends standard input to the case's FILE.
add() { cat >>"$dir/$1"; }

# put FILE: replaces the case's FILE by standard input.
put() { mkdir -p "$(dirname "$dir/$1")"; cat >"$dir/$1"; }

# A milestone appended to the action, for the date rules.
milestone() {
  add actions/01-industry.toml <<EOF

[[indicator]]
id = "industry.museum"
name = "建成杂交水稻博物馆"
kind = "milestone"
lead = "fgj"
$1
EOF
}

# A second record for the base actual's indicator.
second_actual() {
  add actuals/gxj.toml <<EOF

[[actual]]
indicator = "industry.output"
$1
by = "gxj"
source = "统计局月报"
EOF
}

# ---- encoding and syntax ---------------------------------------------------

new not-utf8
printf '[bureau.fgj]\nname = "\xca\xd0\xb7\xa2\xb8\xc4\xbe\xd6"\n\n[bureau.gxj]\nname = "市工信局"\n' \
  >"$dir/bureaus.toml"

new not-utf8-utf16
iconv -f UTF-8 -t UTF-16 "$dir/bureaus.toml" >"$dir/bureaus.toml.16"
mv "$dir/bureaus.toml.16" "$dir/bureaus.toml"

new toml-syntax
sub actions/01-industry.toml 'name = "产业培塑行动"' 'name = "产业培塑" 行动'

# Chinese-keyboard slips: the message names the character and its ASCII.
new toml-syntax-curly-quote
sub actions/01-industry.toml 'unit = "亿元"' 'unit = “亿元”'

new toml-syntax-full-width-digit
sub actions/01-industry.toml 'target = 3.6' 'target = ３.6'

new toml-syntax-impossible-date
sub plan.toml 'start = 2024-01-01' 'start = 2024-02-30'

new toml-syntax-duplicate-key
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\ntarget = 3.8'

new unreadable-file
rm "$dir/bureaus.toml"
mkdir "$dir/bureaus.toml"
echo "bureaus.toml is a directory here, where the plan needs a file." >"$dir/bureaus.toml/README"

new missing-file
rm -r "$dir/actions"

new missing-key-empty-file
: >"$dir/plan.toml"

new missing-file-actuals
rm -r "$dir/actuals"
echo "the records belong in actuals/<bureau>.toml" >"$dir/actuals"

# ---- schema ----------------------------------------------------------------

new unknown-key
sub actions/01-industry.toml 'lead = "gxj"' $'lead = "gxj"\nsorce = "附件1 一"'

new unknown-key-misspelt-required
sub actions/01-industry.toml 'unit = "亿元"' 'unti = "亿元"'

# An unknown key of [defaults], with the key it is closest to.
new unknown-key-defaults
sub actions/01-industry.toml 'lead = "fgj"' $'lead = "fgj"\n\n[defaults]\nlede = "gxj"'

new missing-key
sub actions/01-industry.toml $'name = "规模工业总产值"\n' ''

new missing-key-empty-lead
sub actions/01-industry.toml 'lead = "gxj"' 'lead = []'

new empty-value
sub actuals/gxj.toml 'by = "gxj"' 'by = ""'

new empty-value-lead
sub actions/01-industry.toml 'lead = "fgj"' 'lead = ["fgj", ""]'

# A count names what it counts: an empty unit is refused, with the words to use.
new empty-value-unit
sub actions/01-industry.toml 'unit = "亿元"' 'unit = ""'

# An empty fixed word is a missing value, not a misspelt one.
new empty-value-cadence
sub actions/01-industry.toml 'lead = "gxj"' $'lead = "gxj"\ncadence = ""'

# A unit of the action's [defaults] that a growth rate cannot take: one
# message, at the indicator, naming where the default is.
new default-kind
sub actions/01-industry.toml 'lead = "fgj"' $'lead = "fgj"\n\n[defaults]\nunit = "亿元"'
add actions/01-industry.toml <<EOF

[[indicator]]
id = "industry.growth"
name = "规模工业增加值增速"
kind = "growth"
target = 8
lead = "gxj"
EOF

# A target about a figure that says not how far about.
new missing-key-about
sub actions/01-industry.toml 'target = 3.6' 'target = { about = 3.6 }'

# A range written high then low; a stretch short of its target.
new bad-target
sub actions/01-industry.toml 'target = 3.6' 'target = [4, 3.6]'

new bad-target-stretch
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nstretch = 3.4'

# A change in percentage points without the figure it starts from.
new missing-key-change
sub actions/01-industry.toml $'unit = "亿元"\ntarget = 3.6' $'unit = "%"\nchange = "+2pp"'
sub actions/01-industry.toml 'kind = "cumulative"' 'kind = "level"'

new wrong-type
sub actions/01-industry.toml 'target = 3.6' 'target = "3.6亿元"'

new wrong-type-lead
sub actions/01-industry.toml 'lead = "gxj"' 'lead = [1]'

new bad-enum-kind
sub actions/01-industry.toml 'kind = "cumulative"' 'kind = "cumulativ"'

# A misspelt Chinese kind on a milestone: one message, no "needs a unit",
# "needs a target" or "'due' belongs to milestones" after it.
new bad-enum-kind-zh
milestone 'due = 2024-10-31'
sub actions/01-industry.toml 'kind = "milestone"' 'kind = "里程"'

new bad-enum-direction
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\ndirection = "dwon"'

new bad-enum-cadence
sub plan.toml 'cadence = "month"' 'cadence = "monthly"'

new bad-enum-cadence-zh
sub plan.toml 'cadence = "month"' 'cadence = "每月"'

new bad-enum-bulletin-number
sub plan.toml 'timely_days = 10' $'timely_days = 10\n\n[bulletin]\nnumber = "monthly"'

new bad-enum-basis
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nbasis = "peroid"'

new bad-enum-schedule
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = "evenly"'

new bad-enum-stage
milestone $'due = 2024-10-31\nstages = [{ date = 2024-06-30, stage = "started" }]'

new bad-slug
add bureaus.toml <<'EOF'

[bureau.Tjj]
name = "市统计局"
EOF

new bad-slug-indicator
sub actions/01-industry.toml 'id = "industry.output"' 'id = "industry.产值"'
rm -r "$dir/actuals"

new id-prefix
sub actions/01-industry.toml 'id = "industry.output"' 'id = "industri.output"'
rm -r "$dir/actuals"

new bad-number-nan
sub actions/01-industry.toml 'target = 3.6' 'target = nan'

new bad-number-inf
sub actions/01-industry.toml 'target = 3.6' 'target = inf'

new bad-number-range
sub actions/01-industry.toml 'target = 3.6' 'target = 1234567890123456789'

new bad-number-action-number
sub actions/01-industry.toml 'number = 1' 'number = 0'

new bad-date
sub plan.toml 'start = 2024-01-01' $'issued = 0000-01-01\nstart = 2024-01-01'

new bad-utc-offset
sub plan.toml 'end = 2024-12-31' $'end = 2024-12-31\nutc_offset = "UTC+8"'

new bad-timely-days
sub plan.toml 'timely_days = 10' 'timely_days = -5'

new bad-threshold
add plan.toml <<'EOF'

[thresholds]
behind = 90
EOF

new bad-weight
add plan.toml <<'EOF'

[evaluation]
progress = 40
problems = -20
EOF

new bad-weight-all-zero
add plan.toml <<'EOF'

[evaluation]
progress = 0
reporting = 0
tasks = 0
problems = 0
EOF

new unknown-key-evaluation
add plan.toml <<'EOF'

[evaluation]
progres = 50
EOF

# ---- the plan's own rules --------------------------------------------------

new plan-dates
sub plan.toml 'end = 2024-12-31' 'end = 2023-12-31'

new plan-dates-long
sub plan.toml 'end = 2024-12-31' 'end = 4000-12-31'

new duplicate-id
add actions/01-industry.toml <<'EOF'

[[indicator]]
id = "industry.output"
name = "生物基产业链规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 1.2
lead = "gxj"
EOF

new duplicate-number
put actions/02-innovation.toml <<'EOF'
[action]
id = "innovation"
number = 1
name = "创新驱动行动"
lead = "gxj"
EOF

new control-character
sub bureaus.toml 'name = "市工信局"' 'name = "市工信\u001b]0;pwned\u0007局"'

new duplicate-name
sub bureaus.toml 'name = "市工信局"' $'name = "市工信局"\naliases = ["发改局"]'

new unknown-bureau
sub actions/01-industry.toml 'lead = "gxj"' 'lead = "gxx"'

# A bureau of the plan's [defaults] that does not exist: one message, where
# it is written, though two entries take it.
new unknown-bureau-defaults
add plan.toml <<EOF

[defaults]
lead = "gxx"
EOF
add actions/01-industry.toml <<EOF

[[indicator]]
id = "industry.museum"
name = "建成杂交水稻博物馆"
kind = "milestone"

[[task]]
id = "industry.bamboo"
name = "以竹代塑"
text = "推进以竹代塑产业体系构建"
EOF

new unknown-bureau-name
sub actions/01-industry.toml $'lead = "fgj"\n' $'lead = "fgj"\noffice = "市发改局"\n'

new unknown-indicator-also
sub actions/01-industry.toml 'lead = "fgj"' $'lead = "fgj"\nalso = ["reform.bank-loans"]'

new also-own
sub actions/01-industry.toml 'lead = "fgj"' $'lead = "fgj"\nalso = ["industry.output"]'

new misplaced-key
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\ndue = 2024-12-31'

new target-sign
sub actions/01-industry.toml 'target = 3.6' 'target = -3.6'

new target-sign-zero-up
sub actions/01-industry.toml 'target = 3.6' 'target = 0'

new date-outside-plan
milestone 'due = 2023-12-31'

new date-outside-plan-far
milestone 'due = 2034-03-31'

new bad-stages
milestone $'due = 2024-10-31\nstages = [\n  { date = 2024-10-31, stage = "done" },\n  { date = 2024-06-30, stage = "in-progress" },\n]'

new bad-baseline
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nbaseline = { value = 3.27, year = 2024 }'

new bad-schedule-length
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = [0.5, 1.0]'

new bad-schedule-decreasing
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = [0.3, 0.2, 0.75, 1.0]'

new bad-schedule-end
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = [0.15, 0.45, 0.75, 0.9]'

new bad-enum-schedule-profile
add plan.toml <<'EOF'

[profile.autumn-harvest]
shares = [0, 0, 0, 0, 0, 0, 0, 0.4, 1, 1, 1, 1]
EOF
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = "autum-harvest"'

new bad-schedule-profile
add plan.toml <<'EOF'

[profile.dry-season]
shares = [0.1, 0.2, 0.3, 0.4, 0.45, 0.45, 0.4, 0.45, 0.5, 0.65, 0.8, 1]
EOF
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = "dry-season"'

new bad-schedule-step
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = { step = 2025-01-01 }'

new bad-schedule-profile-both
add plan.toml <<'EOF'

[profile.from-july]
shares = [0, 0, 0.5, 1]
step = 2024-07-01
EOF
sub actions/01-industry.toml 'target = 3.6' $'target = 3.6\nschedule = "from-july"'

new unused-profile
add plan.toml <<'EOF'

[profile.from-july]
description = "标准自7月1日起提高"
step = 2024-07-01
EOF

new metric-mismatch
sub actions/01-industry.toml 'lead = "gxj"' $'lead = "gxj"\nmetric = "industrial-output"'
put actions/02-innovation.toml <<'EOF'
[action]
id = "innovation"
number = 2
name = "创新驱动行动"
lead = "gxj"

[[indicator]]
id = "innovation.output"
name = "规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 4
lead = "gxj"
metric = "industrial-output"
EOF

# ---- actuals ---------------------------------------------------------------

new bad-period
sub actuals/gxj.toml 'period = "2024-05"' 'period = "2024-5月"'

new period-outside-plan
sub actuals/gxj.toml 'period = "2024-05"' 'period = "2023-12"'

new bad-value
sub actuals/gxj.toml 'value = 1.5' 'value = "done"'

new bad-value-percent
milestone 'due = 2024-10-31'
add actuals/gxj.toml <<'EOF'

[[actual]]
indicator = "industry.museum"
period = "2024-05"
value = "150%"
recorded = 2024-06-10T10:00:00+08:00
by = "gxj"
source = "工作月报"
EOF

new unknown-indicator
sub actuals/gxj.toml 'indicator = "industry.output"' 'indicator = "industry.outptu"'

new unknown-bureau-by
sub actuals/gxj.toml 'by = "gxj"' 'by = "tjj"'

new duplicate-actual
second_actual $'period = "2024-05"\nvalue = 1.6\nrecorded = 2024-06-20T09:00:00+08:00'

new recorded-future
sub actuals/gxj.toml 'recorded = 2024-06-10T10:00:00+08:00' 'recorded = 2099-06-10T10:00:00+08:00'

# Recorded in 万吨 for an indicator whose unit is now 亿元: no conversion.
new unit-mismatch
sub actuals/gxj.toml 'value = 1.5' $'value = 1.5\nunit = "万吨"'

new ytd-decrease
second_actual $'period = "2024-06"\nvalue = 1.2\nrecorded = 2024-07-01T09:00:00+08:00'

new by-file-mismatch
sub actuals/gxj.toml 'by = "gxj"' 'by = "fgj"'

# ---- tasks -------------------------------------------------------------------

# A task appended to the action, and a progress report of it.
task_report() {
  add actions/01-industry.toml <<EOF

[[task]]
id = "industry.bio-chain"
name = "生物基产业链"
text = "推进“以竹代塑”产业体系构建。"
lead = ["gxj"]
EOF
  add actuals/gxj.toml <<EOF

[[actual]]
indicator = "industry.bio-chain"
period = "2024-05"
$1
recorded = 2024-06-10T10:00:00+08:00
by = "gxj"
source = "工信局5月台账"
$2
EOF
}

new bad-value-task
task_report 'value = "not-started"' 'note = "园区道路已招标"'

new missing-note
task_report 'value = "in-progress"' ''

# ---- problems ------------------------------------------------------------------

# A problem file, problems/Q2024-0001.toml, with $1 in place of its due date
# line and $2 appended (closes and reopens).
problem() {
  put problems/Q2024-0001.toml <<EOF
[problem]
id = "Q2024-0001"
bureau = "gxj"
opened = 2024-06-12T09:00:00+08:00
$1
text = "园区道路施工围挡破损未修复"
source = "暗访"
by = "督查室"
$2
EOF
}

new problem-due
problem 'due = 2024-06-01' ''

new problem-state
problem 'due = 2024-07-15' $'\n[[close]]\nat = 2024-06-20T10:00:00+08:00\nby = "督查室"\nevidence = "已修复"\n\n[[close]]\nat = 2024-06-21T10:00:00+08:00\nby = "督查室"\nevidence = "复查已修复"'

new problem-state-reopen
problem 'due = 2024-07-15' $'\n[[reopen]]\nat = 2024-06-20T10:00:00+08:00\nby = "督查室"\nreason = "复查未修复"'

new problem-id
problem 'due = 2024-07-15' ''
mv "$dir/problems/Q2024-0001.toml" "$dir/problems/Q2024-1.toml"

new unknown-task
problem 'due = 2024-07-15' ''
sub problems/Q2024-0001.toml 'source = "暗访"' $'task = "industry.bio-chian"\nsource = "暗访"'
add actions/01-industry.toml <<'EOF'

[[task]]
id = "industry.bio-chain"
name = "生物基产业链"
text = "推进“以竹代塑”产业体系构建。"
lead = ["gxj"]
EOF

new unknown-bureau-problem
problem 'due = 2024-07-15' ''
sub problems/Q2024-0001.toml 'bureau = "gxj"' 'bureau = "gxjj"'

new unknown-indicator-problem
problem 'due = 2024-07-15' ''
sub problems/Q2024-0001.toml 'source = "暗访"' $'indicator = "industry.outptu"\nsource = "暗访"'

new recorded-future-problem
problem 'due = 2099-07-15' ''
sub problems/Q2024-0001.toml 'opened = 2024-06-12T09:00:00+08:00' 'opened = 2099-06-12T09:00:00+08:00'
