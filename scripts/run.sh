#!/usr/bin/env bash
# The README's "run" command: installs the Debian packages that are missing, builds the Release
# program in build/ (quietly; the build log is shown only when the build fails), and prints a summary
# table of every regulation in data/regulations.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runs a command with its output kept in a log that is printed only if the command fails.
quiet() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "run.sh: failed: $*" >&2
    return 1
  fi
  rm -f "$log"
}

./scripts/install-deps.sh
quiet cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
quiet cmake --build build --target tatakerja -- -j"$(nproc)"
exec ./build/src/cli/tatakerja summary data/regulations
