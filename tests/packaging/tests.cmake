# The packaging tests, included from tests/CMakeLists.txt: the man page and the completion
# scripts against `snapkey --help`. (example.consumer, in examples/examples.cmake, checks what
# `cmake --install` installs and the pkg-config file.)

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
