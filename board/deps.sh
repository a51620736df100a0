#!/usr/bin/env bash
# Installs the Debian 12 packages Kring needs, when they are missing.
#   board/deps.sh build   to build and run Kring
#   board/deps.sh test    to build and run the test suite too
set -euo pipefail

build=(build-essential cmake pkg-config
       libsdl2-dev libsdl2-ttf-dev libsqlite3-dev libcairo2-dev libpango1.0-dev
       libjansson-dev libfribidi-dev libqrencode-dev libcups2-dev libsodium-dev libsystemd-dev libdrm-dev
       libmicrohttpd-dev)
# the tests read QR codes back with zbar, calendar files with python's
# icalendar (their repeats expanded with dateutil), and PDFs with poppler's tools, and print on a real print
# server of their own (cupsd); valgrind runs a session (tests/unsanitized.sh);
# libfiu's fiu-run makes writes and syncs fail; clang-format keeps the
# sources as .clang-format lays them out; e2fsprogs makes the file system
# a card test reads back raw (tests/card); xvfb is a real X server for
# the scenario that closes Kring's window as a window manager would;
# html5lib reads the phones' pages strictly, and chromium shows them as a
# 360-pixel phone does; the libraries of a NetworkManager the Wi-Fi
# scenario unpacks for itself and runs apart (tests/nm: never installed,
# so nothing starts managing this machine's network), with a D-Bus daemon
test=(zbar-tools python3-icalendar python3-dateutil python3-html5lib poppler-utils cups
      valgrind fiu-utils clang-format e2fsprogs xvfb chromium
      dbus-daemon libnm0 libndp0 libteamdctl0 libmm-glib0 libnewt0.52 libbluetooth3
      libcurl3-gnutls libpsl5)

want=("${build[@]}")
if [ "${1:-build}" = test ]; then
    want+=("${test[@]}")
fi

missing=()
for p in "${want[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
