# Finds every dependency with find_package. A missing one stops CMake with the Debian package
# that provides it, so the fix is one apt-get away.
macro(snapkey_require package debian_package)
  find_package(${package} ${ARGN} QUIET)
  if(NOT ${package}_FOUND)
    message(FATAL_ERROR
      "snapkey needs ${package}. On Debian or Ubuntu: apt-get install ${debian_package}")
  endif()
endmacro()

snapkey_require(fmt libfmt-dev)
snapkey_require(yaml-cpp libyaml-cpp-dev)
snapkey_require(simdjson libsimdjson-dev)
if(SNAPKEY_CLI)
  snapkey_require(CLI11 libcli11-dev)
endif()
if(SNAPKEY_TEST)
  snapkey_require(GTest "googletest libgtest-dev libgmock-dev")
endif()
