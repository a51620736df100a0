#!/usr/bin/env bash
# What was promised holds against someone with the card: runs Kring on an
# ext4 file system of its own (a loop device), keeps one meeting and
# closes another, then reads the raw image as someone holding the card
# would (carve.c: every device key on it, every wrapped key after a
# record header or in a slot) and looks for the closed meeting's words in
# every encoding, and for any PDF. Then the kept meeting must still open,
# with the PIN.
#
# The meeting it closes is typed in, agreed, approved and printed, on a
# print server of the test's own (tests/cups/private.sh) whose spool is a
# tmpfs, as the package sets the device's (board/var-spool-cups.mount).
# CARD_SPOOL_ON_CARD=1 puts that spool on the card instead, which shows
# the check for a PDF bites: the printed plan is then found on the card.
#
#   run.sh KRING CARVE SCENARIOS OUT
#
# Each close is also cut short by a kill at each of its stages (after the
# key is wiped, the rows deleted, the deletion committed, the space
# wiped); the start after it must finish the close.
#
# Needs root and loop devices; says "skipped" (exit 77) where there are none.
set -uo pipefail
kring=$1 carve=$2 scenarios=$3 out=$4
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$out" && mkdir -p "$out"
# the card, its print server and spool in a folder of their own that CUPS's
# own user can reach, wherever the checkout is (a 0700 folder keeps the
# printer's backend out); what people look at stays in $out
work=$(mktemp -d /tmp/kring-card.XXXXXX) && chmod 0755 "$work"
img=$work/card.img mnt=$work/mnt
skip() { echo "card: skipped: $*"; exit 77; }
[ "$(id -u)" = 0 ] || skip "not root"
command -v mkfs.ext4 >/dev/null && command -v losetup >/dev/null || skip "no mkfs.ext4 or losetup"
truncate -s 32M "$img" && mkfs.ext4 -q -F "$img" >/dev/null 2>&1 || skip "mkfs.ext4 failed"
loop=$(losetup -f --show "$img" 2>/dev/null) || skip "no loop device"
mkdir -p "$mnt"
trap 'mountpoint -q "$mnt" && umount "$mnt"; losetup -d "$loop" 2>/dev/null; rm -rf "$work"' EXIT
mount "$loop" "$mnt" 2>/dev/null || skip "cannot mount a loop device"
[ -x /usr/sbin/cupsd ] || skip "no cupsd"
cups=$work/cups spool=$work/spool
if [ "${CARD_SPOOL_ON_CARD:-0}" = 1 ]; then
    spool=$mnt/spool
else
    mkdir -p "$spool" && mount -t tmpfs -o size=16M,mode=0755 kring-spool "$spool" ||
        skip "cannot mount a tmpfs"
fi
cleanup() {
    bash "$here/../cups/private.sh" stop "$cups"
    mountpoint -q "$spool" && umount "$spool"
    mountpoint -q "$mnt" && umount "$mnt"
    [ -n "${loop:-}" ] && losetup -d "$loop" 2>/dev/null
    cp "$cups/log/error_log" "$out/cups-error_log" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export CUPS_SERVER=$cups/cups.sock
bash "$here/../cups/private.sh" start "$cups" "$spool" &&
    lpadmin -p KringTest -v "kringfile:$cups/out/printed.pdf" -E -m raw >/dev/null 2>&1 &&
    lpadmin -d KringTest || { echo "card: the test's own print server did not start"; exit 1; }
db=$mnt/kring.db
fail=0
export SDL_VIDEODRIVER=dummy KRING_EPOCH=1795424400 KRING_TEST_RECOVERY_CODE=12345678901234567890
run() { # a headless Kring on the card
    "$kring" --headless --db "$db" --size 1280x800 "$@" >>"$out/stderr.txt" 2>&1
}
run --demo --script "$scenarios/keep_default.ks" || { echo "card: keeping the sample failed"; fail=1; }
run --script "$scenarios/card_close.ks" || { echo "card: the meeting to close failed"; fail=1; }
[ -s "$cups/out/printed.pdf" ] || { echo "card: the closed meeting's plan was not printed"; fail=1; }
# closes cut short by a kill at each stage, and the start after each
for stage in key rows committed wiped; do
    KRING_TEST_CLOSE_STOP=$stage run --script "$scenarios/card_close.ks"
    rc=$?
    [ $rc = 137 ] || { echo "card: the close was not killed at '$stage' (exit $rc)"; fail=1; }
    run --script "$scenarios/card_start.ks" ||
        { echo "card: after a close killed at '$stage' the meeting is still there"; fail=1; }
    grep -q "whose closing was cut short are erased now" "$out/stderr.txt" ||
        [ $stage = committed ] || [ $stage = wiped ] ||
        { echo "card: after a close killed at '$stage' nothing said it was finished"; fail=1; }
done
bash "$here/../cups/private.sh" stop "$cups"
sync
umount "$mnt"
losetup -d "$loop"
loop=
# the keys, and the words of both meetings in plain text
"$carve" "$img" 16 Zilvermeeuw Kraanvogelstraat Ijsvogelpad bloempot reservesleutel \
    >"$out/carved.txt" 2>"$out/carve.txt"
cat "$out/carve.txt"
if [ -s "$out/carved.txt" ]; then
    echo "card: with what is on the card someone can read (a meeting's key: id, where; a word: where):"
    cat "$out/carved.txt"
    fail=1
fi
# the kept meeting still opens, with the PIN
loop=$(losetup -f --show "$img") && mount "$loop" "$mnt" || { echo "card: cannot mount again"; exit 1; }
run --script "$scenarios/card_continue.ks" || { echo "card: the kept meeting did not open with the PIN"; fail=1; }
[ $fail = 0 ] && echo "card: nothing of the closed meeting opens; the kept one opens with the PIN"
exit $fail
