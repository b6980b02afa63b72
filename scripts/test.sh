#!/usr/bin/env bash
# Every check CI runs: formatting, the test suite, the suite again under AddressSanitizer and
# UndefinedBehaviorSanitizer, the parser fuzzer for 60 seconds, and one short benchmark run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
jobs="$(nproc)"

echo "== format"
mapfile -t sources < <(find src tests bench fuzz -name '*.cpp' -o -name '*.hpp' | sort)
unformatted=()
for f in "${sources[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "Not clang-formatted: ${unformatted[*]}" >&2
  exit 1
fi

echo "== build and test"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -- -j"$jobs" >/dev/null
(cd build && ctest --output-on-failure -j"$jobs")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTATAKERJA_SANITIZE=ON \
  -DTATAKERJA_BENCH=OFF >/dev/null
cmake --build build-asan -- -j"$jobs" >/dev/null
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j"$jobs")

echo "== fuzz the parser for 60 s"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTATAKERJA_FUZZ=ON -DTATAKERJA_TESTS=OFF -DTATAKERJA_BENCH=OFF >/dev/null
cmake --build build-fuzz --target regulation_fuzz -- -j"$jobs" >/dev/null
seeds="$(mktemp -d)"
trap 'rm -rf "$seeds"' EXIT
cp data/regulations/*.txt "$seeds/"
(cd build-fuzz && ./fuzz/regulation_fuzz -max_total_time=60 -max_len=200000 -rss_limit_mb=2048 \
  -print_final_stats=1 "$seeds" 2>&1 | tail -n 12)

echo "== benchmark (short run; see docs/performance.md for the measured figures)"
./build/bench/regulation_bench --benchmark_min_time=0.1

echo "All checks passed."
