#!/usr/bin/env bash
# End-to-end tests of the web interface: builds web/dist, makes a demo database, starts
# `tatakerja serve` on a free port, runs web/e2e/run.mjs against it (Chromium at /usr/bin/chromium
# or $CHROMIUM_PATH), stops the server and exits with the tests' status.
#   TATAKERJA_BIN   the program (default build/src/cli/tatakerja)
# Screenshots: web/e2e/artifacts/ (every page at 1366 and 390 px in artifacts/pages/; docs/quality.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="${TATAKERJA_BIN:-build/src/cli/tatakerja}"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac

command -v node >/dev/null || { echo "e2e: node tidak ada (perlu Node 20)" >&2; exit 2; }
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "e2e: Chromium tidak ada di ${CHROMIUM_PATH:-/usr/bin/chromium}" >&2; exit 2; }

# npm packages from the lockfile, only when missing or out of date.
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd web && npm run --silent build)

TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT

[ -x "$BIN" ] || { echo "e2e: program $BIN tidak ada; bangun dulu (./scripts/run.sh)" >&2; exit 2; }
"$BIN" demo --db "$TMP/demo.db" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; echo "e2e: tatakerja demo gagal" >&2; exit 2; }
"$BIN" serve --db "$TMP/demo.db" --listen 127.0.0.1:0 --web-root "$ROOT/web/dist" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 1 300); do
  URL="$(sed -n 's#.*Tatakerja melayani di \(http://[^ ]*/\).*#\1#p' "$TMP/server.log" | head -n 1)"
  [ -n "$URL" ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$TMP/server.log" >&2
    echo "e2e: server berhenti sebelum siap" >&2
    exit 2
  fi
  sleep 0.1
done
if [ -z "$URL" ]; then
  cat "$TMP/server.log" >&2
  echo "e2e: server tidak mencetak alamatnya dalam 30 detik" >&2
  exit 2
fi
echo "e2e: server di $URL"

status=0
TATAKERJA_URL="$URL" node web/e2e/run.mjs || status=$?

kill -TERM "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
if [ "$status" -ne 0 ]; then
  echo "--- log server (akhir) ---" >&2
  tail -n 40 "$TMP/server.log" >&2
fi
exit "$status"
