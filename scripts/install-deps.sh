#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need. Idempotent: when every package is
# present it prints nothing and changes nothing. Runs as root (CI) or through sudo when available.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  clang clang-format clang-tidy libclang-rt-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev
  libsqlite3-dev libpq-dev postgresql-15 libboost-dev libboost-system-dev libsodium-dev
  libspdlog-dev libmimalloc-dev
  libgraphviz-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev libqrencode-dev zbar-tools fonts-dejavu-core poppler-utils unzip libxml2-utils
  libzip-dev libexpat1-dev
  libcurl4-openssl-dev python3-aiosmtpd
  chromium curl
)

missing=()
# Node.js and npm build the web interface; a machine that already has a newer Node keeps it.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
