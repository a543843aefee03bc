# A control character in the definitions fails check, and check's own
# messages show control characters inertly.
source "$SRC/tests/shell/lib/record.bash"

# A control character in a bureau name fails check (before, it passed check
# and then blocked that bureau's first record with exit 3), and check's own
# message shows it inertly.
fresh_plan
sed -i 's/^name = "市人社局"$/name = "市人社\\u001b]0;pwned\\u0007局"/' rec/bureaus.toml
t check
expect "check: control character, exit" 1 "$rc"
expect "check: no ESC or BEL reaches the terminal" "" "$(printf '%s%s' "$out" "$err" | tr -d -c '\033\007')"
expect "check: control character" "rec/bureaus.toml:13:9: error: bureau 'rsj' name '市人社\\x1b]0;pwned\\x07局' has the control character \\x1b at character 4; it would act on the terminal of whoever reads a bulletin, write the text on one line and without it [control-character]" \
  "$(printf '%s' "$out" | grep -F '[control-character]')"

