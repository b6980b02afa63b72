#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the store's tests (Debian's postgresql-15 package).
#   pg-test-server.sh start DIR   initialises DIR/data and starts the server on 127.0.0.1, port
#                                 $PGPORT (default 54329), socket in DIR, fsync off; prints the URL
#                                 postgresql://postgres@127.0.0.1:PORT/postgres on stdout.
#   pg-test-server.sh stop DIR    stops the server and removes DIR.
# A server left running in DIR by an earlier, killed run is stopped before a new one starts. As
# root, DIR is given to the postgres user and the server runs as postgres (initdb refuses root);
# otherwise it runs as the calling user. Data is not durable (fsync=off): tests only.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
cmd="$1"
dir="$2"
port="${PGPORT:-54329}"
bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
[ -x "$bin/pg_ctl" ] || {
  echo "$0: $bin/pg_ctl not found (install postgresql-15)" >&2
  exit 1
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Stops whatever server runs from DIR/data (fast, then immediate, then by its pid), removes DIR.
stop_server() {
  local data="$dir/data" pid
  if [ -f "$data/postmaster.pid" ]; then
    as_server_user "$bin/pg_ctl" -D "$data" -m fast -w -t 20 stop >/dev/null 2>&1 ||
      as_server_user "$bin/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    if [ -f "$data/postmaster.pid" ]; then
      pid="$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)"
      # Only a postgres process whose command line names this data directory.
      if [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] &&
        tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$data"; then
        kill -9 "$pid" 2>/dev/null || true
        sleep 0.5
      fi
    fi
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start)
    stop_server
    mkdir -p "$dir"
    dir="$(cd "$dir" && pwd)"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      --no-sync -N >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    if ! as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      echo "$0: the server did not start (port $port in use?); its log:" >&2
      cat "$dir/log" >&2 || true
      exit 1
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    stop_server
    ;;
  *)
    usage
    ;;
esac
