# CI must prove the README: .ci/run's command is exactly the README's test
# command (its second ```sh block), and the README's first command runs the
# shipped plan.
set -uo pipefail
readme_test=$(awk '/^```sh$/{n++; next} /^```$/{next} n==2{print; exit}' "$SRC/README.md")
ci_cmd=$(tail -n 1 "$SRC/.ci/run")
if [ -z "$readme_test" ] || [ "$readme_test" != "$ci_cmd" ]; then
  echo "FAIL: .ci/run does not run the README's test command" >&2
  diff <(echo "$readme_test") <(echo "$ci_cmd") >&2
  exit 1
fi
readme_main=$(awk '/^```sh$/{n++; next} /^```$/{next} n==1{print; exit}' "$SRC/README.md")
case "$readme_main" in
  *"tally check --plan plans/hongjiang-2024"*"tally report --plan plans/hongjiang-2024"*) ;;
  *) echo "FAIL: the README's first command does not check and report on the shipped plan" >&2
     exit 1 ;;
esac
echo "README and .ci/run agree"
