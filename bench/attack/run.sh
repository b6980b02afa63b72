#!/usr/bin/env bash
# The attacks of issue 10 against a real server (bench/attack/attacks.mjs): a regulation preview
# flood, 40 anonymous 31 MiB bodies, a password-guessing lockout of the administrator, 60 parallel
# sign-ins, 22,500 idle connections; each for SECONDS while a reader measures a public page.
# Starts `tatakerja serve` (2 worker threads, as the demo server that was attacked) on a copy of a
# fresh demo database and prints a Markdown table; exits 1 when an attack was not held.
#
#   bench/attack/run.sh [SECONDS] [ATTACK,...]     (default 20 s each, every attack)
#
# Needs a Release build in build/ (TATAKERJA_BIN to use another) and Node.js.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
only="${2:-}"
bin="${TATAKERJA_BIN:-build/src/cli/tatakerja}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "${KEEP_LOG:-}" ] && cp "$work/server.log" "$KEEP_LOG"
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" demo --db "$work/demo.db" >/dev/null
# The attacker opens 22,500 connections: the harness needs the descriptors (the server sets its
# own limit).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
port=$((20000 + RANDOM % 20000))
"$bin" serve --db "$work/demo.db" --listen "127.0.0.1:$port" --threads 2 --web-root web/dist \
  --log-level warn >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
args=(--port "$port" --pid "$server_pid" --seconds "$seconds")
[ -n "$only" ] && args+=(--only "$only")
node bench/attack/attacks.mjs "${args[@]}"
