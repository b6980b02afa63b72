#!/usr/bin/env bash
# The main job: installs what is missing, builds, and prints a summary of every regulation in the
# demo data folder (kind, number, year, region, agency, units, positions, duties, IKI rows, findings).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target tatakerja -- -j"$(nproc)" >/dev/null
exec ./build/src/cli/tatakerja summary data/regulations
