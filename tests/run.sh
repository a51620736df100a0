#!/usr/bin/env bash
# Builds Kring with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the whole test suite. Screenshots: build-test/test-output/
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DKRING_SANITIZE=ON -DKRING_FAULT_HOOKS=ON >/dev/null
cmake --build build-test -j"$(nproc)"
cd build-test
ctest -j"$(nproc)" --output-on-failure
