#!/usr/bin/env bash
# Installs what oppteam needs to build and test on Debian 12 (as root, or
# with sudo). Safe to run again: apt-get skips what is installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libcli11-dev libsqlitecpp-dev libsqlite3-dev sqlite3 libfmt-dev libtomlplusplus-dev catch2
  nlohmann-json3-dev libhowardhinnant-date-dev libssl-dev libicu-dev libsodium-dev
  help2man man-db bash-completion tmux time python3
  clang libclang-rt-14-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils libxml2-utils
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The FHIR validator of the tests runs on Node.js (>= 20.19 wanted; the
# machine's own node is used when there is one, else Debian's).
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
