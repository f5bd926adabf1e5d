#!/usr/bin/env bash
# Installs the Debian packages snapkey needs to build and test, if any is missing.
# Runs as root, or through sudo when there is one. Safe to run again: it installs nothing twice.
set -euo pipefail

packages=(cmake make g++ libfmt-dev libyaml-cpp-dev libsimdjson-dev libcli11-dev libgtest-dev libgmock-dev
          clang-format)
# clang 14 builds the sanitizer step (ASan + UBSan) and the libFuzzer targets.
packages+=(clang-14)
# Graphviz's dot draws `snapkey graph --format svg`, whose tests and README diagram need it.
packages+=(graphviz)
# Headless Chromium renders `snapkey check --format html` in its test (tests/html/).
packages+=(chromium)
# The packaging tests (tests/packaging/): groff renders the man page; bash-completion and zsh run
# the completion scripts (zsh is 5 MB); pkg-config builds the consumer from snapkey.pc;
# dpkg-dev's dpkg-shlibdeps and file give the .deb its Depends.
packages+=(groff-base bash-completion zsh pkg-config dpkg-dev file)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node.js and npm run the SARIF schema test's validator (tests/sarif/). Any node and npm on the
# PATH will do (a machine may have them from elsewhere); Debian's only when there are none.
command -v node >/dev/null || command -v nodejs >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

# The Terraform source reader parses HCL with tree-sitter. Debian 12's libtree-sitter-dev (0.20.7)
# loads grammars of ABI 13 and 14 only, and the HCL grammar's only release on npm (1.2.0) is ABI 15,
# so both the grammar and the runtime come from npm as C sources, pinned by version and SHA-512.
# CMake builds them (cmake/SnapkeyTreeSitter.cmake) from $SNAPKEY_DEPS_DIR, by default .deps/.
deps_dir="${SNAPKEY_DEPS_DIR:-$(cd "$(dirname "$0")/.." && pwd)/.deps}"
npm_sources=(
  "tree-sitter 0.25.0 3c6659cc55badde1256490defdbfd1fcb6ec8c30d825ae541232d9241e7d450b0c5fe7e8d23e787ea04f9f530629abff40d6b4251d3306255a8a46035828f929"
  "@tree-sitter-grammars/tree-sitter-hcl 1.2.0 d9b5673a88e491d30b7afa741b8bf792c6cda0e40573f3edf4601d597e22ddaca457223e0a492d13586c17f5c07944058f0806ad5667132782965e680fb21b7e"
)

install_debian_packages() {
  [ ${#missing[@]} -eq 0 ] && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo" >&2; exit 1; }
    as_root=(sudo)
  fi
  echo "install-deps: installing ${missing[*]}" >&2
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Fetches one npm package's tarball, checks its SHA-512 and unpacks it into $deps_dir/NAME-VERSION.
fetch_npm_source() {
  local name=$1 version=$2 sha512=$3
  local target="$deps_dir/${name##*/}-$version"
  [ -f "$target/.complete" ] && return 0
  local scratch
  scratch=$(mktemp -d)
  (cd "$scratch" && npm pack --silent "$name@$version" >/dev/null)
  local tarball=("$scratch"/*.tgz)
  if ! echo "$sha512  ${tarball[0]}" | sha512sum --check --status; then
    echo "install-deps: $name@$version does not have the pinned SHA-512; not using it" >&2
    rm -rf "$scratch"
    exit 1
  fi
  rm -rf "$target" && mkdir -p "$target"
  tar -xzf "${tarball[0]}" -C "$target" --strip-components=1
  touch "$target/.complete"
  rm -rf "$scratch"
}

install_debian_packages
for source in "${npm_sources[@]}"; do
  # shellcheck disable=SC2086
  fetch_npm_source $source
done
exit 0
