# tally diff in a real repository: against the working tree, between two
# commits, a renamed action file, indicators added and removed, a changed
# target old → new, from a subdirectory.
source "$SRC/tests/shell/lib/git.bash"

repo="$TMPDIR_TEST/office"
new_repo "$repo"
write_plan "$repo/plans/demo"
commit_all "$repo" "方案初版"
git -C "$repo" tag v1
cd "$repo"

# A clean working tree: nothing changed.
expect "clean tree" "plans/demo：HEAD ($(short . HEAD)) → 工作区
没有变化" "$("$TALLY" diff)"

# The office edits in a branch: raise a target, move a lead, rename a file,
# drop one indicator and add another, postpone a milestone.
git checkout -q -b adjust
sed -i 's/^target = 3.6$/target = 4.2/; 0,/^lead = "gxj"$/s//lead = "fgj"/' plans/demo/actions/01-industry.toml
git mv plans/demo/actions/02-safety.toml plans/demo/actions/02-public-safety.toml
sed -i 's/^due = 2024-11-30$/due = 2024-12-31/' plans/demo/actions/02-public-safety.toml
python3 - <<'PY'
import re
p = "plans/demo/actions/01-industry.toml"
s = open(p, encoding="utf-8").read()
s = s[:s.index('[[indicator]]\nid = "industry.firms"')]
s += '''[[indicator]]
id = "industry.high-tech"
name = "新增高新技术企业"
kind = "cumulative"
unit = "家"
target = 5
lead = "fgj"
source = "附件1 三"
'''
open(p, "w", encoding="utf-8").write(s)
PY

expected="plans/demo：HEAD ($(short . HEAD)) → 工作区
调标 2 项；指标 新增 1、删除 1、修改 2；行动 修改 1

!! 调标（目标变更）2 项
指标              名称                    行动              原目标      新目标    变化
----------------  ----------------------  ------------  ----------  ----------  ------
industry.output   规模工业总产值          产业培塑行动     3.6亿元     4.2亿元  +16.7%
safety.broadcast  应急广播体系建设和验收  平安建设行动  2024-11-30  2024-12-31   +31天

指标
变更  id                  名称                    行动          字段      原值        新值
----  ------------------  ----------------------  ------------  --------  ----------  ----------
删除  industry.firms      新增规模工业企业        产业培塑行动  目标      11户
                                                                牵头      gxj
新增  industry.high-tech  新增高新技术企业        产业培塑行动  目标                  5家
                                                                牵头                  fgj
调标  industry.output     规模工业总产值          产业培塑行动  目标      3.6亿元     4.2亿元
                                                                牵头      gxj         fgj
调标  safety.broadcast    应急广播体系建设和验收  平安建设行动  完成时限  2024-11-30  2024-12-31

行动
变更  id      名称          字段  原值                    新值
----  ------  ------------  ----  ----------------------  -----------------------------
修改  safety  平安建设行动  文件  actions/02-safety.toml  actions/02-public-safety.toml"
expect "HEAD against the working tree" "$expected" "$("$TALLY" diff)"
expect "one revision: v1 against the working tree" "$expected" \
  "$("$TALLY" diff v1 | sed "s/^plans\/demo：v1 /plans\/demo：HEAD /")"

# The same from a subdirectory, and with --plan from outside the plan.
expect "from a subdirectory" "$expected" "$(cd plans/demo/actions && "$TALLY" diff)"
# and from a directory of the repository outside the plan: the plan is the
# only one under the root's plans/.
mkdir -p notes/2024
expect "from outside the plan in the repository" "$expected" "$(cd notes/2024 && "$TALLY" diff)"
expect "from the top with --plan" "$expected" "$(cd / && "$TALLY" diff --plan "$repo/plans/demo")"

# Committed: v1 against the branch, and back again.
commit_all . "调整产业指标"
after=$(short . HEAD)
out=$("$TALLY" diff v1 adjust)
expect "two commits: heading" "plans/demo：v1 ($(short . v1)) → adjust ($after)" "$(head -1 <<<"$out")"
expect "two commits: body" "$(tail -n +2 <<<"$expected")" "$(tail -n +2 <<<"$out")"
expect "working tree is clean again" "没有变化" "$("$TALLY" diff | tail -1)"
out=$("$TALLY" --lang en diff adjust v1)
expect "reverse, in English" "plans/demo: adjust ($after) → v1 ($(short . v1))
2 target changes; indicators: 1 added, 1 removed, 2 changed; actions: 1 changed" "$(head -2 <<<"$out")"
grep -q '^TARGET   industry.output     规模工业总产值          产业培塑行动  target  4.2亿元     3.6亿元$' <<<"$out" ||
  fail "reverse diff does not show 4.2亿元 → 3.6亿元: $out"

# Markdown and JSON carry the target change first.
md=$("$TALLY" diff v1 adjust --format md)
expect "markdown heading" "# 方案变更 plans/demo：v1 ($(short . v1)) → adjust ($after)" "$(head -1 <<<"$md")"
grep -qxF '| industry.output | 规模工业总产值 | 产业培塑行动 | 3.6亿元 | **4.2亿元** | +16.7% |' <<<"$md" ||
  fail "markdown lacks the target row: $md"
json=$("$TALLY" diff v1 adjust --format json)
python3 - "$json" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["plan"] == "plans/demo", d["plan"]
assert d["before"]["rev"] == "v1" and d["after"]["rev"] == "adjust"
t = d["targets"][0]
assert (t["indicator"], t["target_before"], t["target_after"], t["unit_after"], t["percent"]) == \
    ("industry.output", 3.6, 4.2, "亿元", 16.67), t
assert d["targets"][1]["days"] == 31
assert d["summary"]["indicators"] == {"added": 1, "removed": 1, "changed": 2}
assert [i["change"] for i in d["indicators"]] == ["removed", "added", "changed", "changed"]
PY

# An action file that is a link inside the plan is read through the link at
# both revisions, as check and report read it on disk: a target changed in
# the file it names is a 调标, not "没有变化". A link that leads out of the
# plan is refused at a revision as on disk.
git checkout -q main
mkdir plans/demo/shared
git mv plans/demo/actions/01-industry.toml plans/demo/shared/industry.toml
ln -s ../shared/industry.toml plans/demo/actions/01-industry.toml
commit_all . "产业行动经链接读取"
sed -i 's/^target = 3.6$/target = 4.0/' plans/demo/shared/industry.toml
out=$("$TALLY" diff)
expect "through a link: the summary" "调标 1 项；指标 修改 1" "$(sed -n 2p <<<"$out")"
grep -qxF 'industry.output  规模工业总产值  产业培塑行动  3.6亿元   4亿元  +11.1%' <<<"$out" ||
  fail "a target changed through a link is not shown: $out"
commit_all . "通过链接调标"
expect "two commits through a link" "调标 1 项；指标 修改 1" "$("$TALLY" diff HEAD~1 HEAD | sed -n 2p)"
ln -s /etc/hostname plans/demo/actions/03-out.toml
commit_all . "链接到方案之外"
expect "a link out of the plan at a revision" \
  "HEAD:plans/demo/actions/03-out.toml: error: cannot read: it leads outside the plan directory, to /etc/hostname; plan files must be inside it [unreadable-file]" \
  "$("$TALLY" diff HEAD~1 HEAD 2>&1 | grep -F unreadable-file)"
