# The SARIF validator's fixture: installs the npm packages pinned in package-lock.json (ajv,
# ajv-draft-04, ajv-formats) into the build tree with `npm ci`, never into the source tree. A
# stamp with the lock file's hash skips the install when node_modules already matches it, so a
# second `ctest` needs no registry.
#   cmake -DNPM=... -DSOURCE=tests/sarif -DBINARY=<build>/tests/sarif -P npm_ci.cmake
if(NOT NPM)
  message(FATAL_ERROR "npm not found: scripts/install-deps.sh installs Debian's npm")
endif()
file(MAKE_DIRECTORY ${BINARY})
file(COPY ${SOURCE}/package.json ${SOURCE}/package-lock.json DESTINATION ${BINARY})
file(SHA256 ${BINARY}/package-lock.json lock_hash)
set(stamp ${BINARY}/node_modules/.snapkey-lock-sha256)
if(EXISTS ${stamp})
  file(READ ${stamp} installed_hash)
  if(installed_hash STREQUAL lock_hash)
    message(STATUS "node_modules matches package-lock.json")
    return()
  endif()
endif()
execute_process(COMMAND ${NPM} ci --ignore-scripts --no-audit --no-fund --loglevel=error
                WORKING_DIRECTORY ${BINARY} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "npm ci in ${BINARY} failed (${result})")
endif()
file(WRITE ${stamp} ${lock_hash})
