#!/usr/bin/env bash
# Installs the Debian packages snapkey needs to build and test, if any is missing.
# Runs as root, or through sudo when there is one. Safe to run again: it installs nothing twice.
set -euo pipefail

packages=(cmake make g++ libfmt-dev libyaml-cpp-dev libsimdjson-dev libcli11-dev libgtest-dev libgmock-dev
          clang-format)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js and npm run the SARIF schema test's validator (tests/sarif/). Any node and npm on the
# PATH will do (a machine may have them from elsewhere); Debian's only when there are none.
command -v node >/dev/null || command -v nodejs >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
