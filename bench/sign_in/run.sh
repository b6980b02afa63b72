#!/usr/bin/env bash
# The sign-in attacks of issue 10, held (docs/operations.md, "Sign-in"):
#  1. a flood of sign-ins (60 connections, random user names from random addresses behind the
#     trusted proxy) while a reader asks for the regions list: the reader's latency (p50, p99)
#     and the server's resident memory during the flood, against the same reader without flood;
#  2. the lock-out of issue 10: 22 wrong passwords for `admin` from one address, then `admin`
#     signs in from another address (200 expected), and the attacker's own attempt (429).
#
#   bench/sign_in/run.sh [DURATION_SECONDS]     (default 10)
#
# Needs wrk and curl. TATAKERJA_BIN: the program (default build/src/cli/tatakerja); THREADS: the
# server's worker threads (default 2, as on the demo server of issue 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
bin="${TATAKERJA_BIN:-build/src/cli/tatakerja}"
threads="${THREADS:-2}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" demo --db "$work/demo.db" >/dev/null
cat >"$work/tatakerja.conf" <<CONF
trusted_proxies = 127.0.0.1
CONF
"$bin" serve --db "$work/demo.db" --listen 127.0.0.1:0 --threads "$threads" --web-root "$work" \
  --config "$work/tatakerja.conf" --log-level warn >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's#.*Tatakerja melayani di \(http://[^ ]*/\).*#\1#p' "$work/server.log" | head -n 1)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log" >&2; echo "server did not start" >&2; exit 2; }
url="${url%/}"

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
reader() {  # prints "p50 p99" of GET /regions over $1 seconds, 2 connections
  wrk -t1 -c2 -d"$1"s --latency "$url/api/v1/regions" |
    awk '/^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print p50, p99}'
}

echo "| measurement | value |"
echo "|---|---|"
read -r p50 p99 < <(reader "$duration")
echo "| regions list alone: p50 / p99 | $p50 / $p99 |"
wrk -t2 -c60 -d"$((duration + 2))"s -s bench/sign_in/flood.lua "$url" >"$work/flood.txt" &
flood_pid=$!
sleep 1
read -r p50 p99 < <(reader "$duration")
peak="$(rss_mb)"
wait "$flood_pid"
echo "| regions list during 60 parallel sign-ins: p50 / p99 | $p50 / $p99 |"
echo "| sign-ins answered during the flood (per second) | $(awk '/Requests\/sec/ {print $2}' "$work/flood.txt") |"
echo "| server resident memory during the flood | ${peak} MB |"

# 2. The lock-out of issue 10.
login() {  # user password address -> status
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: $3" -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$url/api/v1/auth/login"
}
codes=""
for i in $(seq 1 22); do codes="$codes $(login admin "salah-$i" 203.0.113.66)"; done
echo "| 22 wrong passwords for admin from 203.0.113.66 | $(echo $codes | tr ' ' '\n' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')|"
echo "| admin from 198.51.100.7 right after | $(login admin demo-admin-2026 198.51.100.7) |"
echo "| admin from 203.0.113.66 with the right password | $(login admin demo-admin-2026 203.0.113.66) |"
