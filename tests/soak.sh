#!/usr/bin/env bash
# Soak: one Kring (built without sanitizers) makes, edits, shares, prints
# and closes meeting after meeting, while this script samples its resident
# memory, open files and database size. They must stay flat.
#   bash tests/soak.sh [ROUNDS]     (default 200; 20000 runs for hours)
# Prints the figures at the start, the middle and the end; exits non-zero
# when memory or open files grew by more than a margin, or the database
# kept growing.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-200}
bash board/deps.sh build
cmake -S . -B build-unsanitized -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRING_SANITIZE=OFF \
      -DKRING_TESTS=OFF >/dev/null
cmake --build build-unsanitized -j"$(nproc)" --target kring >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script=$work/soak.ks
{
    echo "# soak: $rounds meetings in a row"
    echo 'type "275318"'; echo 'key Return'; echo 'type "275318"'; echo 'key Return'
    for ((i = 1; i <= rounds; i++)); do
        cat <<ROUND
tap @new-meeting
type "275318"
key Return
tap @plan:1
tap @step:dream
tap @add:dream
type "Ronde $i van de soak"
tap @key:done
tap @step:network
drag @person:1 @ring:3:family 200
tap @undo
tap @step:share
tap @code:plan
tap @part-next
tap @code:person-7
tap @code:print
tap @print-start
wait 600
tap @coordinator
type "275318"
key Return
tap @close-meeting
tap @close-yes
pause 20
ROUND
    done
} > "$script"
db=$work/soak.db
SDL_VIDEODRIVER=dummy KRING_DATA_DIR="$PWD" CUPS_SERVER=/nonexistent \
    ./build-unsanitized/kring --headless --db "$db" --size 1280x800 --script "$script" \
    2>"$work/stderr.txt" &
pid=$!
samples=$work/samples.txt
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
    fds=$(ls /proc/$pid/fd 2>/dev/null | wc -l)
    size=$(( $(stat -c %s "$db" 2>/dev/null || echo 0) + $(stat -c %s "$db-wal" 2>/dev/null || echo 0) ))
    [ "$rss" -gt 0 ] && echo "$SECONDS $rss $fds $size" >> "$samples"
    sleep 1
done
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { cat "$work/stderr.txt"; echo "soak: Kring exited with $status" >&2; exit 1; }
n=$(wc -l < "$samples")
[ "$n" -ge 3 ] || { echo "soak: too short to measure ($n samples); give more rounds" >&2; exit 1; }
first=$(sed -n "$(( n / 10 + 1 ))p" "$samples")   # after start-up settled
middle=$(sed -n "$(( n / 2 ))p" "$samples")
last=$(tail -1 "$samples")
printf "%-8s %10s %10s %14s\n" when "RSS (KB)" "open files" "database (B)"
for row in "$first" "$middle" "$last"; do
    set -- $row
    printf "%-8s %10s %10s %14s\n" "${1}s" "$2" "$3" "$4"
done
max=$(awk 'BEGIN{m=0} {if ($2>m) m=$2} END{print m}' "$samples")
# a PIN entry briefly takes 32 MiB (the key of kept meetings): compare the
# lowest memory of the early part with the lowest of the last part
low() { awk -v a="$1" -v b="$2" 'NR>=a && NR<=b {if (m==0 || $2<m) m=$2} END{print m}' "$samples"; }
rss0=$(low $(( n / 10 + 1 )) $(( n / 3 + 1 )))
rss1=$(low $(( n * 2 / 3 )) "$n")
set -- $first; fd0=$3
set -- $last; fd1=$3; db1=$4
echo "rounds: $rounds, samples: $n, peak RSS: $max KB; lowest RSS early $rss0 KB, late $rss1 KB"
[ "$rss1" -le $(( rss0 + rss0 / 10 + 1024 )) ] || { echo "soak: memory grew" >&2; exit 1; }
[ "$fd1" -le $(( fd0 + 2 )) ] || { echo "soak: open files grew" >&2; exit 1; }
[ "$db1" -le 4194304 ] || { echo "soak: the database kept growing" >&2; exit 1; }
echo "soak: flat"
