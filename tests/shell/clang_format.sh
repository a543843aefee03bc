# The C++ sources (src/ and tests/unit) are formatted as .clang-format says:
# clang-format --dry-run -Werror over each. Skipped (exit 77, which ctest
# shows as skipped) when clang-format is not on PATH, or is another major
# version than the one the tree is formatted with, whose output differs.
#
# To format a file: clang-format -i FILE.
source "$SRC/tests/shell/lib/common.bash"
major=14

format=$(command -v "clang-format-$major" || command -v clang-format || true)
if [ -z "$format" ]; then
  echo "clang-format is not installed (Debian: apt-get install clang-format); skipped"
  exit 77
fi
version=$("$format" --version)
if ! grep -qE "version $major\." <<<"$version"; then
  echo "$format is not clang-format $major but: $version; skipped"
  exit 77
fi

# Files that drift today but are being changed elsewhere, so formatting
# them here would only make the changes collide. Format each with its
# change and take it off this list; the test fails when a listed file is
# formatted already, so the list cannot outlive its reason.
pending=()

mkdir -p "$TMPDIR_TEST"
cd "$SRC" || exit 1
files=() formatted_now=()
while IFS= read -r file; do
  listed=0
  for p in "${pending[@]}"; do [ "$file" = "$p" ] && listed=1; done
  if [ "$listed" = 1 ]; then
    "$format" --dry-run -Werror "$file" 2>/dev/null && formatted_now+=("$file")
  else
    files+=("$file")
  fi
done < <(find src tests/unit \( -name '*.cc' -o -name '*.h' \) | sort)
((${#files[@]} > 50)) || fail "only ${#files[@]} files found under src and tests/unit"

# One run over the rest; it names every line that would change.
if ! "$format" --dry-run -Werror "${files[@]}" 2>"$TMPDIR_TEST/err"; then
  drifted=$(grep -oE '^[^: ]+\.(cc|h):[0-9]+:[0-9]+: error' "$TMPDIR_TEST/err" | cut -d: -f1 | sort -u)
  fail "not formatted as .clang-format says (clang-format -i FILE):" $drifted
  head -n 40 "$TMPDIR_TEST/err" >&2
fi
rm -f "$TMPDIR_TEST/err"
for file in "${formatted_now[@]}"; do
  fail "$file is formatted now: take it off the pending list in tests/shell/clang_format.sh"
done
echo "clang_format: ${#files[@]} files checked with $version; ${#pending[@]} pending"
