# Installs the snapkey build tree PROJECT_BINARY_DIR into a scratch prefix, configures and builds
# examples/policy-tests against it with find_package, and runs its suite with CTest: any failing
# test of the suite fails this one. Then runs failure_demo, which fails on purpose, and compares
# what it prints with expected/failure.txt, which README.md and docs/testing.md must quote.
# SNAPKEY_UPDATE_GOLDEN=1 in the environment rewrites that file.
set(prefix ${BINARY_DIR}/prefix)
set(build ${BINARY_DIR}/build)
set(example ${SOURCE_DIR}/examples/policy-tests)
file(REMOVE_RECURSE ${BINARY_DIR})

include(${SOURCE_DIR}/cmake/SnapkeyRun.cmake)

run(${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${example} -B ${build}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${build})
run(${CMAKE_CTEST_COMMAND} --test-dir ${build} --output-on-failure)
message(STATUS "policy-tests:\n${out}")
# Every test ran: a suite that lost its tests would pass too.
string(REGEX MATCH "tests passed, 0 tests failed out of ([0-9]+)" summary "${out}")
if(NOT CMAKE_MATCH_1 GREATER_EQUAL 10)
  message(FATAL_ERROR "expected at least 10 tests in the suite, found: ${summary}")
endif()

# The failure demo must fail, and say what expected/failure.txt says.
execute_process(COMMAND ${build}/failure_demo --gtest_color=no
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(code EQUAL 0)
  message(FATAL_ERROR "failure_demo passed; it must fail:\n${out}")
endif()
# From the test's start to its end, without timings and with paths relative to the example.
string(FIND "${out}" "[ RUN      ]" begin)
string(FIND "${out}" "[  FAILED  ]" end)
math(EXPR length "${end} - ${begin}")
string(SUBSTRING "${out}" ${begin} ${length} failure)
string(REPLACE "${example}/" "" failure "${failure}")
set(expected ${example}/expected/failure.txt)
if(DEFINED ENV{SNAPKEY_UPDATE_GOLDEN} AND "$ENV{SNAPKEY_UPDATE_GOLDEN}" STREQUAL "1")
  file(WRITE ${expected} "${failure}")
  message(STATUS "updated ${expected}")
endif()
file(READ ${expected} want)
if(NOT failure STREQUAL want)
  file(WRITE ${BINARY_DIR}/failure.txt "${failure}")
  message(FATAL_ERROR "failure_demo's output differs from ${expected}:\n"
                      "diff -u ${expected} ${BINARY_DIR}/failure.txt")
endif()
# README.md and docs/testing.md quote it: they must quote it as it is.
foreach(doc ${example}/README.md ${SOURCE_DIR}/docs/testing.md)
  file(READ ${doc} text)
  string(FIND "${text}" "${failure}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${doc} does not quote ${expected} as it is; copy it in")
  endif()
endforeach()
