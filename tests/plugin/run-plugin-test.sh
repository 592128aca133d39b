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

# Without the plugin the panel is a placeholder and lint names the missing plugin.
unset PERSES_DESKTOP_PLUGIN_PATH
set +e
missing=$("$app" lint "$source/tests/plugin/examplepanel.yaml" 2>&1)
set -e
grep -q "schema not found for plugin ExampleText" <<<"$missing" || fail "lint without the plugin: $missing"
echo "PASS"
