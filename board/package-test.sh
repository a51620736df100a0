#!/usr/bin/env bash
# Builds Kring's Debian package, installs it on this machine, and checks
# it the way the device runs it: the unit verified by systemd, the kring
# user and its 0700 data folder, the service enabled in place of tty1's
# login prompt, and Kring itself running as the kring user with nothing
# but the installed files (it writes a PDF of the sample plan).
#
# It installs a package and takes tty1's login prompt: run it in CI, a
# container or a board, not on a desktop you log into on tty1. Needs root
# or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash board/deps.sh build
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
need=()
for p in systemd dpkg-dev poppler-utils; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
fi

cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DKRING_DATA_DIR=/usr/share/kring -DKRING_TESTS=OFF >/dev/null
cmake --build build-deb -j"$(nproc)"
(cd build-deb && rm -f kring_*.deb && cpack >/dev/null)
deb=$(ls build-deb/kring_*_"$(dpkg --print-architecture)".deb)
echo "package: $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends --reinstall "./$deb"

fail() { echo "package-test: $*" >&2; exit 1; }
unit=/usr/lib/systemd/system/kring.service
out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $out"
# verify also speaks of other units on a machine without a running
# systemd; nothing it says may be about Kring's unit
if printf '%s\n' "$out" | grep -q "kring.service"; then
    fail "systemd-analyze verify: $out"
fi
# hardened to what Kring needs: an exposure of at most 3.0
exposure=$(systemd-analyze security --offline=yes "$unit" 2>/dev/null |
    sed -n 's/.*Overall exposure level for kring.service: \([0-9.]*\).*/\1/p')
echo "package-test: systemd-analyze security: ${exposure:-?}"
[ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN { exit !(e <= 3.0) }' ||
    fail "kring.service's exposure is ${exposure:-unknown}, more than 3.0"
getent passwd kring >/dev/null || fail "no kring user"
[ "$(stat -c '%a %U %G' /var/lib/kring)" = "700 kring kring" ] ||
    fail "/var/lib/kring is $(stat -c '%a %U %G' /var/lib/kring), not 700 kring kring"
[ -L /etc/systemd/system/multi-user.target.wants/kring.service ] || fail "kring.service not enabled"
spool=/usr/lib/systemd/system/var-spool-cups.mount
out=$(systemd-analyze verify "$spool" 2>&1)
if printf '%s\n' "$out" | grep -q "var-spool-cups"; then
    fail "systemd-analyze verify: $out"
fi
[ -L /etc/systemd/system/cups.service.wants/var-spool-cups.mount ] ||
    fail "CUPS's spool is not put in memory (var-spool-cups.mount not enabled)"
[ ! -e /etc/systemd/system/getty.target.wants/getty@tty1.service ] ||
    fail "getty@tty1 still starts at boot"
[ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] || fail "Ctrl+Alt+Del not masked"
v=$($sudo runuser -u kring -- /usr/bin/kring --version) || fail "kring --version as kring failed"
echo "as kring: $v"
$sudo rm -f /var/lib/kring/check.db* /var/lib/kring/check.pdf
$sudo runuser -u kring -- env -i SDL_VIDEODRIVER=dummy HOME=/var/lib/kring /usr/bin/kring \
    --headless --db /var/lib/kring/check.db --demo --export-pdf /var/lib/kring/check.pdf ||
    fail "kring could not write the sample plan's PDF with the installed files"
fonts=$(pdffonts /var/lib/kring/check.pdf)
text=$(pdftotext /var/lib/kring/check.pdf -)
[[ $fonts == *NotoSans* ]] || fail "the PDF has not Kring's fonts"
[[ $text == *"Plan van de familie Jansen"* ]] || fail "the PDF lacks the sample plan"
[ "$(stat -c '%a' /var/lib/kring/check.db)" = 600 ] || fail "the database is not the kring user's alone"
$sudo rm -f /var/lib/kring/check.db* /var/lib/kring/check.pdf
echo "package-test: all good"
