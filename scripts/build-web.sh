#!/usr/bin/env bash
# Builds the web interface into web/dist: installs the npm packages from web/package-lock.json
# (npm ci, only when node_modules is missing or older than the lockfile) and runs `vite build`.
set -euo pipefail
cd "$(dirname "$0")/../web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
npm run build --silent
