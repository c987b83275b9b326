#!/usr/bin/env bash
# Usage: scripts/ensure-debian-packages.sh PKG...
# Installs those of the named Debian packages that are not installed yet (apt-get, as root or through sudo).
set -euo pipefail

missing=()
for package in "$@"; do
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "==> Debian packages: $* — already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "error: Debian packages ${missing[*]} are missing, and installing them needs root or sudo" >&2
  exit 1
fi

echo "==> Installing missing Debian packages: ${missing[*]} (apt-get update, then apt-get install)"
# Through env, not export: sudo drops the caller's environment.
apt=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
"${apt[@]}" update -qq
"${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
