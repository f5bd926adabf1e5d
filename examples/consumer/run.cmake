# Installs the snapkey build tree PROJECT_BINARY_DIR into a scratch prefix, builds
# examples/consumer against it with find_package, runs it on the article's first scenario and
# checks what it prints.
set(prefix ${BINARY_DIR}/prefix)
file(REMOVE_RECURSE ${BINARY_DIR})

include(${SOURCE_DIR}/cmake/SnapkeyRun.cmake)

run(${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${BINARY_DIR}/consumer
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${BINARY_DIR}/consumer)
run(${BINARY_DIR}/consumer/consumer ${SOURCE_DIR}/examples/article/1-mrk-default-vault.yaml)

string(FIND "${out}" "aurora@virginia-default encrypted alias/aws/rds R9" found)
if(found EQUAL -1)
  message(FATAL_ERROR "unexpected consumer output:\n${out}")
endif()
if(NOT EXISTS ${prefix}/bin/snapkey)
  message(FATAL_ERROR "the snapkey CLI was not installed")
endif()
message(STATUS "consumer output:\n${out}")
