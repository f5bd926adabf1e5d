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

# Stripping (cmake --install --strip, and cpack, which the .deb is made with) strips the CLI but,
# for static libraries, nothing: their debug information is most of their size (hundreds of MB
# in a RelWithDebInfo build). Strip that too, as Debian's dh_strip does; the symbols stay.
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP AND NOT \"${CMAKE_STRIP}\" STREQUAL \"\")
    foreach(library $<TARGET_FILE_NAME:snapkey> $<TARGET_FILE_NAME:snapkey_io>
                    $<TARGET_FILE_NAME:snapkey_render>)
      execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug --enable-deterministic-archives
        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/\${library}\"
        COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()")

# pkg-config: snapkey.pc, for builds without CMake:
#   c++ -std=c++20 main.cpp $(pkg-config --cflags --libs --static snapkey)
# One file for the three libraries (the engine, snapkey::io and snapkey::render). They are
# static, so what they link privately is Requires.private, which --static adds: fmt, yaml-cpp and
# simdjson, whose Debian packages ship .pc files. The tree-sitter runtime and HCL grammar are
# objects inside libsnapkey_io.a (cmake/SnapkeyTreeSitter.cmake), as in the CMake package:
# nothing to install or list. The prefix is found from where the .pc file is (${pcfiledir}), so
# the file is right wherever the tree ends up: cmake --install --prefix, cpack's staging, the .deb.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SNAPKEY_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(SNAPKEY_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(SNAPKEY_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH _snapkey_pc_up /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
  string(REGEX REPLACE "/$" "" _snapkey_pc_up "${_snapkey_pc_up}")
  set(SNAPKEY_PC_PREFIX "\${pcfiledir}/${_snapkey_pc_up}")
  set(SNAPKEY_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(SNAPKEY_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/snapkey.pc.in ${PROJECT_BINARY_DIR}/snapkey.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/snapkey.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# With the CLI: its man page, and its bash and zsh completions where Debian's bash-completion
# and zsh look for them.
if(SNAPKEY_CLI)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/man/snapkey.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES ${PROJECT_SOURCE_DIR}/completions/snapkey.bash
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME snapkey)
  install(FILES ${PROJECT_SOURCE_DIR}/completions/_snapkey
          DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
endif()
