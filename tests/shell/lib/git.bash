# Sourced by the shell tests that need git: a throw-away repository with a
# fixed identity and fixed dates, independent of the user's git settings,
# and a small plan to put in it. The assertions are those of common.bash.

set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.bash"

export HOME="$TMPDIR_TEST/home"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_DATE="2024-07-01T09:00:00+08:00" GIT_COMMITTER_DATE="2024-07-01T09:00:00+08:00"
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX
export NO_COLOR=1
rm -rf "${TMPDIR_TEST:?}"
mkdir -p "$HOME"

# new_repo DIR: an empty repository on branch main.
new_repo() {
  git init -q -b main "$1"
  git -C "$1" config user.name "督查室"
  git -C "$1" config user.email "dcs@example.org"
}

# commit DIR MESSAGE: commits everything in DIR's repository.
commit_all() {
  git -C "$1" add -A
  git -C "$1" commit -q -m "$2"
}

# office_repo DIR: a repository at DIR holding tests/plans/mini as
# plans/mini and the pre-commit hook of githooks/ (core.hooksPath), all
# committed; the working directory becomes DIR.
office_repo() {
  new_repo "$1"
  mkdir -p "$1/plans" "$1/githooks"
  cp -r "$SRC/tests/plans/mini" "$1/plans/mini"
  cp "$SRC/githooks/pre-commit" "$1/githooks/"
  commit_all "$1" "方案与实绩"
  cd "$1"
  git config core.hooksPath githooks
}

# short DIR REV: the seven-digit commit id tally prints.
short() { git -C "$1" rev-parse "$2" | cut -c1-7; }

# write_plan DIR: a small valid plan with two actions and three bureaus.
write_plan() {
  mkdir -p "$1/actions"
  cat >"$1/plan.toml" <<'TOML'
[plan]
id = "demo-2024"
title = "示例方案"
start = 2024-01-01
end = 2024-12-31
utc_offset = "+08:00"

[reporting]
cadence = "month"
timely_days = 10
TOML
  cat >"$1/bureaus.toml" <<'TOML'
[bureau.fgj]
name = "市发改局"
aliases = ["发改局"]

[bureau.gxj]
name = "市工信局"

[bureau.yjj]
name = "市应急局"
TOML
  cat >"$1/actions/01-industry.toml" <<'TOML'
[action]
id = "industry"
number = 1
name = "产业培塑行动"
lead = ["fgj"]
office = "fgj"

[[indicator]]
id = "industry.output"
name = "规模工业总产值"
kind = "cumulative"
unit = "亿元"
target = 3.6
lead = "gxj"
co = ["fgj"]
source = "附件1 一"

[[indicator]]
id = "industry.firms"
name = "新增规模工业企业"
kind = "cumulative"
unit = "户"
target = 11
lead = "gxj"
source = "附件1 二"
TOML
  cat >"$1/actions/02-safety.toml" <<'TOML'
[action]
id = "safety"
number = 2
name = "平安建设行动"
lead = ["yjj"]
office = "yjj"

[[indicator]]
id = "safety.broadcast"
name = "应急广播体系建设和验收"
kind = "milestone"
lead = "yjj"
due = 2024-11-30
source = "附件2 一"
TOML
}

# append_late_june_output PLAN: the June figure of the mini plan's
# economy.output, recorded late on 12 July (due 10 July).
append_late_june_output() {
  cat >>"$1/actuals/gxj.toml" <<'TOML'

[[actual]]
indicator = "economy.output"
period = "2024-06"
value = 1.9
recorded = 2024-07-12T10:00:00+08:00
by = "gxj"
source = "统计局6月月报"
TOML
}
