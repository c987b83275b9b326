#!/usr/bin/env bash
# Installs the npm packages of package-lock.json (libduckdb.so, ECharts) when node_modules is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "==> npm packages are installed"
else
  echo "==> Installing npm packages (npm ci): @duckdb/node-bindings (libduckdb.so), echarts"
  npm ci --no-audit --no-fund
fi
