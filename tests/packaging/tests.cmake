# The packaging tests, included from tests/CMakeLists.txt: the man page and the completion
# scripts against `snapkey --help`, and the Debian package. (example.consumer, in
# examples/examples.cmake, checks what `cmake --install` installs and the pkg-config file.)

find_program(SNAPKEY_PKG_CONFIG NAMES pkg-config pkgconf)
# Where the install puts things, for the -P scripts (tests/packaging/installed.cmake).
set(SNAPKEY_INSTALL_DIRS
  -DVERSION=${PROJECT_VERSION} -DBINDIR=${CMAKE_INSTALL_BINDIR} -DLIBDIR=${CMAKE_INSTALL_LIBDIR}
  -DINCLUDEDIR=${CMAKE_INSTALL_INCLUDEDIR} -DMANDIR=${CMAKE_INSTALL_MANDIR}
  -DDATADIR=${CMAKE_INSTALL_DATADIR})

if(SNAPKEY_CLI)
  find_program(SNAPKEY_BASH bash REQUIRED)
  # groff -ww renders docs/man/snapkey.1 without a warning, and its synopsis has every
  # subcommand and option of the CLI.
  add_test(NAME packaging.man
    COMMAND ${SNAPKEY_BASH} ${CMAKE_CURRENT_LIST_DIR}/man_test.sh $<TARGET_FILE:snapkey_cli>
            ${PROJECT_SOURCE_DIR}/docs/man/snapkey.1)
  # completions/: bash (with and without bash-completion) and zsh complete the CLI's subcommands,
  # options and formats.
  add_test(NAME packaging.completion
    COMMAND ${SNAPKEY_BASH} ${CMAKE_CURRENT_LIST_DIR}/completion_test.sh
            $<TARGET_FILE:snapkey_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(packaging.man packaging.completion PROPERTIES ENVIRONMENT "NO_COLOR=1")
endif()

if(SNAPKEY_INSTALL AND SNAPKEY_CLI)
  # cpack -G DEB, unpacked with dpkg -x: the files, the control fields, the CLI running.
  add_test(NAME packaging.deb
    COMMAND ${CMAKE_COMMAND}
            -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DPROJECT_BINARY_DIR=${PROJECT_BINARY_DIR}
            -DBINARY_DIR=${CMAKE_CURRENT_BINARY_DIR}/deb -DCPACK=${CMAKE_CPACK_COMMAND}
            -DCXX_COMPILER=${CMAKE_CXX_COMPILER} -DPKG_CONFIG=${SNAPKEY_PKG_CONFIG}
            ${SNAPKEY_INSTALL_DIRS}
            -P ${CMAKE_CURRENT_LIST_DIR}/deb.cmake)
  set_tests_properties(packaging.deb PROPERTIES TIMEOUT 600)
endif()
