#!/usr/bin/env bash
# Measures the people import (issue 11, item 9) over HTTP on a demo database: a table of N new
# people (default 20,000, the most one file may hold) for the demo agency with the most positions,
# as CSV, previewed and then imported; prints each step's time and the server's peak memory.
# Usage: TATAKERJA_BIN=build-rel/src/cli/tatakerja bench/people_import/run.sh [N]
set -euo pipefail
BIN="${TATAKERJA_BIN:-build-rel/src/cli/tatakerja}"
N="${1:-20000}"
TMP="$(mktemp -d)"
PID=""
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$TMP"' EXIT
"$BIN" demo --db "$TMP/demo.db" >/dev/null
: >"$TMP/server.log"
"$BIN" serve --db "$TMP/demo.db" --listen 127.0.0.1:0 >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 50); do
  URL="$(sed -n 's#.*Tatakerja melayani di \(http://[^ ]*/\).*#\1#p' "$TMP/server.log" | head -n 1)"
  [ -n "$URL" ] && break
  sleep 0.2
done
API="${URL}api/v1"
curl -s -c "$TMP/jar" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"demo-admin-2026"}' "$API/auth/login" >"$TMP/login.json"
CSRF="$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['csrf_token'])" "$TMP/login.json")"
AGENCY="$(python3 - "$API" "$N" "$TMP/people.csv" <<'PY'
import json, sys, urllib.request
api, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
get = lambda p: json.load(urllib.request.urlopen(api + p))
# The agency with the most positions of a title of their own (a new employee is placed by title).
best, titles = None, []
for a in get("/agencies?limit=500")["items"]:
    ps = get(f"/agencies/{a['id']}/positions?limit=500")["items"]
    counts = {}
    for p in ps: counts[p["title"]] = counts.get(p["title"], 0) + 1
    unique = [t for t, c in counts.items() if c == 1]
    if len(unique) > len(titles): best, titles = a["id"], unique
with open(out, "w") as f:
    f.write("NIP;Nama;Pangkat/golongan;Jabatan;TMT\r\n")
    for i in range(n):
        # Born on a day of 1970-1995, appointed 20-24 years later (before the TMT), a serial per row.
        y, m, d = 1970 + i % 26, 1 + i % 12, 1 + i % 28
        nip = f"{y:04}{m:02}{d:02}{y + 20 + i % 5:04}{1 + i % 12:02}{1 + i % 2}{1 + i // 1000 % 999:03}"
        f.write(f"{nip};Pegawai Uji {i};III/a;{titles[i % len(titles)]};2024-01-02\r\n")
print(best)
PY
)"
echo "rows: $N, file: $(stat -c %s "$TMP/people.csv") bytes, agency $AGENCY"
for step in preview import; do
  curl -s -o "$TMP/$step.json" -w "$step: HTTP %{http_code}, %{time_total} s, answer %{size_download} bytes\n" \
    -b "$TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: text/csv' \
    --data-binary @"$TMP/people.csv" "$API/agencies/$AGENCY/people/$step"
  python3 -c "import json,sys;print('  ', json.load(open(sys.argv[1]))['summary'])" "$TMP/$step.json"
done
echo "server peak memory: $(grep VmHWM /proc/$PID/status)"
