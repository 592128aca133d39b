#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
# SPDX-License-Identifier: Apache-2.0
#
# Reference figure for the drawing benchmark: ECharts 5 drawing 50 series x
# 10,000 points in headless Chromium. Installs what is missing (Debian's
# chromium, the npm packages from package-lock.json), then prints one line per
# run and, last, `echarts_draw_ms median=.. min=.. max=.. runs=15`.
# Extra arguments go to bench.mjs (none are read today).
set -euo pipefail
cd "$(dirname "$0")"

fail() { echo "bench/echarts: $*" >&2; exit 1; }

if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi

# Debian's build, because a browser that Playwright would download cannot be fetched here.
if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  echo "bench/echarts: installing Debian package chromium" >&2
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
  echo "bench/echarts: npm ci" >&2
  npm ci --no-audit --no-fund >&2 || fail "npm ci failed"
fi

node bench.mjs "$@" || fail "benchmark failed"
