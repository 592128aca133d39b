#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
# SPDX-License-Identifier: Apache-2.0
#
# Reference figures for the drawing benchmark: ECharts 5 and uPlot drawing 50
# series x 10,000 points in headless Chromium (bench.mjs says what is timed).
# Installs what is missing (Debian's chromium, the npm packages from
# package-lock.json), then prints one line per run and, last, one line per
# library and mode:
#   echarts_fresh_ms median=X min=X max=X runs=15
#   echarts_refresh_ms ...
#   uplot_fresh_ms ...
#   uplot_refresh_ms ...
# Arguments go to bench.mjs: library names (echarts, uplot) to run only those.
# BENCH_PNG_DIR=DIR saves each library's final chart of each mode as a PNG there.
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "bench/browser: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

# Debian's build, because a browser that Playwright would download cannot be fetched here.
if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  echo "bench/browser: installing Debian package chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq || fail "apt-get update failed"
  $sudo apt-get install -y -qq --no-install-recommends chromium || fail "could not install chromium"
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after installing chromium"

# playwright-core 1.65 needs Node.js 20; Debian 12's own nodejs is 18, so do not fall back to it.
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed (Node.js 20 or newer)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js $(node --version) is too old: playwright-core needs 20 or newer"

# npm ls fails when node_modules is missing or does not match the lock file.
if ! npm ls --silent >/dev/null 2>&1; then
  echo "bench/browser: npm ci" >&2
  npm ci --no-audit --no-fund >&2 || fail "npm ci failed"
fi

node bench.mjs "$@" || fail "benchmark failed"
