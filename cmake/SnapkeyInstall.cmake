# Install and export like {fmt}: headers, libraries, the CLI and a CMake package, so that a
# consumer does find_package(snapkey CONFIG REQUIRED) and links snapkey::snapkey (or snapkey::io).
include(CMakePackageConfigHelpers)
set(SNAPKEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/snapkey)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/snapkey DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_BINARY_DIR}/include/snapkey/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/snapkey)
install(TARGETS snapkey snapkey_io snapkey_render EXPORT snapkey-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(SNAPKEY_CLI)
  install(TARGETS snapkey_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
install(EXPORT snapkey-targets NAMESPACE snapkey:: DESTINATION ${SNAPKEY_CMAKE_DIR})
if(TARGET snapkey_testing)
  install(TARGETS snapkey_testing EXPORT snapkey-testing-targets)
  install(EXPORT snapkey-testing-targets NAMESPACE snapkey:: DESTINATION ${SNAPKEY_CMAKE_DIR})
endif()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/snapkey-config.cmake.in
  ${PROJECT_BINARY_DIR}/snapkey-config.cmake INSTALL_DESTINATION ${SNAPKEY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/snapkey-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/snapkey-config.cmake
              ${PROJECT_BINARY_DIR}/snapkey-config-version.cmake
        DESTINATION ${SNAPKEY_CMAKE_DIR})

# With the CLI: its man page, and its bash and zsh completions where Debian's bash-completion
# and zsh look for them.
if(SNAPKEY_CLI)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/man/snapkey.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${PROJECT_SOURCE_DIR}/completions/snapkey.bash
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME snapkey)
  install(FILES ${PROJECT_SOURCE_DIR}/completions/_snapkey
          DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endif()
