#!/usr/bin/env bash
# Builds Kring's arm64 Debian package on an x86-64 Debian 12 machine and
# runs its unit tests under qemu-user. Installs what it needs (the arm64
# architecture for apt, Debian's cross compiler, the arm64 -dev packages,
# qemu-user-static); needs root or sudo.
#   bash board/cross-arm64.sh        ->  build-arm64/kring_VERSION_arm64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

libs=(libsdl2-dev libsdl2-ttf-dev libsqlite3-dev libcairo2-dev libpango1.0-dev
      libjansson-dev libfribidi-dev libqrencode-dev libcups2-dev libsodium-dev libsystemd-dev libdrm-dev libmicrohttpd-dev)
want=(crossbuild-essential-arm64 qemu-user-static cmake pkg-config dpkg-dev file)
for l in "${libs[@]}"; do want+=("$l:arm64"); done
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -q
fi
missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=board/arm64-toolchain.cmake \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DKRING_DATA_DIR=/usr/share/kring
cmake --build build-arm64 -j"$(nproc)"
what=$(file build-arm64/kring)
[[ $what == *"ARM aarch64"* ]] || { echo "cross-arm64: kring is not arm64: $what" >&2; exit 1; }
# the unit tests, each an arm64 program, under qemu (CMAKE_CROSSCOMPILING_EMULATOR);
# unit.pin also runs kring itself, through KRING_RUN
KRING_RUN="qemu-aarch64-static -L /usr/aarch64-linux-gnu" \
    bash -c 'cd build-arm64 && ctest --output-on-failure -R "^unit\."'
(cd build-arm64 && rm -f kring_*.deb && cpack >/dev/null)
deb=$(ls build-arm64/kring_*_arm64.deb)
info=$(dpkg-deb -I "$deb")
[[ $info == *"Architecture: arm64"* ]] || { echo "cross-arm64: $deb is not arm64" >&2; exit 1; }
echo "cross-arm64: $deb, unit tests passed under qemu"
