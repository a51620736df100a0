#!/usr/bin/env bash
# Builds Kring and runs it in a window, with the plan it last had (or a
# fresh one). Options go to kring: bash app/run.sh --demo
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_SANITIZE=OFF >/dev/null
cmake --build build -j"$(nproc)"
exec ./build/kring "$@"
