#!/usr/bin/env bash
# The HTTP scale benchmark of the registry (docs/performance.md). Builds a province-sized government
# (60,000 people, 2,500 units, 40 agencies) with `tatakerja generate`, serves it with
# `tatakerja serve`, and measures with wrk on loopback at 64 connections, in the same run as
# Debian's nginx serving an 11-byte static file (the ceiling): nginx, the position page API, an
# agency's unit tree, the people search, nginx again. Then the server's resident memory and the
# import of the whole corpus. Prints a Markdown table.
#
#   bench/http/run.sh [DURATION_SECONDS]     (default 10; needs a Release build in build/)
#
# Needs: wrk, nginx, curl, sqlite3 (Debian packages); with PG=1, postgresql-15.
# Environment: TATAKERJA_BIN (default build/src/cli/tatakerja), PEOPLE/UNITS/AGENCIES (default
# 60000/2500/40), DB (reuse a generated database instead of a temporary one: a SQLite file, or a
# postgresql:// URL of a database `tatakerja generate` filled), PG=1 (serve
# from a throwaway PostgreSQL 15 server started by scripts/pg-test-server.sh on port 54411
# instead of SQLite), CACHE_MB (the server's answer cache; 0 turns it off: the cost of computing
# every answer).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-10}"
bin="${TATAKERJA_BIN:-build/src/cli/tatakerja}"
people="${PEOPLE:-60000}"
units="${UNITS:-2500}"
agencies="${AGENCIES:-40}"
work="$(mktemp -d)"
server_pid=""
nginx_started=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$nginx_started" ] && nginx -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null
  [ -n "${PG:-}" ] && PGPORT=54411 scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# 1. The province-sized database.
db="${DB:-$work/province.db}"
if [ -n "${PG:-}" ]; then
  chmod 755 "$work"
  db="$(PGPORT=54411 scripts/pg-test-server.sh start "$work/pg")"
fi
pg_url=""
case "$db" in postgres://* | postgresql://*) pg_url="$db" ;; esac
max_position_id() {
  if [ -n "$pg_url" ]; then
    psql "$db" -Atc 'select max(id) from positions'
  else
    sqlite3 "$db" 'select max(id) from positions'
  fi
}
if [ -n "${PG:-}" ] || { [ -z "$pg_url" ] && [ ! -s "$db" ]; }; then
  t0=$(now_ms)
  "$bin" generate --db "$db" --people "$people" --units "$units" --agencies "$agencies" >/dev/null
  echo "generate: $((($(now_ms) - t0))) ms ($people people, $units units, $agencies agencies)" >&2
fi
TATAKERJA_PASSWORD="bench-password-2026" "$bin" user add --db "$db" --username bench \
  --role pegawai --display-name "Bench" >/dev/null 2>&1 || true

# 2. nginx with a small static file, on its own port.
mkdir -p "$work/www" "$work/logs"
chmod 755 "$work"
printf 'hello world' >"$work/www/ping.txt"
cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
error_log $work/logs/error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:18081;
    root $work/www;
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"
nginx_started=1

# 3. The server.
cache_flags=()
[ -n "${CACHE_MB:-}" ] && cache_flags=(--cache-mb "$CACHE_MB")
"$bin" serve --db "$db" --listen 127.0.0.1:18080 --log-level warn "${cache_flags[@]}" \
  >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:18080/api/v1/health >/dev/null 2>&1 && break
  sleep 0.1
done
cookie="$(curl -fs -c - -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-2026"}' \
  http://127.0.0.1:18080/api/v1/auth/login | awk '$6=="tk_session"{print $6"="$7}')"
positions="$(max_position_id)"

# run NAME wrk-args...: one wrk run, one table row.
run() {
  local name="$1" out rps p99
  shift
  out="$(wrk -t2 -c64 -d"${duration}s" --latency "$@")"
  rps="$(awk '/^Requests\/sec/{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  local errors
  errors="$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')"
  echo "| $name | $rps | $p99 | ${errors:-none} |"
  echo "$rps" >"$work/rps-$name"
}

echo "| target | requests/s | p99 | errors |"
echo "|---|---|---|---|"
run nginx-before http://127.0.0.1:18081/ping.txt
MAX_ID="$positions" PATH_PREFIX=/api/v1/positions/ \
  run position-page -s bench/http/random_id.lua http://127.0.0.1:18080
MAX_ID="$agencies" PATH_PREFIX=/api/v1/agencies/ PATH_SUFFIX=/units \
  run unit-tree -s bench/http/random_id.lua http://127.0.0.1:18080
COOKIE="$cookie" run people-search -s bench/http/search.lua http://127.0.0.1:18080
run nginx-after http://127.0.0.1:18081/ping.txt

ceiling="$(awk '{s+=$1} END {print s/NR}' "$work/rps-nginx-before" "$work/rps-nginx-after")"
echo
echo "nginx ceiling (mean of the two runs): $ceiling requests/s"
for n in position-page unit-tree people-search; do
  awk -v n="$n" -v c="$ceiling" '{printf "%s: %.0f%% of nginx\n", n, 100*$1/c}' "$work/rps-$n"
done
grep -E 'VmHWM|VmRSS' "/proc/$server_pid/status" | sed 's/^/server /'

# 4. Import of the whole corpus into an empty database.
t0=$(now_ms)
"$bin" import --db "$work/import.db" data/regulations/*.txt >/dev/null
echo "import of the corpus ($(ls data/regulations/*.txt | wc -l) texts): $(($(now_ms) - t0)) ms"
