#!/usr/bin/env bash
# Builds Kring without sanitizers and runs kring-bench: speed and memory
# beside the product's budgets (README.md: Benchmark). Options go to kring-bench:
#   bash app/bench.sh --json bench.json
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh build
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_SANITIZE=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" --target kring kring-bench
exec ./build-bench/kring-bench "$@"
