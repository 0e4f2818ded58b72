#!/usr/bin/env bash
# Build the one-folder program with PyInstaller, reproducibly, and print how long it took and its size.
#   packaging/build_frozen.sh PYTHON OUTDIR
# PYTHON: a Python whose environment has the Vertrouwd wheel (not editable) and pyinstaller installed
# (.ci/run makes one). Result: OUTDIR/dist/Vertrouwd/{Vertrouwd,vertrouwd-cli}.
set -euo pipefail
PY="$1"; OUT="$2"
HERE="$(cd "$(dirname "$0")" && pwd)"
# Same inputs give the same bytes: timestamps from the last commit, a fixed hash seed.
SOURCE_DATE_EPOCH="$(git -C "$HERE" log -1 --format=%ct 2>/dev/null || echo 1767225600)"
export SOURCE_DATE_EPOCH PYTHONHASHSEED=0
mkdir -p "$OUT"
start=$(date +%s)
(cd "$OUT" && "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/build" "$HERE/vertrouwd.spec")
end=$(date +%s)
echo "frozen build: $((end - start)) s, folder $(du -sm "$OUT/dist/Vertrouwd" | cut -f1) MiB" \
     "($(find "$OUT/dist/Vertrouwd" -type f | wc -l) files)"
