#!/usr/bin/env bash
# The README's "run" command: installs the Debian packages that are missing, builds the Release
# program in build/ and the web interface in web/dist (quietly; a log is shown only on failure),
# creates the demo database (demo/tatakerja-demo.db) from the regulations in data/regulations when it
# is absent, and serves it. Prints the address to open and the demo accounts.
#   LISTEN=0.0.0.0:8080 ./scripts/run.sh     (default 127.0.0.1:8080)
set -euo pipefail
cd "$(dirname "$0")/.."
listen="${LISTEN:-127.0.0.1:8080}"
db="demo/tatakerja-demo.db"

# Runs a command with its output kept in a log that is printed only if the command fails.
quiet() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "run.sh: failed: $*" >&2
    return 1
  fi
  rm -f "$log"
}

./scripts/install-deps.sh
echo "Membangun program (build/) ..."
quiet cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
quiet cmake --build build --target tatakerja -- -j"$(nproc)"
echo "Membangun antarmuka web (web/dist) ..."
quiet ./scripts/build-web.sh
if [ ! -s "$db" ]; then
  echo "Membuat basis data demo ($db) ..."
  mkdir -p demo
  ./build/src/cli/tatakerja demo --db "$db"
fi
cat <<TEXT

Akun demo (kata sandi):
  admin       demo-admin-2026         administrator
  organisasi  demo-organisasi-2026    admin registri (Bagian Organisasi)
  pegawai     demo-pegawai-2026       pegawai
TEXT
exec ./build/src/cli/tatakerja serve --db "$db" --listen "$listen" --web-root web/dist
