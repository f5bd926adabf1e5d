# snapkey_check_installed(ROOT): ROOT (an install prefix, or /usr of an unpacked .deb) holds what
# `cmake --install` installs: the CLI, which runs and says its version; its man page and bash and
# zsh completions, as in the sources; the headers; the three static libraries; the CMake package;
# the pkg-config file of this version. For the -P scripts of the packaging tests, which get the
# install directories from the build: -DVERSION= -DBINDIR= -DLIBDIR= -DINCLUDEDIR= -DMANDIR=
# -DDATADIR= (CMAKE_INSTALL_*DIR, relative) and -DSOURCE_DIR=.
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/SnapkeyRun.cmake)

function(snapkey_check_installed root)
  set(same_as_source
    ${MANDIR}/man1/snapkey.1=docs/man/snapkey.1
    ${DATADIR}/bash-completion/completions/snapkey=completions/snapkey.bash
    ${DATADIR}/zsh/vendor-completions/_snapkey=completions/_snapkey
    ${INCLUDEDIR}/snapkey/predict.hpp=include/snapkey/predict.hpp
    ${INCLUDEDIR}/snapkey/io/inputs.hpp=include/snapkey/io/inputs.hpp
    ${INCLUDEDIR}/snapkey/render/predictions.hpp=include/snapkey/render/predictions.hpp)
  foreach(pair ${same_as_source})
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 installed)
    list(GET pair 1 source)
    if(NOT EXISTS ${root}/${installed})
      message(FATAL_ERROR "not installed: ${root}/${installed}")
    endif()
    file(SHA256 ${root}/${installed} installed_hash)
    file(SHA256 ${SOURCE_DIR}/${source} source_hash)
    if(NOT installed_hash STREQUAL source_hash)
      message(FATAL_ERROR "${root}/${installed} is not ${source}")
    endif()
  endforeach()
  foreach(file ${INCLUDEDIR}/snapkey/version.hpp
               ${LIBDIR}/libsnapkey.a ${LIBDIR}/libsnapkey_io.a ${LIBDIR}/libsnapkey_render.a
               ${LIBDIR}/cmake/snapkey/snapkey-config.cmake
               ${LIBDIR}/cmake/snapkey/snapkey-config-version.cmake
               ${LIBDIR}/cmake/snapkey/snapkey-targets.cmake)
    if(NOT EXISTS ${root}/${file})
      message(FATAL_ERROR "not installed: ${root}/${file}")
    endif()
  endforeach()
  set(pc ${root}/${LIBDIR}/pkgconfig/snapkey.pc)
  if(NOT EXISTS ${pc})
    message(FATAL_ERROR "not installed: ${pc}")
  endif()
  file(STRINGS ${pc} pc_version REGEX "^Version: ")
  if(NOT pc_version STREQUAL "Version: ${VERSION}")
    message(FATAL_ERROR "${pc} says '${pc_version}', not Version: ${VERSION}")
  endif()
  run(${root}/${BINDIR}/snapkey --version)
  if(NOT out MATCHES "^snapkey ${VERSION}[ \n]")
    message(FATAL_ERROR "${root}/${BINDIR}/snapkey --version printed: ${out}")
  endif()
  message(STATUS "installed in ${root}: ${out}")
endfunction()
