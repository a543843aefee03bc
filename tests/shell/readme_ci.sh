# CI must prove the README: .ci/run's command is exactly the README's test
# command (its second ```sh block), and the README's first command runs the
# shipped plan.
set -uo pipefail
source "$SRC/tests/shell/lib/common.bash"
readme_test=$(awk '/^```sh$/{n++; next} /^```$/{next} n==2{print; exit}' "$SRC/README.md")
ci_cmd=$(tail -n 1 "$SRC/.ci/run")
[ -n "$readme_test" ] || fail "the README has no second sh block"
expect ".ci/run runs the README's test command" "$readme_test" "$ci_cmd"
readme_main=$(awk '/^```sh$/{n++; next} /^```$/{next} n==1{print; exit}' "$SRC/README.md")
case "$readme_main" in
  *"tally check --plan plans/hongjiang-2024"*"tally report --plan plans/hongjiang-2024"*) ;;
  *) fail "the README's first command does not check and report on the shipped plan" ;;
esac
# The first command builds only what a user runs; the test command builds
# the tests even in a build directory the first command configured.
case "$readme_main" in
  *"-DTALLY_TESTS=OFF"*) ;;
  *) fail "the README's first command builds the tests (it should pass -DTALLY_TESTS=OFF)" ;;
esac
case "$readme_test" in
  *"-B build -DCMAKE_BUILD_TYPE=Release -DTALLY_TESTS=ON "*) ;;
  *) fail "the README's test command does not turn the tests back on (-DTALLY_TESTS=ON)" ;;
esac
(($(failure_count) == 0)) && echo "README and .ci/run agree"
