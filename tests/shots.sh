#!/usr/bin/env bash
# What the scenarios showed, kept and compared: every screenshot (*.png)
# and every widget dump (*.dump, and the .txt dumps scripts write) that
# the scenarios leave in build-test/test-output/.
#
#   bash tests/shots.sh record DIR     run the scenarios that draw, keep their output in DIR
#   bash tests/shots.sh compare A B    byte for byte; lists what differs, exit 1 if anything does
#
# For changes meant to move code without changing a pixel: record before,
# record after, compare. Runs on the test build (bash tests/run.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."
keep() { # the files that are what a person saw, from test-output to $1
    (cd build-test/test-output &&
        find . -type f \( -name '*.png' -o -name '*.dump' -o -name '*.txt' \) \
            ! -name 'stderr*' ! -path './qr_codes/*' ! -path './killed/*' ! -path './oom/*' |
        sort | while read -r f; do mkdir -p "$1/$(dirname "$f")"; cp "$f" "$1/$f"; done)
}
case "${1:-}" in
record)
    [ $# -eq 2 ] || { echo "usage: $0 record DIR" >&2; exit 2; }
    out=$(realpath -m "$2")
    rm -rf "$out" && mkdir -p "$out"
    cmake --build build-test -j"$(nproc)" >/dev/null
    # every scenario but those that kill, starve or storm Kring at random
    (cd build-test && ctest -j"$(nproc)" -R '^scenario\.' -E 'killed|oom|monkey' --output-on-failure >/dev/null) ||
        { echo "shots: a scenario failed; run bash tests/run.sh" >&2; exit 1; }
    keep "$out"
    echo "shots: $(find "$out" -type f | wc -l) files in $out"
    ;;
compare)
    [ $# -eq 3 ] || { echo "usage: $0 compare A B" >&2; exit 2; }
    if diff -rq "$2" "$3"; then
        echo "shots: the same ($(find "$2" -type f | wc -l) files)"
    else
        echo "shots: these differ" >&2
        exit 1
    fi
    ;;
*)
    echo "usage: $0 record DIR | compare A B" >&2
    exit 2
    ;;
esac
