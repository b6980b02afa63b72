#!/usr/bin/env bash
# Writes the CLI's output (regulation extract, lint and parse) for every regulation text the
# project holds into OUT_DIR, so that two builds can be compared byte for byte:
#   scripts/regulation_output_compare.sh BIN OUT_DIR          # write
#   diff -r OUT_DIR_BEFORE OUT_DIR_AFTER                       # compare
# Inputs: data/regulations, /work/shared/corpus (if present), tests/golden/regulation,
# tests/amendments, fuzz/seeds/regulation, and generated texts (every text flattened to one
# line, a 31 MB concatenation, an endless line of markers).
set -euo pipefail
BIN=$(realpath "${1:?BIN}")
OUT=$(realpath -m "${2:?OUT_DIR}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT"
GEN=$(mktemp -d)
trap 'rm -rf "$GEN"' EXIT
python3 - "$ROOT" "$GEN" <<'PY'
import glob, sys
root, gen = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(root + '/data/regulations/*.txt')) + sorted(glob.glob(root + '/tests/golden/regulation/*.txt'))
one = b''.join(open(x, 'rb').read() for x in files)
n = 31_000_000
open(gen + '/concat31.txt', 'wb').write((one * (n // len(one) + 1))[:n])
for x in files:
    name = x.rsplit('/', 1)[1]
    data = open(x, 'rb').read()
    open(gen + '/flat-' + name, 'wb').write(b' '.join(data.split(b'\n')))
    open(gen + '/crlf-' + name, 'wb').write(data.replace(b'\n', b'\r\n'))
open(gen + '/endless.txt', 'wb').write((b'Pasal 1 (1) a. huruf 1) ' * 200_000))
open(gen + '/flat-all.txt', 'wb').write(b' '.join(one.split(b'\n')))
PY
inputs=()
for d in "$ROOT/data/regulations" /work/shared/corpus "$ROOT/tests/golden/regulation" "$ROOT/tests/amendments" "$ROOT/fuzz/seeds/regulation" "$GEN"; do
  [ -d "$d" ] || continue
  for f in "$d"/*; do
    case "$f" in *.json|*.md) continue ;; esac
    inputs+=("$f")
  done
done
for f in "${inputs[@]}"; do
  key=$(echo "$f" | sed "s#^$ROOT/##; s#^$GEN/#gen/#; s#^/work/shared/#shared/#; s#/#_#g")
  for cmd in extract lint parse; do
    if [ "$cmd" != extract ] && [ "$(stat -c %s "$f")" -gt 3000000 ]; then continue; fi
    set +e
    # Run from the file's folder with its bare name, so that messages naming the file do not
    # carry the generated texts' temporary folder.
    (cd "$(dirname "$f")" && "$BIN" regulation "$cmd" "$(basename "$f")") \
      > "$OUT/$key.$cmd.out" 2> "$OUT/$key.$cmd.err"
    echo "rc=$?" >> "$OUT/$key.$cmd.err"
    set -e
  done
done
echo "wrote $(ls "$OUT" | wc -l) files to $OUT"
