#!/usr/bin/env bash
# Builds the console as one folder, then runs its self-check.
#   installer/build.sh [OUTPUT_DIR]      (default: dist/; the console lands in OUTPUT_DIR/relais/)
# Environment: VENV (default .venv, created by `make setup` when missing),
#              BUILD_DIR (PyInstaller's work folder, default build/pyinstaller).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
# Folders given by the caller are taken from where they called; the defaults live in the clone.
OUT="$(absolute "${1:-$ROOT/dist}")"
WORK="$(absolute "${BUILD_DIR:-$ROOT/build/pyinstaller}")"
VENV="$(absolute "${VENV:-$ROOT/.venv}")"
cd "$ROOT"
started=$SECONDS

if [ ! -x "$VENV/bin/python" ] && [ ! -x "$VENV/Scripts/python.exe" ]; then
    echo "build.sh: no virtual environment in $VENV: creating it (make setup)" >&2
    make setup VENV="$VENV"
fi
BIN="$VENV/bin"
[ -d "$BIN" ] || BIN="$VENV/Scripts"  # Git Bash on Windows
PY="$BIN/python"

# The folder is built from the lock's exact versions, PyInstaller's included: a venv made by
# `make setup` already has them (about a second to confirm), another one gets them.
"$PY" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r requirements.lock

# Compiled translations: the build bundles the .qm files, never the .ts sources.
for ts in resources/i18n/relais_*.ts; do
    "$BIN/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT" --workpath "$WORK" installer/relais.spec

console="$OUT/relais/relais"
[ -x "$console" ] || console="$OUT/relais/relais-cli.exe"
# A fresh, throwaway store: the build machine's own data is never touched.
"$console" --self-check

echo "Built in $((SECONDS - started)) s: $(du -sh "$OUT/relais" | cut -f1) in $OUT/relais"
echo "Console: $console"
