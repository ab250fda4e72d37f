# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 FlexMigrate contributors
#
# Installation layout, translations, the embedded icon and CPack (issue 9).
# Included once from the top-level CMakeLists after app/ and emulator/ so it can
# attach to their targets (install(TARGETS) and target_sources() from another
# directory need CMake >= 3.13; qt_add_translations() from another directory
# needs >= 3.18, see Qt 6.4's qt_add_translations documentation).
#
# The freedesktop files use one application id everywhere: the .desktop file
# name, the AppStream <id>, the icon name and QGuiApplication::desktopFileName
# (AppStream spec, "Desktop Applications": the launchable desktop-id).

include_guard(GLOBAL)
include(GNUInstallDirs)

set(FLEXMIGRATE_APP_ID "org.flexmigrate.FlexMigrate")
set(FLEXMIGRATE_ICON_SIZES 16 24 32 48 64 128 256)
set(_fm_pkg_dir ${PROJECT_SOURCE_DIR}/packaging/linux)
set(_fm_icon_dir ${PROJECT_SOURCE_DIR}/resources/icons)

# --- Installed programs --------------------------------------------------------
# app/ installs flexmigrate itself; the emulator ships in the same package so a
# migration can be rehearsed without a subscription (README, "With the emulator").
if(TARGET flexmigrate-azure-emulator)
  install(TARGETS flexmigrate-azure-emulator RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

# --- Desktop integration (freedesktop) -----------------------------------------
if(TARGET flexmigrate)
  install(FILES ${_fm_pkg_dir}/${FLEXMIGRATE_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${_fm_pkg_dir}/${FLEXMIGRATE_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${_fm_icon_dir}/flexmigrate.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${FLEXMIGRATE_APP_ID}.svg)
  set(_fm_icon_pngs "")
  foreach(_size IN LISTS FLEXMIGRATE_ICON_SIZES)
    set(_png ${_fm_icon_dir}/hicolor/${_size}x${_size}/apps/flexmigrate.png)
    install(FILES ${_png} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps RENAME ${FLEXMIGRATE_APP_ID}.png)
    list(APPEND _fm_icon_pngs ${_png})
  endforeach()
  # Debian policy: documentation under /usr/share/doc/<package> (CMAKE_INSTALL_DOCDIR would use the project name).
  install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/emulator.md
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/flexmigrate)

  # The window icon comes from the binary's resources, so it shows on systems
  # (and in the Windows/macOS bundles) that have no hicolor theme installed.
  qt_add_resources(flexmigrate "flexmigrate_icons"
    PREFIX "/icons"
    BASE ${_fm_icon_dir}
    FILES ${_fm_icon_dir}/flexmigrate.svg ${_fm_icon_pngs})
  # app/translations.cpp: the translator for the system locale, the window icon and the desktop id.
  target_sources(flexmigrate PRIVATE ${PROJECT_SOURCE_DIR}/app/translations.h ${PROJECT_SOURCE_DIR}/app/translations.cpp)
  target_compile_definitions(flexmigrate PRIVATE FLEXMIGRATE_APP_ID="${FLEXMIGRATE_APP_ID}")

  # --- Translations (Qt Linguist) ----------------------------------------------
  # English is the source language; the .qm files are embedded under :/i18n and
  # app/translations.cpp picks one by the system locale. lupdate scans every
  # source of the GUI (app/ and wizard/), not only the executable's own files,
  # because most strings live in the wizard library.
  find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)
  file(GLOB_RECURSE FLEXMIGRATE_TR_SOURCES CONFIGURE_DEPENDS
       ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
       ${PROJECT_SOURCE_DIR}/wizard/*.cpp ${PROJECT_SOURCE_DIR}/wizard/*.h)
  list(SORT FLEXMIGRATE_TR_SOURCES)
  set(FLEXMIGRATE_TS_FILES
      ${PROJECT_SOURCE_DIR}/translations/flexmigrate_de.ts
      ${PROJECT_SOURCE_DIR}/translations/flexmigrate_ja.ts)
  # -no-obsolete: strings that left the sources leave the .ts files too, so the
  # translation test sees only live entries.
  qt_add_translations(flexmigrate
    TS_FILES ${FLEXMIGRATE_TS_FILES}
    SOURCES ${FLEXMIGRATE_TR_SOURCES}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    LUPDATE_OPTIONS -no-obsolete -locations relative)
  # The same list for tests/packaging (tst_translations runs lupdate on a copy).
  string(REPLACE ";" "\n" _fm_tr_list "${FLEXMIGRATE_TR_SOURCES}")
  file(WRITE ${PROJECT_BINARY_DIR}/flexmigrate_tr_sources.lst "${_fm_tr_list}\n")
endif()

# --- CPack -----------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "flexmigrate")
set(CPACK_PACKAGE_VENDOR "FlexMigrate contributors")
# Debian needs a maintainer address; the project has no mailing list yet (.invalid is reserved).
set(CPACK_PACKAGE_CONTACT "FlexMigrate contributors <maintainers@flexmigrate.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "FlexMigrate moves PostgreSQL databases from Azure Database for PostgreSQL Single Server to Flexible Server, and between any two PostgreSQL servers, while the source stays online. It ships the desktop wizard and dashboard, the flexmigrate command line and flexmigrate-azure-emulator, a local Azure endpoint for rehearsals.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "FlexMigrate")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_EXECUTABLES "flexmigrate" "FlexMigrate")

# Debian: shared-library dependencies come from dpkg-shlibdeps; what it cannot
# see is listed by hand: pg_dump (the direct engine's schema step), the xcb
# platform plugin (loaded at run time), and Qt's own translations of its
# standard buttons (QWizard's Back/Next).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "postgresql-client-15 | postgresql-client (>= 15), qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql-15, fonts-noto-cjk")

# Windows and macOS: see packaging/README.md (what is known to work, what is not).
if(WIN32)
  set(CPACK_GENERATOR "ZIP;NSIS;WIX")
  set(CPACK_NSIS_MUI_ICON "${_fm_icon_dir}/flexmigrate.ico")
  set(CPACK_NSIS_DISPLAY_NAME "FlexMigrate")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_WIX_UPGRADE_GUID "6F3C1A2E-8B4D-4E7A-9C21-5D0B7E9A4F13")
  set(CPACK_WIX_PRODUCT_ICON "${_fm_icon_dir}/flexmigrate.ico")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
else()
  set(CPACK_GENERATOR "DEB")
endif()
include(CPack)
