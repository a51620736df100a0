#!/usr/bin/env bash
# Fuzzes every parser of outside input with clang's libFuzzer (and ASan,
# UBSan), SECONDS each (default 60), then merges what it found into the
# corpus in tests/fuzz/corpus/ (which CTest replays on every run).
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]   targets: planfile script catalog edit share
# The coverage reached is printed at the start (INITED: the corpus as it
# is) and at the end (DONE) of each; an input that crashes a target is
# kept as build-fuzz/crashes/TARGET-crash-… (add it to the corpus with
# the fix, under a name that says what it is). Ten minutes each, as before a release:
#   bash tests/fuzz/run.sh 600
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(planfile script catalog edit share)
bash board/deps.sh build
if ! command -v clang >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q clang
fi
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DKRING_SANITIZE=ON -DKRING_FUZZ=ON >/dev/null
for t in "${targets[@]}"; do
    cmake --build build-fuzz -j"$(nproc)" --target "fuzz_$t" >/dev/null
done
for t in "${targets[@]}"; do
    corpus=tests/fuzz/corpus/$t
    work=build-fuzz/found-$t
    mkdir -p "$work"
    echo "== fuzz_$t for ${secs}s"
    # as long as the largest seed (the sample plan is 9,030 bytes): with a
    # shorter limit the plan fuzzer never got past the JSON syntax
    max=$(find "$corpus" -type f -printf '%s\n' | sort -n | tail -1)
    max=$(( ${max:-0} * 2 > 16384 ? ${max:-0} * 2 : 16384 ))
    # what crashes lands in build-fuzz/crashes/, never in the source tree
    mkdir -p build-fuzz/crashes
    ./build-fuzz/tests/fuzz_"$t" -max_total_time="$secs" -max_len="$max" -timeout=10 \
        -artifact_prefix=build-fuzz/crashes/"$t"- \
        -print_final_stats=1 "$work" "$corpus" 2>&1 | grep -E "INITED|DONE|stat::|ERROR|SUMMARY|Done|artifact" || true
    # keep the corpus small: only inputs that add coverage go in
    ./build-fuzz/tests/fuzz_"$t" -merge=1 "$corpus" "$work" 2>&1 | grep -E "MERGE-OUTER: [0-9]+ new" || true
done
