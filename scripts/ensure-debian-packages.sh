#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet, saying what it does.
set -euo pipefail

missing=()
for package in "$@"; do
  if [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "==> Debian packages $* are installed"
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
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
