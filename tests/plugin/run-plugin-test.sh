#!/usr/bin/env bash
# The plugin system end to end: install Perses Desktop into a temporary prefix, build the
# example panel plugin outside the tree against the installed CMake package, then check
# that the app lists it, lints with its spec check, renders its panel, and lists a broken
# module with its reason without failing.
# usage: run-plugin-test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S "$source/tests/plugin/examplepanel" -B "$work/plugin" -G Ninja \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/plugin" >/dev/null
module=$(find "$work/plugin" -name 'libexamplepanel.so')
[[ -n "$module" ]] || fail "the example plugin was not built"

plugins="$work/plugins"
mkdir -p "$plugins"
cp "$module" "$plugins/"
printf 'not a shared library' >"$plugins/libbroken.so"
app="$work/prefix/bin/perses-desktop"
export PERSES_DESKTOP_PLUGIN_PATH="$plugins" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

listing=$("$app" plugins) || fail "plugins exited $?"
echo "$listing"
grep -q "^ExamplePanelPlugin (.*libexamplepanel.so): loaded: ExampleText$" <<<"$listing" ||
    fail "the example plugin is not listed as loaded"
grep -q "^libbroken.so (.*libbroken.so): not loaded: " <<<"$listing" ||
    fail "the broken module is not listed with its reason"
grep -q "^CorePanelsPlugin (built-in): loaded: TimeSeriesChart" <<<"$listing" ||
    fail "the built-in panels are missing"

"$app" lint "$source/tests/plugin/examplepanel.yaml" || fail "lint rejects a valid ExampleText panel"
set +e
invalid=$("$app" lint "$source/tests/plugin/examplepanel-invalid.yaml" 2>&1)
code=$?
set -e
echo "$invalid"
[[ $code == 1 ]] || fail "lint of an invalid ExampleText spec exited $code, expected 1"
grep -q "text: a text is required" <<<"$invalid" || fail "the plugin's spec message is missing"

"$app" render "$source/tests/plugin/examplepanel.yaml" --size 600x300 --out "$work/hello.png" ||
    fail "render exited $?"
[[ -s "$work/hello.png" ]] || fail "render wrote no image"
# The plugin's own drawing, not the "No plugin provides..." placeholder: its purple label
# fills most of the panel, and its text is there.
purple=$(convert "$work/hello.png" -format %c histogram:info:- | sed -n 's/^ *\([0-9]*\):.*#8E6CD9.*/\1/p')
[[ ${purple:-0} -gt 60000 ]] || fail "the panel is not the plugin's drawing (${purple:-0} purple pixels)"
"$app" render "$source/tests/plugin/examplepanel.yaml" --size 600x300 --out "$work/hello.svg" ||
    fail "render to SVG exited $?"
grep -q "Hello from a plugin (0 series)" "$work/hello.svg" || fail "the plugin's text is not drawn"

# A datasource, query and variable from a third-party module: JSON files served over HTTP.
cmake -S "$source/tests/plugin/exampledata" -B "$work/dataplugin" -G Ninja \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/dataplugin" >/dev/null
cp "$(find "$work/dataplugin" -name 'libexampledata.so')" "$plugins/"
listing=$("$app" plugins) || fail "plugins exited $?"
grep -q "^ExampleDataPlugin (.*libexampledata.so): loaded: ExampleJsonQuery, ExampleJsonDatasource, ExampleJsonVariable$" <<<"$listing" ||
    fail "the example data plugin is not listed as loaded: $listing"
mkdir -p "$work/json"
now=$(($(date +%s) * 1000))
printf '{"options": ["cpu", "memory"]}' >"$work/json/options.json"
printf '{"series": [{"labels": {"host": "a"}, "points": [[%d, 1], [%d, 2]]}, {"labels": {"host": "b"}, "points": [[%d, 3]]}]}' \
    $((now - 60000)) "$now" "$now" >"$work/json/cpu.json"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/json" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/options.json')" 2>/dev/null && break
    sleep 0.1
done
"$app" lint "$source/tests/plugin/exampledata.yaml" || fail "lint rejects the example data dashboard"
set +e
bad=$(sed 's|path: /\$dataset.json|path: dataset.json|' "$source/tests/plugin/exampledata.yaml" >"$work/bad.yaml"; "$app" lint "$work/bad.yaml" 2>&1)
code=$?
set -e
[[ $code == 1 ]] && grep -q "path: a path starting with / is required" <<<"$bad" ||
    fail "lint does not report the data plugin's own spec check: $bad"
result=$("$app" query "$source/tests/plugin/exampledata.yaml" --datasource "json=http://127.0.0.1:$port" --format json) ||
    fail "query exited $?: $result"
echo "$result"
grep -q '"name": "dataset", "options": \["cpu", "memory"\], "value": "cpu"' <<<"$result" ||
    fail "the plugin's variable options are not listed"
grep -q '"query": "/cpu.json"' <<<"$result" || fail "the query did not see the variable"
grep -q '"labels": {"host": "a"}, "points": 2' <<<"$result" || fail "the plugin's series are not read"
grep -q '"labels": {"host": "b"}, "points": 1' <<<"$result" || fail "the second series is missing"
"$app" render "$source/tests/plugin/exampledata.yaml" --datasource "json=http://127.0.0.1:$port" \
    --size 600x300 --out "$work/data.svg" || fail "render of the data plugin's dashboard exited $?"
grep -q "Hello from a plugin (2 series)" "$work/data.svg" || fail "the panel did not get the plugin's series"

# Without the plugin the panel is a placeholder and lint names the missing plugin.
unset PERSES_DESKTOP_PLUGIN_PATH
set +e
missing=$("$app" lint "$source/tests/plugin/examplepanel.yaml" 2>&1)
set -e
grep -q "schema not found for plugin ExampleText" <<<"$missing" || fail "lint without the plugin: $missing"
echo "PASS"
