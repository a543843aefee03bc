# Every test of the build is labelled quick or slow, and has a time limit
# (tests/CMakeLists.txt): a test added some other way would run with
# neither, and a hang would hold up the whole run.
source "$SRC/tests/shell/lib/common.bash"
tests=$(ctest --test-dir "$BUILD_DIR" --show-only=json-v1) || fail "ctest --show-only exited $?"
# The list goes to python on stdin: with its paths it is larger than one
# argument may be (128 KiB on Linux).
unlabelled=$(python3 -c '
import json, sys
for t in json.load(sys.stdin)["tests"]:
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    labels = [l for l in props.get("LABELS", []) if l in ("quick", "slow")]
    if len(labels) != 1 or not props.get("TIMEOUT"):
        print(t["name"], props.get("LABELS"), props.get("TIMEOUT"))
' <<<"$tests")
expect "tests without one of the labels quick, slow or without a TIMEOUT" "" "$unlabelled"
count=$(python3 -c 'import json, sys; print(len(json.load(sys.stdin)["tests"]))' <<<"$tests")
((count > 150)) || fail "only $count tests in $BUILD_DIR"
