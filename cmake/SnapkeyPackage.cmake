# cpack -G DEB: one Debian package of everything `cmake --install` installs: the CLI with its man
# page and completions, and the library (headers, static libraries, CMake package, pkg-config
# file). From a build tree:
#   cmake --build build && cpack -G DEB --config build/CPackConfig.cmake -B build/package
# The version is project()'s; the runtime dependencies are what dpkg-shlibdeps finds the CLI
# linked with (libfmt, libyaml-cpp, libsimdjson, libstdc++, ...). tests/packaging/deb.cmake builds
# the package, unpacks it and runs the CLI from it.
set(CPACK_PACKAGE_NAME snapkey)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR snapkey)
set(SNAPKEY_PACKAGE_MAINTAINER "snapkey maintainers <snapkey@example.invalid>" CACHE STRING
    "The Maintainer of the Debian package")
set(CPACK_PACKAGE_CONTACT "${SNAPKEY_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "predicts which KMS key encrypts AWS Backup and RDS recovery points")
# The extended description, after the summary (CPack adds that, and the leading spaces).
set(CPACK_PACKAGE_DESCRIPTION "\
snapkey predicts, offline and deterministically, which KMS key every Aurora/RDS
backup and every AWS Backup copy ends up encrypted with (cross-Region,
cross-account, chained, into logically air-gapped vaults), or why the copy job
will fail, and explains why, rule by rule. It reads scenario files, saved AWS
CLI output, Terraform plans and configurations and CloudFormation templates,
checks the design against a policy in CI (text, JSON, SARIF, JUnit, Markdown,
HTML), and compares the predictions with the copy jobs AWS ran.

This package holds the snapkey tool with its manual page and bash and zsh
completions, and the C++20 library (headers, static libraries, CMake package
and pkg-config file). Linking the library needs the -dev packages of fmt,
yaml-cpp and simdjson.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # snapkey_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# graphviz for `snapkey graph --format svg`; the -dev packages to link the static libraries.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS
    "graphviz, libfmt-dev, libyaml-cpp-dev, libsimdjson-dev, pkgconf | pkg-config, cmake")
# Strip the CLI, and the debug information of the static libraries (cmake/SnapkeyInstall.cmake).
set(CPACK_STRIP_FILES ON)

# Depends: from the libraries the CLI is linked with. CPack needs dpkg-shlibdeps (dpkg-dev) and
# file for that; scripts/install-deps.sh installs both.
find_program(SNAPKEY_DPKG_SHLIBDEPS dpkg-shlibdeps)
find_program(SNAPKEY_FILE file)
if(SNAPKEY_DPKG_SHLIBDEPS AND SNAPKEY_FILE)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps or file not found (apt-get install dpkg-dev file): a .deb made "
                 "with cpack will have no Depends")
endif()

set(CPACK_GENERATOR DEB)
# `make package_source`: the sources, without build trees, fetched dependencies or Git.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git(/|$)" "/\\\\.deps/" "/build[^/]*/" "/\\\\.cache/")
include(CPack)
