#!/usr/bin/env bash
# The README's "test" command, and all that CI (.ci/run) does. Installs the Debian packages that are
# missing, then runs every check and exits non-zero if any failed (a failed check does not hide the
# others; a failed build skips the checks that need it):
#   format  clang-format --dry-run --Werror over every *.cpp / *.hpp under src tests bench fuzz;
#   tidy    clang-tidy 14 over every source under src/ with the checks of .clang-tidy, all of them
#           errors (compile commands from build-tidy/, configured with clang, not built;
#           docs/quality.md);
#   test    Release build in build/ and the GoogleTest suite (ctest); the storage ports' suites run
#           against SQLite, in memory and against a throwaway PostgreSQL 15 server that ctest
#           starts (tests/org, tests/identity, tests/storage);
#   web-lint  the web interface's formatter and linter: prettier --check and ESLint with
#           typescript-eslint (npm run format:check, npm run lint in web/);
#   e2e     the web interface's unit tests (Vitest), then the interface built with Vite and driven
#           in Debian's headless Chromium against a demo database served by the Release build
#           (scripts/e2e.sh; screenshots kept in web/e2e/artifacts/);
#   asan    the suite again under AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/);
#   tsan    the server tests (server_api_test, server_crash_test, work_crash_test,
#           server_parts_test, server_limits_test, openapi_routes_test, answer_scope_test,
#           scope_routes_test, email_api_test: the server's mailer thread) and the
#           store suites (store_test, audit_backup_test and the conformance suites of the org,
#           identity, work and letter ports: SQLite, PostgreSQL and memory; work_api_test;
#           smtp_delivery_test: two mailers on one database) under
#           ThreadSanitizer
#           (build-tsan/, halt_on_error=1; suppressions with their reasons in tests/tsan.supp);
#   fuzz    the libFuzzer targets (clang, build-fuzz/; FUZZ_BUILD_DIR overrides it): regulation_fuzz
#           60 s seeded with data/regulations, tests/amendments, tests/golden/regulation (the genres: excerpts,
#           flattened copies, OCR, many agencies, IKI layouts) and fuzz/seeds/regulation, api_fuzz 60 s seeded with
#           fuzz/seeds/api, nip_fuzz 30 s seeded with fuzz/seeds/nip, table_fuzz 30 s seeded with
#           fuzz/seeds/table (docs/fuzzing.md); fails if any
#           finds a crash;
#   bench   one short benchmark run from build/, so the benchmark cannot rot.
# BUILD_DIR overrides build/ (for a working copy where someone else is using build/).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR:-build}"
start=$SECONDS
failed=()

# Runs a command with its output kept in a log that is printed only if the command fails.
quiet() {
  local log rc=0
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    cat "$log" >&2
    echo "test.sh: failed: $*" >&2
  fi
  rm -f "$log"
  return $rc
}

# step NAME FUNCTION: runs FUNCTION with errexit in a subshell and records its failure.
step() {
  local name="$1" rc=0
  echo "== $name ($((SECONDS - start)) s)"
  set +e
  (
    set -e
    "$2"
  )
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    failed+=("$name")
    echo "!! $name failed" >&2
  fi
  return 0
}
passed() { [[ " ${failed[*]-} " != *" $1 "* ]]; }

