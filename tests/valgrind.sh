#!/usr/bin/env bash
# Runs a scripted session of Kring under valgrind's memcheck, on a build
# without sanitizers (they do not mix): no error, nothing definitely lost.
# CI runs it after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh test
cmake -S . -B build-valgrind -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_SANITIZE=OFF \
      -DKRING_TESTS=OFF >/dev/null
cmake --build build-valgrind -j"$(nproc)" --target kring >/dev/null
db=$(mktemp -d)/valgrind.db
SDL_VIDEODRIVER=dummy KRING_DATA_DIR="$PWD" \
valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
         --show-leak-kinds=definite --num-callers=30 --log-file=build-valgrind/memcheck.txt \
         ./build-valgrind/kring --headless --db "$db" --demo --size 1280x800 \
         --script tests/scenarios/valgrind.ks || {
    status=$?
    cat build-valgrind/memcheck.txt
    echo "valgrind: Kring exited with $status" >&2
    exit 1
}
rm -rf "$(dirname "$db")"
grep -E "ERROR SUMMARY|definitely lost" build-valgrind/memcheck.txt
echo "valgrind: no errors, nothing definitely lost"
