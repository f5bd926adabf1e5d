# Builds the Debian package of the build tree PROJECT_BINARY_DIR with cpack into a scratch
# directory, checks its control fields, unpacks it with dpkg -x, checks that everything
# `cmake --install` installs is in it (installed.cmake), runs the CLI from it, and builds
# examples/consumer against its libraries (stripped of their debug information) with its
# pkg-config file (which finds its prefix from where it is).
file(REMOVE_RECURSE ${BINARY_DIR})
include(${SOURCE_DIR}/tests/packaging/installed.cmake)

run(${CPACK} -G DEB --config ${PROJECT_BINARY_DIR}/CPackConfig.cmake -B ${BINARY_DIR})
file(GLOB deb ${BINARY_DIR}/*.deb)
list(LENGTH deb count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "cpack made ${count} .deb files in ${BINARY_DIR}: ${deb}")
endif()
file(SIZE ${deb} size)
math(EXPR size_mb "${size} / 1048576")
message(STATUS "${deb}: ${size_mb} MB")

find_program(DPKG_DEB dpkg-deb REQUIRED)
find_program(DPKG dpkg REQUIRED)
run(${DPKG_DEB} --field ${deb} Package Version Depends)
message(STATUS "control fields:\n${out}")
if(NOT out MATCHES "Package: snapkey\n" OR NOT out MATCHES "Version: ${VERSION}\n")
  message(FATAL_ERROR "unexpected Package or Version:\n${out}")
endif()
# Depends, from dpkg-shlibdeps: the shared libraries the CLI is linked with.
foreach(package libc6 libstdc\\+\\+6 libfmt libyaml-cpp libsimdjson)
  if(NOT out MATCHES "Depends: [^\n]*${package}")
    message(FATAL_ERROR "Depends does not name ${package} (is dpkg-dev installed?):\n${out}")
  endif()
endforeach()

set(root ${BINARY_DIR}/root)
run(${DPKG} -x ${deb} ${root})
snapkey_check_installed(${root}/usr)

set(ENV{NO_COLOR} 1)
run(${root}/usr/bin/snapkey predict ${SOURCE_DIR}/examples/article/1-mrk-default-vault.yaml)
string(FIND "${out}" "alias/aws/rds" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the packaged snapkey predicted:\n${out}")
endif()

if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config is missing: run scripts/install-deps.sh")
endif()
set(ENV{PKG_CONFIG_PATH} ${root}/usr/${LIBDIR}/pkgconfig)
run(${PKG_CONFIG} --cflags --libs --static snapkey)
separate_arguments(flags UNIX_COMMAND "${out}")
run(${CXX_COMPILER} -std=c++20 ${SOURCE_DIR}/examples/consumer/main.cpp ${flags}
    -o ${BINARY_DIR}/consumer)
run(${BINARY_DIR}/consumer ${SOURCE_DIR}/examples/article/1-mrk-default-vault.yaml)
string(FIND "${out}" "aurora@virginia-default encrypted alias/aws/rds R9" found)
if(found EQUAL -1)
  message(FATAL_ERROR "the consumer built against the package printed:\n${out}")
endif()
