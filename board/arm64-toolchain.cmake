# Cross-building Kring for arm64 (Raspberry Pi 4/5 class boards) on an
# x86-64 Debian 12 machine with Debian's cross compiler and the arm64
# libraries installed side by side (multiarch): board/cross-arm64.sh.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
# multiarch: the arm64 libraries live in /usr/lib/aarch64-linux-gnu beside
# the machine's own, and are found there by their architecture
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# pkg-config for the arm64 libraries, not the machine's own
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
# the unit tests run under qemu-user
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static -L /usr/aarch64-linux-gnu)
set(KRING_DEB_ARCH arm64 CACHE STRING "" FORCE)
