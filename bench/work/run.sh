#!/usr/bin/env bash
# The work system's load benchmark (issue 12, "What it must show"; docs/performance.md). Builds a
# generated government (20 units, 500 people, 20,000 activities in every state, an account per
# person) with `tatakerja generate --activities`, serves it with `tatakerja serve`, and measures
# with bench/work's load client (build/bench/work_load_client) on loopback at 8 and at 64
# connections, in the same run as Debian's nginx serving an 11-byte static file (the ceiling,
# measured with the same client): my tasks (GET /activities?limit=25), one activity
# (GET /activities/{id}), create an activity (POST /activities, CSRF), change its status (POST
# /activities/{id}/steps: each connection walks its own activity, mulai, ajukan by the executor,
# kembalikan by the Level II reviewer, ajukan, ...). Then the month-end burst: each connection
# plans, starts and submits a new activity again and again (a submission is those three
# requests). Prints a Markdown table.
#
#   bench/work/run.sh [DURATION_SECONDS]     (default 5; needs a Release build in build/)
#
# Needs: nginx, curl, sqlite3, python3 (Debian packages). Environment: TATAKERJA_BIN (default
# build/src/cli/tatakerja), CLIENT (default build/bench/work_load_client), PEOPLE/UNITS/AGENCIES/
# ACTIVITIES (default 500/20/2/20000), CONNECTIONS (default "8 64"), USERS (executors signed in,
# default 16), DB (reuse a database `generate --activities` filled), LOADS (the rows to run, default
# "static my one create step submit"), SERVE_OPTIONS (more options for `serve`, e.g. "--threads
# 4"), SERVE_PREFIX (a command the server runs under, e.g. "perf record -g -o /tmp/perf.data"),
# SERVE_LOG (where the server's log goes; default a file removed at the end).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-5}"
bin="${TATAKERJA_BIN:-build/src/cli/tatakerja}"
client="${CLIENT:-build/bench/work_load_client}"
people="${PEOPLE:-500}"
units="${UNITS:-20}"
agencies="${AGENCIES:-2}"
activities="${ACTIVITIES:-20000}"
users="${USERS:-16}"
password="kerja-sintetis-2026"
work="$(mktemp -d)"
server_pid=""
nginx_started=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$nginx_started" ] && nginx -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# 1. The generated government with its work.
db="${DB:-$work/work.db}"
if [ ! -s "$db" ]; then
  t0=$(now_ms)
  "$bin" generate --db "$db" --people "$people" --units "$units" --agencies "$agencies" \
    --activities "$activities" --work-password "$password" >&2
  echo "generate: $(($(now_ms) - t0)) ms" >&2
fi

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
    listen 127.0.0.1:18091;
    root $work/www;
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work"
nginx_started=1

# 3. The server.
port=18090
${SERVE_PREFIX:-} "$bin" serve --db "$db" --listen "127.0.0.1:$port" --log-level warn ${SERVE_OPTIONS:-} >"${SERVE_LOG:-$work/serve.log}" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done

# 4. Who signs in: executors whose individual activity waits at a Level II stop held
#    definitively, with that reviewer (the step load's pairs); one session each.
sqlite3 -separator ' ' "$db" "
  SELECT 'kerja-' || a.executor_employee_id, 'kerja-' || MIN(pl.employee_id)
  FROM work_activities a JOIN placements pl ON pl.position_id = a.awaiting_position_id
    AND pl.end_date IS NULL AND pl.kind = 'definitif'
  WHERE a.state = 'di_level_ii' AND a.team_id IS NULL AND pl.employee_id <> a.executor_employee_id
  GROUP BY a.executor_employee_id ORDER BY a.executor_employee_id LIMIT $users" >"$work/pairs"
: >"$work/sessions-all"
: >"$work/sessions-executors"
sign_in() {  # USERNAME -> "USERNAME COOKIE CSRF"
  local body
  body="$(curl -fs -c "$work/jar-$1" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/auth/login")"
  printf '%s %s %s\n' "$1" "$(awk '$6=="tk_session"{print $7}' "$work/jar-$1")" \
    "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])' <<<"$body")"
}
for u in $(awk '{print $1}' "$work/pairs"); do sign_in "$u" | tee -a "$work/sessions-all" >>"$work/sessions-executors"; done
for u in $(awk '{print $2}' "$work/pairs" | sort -u); do sign_in "$u" >>"$work/sessions-all"; done
echo "signed in: $(wc -l <"$work/sessions-executors") executors, $(($(wc -l <"$work/sessions-all") - $(wc -l <"$work/sessions-executors"))) reviewers" >&2

# 5. The runs. Each row: requests, failures, requests/s, p50, p99, max (ms).
row() {  # LABEL MODE CONNECTIONS [client options]
  local label="$1" mode="$2" c="$3" out
  shift 3
  out="$("$client" --port "$@" --mode "$mode" --connections "$c" --seconds "$duration")"
  read -r _ _ _ n failed rps p50 p99 max subs subs_rate <<<"$out"
  if [ "$mode" = submit ]; then
    echo "| $label | $c | $rps | $p50 | $p99 | $max | $failed | $subs submissions, $subs_rate/s |"
  else
    echo "| $label | $c | $rps | $p50 | $p99 | $max | $failed | $n requests |"
  fi
}
echo "| load | connections | requests/s | p50 ms | p99 ms | max ms | failed | |"
echo "|---|---|---|---|---|---|---|---|"
loads=" ${LOADS:-static my one create step submit} "
runs() { [[ "$loads" == *" $1 "* ]]; }
for c in ${CONNECTIONS:-8 64}; do
  runs static && row "nginx (ceiling)" static "$c" 18091 --path /ping.txt
  runs my && row "my tasks" my "$c" "$port" --sessions "$work/sessions-executors"
  runs one && row "one activity" one "$c" "$port" --sessions "$work/sessions-executors"
  runs create && row "create an activity" create "$c" "$port" --sessions "$work/sessions-executors"
  runs step && row "change its status" step "$c" "$port" --sessions "$work/sessions-all" --pairs "$work/pairs"
done
if runs submit; then
  row "month-end burst (plan, start, submit)" submit 64 "$port" --sessions "$work/sessions-executors"
fi
echo
echo "activities after the runs: $(sqlite3 "$db" 'select count(*) from work_activities'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E 'VmHWM|VmRSS' "/proc/$server_pid/status" | sed 's/^/server /'
