# Installing Kring and packaging it as a .deb (CPack), for the device.
#
#   cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=Release \
#         -DCMAKE_INSTALL_PREFIX=/usr -DKRING_DATA_DIR=/usr/share/kring
#   cmake --build build-deb && (cd build-deb && cpack)
#
# board/package-test.sh does this and checks the result; board/README.md
# says how it goes onto a board.

install(TARGETS kring kring-serve RUNTIME DESTINATION bin) # kring-serve beside kring: it finds it there
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/po ${CMAKE_SOURCE_DIR}/assets/plans
        DESTINATION share/kring/assets)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/fonts/ DESTINATION share/kring/fonts)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring.service ${CMAKE_SOURCE_DIR}/board/var-spool-cups.mount
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring.sysusers DESTINATION lib/sysusers.d
        RENAME kring.conf)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring.tmpfiles DESTINATION lib/tmpfiles.d
        RENAME kring.conf)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring.sysctl DESTINATION lib/sysctl.d
        RENAME 50-kring.conf)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring-polkit.rules DESTINATION share/polkit-1/rules.d
        RENAME 50-kring.rules)
install(FILES ${CMAKE_SOURCE_DIR}/board/kring-dnsmasq.conf
        DESTINATION /etc/NetworkManager/dnsmasq-shared.d RENAME kring.conf)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/PRIVACY.md
        DESTINATION share/doc/kring)
install(FILES ${CMAKE_SOURCE_DIR}/board/README.md DESTINATION share/doc/kring
        RENAME board-README.md)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kring)
set(CPACK_PACKAGE_VENDOR "Kring")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "touchscreen kiosk for the family group conference (familiegroepsplan)")
set(CPACK_PACKAGE_DESCRIPTION
    "Kring runs full screen on a small board in a family meeting room. A family and\n\
their network build their family group plan together by dragging people and\n\
goals on the screen, then print it or share it by QR code.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Kring <kring@localhost>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://localhost/kring")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "network-manager") # Kring's own Wi-Fi for the phones' pages
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/board/debian/postinst ${CMAKE_SOURCE_DIR}/board/debian/prerm
    ${CMAKE_SOURCE_DIR}/board/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
if(CMAKE_CROSSCOMPILING)
  # dpkg-shlibdeps cannot read foreign binaries here: the libraries by name
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${KRING_DEB_ARCH})
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libsdl2-2.0-0, libsdl2-ttf-2.0-0, libsqlite3-0, libsodium23, libcairo2, \
libpango-1.0-0, libpangocairo-1.0-0, libpangoft2-1.0-0, libfontconfig1, libjansson4, libfribidi0, \
libqrencode4, libcups2, libsystemd0, libdrm2, libmicrohttpd12, systemd")
else()
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd")
endif()
include(CPack)
