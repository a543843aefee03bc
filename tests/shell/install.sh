# `cmake --install` puts the binary, a manual page for tally and one per
# command, and the bash completion where Debian keeps them, and man renders
# every page. The pages are written from the same command tree as --help.
source "$SRC/tests/shell/lib/scratch.bash"
prefix=$TMPDIR_TEST/prefix
cmake --install "$BUILD_DIR" --prefix "$prefix" >/dev/null || fail "cmake --install exited $?"

[ -x "$prefix/bin/tally" ] || fail "no executable bin/tally"
expect "installed tally --version" "tally $("$TALLY" --version | cut -d' ' -f2)" \
  "$("$prefix/bin/tally" --version)"
commands=$("$TALLY" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }')
expect "commands in tally --help" "new plan add check list record import template log report overdue remind show problem rank diff" \
  "$(echo $commands)"
for page in tally $(printf 'tally-%s ' $commands); do
  file=$prefix/share/man/man1/$page.1
  if [ ! -f "$file" ]; then
    fail "no share/man/man1/$page.1"
    continue
  fi
  text=$(MANWIDTH=80 man -l "$file" 2>"$TMPDIR_TEST/man.err" | col -b) || fail "man -l $page.1 exited $?"
  expect "warnings of man -l $page.1" "" "$(grep -v '^$' "$TMPDIR_TEST/man.err")"
  grep -q '^NAME' <<<"$text" || fail "$page.1 renders no NAME section"
  grep -q '^GLOBAL OPTIONS' <<<"$text" || fail "$page.1 renders no GLOBAL OPTIONS section"
  grep -q -- '--today' <<<"$text" || fail "$page.1 does not list the global --today"
done
# tally-report(1): its own options, as --help writes them, and the exit
# codes of docs/commands/report.md.
report=$(MANWIDTH=80 man -l "$prefix/share/man/man1/tally-report.1" 2>/dev/null | col -b)
grep -q -- '--period' <<<"$report" || fail "tally-report.1 does not list --period"
grep -q 'EXIT STATUS' <<<"$report" || fail "tally-report.1 has no EXIT STATUS"
grep -q 'output could not be written' <<<"$report" ||
  fail "tally-report.1 lacks exit code 3 of docs/commands/report.md"
main=$(MANWIDTH=80 man -l "$prefix/share/man/man1/tally.1" 2>/dev/null | col -b)
grep -q 'TALLY_TODAY' <<<"$main" || fail "tally.1 has no TALLY_TODAY under ENVIRONMENT"

completion=$prefix/share/bash-completion/completions/tally
[ -f "$completion" ] || fail "no share/bash-completion/completions/tally"
# Complete `tally rep` and `tally report --per` as bash would.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _tally
           printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
expect "completion of: tally rep" "report" "$(complete_words tally rep)"
expect "completion of: tally report --per" "--period" "$(complete_words tally report --per)"
expect "completion of: tally overdue --tod" "--today" "$(complete_words tally overdue --tod)"

# Every command's --help lists the global options it accepts too.
for cmd in $commands; do
  help=$("$TALLY" "$cmd" --help)
  grep -q '^Global options (before or after the command):$' <<<"$help" ||
    fail "tally $cmd --help does not list the global options"
  grep -q '^  --today TEXT  *Fix today' <<<"$help" || fail "tally $cmd --help lacks --today"
done
# tally-rank(1): its options and the exit codes of docs/commands/rank.md.
rank=$(MANWIDTH=80 man -l "$prefix/share/man/man1/tally-rank.1" 2>/dev/null | col -b)
grep -q -- '--by' <<<"$rank" || fail "tally-rank.1 does not list --by"
grep -q 'bad-weight' <<<"$rank" || fail "tally-rank.1 lacks the exit codes of docs/commands/rank.md"
