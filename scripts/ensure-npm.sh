#!/usr/bin/env bash
# Installs the npm packages of package-lock.json (libduckdb.so, ECharts) when node_modules is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "==> npm packages are installed"
else
  echo "==> Installing npm packages from package-lock.json: @duckdb/node-bindings (libduckdb.so), echarts"
  # Not `npm ci`: the registry served here lacks DuckDB's other-platform packages, so the lock cannot list them and
  # `npm ci` refuses it as out of sync. `npm install` installs the locked versions and leaves the lock as it is.
  npm install --no-audit --no-fund
fi
