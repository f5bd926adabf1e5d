# Installs the snapkey build tree PROJECT_BINARY_DIR into a scratch prefix, checks what is there
# (tests/packaging/installed.cmake), then builds examples/consumer against it twice: with
# find_package, and with pkg-config --static (PKG_CONFIG_PATH in the prefix), runs both on the
# article's first scenario and checks what they print.
set(prefix ${BINARY_DIR}/prefix)
file(REMOVE_RECURSE ${BINARY_DIR})

include(${SOURCE_DIR}/tests/packaging/installed.cmake)

run(${CMAKE_COMMAND} --install ${PROJECT_BINARY_DIR} --prefix ${prefix})
snapkey_check_installed(${prefix})

set(scenario ${SOURCE_DIR}/examples/article/1-mrk-default-vault.yaml)
function(check_consumer_output how)
  string(FIND "${out}" "aurora@virginia-default encrypted alias/aws/rds R9" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "unexpected output of the consumer built with ${how}:\n${out}")
  endif()
  message(STATUS "consumer built with ${how}:\n${out}")
endfunction()

run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/consumer -B ${BINARY_DIR}/consumer
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${BINARY_DIR}/consumer)
run(${BINARY_DIR}/consumer/consumer ${scenario})
check_consumer_output(find_package)

# The same main.cpp, built with what pkg-config says.
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config is missing: run scripts/install-deps.sh")
endif()
set(ENV{PKG_CONFIG_PATH} ${prefix}/${LIBDIR}/pkgconfig)
run(${PKG_CONFIG} --modversion snapkey)
if(NOT out STREQUAL "${VERSION}\n")
  message(FATAL_ERROR "pkg-config --modversion snapkey: ${out}")
endif()
run(${PKG_CONFIG} --cflags --libs --static snapkey)
message(STATUS "pkg-config --cflags --libs --static snapkey: ${out}")
separate_arguments(flags UNIX_COMMAND "${out}")
run(${CXX_COMPILER} -std=c++20 ${SOURCE_DIR}/examples/consumer/main.cpp ${flags}
    -o ${BINARY_DIR}/consumer-pkg-config)
run(${BINARY_DIR}/consumer-pkg-config ${scenario})
check_consumer_output(pkg-config)
