#!/usr/bin/env bash
# The checks that need Kring built without sanitizers (ASan mixes with
# neither): a scripted session under valgrind's memcheck (no error,
# nothing definitely lost), and the I/O faults of libfiu's fiu-run
# (scenario.io_faults, with the suite's scenario program from build-test:
# run bash tests/run.sh first). CI runs it after the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh test
cmake -S . -B build-unsanitized -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_SANITIZE=OFF \
      -DKRING_TESTS=OFF >/dev/null
cmake --build build-unsanitized -j"$(nproc)" --target kring >/dev/null
# the session in Dutch, then in Arabic (mirrored screens, right-to-left text)
for lang in nl ar; do
    db=$(mktemp -d)/valgrind.db
    SDL_VIDEODRIVER=dummy KRING_DATA_DIR="$PWD" \
    valgrind --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite \
             --show-leak-kinds=definite --num-callers=30 --log-file=build-unsanitized/memcheck.txt \
             ./build-unsanitized/kring --headless --db "$db" --demo --size 1280x800 --lang "$lang" \
             --script tests/scenarios/valgrind.ks || {
        status=$?
        cat build-unsanitized/memcheck.txt
        echo "valgrind ($lang): Kring exited with $status" >&2
        exit 1
    }
    rm -rf "$(dirname "$db")"
    grep -E "ERROR SUMMARY|definitely lost" build-unsanitized/memcheck.txt
done
echo "valgrind: no errors, nothing definitely lost"

# I/O errors: writes, syncs and truncates failing at random under fiu-run
out=build-test/test-output
./build-test/tests/scenario "$PWD/build-unsanitized/kring" "$PWD" "$PWD/$out" io_faults
