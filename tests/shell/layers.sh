# The layers of src/core follow the path of the data: read files -> check ->
# ledger -> compute -> render -> write, on a base that knows nothing of the
# plan and the model every layer shares. A file may include the headers of
# its own layer and of the layers below it, never of one above; nothing in
# src/core includes src/cli, which sits above them all.
# docs/architecture.md explains what lives in each.
source "$SRC/tests/shell/lib/common.bash"

# The layers, lowest first: the one place the order is written.
layers=(base model read check ledger compute render write)

# rank LAYER: its place in the order, or -1 (no subshell per include: the
# test reads some six hundred of them).
declare -A rank_of
for i in "${!layers[@]}"; do rank_of[${layers[$i]}]=$i; done
rank() { echo "${rank_of[$1]--1}"; }

cd "$SRC/src/core" || exit 1

# Every file lives in a layer, and every folder is one.
for path in *; do
  if [ -f "$path" ]; then
    fail "src/core/$path is in no layer: move it to one of ${layers[*]}"
  elif [ "$(rank "$path")" = -1 ]; then
    fail "src/core/$path/ is not a layer: add it to the order in tests/shell/layers.sh"
  fi
done

checked=0
for layer in "${layers[@]}"; do
  [ -d "$layer" ] || { fail "the layer src/core/$layer/ does not exist"; continue; }
  own=${rank_of[$layer]}
  for file in "$layer"/*.h "$layer"/*.cc; do
    [ -f "$file" ] || continue
    checked=$((checked + 1))
    while IFS=: read -r line include; do
      target=""
      [[ $include =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]*)\" ]] &&
        target=${BASH_REMATCH[1]}
      case "$target" in
        cli/*)
          fail "src/core/$file:$line includes $target: the core never includes the command line" ;;
        core/*/*)
          dep=${target#core/}
          dep=${dep%%/*}
          theirs=${rank_of[$dep]--1}
          if [ "$theirs" = -1 ]; then
            fail "src/core/$file:$line includes $target, which is in no layer"
          elif ((theirs > own)); then
            fail "src/core/$file:$line includes $target: $layer is below $dep" \
              "(${layers[*]}, lowest first)"
          fi ;;
        core/*)
          fail "src/core/$file:$line includes $target, which is in no layer" ;;
      esac
    done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$file")
  done
done

((checked > 50)) || fail "only $checked files found under src/core; the layers need a look"
echo "layers: $checked files in ${#layers[@]} layers"
