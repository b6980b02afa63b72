#!/usr/bin/env bash
# The HTTP scale benchmark of the registry (docs/performance.md). Builds a province-sized government
# (60,000 people, 2,500 units, 40 agencies) with `tatakerja generate`, serves it with
# `tatakerja serve` twice at once (the answer cache off, `--cache-mb 0`, and on, the default size
# or CACHE_MB), and measures with wrk on loopback at 64 connections, in the same run as Debian's
# nginx serving an 11-byte static file (the ceiling): nginx; then for each server the position
# page, the first screen of the largest agency's chart and of its unit tree (the default depth),
# the people search; nginx again. Then each server's resident memory and the import of the whole
# corpus. Prints a Markdown table.
#
#   bench/http/run.sh [DURATION_SECONDS]     (default 10; needs a Release build in build/)
#
# Needs: wrk, nginx, curl, sqlite3 (Debian packages); with PG=1, postgresql-15.
# Environment: TATAKERJA_BIN (default build/src/cli/tatakerja), PEOPLE/UNITS/AGENCIES (default
# 60000/2500/40), DB (reuse a generated database instead of a temporary one: a SQLite file, or a
# postgresql:// URL of a database `tatakerja generate` filled), PG=1 (serve
# from a throwaway PostgreSQL 15 server started by scripts/pg-test-server.sh on port 54411
# instead of SQLite), CACHE_MB (the cache-on server's answer cache; default the server's own),
# ONLY=off|on (measure one server only), WARMUP (seconds of unmeasured requests before each
# measured run; default 5, 0 for none).
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
  for p in $server_pid; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null; done
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
largest_agency_id() {
  local q='select agency_id from positions where abolished = 0 group by agency_id order by count(*) desc, agency_id limit 1'
  if [ -n "$pg_url" ]; then psql "$db" -Atc "$q"; else sqlite3 "$db" "$q"; fi
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

# 3. The servers: the answer cache off (every answer computed) and on.
server_pids=()
start_server() {  # PORT CACHE_FLAGS...
  local port="$1"
  shift
  "$bin" serve --db "$db" --listen "127.0.0.1:$port" --log-level warn "$@" \
    >"$work/serve-$port.log" 2>&1 &
  server_pids+=($!)
  server_pid="${server_pids[*]}"
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
}
cache_on_flags=()
[ -n "${CACHE_MB:-}" ] && cache_on_flags=(--cache-mb "$CACHE_MB")
modes=(off on)
[ -n "${ONLY:-}" ] && modes=("$ONLY")
declare -A port_of=([off]=18080 [on]=18082)
for m in "${modes[@]}"; do
  if [ "$m" = off ]; then start_server "${port_of[off]}" --cache-mb 0; fi
  if [ "$m" = on ]; then start_server "${port_of[on]}" "${cache_on_flags[@]}"; fi
done
cookie="$(curl -fs -c - -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-2026"}' \
  "http://127.0.0.1:${port_of[${modes[0]}]}/api/v1/auth/login" | awk '$6=="tk_session"{print $6"="$7}')"
positions="$(max_position_id)"
largest="$(largest_agency_id)"
chart_bytes="$(curl -fs "http://127.0.0.1:${port_of[${modes[0]}]}/api/v1/agencies/$largest/chart" | wc -c)"
units_bytes="$(curl -fs "http://127.0.0.1:${port_of[${modes[0]}]}/api/v1/agencies/$largest/units" | wc -c)"
echo "largest agency: $largest (its chart's first screen $chart_bytes bytes, unit tree $units_bytes bytes)" >&2

# run NAME wrk-args...: one wrk run, one table row. A warm-up run of WARMUP seconds (default 5) of
# the same requests comes first and is not counted: the figures are those of a server in its
# steady state (its answer cache holding what the route's requests ask for, when it is on), not of
# its first seconds.
run() {
  local name="$1" out rps p99
  shift
  if [ "${WARMUP:-5}" -gt 0 ]; then
    wrk -t2 -c64 -d"${WARMUP:-5}s" "$@" >/dev/null
    settle
  fi
  out="$(wrk -t2 -c64 -d"${duration}s" --latency "$@")"
  rps="$(awk '/^Requests\/sec/{print $2}' <<<"$out")"
  p99="$(awk '$1=="99%"{print $2}' <<<"$out")"
  local errors
  errors="$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')"
  echo "| $name | $rps | $p99 | ${errors:-none} |"
  echo "$rps" >"$work/rps-$name"
  settle
}

# Waits until every server answers its health check again: a slow route leaves requests queued
# after wrk stops, which must not be charged to the next route.
settle() {
  local p m
  for m in "${modes[@]}"; do
    p="${port_of[$m]}"
    for _ in $(seq 1 600); do
      curl -fs -m 1 "http://127.0.0.1:$p/api/v1/health" >/dev/null 2>&1 && break
      sleep 0.5
    done
  done
}

echo "| target | requests/s | p99 | errors |"
echo "|---|---|---|---|"
run nginx-before http://127.0.0.1:18081/ping.txt
routes=(position-page chart-first-screen unit-tree-first-screen people-search)
for m in "${modes[@]}"; do
  url="http://127.0.0.1:${port_of[$m]}"
  MAX_ID="$positions" PATH_PREFIX=/api/v1/positions/ \
    run "position-page-cache-$m" -s bench/http/random_id.lua "$url"
  run "chart-first-screen-cache-$m" "$url/api/v1/agencies/$largest/chart"
  run "unit-tree-first-screen-cache-$m" "$url/api/v1/agencies/$largest/units"
  COOKIE="$cookie" run "people-search-cache-$m" -s bench/http/search.lua "$url"
done
run nginx-after http://127.0.0.1:18081/ping.txt

ceiling="$(awk '{s+=$1} END {print s/NR}' "$work/rps-nginx-before" "$work/rps-nginx-after")"
echo
echo "nginx ceiling (mean of the two runs): $ceiling requests/s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for m in "${modes[@]}"; do
  for n in "${routes[@]}"; do
    awk -v n="$n-cache-$m" -v c="$ceiling" '{printf "%s: %.0f%% of nginx\n", n, 100*$1/c}' \
      "$work/rps-$n-cache-$m"
  done
done
i=0
for m in "${modes[@]}"; do
  grep -E 'VmHWM|VmRSS' "/proc/${server_pids[$i]}/status" | sed "s/^/server (cache $m) /"
  i=$((i + 1))
done

# 4. Import of the whole corpus into an empty database.
t0=$(now_ms)
"$bin" import --db "$work/import.db" data/regulations/*.txt >/dev/null
echo "import of the corpus ($(ls data/regulations/*.txt | wc -l) texts): $(($(now_ms) - t0)) ms"
