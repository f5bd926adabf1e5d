# Configures, builds and runs tests/packaging/add-subdirectory against the snapkey source tree.
file(REMOVE_RECURSE ${BINARY_DIR})
include(${SOURCE_DIR}/cmake/SnapkeyRun.cmake)
# Debug: no optimiser, so building snapkey once more costs CI as little as it can.
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/packaging/add-subdirectory -B ${BINARY_DIR}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Debug -DSNAPKEY_SOURCE_DIR=${SOURCE_DIR})
run(${CMAKE_COMMAND} --build ${BINARY_DIR} -j2)
run(${BINARY_DIR}/design_test)
string(FIND "${out}" "[  PASSED  ] 1 test" passed)
if(passed EQUAL -1)
  message(FATAL_ERROR "unexpected output:\n${out}")
endif()