format_check() {
  # find also lists untracked files; none of these folders holds generated sources.
  local sources unformatted=() f
  mapfile -t sources < <(find src tests bench fuzz -type f \( -name '*.cpp' -o -name '*.hpp' \) |
    sort)
  for f in "${sources[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
  done
  if [ ${#unformatted[@]} -gt 0 ]; then
    echo "Not clang-formatted (fix with: clang-format -i FILE...):" >&2
    printf '  %s\n' "${unformatted[@]}" >&2
    return 1
  fi
  echo "${#sources[@]} files formatted"
}

tidy() {
  # Configured with clang so that the compile commands are clang's; only configured: the one
  # generated source (src/api's openapi_data.cpp) is written at configure time, and is not checked.
  CC=clang CXX=clang++ quiet cmake -S . -B build-tidy -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DTATAKERJA_TESTS=OFF -DTATAKERJA_BENCH=OFF
  local log rc=0
  log="$(mktemp)"
  # The regex picks the translation units under src/ (not build-tidy/'s generated one); headers
  # under src/ are checked through them (HeaderFilterRegex in .clang-tidy).
  # Boost 1.74's Asio enables co_await under clang only with <experimental/coroutine>, which
  # libstdc++ lacks; <coroutine> is there, so it is told so (src/server/http_server.cpp).
  run-clang-tidy-14 -p build-tidy -j2 -quiet -extra-arg=-fno-color-diagnostics \
    -extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 -extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1 \
    "^$PWD/src/" >"$log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    grep -v -e '^clang-tidy-14 ' -e '^[0-9]* warnings\? generated\.$' "$log" >&2 || true
    echo "clang-tidy found the problems above (.clang-tidy, docs/quality.md)." >&2
  fi
  rm -f "$log"
  return $rc
}

web_lint() {
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
  (cd web && npm run --silent format:check && npm run --silent lint)
}

build_release() {
  quiet cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
  quiet cmake --build "$build" -- -j2
}

test_release() { ctest --test-dir "$build" --output-on-failure -j2; }

test_asan() {
  quiet cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DTATAKERJA_SANITIZE=ON \
    -DTATAKERJA_BENCH=OFF
  quiet cmake --build build-asan -- -j2
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp" \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2
}

test_tsan() {
  quiet cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTATAKERJA_TSAN=ON \
    -DTATAKERJA_BENCH=OFF
  local programs=(server_api_test server_crash_test server_parts_test server_limits_test
    openapi_routes_test answer_scope_test store_test org_store_conformance_test
    identity_store_conformance_test scope_routes_test audit_backup_test)
  programs+=(work_store_conformance_test work_api_test work_crash_test)  # issue 12: the work system
  programs+=(letter_store_conformance_test)  # issue 12 item 6: the numbering raced on both databases
  programs+=(smtp_delivery_test email_api_test)  # issue 12 item 3: two mailers raced; the mailer thread
  programs+=(sqlite_file_test)  # issue 12 (speed): the writers' turn and the checkpointer thread
  quiet cmake --build build-tsan --target tatakerja "${programs[@]}" -- -j2
  # The labels are the test programs' names (tests/CMakeLists.txt); ctest adds the PostgreSQL
  # fixture's start and stop tests that the store suite's PostgreSQL half requires.
  TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp" \
    ctest --test-dir build-tsan --output-on-failure -j2 \
    -L "^($(IFS='|'; echo "${programs[*]}"))\$"
}

fuzz() {
  # Not local: run_fuzzer uses them, and the EXIT trap of this step's subshell removes $work after
  # the function has returned.
  fuzz_build="${FUZZ_BUILD_DIR:-build-fuzz}"
  work=""
  # run_fuzzer NAME SECONDS CORPUS [FLAG...]: runs one target of $fuzz_build for SECONDS from the
  # inputs in CORPUS (a scratch copy: libFuzzer adds to it), its log and temporary files in $work.
  # Prints its figures, or the end of its log and where the failing input went.
  run_fuzzer() {
    local name="$1" seconds="$2" corpus="$3" rc=0
    shift 3
    TMPDIR="$work" "./$fuzz_build/fuzz/$name" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$fuzz_build/artifacts/" "$@" "$corpus" >"$work/$name.log" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
      tail -n 80 "$work/$name.log" >&2
      echo "$name failed (exit $rc); the input is in $fuzz_build/artifacts/ (docs/fuzzing.md)." >&2
      return 1
    fi
    echo "$name: $(grep -E '^#[0-9]+[[:space:]]+DONE' "$work/$name.log" | sed 's/^#[0-9]*[[:space:]]*//')"
    grep -E '^(Done|stat::(average_exec_per_sec|new_units_added|peak_rss_mb))' "$work/$name.log" |
      sed 's/^/  /'
  }
  CC=clang CXX=clang++ quiet cmake -S . -B "$fuzz_build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTATAKERJA_FUZZ=ON -DTATAKERJA_TESTS=OFF -DTATAKERJA_BENCH=OFF
  quiet cmake --build "$fuzz_build" --target regulation_fuzz api_fuzz nip_fuzz table_fuzz -- -j2
  work="$(mktemp -d)"
  trap 'rm -rf "${work:-}"' EXIT
  mkdir -p "$work/regulation" "$work/api" "$work/nip" "$work/table" "$fuzz_build/artifacts"
  cp data/regulations/*.txt tests/golden/regulation/*.txt tests/amendments/*.txt fuzz/seeds/regulation/* \
    "$work/regulation/"
  cp fuzz/seeds/api/* "$work/api/"
  cp fuzz/seeds/nip/* "$work/nip/"
  cp fuzz/seeds/table/* "$work/table/"
  # Every target runs even when an earlier one failed; the step fails if any did.
  local any_failed=0
  run_fuzzer regulation_fuzz 60 "$work/regulation" -max_len=200000 -rss_limit_mb=2048 \
    -timeout=60 -dict=fuzz/regulation.dict || any_failed=1
  # A second, shorter run on inputs up to 4 MB: long flattened lines, many tiny articles, deep
  # lists, wide tables (the shapes of issue 10's linear-time tests) grow from the same corpus.
  run_fuzzer regulation_fuzz 30 "$work/regulation" -max_len=4000000 -len_control=0 \
    -rss_limit_mb=2048 -timeout=60 -dict=fuzz/regulation.dict || any_failed=1
  run_fuzzer api_fuzz 60 "$work/api" -max_len=4096 -rss_limit_mb=2048 -timeout=30 || any_failed=1
  run_fuzzer nip_fuzz 30 "$work/nip" -max_len=512 -rss_limit_mb=2048 -timeout=10 || any_failed=1
  run_fuzzer table_fuzz 30 "$work/table" -max_len=65536 -rss_limit_mb=2048 -timeout=10 || any_failed=1
  return $any_failed
}

e2e() {
  quiet ./scripts/build-web.sh
  (cd web && npm test --silent)
  TATAKERJA_BIN="$build/src/cli/tatakerja" ./scripts/e2e.sh
}

bench() { "$build/bench/regulation_bench" --benchmark_min_time=0.1; }

./scripts/install-deps.sh
step format format_check
step tidy tidy
step web-lint web_lint
step build build_release
if passed build; then
  step test test_release
  step e2e e2e
  step bench bench
fi
step asan test_asan
step tsan test_tsan
step fuzz fuzz

echo "== done in $((SECONDS - start)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "All checks passed."
