#!/usr/bin/env bash
# Installs the npm packages of package-lock.json (libduckdb.so, ECharts, hyparquet, SheetJS) when node_modules is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && ! [ package-lock.json -nt "$stamp" ] && ! [ package.json -nt "$stamp" ]; then
  echo "==> npm packages: up to date with package-lock.json"
else
  echo "==> Installing npm packages from package-lock.json (npm ci): @duckdb/node-bindings (libduckdb.so), echarts, hyparquet and xlsx (the tests' second Parquet and workbook readers)"
  # The lock lists DuckDB's packages for every platform, as npm writes it; npm ci installs this platform's alone.
  npm ci --no-audit --no-fund
fi

# npm skips a failed optional (platform) package silently; the native library is the point of the exercise.
if ! compgen -G "node_modules/@duckdb/node-bindings-*/libduckdb.*" >/dev/null; then
  echo "error: no libduckdb in node_modules/@duckdb/node-bindings-*/ (npm did not install the platform package)" >&2
  exit 1
fi
